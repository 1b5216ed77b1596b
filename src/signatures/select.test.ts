// SPEC §4's `selected`: --target, then the one http/openwhisk/streaming candidate, then the one
// direct candidate or the one named Handle/Handler/Main; otherwise null and a diagnostic.
import { describe, expect, test } from 'vitest';
import { classifyPackage, selectFunction } from './index.js';
import { goPackage, useGoParser } from './test-helpers.js';

useGoParser();

function select(text: string, target?: string) {
  const pkg = goPackage(text);
  const { functions } = classifyPackage(pkg);
  return selectFunction(pkg, functions, target === undefined ? {} : { target });
}

const http = 'import "net/http"\n';
const handler = (name: string): string => `func ${name}(w http.ResponseWriter, r *http.Request) {}\n`;

describe('selection', () => {
  test.each([
    ['the only http function, over direct ones', `package fn\n${http}${handler('Serve')}func Main() {}\nfunc Upper(s string) string { return s }`, 'Serve'],
    ['the only streaming function', 'package fn\nfunc S(in <-chan int) <-chan int { return in }\nfunc Handle() {}', 'S'],
    ['the only direct function', 'package fn\nfunc Upper(s string) string { return s }\nfunc helper() {}', 'Upper'],
    ['the one direct function named Handle', 'package fn\nfunc Upper(s string) string { return s }\nfunc Handle() {}', 'Handle'],
    ['the one direct function named Handler', 'package fn\nfunc A() {}\nfunc Handler() error { return nil }', 'Handler'],
    ['the one direct function named Main', 'package fn\nfunc A() {}\nfunc Main() {}', 'Main'],
    ['a package main without func main', 'package main\nfunc Upper(s string) string { return s }', 'Upper'],
  ])('%s', (_, text, selected) => {
    expect(select(text)).toEqual({ selected, diagnostics: [] });
  });

  test('several specific candidates are ambiguous, listed in data and in related places', () => {
    const result = select(`package fn\n${http}${handler('A')}func S(in <-chan int) <-chan int { return in }\nfunc Handle() {}`);
    expect(result.selected).toBeNull();
    expect(result.diagnostics).toMatchObject([
      { code: 'ambiguous-candidates', severity: 'error', data: { candidates: ['A', 'S'] }, related: [{ message: 'candidate A (http)' }, { message: 'candidate S (streaming)' }] },
    ]);
    expect(result.diagnostics[0]!.message).toBe('2 functions could be served (A, S); choose one with --target NAME');
  });

  test('several direct candidates and no preferred name are ambiguous', () => {
    const result = select('package fn\nfunc A() {}\nfunc B() {}');
    expect(result).toMatchObject({ selected: null, diagnostics: [{ code: 'ambiguous-candidates', data: { candidates: ['A', 'B'] } }] });
  });

  test('two preferred names are ambiguous between them', () => {
    const result = select('package fn\nfunc A() {}\nfunc Handle() {}\nfunc Main() {}');
    expect(result).toMatchObject({ selected: null, diagnostics: [{ code: 'ambiguous-candidates', data: { candidates: ['Handle', 'Main'] } }] });
  });

  test('no candidates', () => {
    expect(select('package fn\nfunc helper() {}')).toMatchObject({ selected: null, diagnostics: [{ code: 'no-candidates', severity: 'error' }] });
  });
});

describe('--target', () => {
  test('a classified target is selected whatever else there is', () => {
    expect(select(`package fn\n${http}${handler('A')}func B() {}`, 'B')).toEqual({ selected: 'B', diagnostics: [] });
  });
  test('a target that does not exist', () => {
    expect(select('package fn\nfunc A() {}', 'Nope')).toMatchObject({
      selected: null,
      diagnostics: [{ code: 'target-not-found', severity: 'error', data: { target: 'Nope', candidates: ['A'] } }],
    });
  });
  test('a target that exists but cannot be served, reported at its name', () => {
    expect(select('package fn\nfunc A() {}\nfunc B(a, b int) {}', 'B')).toMatchObject({
      selected: null,
      diagnostics: [{ code: 'target-not-classified', range: { start: { line: 3, column: 6 } }, data: { target: 'B' } }],
    });
  });
});

describe('package main', () => {
  test('a program selects nothing and says why, at func main', () => {
    const result = select('package main\nfunc Upper(s string) string { return s }\nfunc main() {}', 'Upper');
    expect(result).toMatchObject({
      selected: null,
      diagnostics: [{ code: 'package-main', severity: 'warning', file: 'fn.go', range: { start: { line: 3, column: 6 } }, data: { candidates: ['Upper'] } }],
    });
  });
  test('a program still has its functions classified, and no unexported near misses', () => {
    const pkg = goPackage(`package main\n${http}func handle(w http.ResponseWriter, r *http.Request) {}\nfunc Upper(s string) string { return s }\nfunc main() {}`);
    expect(classifyPackage(pkg)).toMatchObject({ functions: [{ name: 'Upper' }], diagnostics: [] });
  });
});
