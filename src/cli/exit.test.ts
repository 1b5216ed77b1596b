import { describe, expect, test } from 'vitest';
import type { DetectResult } from '../schema.js';
import { exitCodeFor } from './exit.js';

function result(selected: string | null): DetectResult {
  return { dir: 'fn', package: { name: 'fn', importPath: null }, files: ['fn.go'], functions: [], selected, diagnostics: [] };
}

describe('exitCodeFor (SPEC §4)', () => {
  test('one package: 0 when a function is selected, 1 when none is', () => {
    expect(exitCodeFor({ output: result('Handle') })).toBe(0);
    expect(exitCodeFor({ output: result(null) })).toBe(1);
  });

  test('input that could not be read or used is 2', () => {
    expect(exitCodeFor({ error: 'fn: no such directory' })).toBe(2);
    expect(exitCodeFor({ output: result('Handle'), unusable: true })).toBe(2);
  });

  test('several packages: 0 if any has a selection, else 1, even with unreadable ones', () => {
    expect(exitCodeFor({ output: [result(null), result('F')] })).toBe(0);
    expect(exitCodeFor({ output: [result(null), result(null)] })).toBe(1);
    expect(exitCodeFor({ output: [{ dir: 'x', error: 'x: permission denied' }, result('F')] })).toBe(0);
    expect(exitCodeFor({ output: [{ dir: 'x', error: 'x: permission denied' }] })).toBe(1);
  });

  test('nothing matched is 1', () => {
    expect(exitCodeFor({ output: [] })).toBe(1);
  });
});
