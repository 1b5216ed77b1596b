import { describe, expect, test } from 'vitest';
import {
  type Expr,
  evaluate,
  parseGoBuildExpr,
  parsePlusBuildExpr,
  splitGoBuild,
  splitPlusBuild,
} from './constraint.js';

/** Prints an expression in Go's String() form, fully parenthesised, so tests can see the tree. */
function show(x: Expr | undefined): string {
  if (x === undefined) return '<too complex>';
  switch (x.op) {
    case 'tag':
      return x.tag;
    case 'not':
      return `!${show(x.x)}`;
    case 'and':
      return `(${show(x.x)} && ${show(x.y)})`;
    case 'or':
      return `(${show(x.x)} || ${show(x.y)})`;
  }
}

function goBuild(text: string): string {
  const parsed = parseGoBuildExpr(text);
  return 'error' in parsed ? `error: ${parsed.error}` : show(parsed.expr);
}

describe('splitGoBuild', () => {
  test.each([
    ['//go:build linux', 'linux'],
    ['//go:build  linux && amd64  ', 'linux && amd64'],
    ['//go:build', ''],
    ['//go:build\n', ''],
    ['//go:build\tlinux', 'linux'],
    ['//go:build\u00a0linux', 'linux'], // U+00A0 is space to Go
    ['//go:buildlinux', undefined],
    ['//go:build linux\nmore', undefined],
    [' //go:build linux', undefined], // callers trim first; the prefix must come first
    ['// go:build linux', undefined],
    ['//+build linux', undefined],
  ])('%j', (line, expected) => {
    expect(splitGoBuild(line)).toBe(expected);
  });
});

describe('splitPlusBuild', () => {
  test.each([
    ['// +build linux', 'linux'],
    ['//+build linux', 'linux'],
    ['//   +build   linux darwin  ', 'linux darwin'],
    ['// +build', ''],
    ['// +builder', undefined],
    ['// +build-in', undefined],
    ['/* +build linux */', undefined],
    ['// +build linux\nx', undefined],
  ])('%j', (line, expected) => {
    expect(splitPlusBuild(line)).toBe(expected);
  });
});

describe('parseGoBuildExpr', () => {
  test.each([
    ['linux', 'linux'],
    ['!windows && (amd64 || arm64)', '(!windows && (amd64 || arm64))'],
    ['a || b && c', '(a || (b && c))'],
    ['a && b || c && d', '((a && b) || (c && d))'],
    ['a || b || c', '((a || b) || c)'],
    ['!(a)', '!a'],
    ['((a))', 'a'],
    ['go1.21 && goexperiment.x_y', '(go1.21 && goexperiment.x_y)'],
    ['386', '386'],
    ['αβ && ٣', '(αβ && ٣)'], // letters and decimal digits of any script
    ['\ta\t&&\tb', '(a && b)'],
  ])('%j parses as %s', (text, expected) => {
    expect(goBuild(text)).toBe(expected);
  });

  test.each([
    ['', 'unexpected end of expression'],
    ['a &&', 'unexpected end of expression'],
    ['a b', 'unexpected token b'],
    ['a)', 'unexpected token )'],
    ['!!a', 'double negation not allowed'],
    ['(a', 'missing close paren'],
    ['(a && ', 'missing close paren'],
    ['(a b)', 'missing close paren'],
    ['a & b', 'invalid syntax at &'],
    ['a | b', 'invalid syntax at |'],
    ['a,b', 'invalid syntax at ,'],
    ['a-b', 'invalid syntax at -'],
    ['a &&& b', 'invalid syntax at &'],
    ['linux // comment', 'invalid syntax at /'],
    ['a\u00a0b', 'invalid syntax at \u00a0'], // only space and tab separate tokens
    ['😀', 'invalid syntax at 😀'],
    ['a || ()', 'unexpected token )'],
  ])('%j is a syntax error: %s', (text, message) => {
    expect(goBuild(text)).toBe(`error: ${message}`);
  });

  test('allows up to 1000 operands and rejects more, as Go does', () => {
    expect(goBuild(Array(1000).fill('a').join(' || '))).not.toMatch(/^error/);
    expect(goBuild(Array(1001).fill('a').join(' && '))).toBe('error: build expression too large');
    expect(goBuild('(a || '.repeat(1002))).toBe('error: build expression too large');
  });
});

describe('parsePlusBuildExpr', () => {
  test.each([
    ['linux', 'linux'],
    ['linux darwin', '(linux || darwin)'],
    ['linux,!cgo darwin', '((linux && !cgo) || darwin)'],
    ['a,b,c', '((a && b) && c)'],
    ['', 'ignore'],
    ['!!a', 'ignore'],
    ['!', 'ignore'],
    ['a-b', 'ignore'],
    ['!a-b', '!ignore'],
    ['a,', '(a && ignore)'],
    ['a\u0085b', '(a || b)'], // U+0085 separates fields in Go
  ])('%j parses as %s', (text, expected) => {
    expect(show(parsePlusBuildExpr(text))).toBe(expected);
  });

  test('allows 100 operators and gives up beyond, so Go skips the line', () => {
    expect(show(parsePlusBuildExpr(Array(101).fill('a').join(' ')))).not.toBe('<too complex>');
    expect(parsePlusBuildExpr(Array(102).fill('a').join(' '))).toBeUndefined();
    expect(parsePlusBuildExpr(Array(102).fill('a').join(','))).toBeUndefined();
  });
});

describe('evaluate', () => {
  const tags = new Set(['linux', 'amd64']);
  const ok = (tag: string) => tags.has(tag);
  test.each([
    ['linux && amd64', true],
    ['linux && !amd64', false],
    ['!windows && (amd64 || arm64)', true],
    ['windows || (linux && !(arm64 || 386))', true],
    ['!(linux && amd64)', false],
  ])('%j is %s on linux/amd64', (text, expected) => {
    const parsed = parseGoBuildExpr(text);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(evaluate(parsed.expr, ok)).toBe(expected);
  });
});
