import { describe, expect, test } from 'vitest';
import type { DetectResult } from '../schema.js';
import { formatText } from './text.js';

const range = (line: number) => ({
  start: { line, column: 1, offset: 0 },
  end: { line: line + 2, column: 2, offset: 10 },
});

const result: DetectResult = {
  dir: 'fn',
  package: { name: 'fn', importPath: 'example.com/fn' },
  files: ['fn.go'],
  functions: [
    { name: 'Handle', kind: 'http', returnsError: false, file: 'fn.go', range: range(7), guard: null },
    { name: 'Upper', kind: 'direct', form: 'function', returnsError: true, input: 'string', output: 'string', file: 'fn.go', range: range(12), guard: null },
  ],
  selected: 'Handle',
  diagnostics: [
    { code: 'no-import-path', severity: 'warning', message: 'no module line in go.mod gives the import path of fn' },
    { code: 'candidate-variadic', severity: 'warning', message: 'F is variadic', file: 'fn.go', range: range(20) },
  ],
};

describe('formatText', () => {
  test('one package: functions with kind and form, the selection, and diagnostics as compilers print them', () => {
    expect(formatText(result)).toBe(
      [
        'fn: package fn (example.com/fn)',
        '* Handle: http (fn/fn.go:7:1)',
        '  Upper: direct function, in string, out string, returns error (fn/fn.go:12:1)',
        '  selected: Handle',
        'fn: warning: no module line in go.mod gives the import path of fn [no-import-path]',
        'fn/fn.go:20:1: warning: F is variadic [candidate-variadic]',
        '',
      ].join('\n'),
    );
  });

  test('several packages are blocks; an unreadable one is one line; a package in . keeps bare file names', () => {
    const here: DetectResult = { ...result, dir: '.', functions: [], selected: null, diagnostics: [] };
    expect(formatText([here, { dir: 'x', error: 'x: permission denied' }])).toBe(
      '.: package fn (example.com/fn)\n  no servable functions\n  selected: none\n\nx: permission denied\n',
    );
  });

  test('nothing matched says so', () => {
    expect(formatText([])).toBe('no packages matched\n');
  });
});
