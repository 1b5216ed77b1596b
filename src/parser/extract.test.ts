import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile, extractTree, type ExtractedFile } from './extract.js';
import { scanDeclarations } from './prescan.js';
import { createGoParser, type GoParser } from './load.js';
import type { FuncDecl, Param, Position } from './model.js';
import { decodeSource } from './source.js';
import { extractWhole } from '../../test/support/extract-whole.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

function extract(text: string | Uint8Array, name = 'f.go'): ExtractedFile {
  return extractFile(parser, decodeSource(name, text));
}

/** Every declaration, for the mapping of signatures that detection would leave out. */
function whole(text: string): ExtractedFile {
  return extractWhole(parser, decodeSource('f.go', text));
}

function func(file: ExtractedFile, name: string): FuncDecl {
  const found = file.funcs.find((f) => f.name === name);
  if (!found) throw new Error(`no func ${name} in ${file.funcs.map((f) => f.name).join(', ')}`);
  return found;
}

/** [name, type text] per parameter: the shape most assertions care about. */
function shape(params: Param[]): [string | null, string][] {
  return params.map((p) => [p.name, p.type.text]);
}

/** The go/token position of the `occurrence`-th `needle` in `text`, computed independently with TextEncoder. */
function at(text: string, needle: string, occurrence = 1, leadingBytes = 0): Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not found`);
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const line = text.slice(0, index).split('\n').length;
  const offset = leadingBytes + bytes(text.slice(0, index));
  const column = bytes(text.slice(lineStart, index)) + 1 + (line === 1 ? leadingBytes : 0);
  return { line, column, offset };
}

function after(text: string, needle: string, occurrence = 1): Position {
  const start = at(text, needle, occurrence);
  const bytes = new TextEncoder().encode(needle).length;
  return { line: start.line, column: start.column + bytes, offset: start.offset + bytes };
}

describe('positions are go/token positions in bytes of the file', () => {
  const text = 'package p\n\n// héllo 日本語 🎉\nvar s = "ünï 🎉"\nfunc Ünïcode(ä int) (日 string) {}\n';

  test.each([
    ['a string', text],
    ['the same bytes', new TextEncoder().encode(text)],
  ])('non-ASCII comments, strings and identifiers before and in a function (%s)', (_, input) => {
    const fn = func(extract(input), 'Ünïcode');
    expect(fn.range).toEqual({ start: at(text, 'func Ü'), end: after(text, '{}') });
    expect(fn.nameRange).toEqual({ start: at(text, 'Ünïcode'), end: after(text, 'Ünïcode') });
    expect(fn.paramsRange).toEqual({ start: at(text, '(ä'), end: after(text, 'int)') });
    expect(fn.resultsRange).toEqual({ start: at(text, '(日'), end: after(text, 'string)') });
    expect(fn.params[0]!.range).toEqual({ start: at(text, 'ä'), end: after(text, 'ä int') });
    expect(fn.range.start).toEqual({ line: 5, column: 1, offset: 57 });
    expect(fn.nameRange.end).toEqual({ line: 5, column: 15, offset: 71 });
  });

  test('a byte order mark is skipped but counted in offsets and line-1 columns', () => {
    const body = 'package p; func F() {}\nfunc G() {}\n';
    for (const input of ['\ufeff' + body, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)])]) {
      const file = extract(input);
      expect(file.file.packageName).toBe('p');
      expect(file.packageClause!.start).toEqual({ line: 1, column: 4, offset: 3 });
      expect(func(file, 'F').range.start).toEqual({ line: 1, column: 15, offset: 14 });
      expect(func(file, 'G').range.start).toEqual({ line: 2, column: 1, offset: 26 });
    }
  });

  test('CRLF line ends: the \\r counts in columns and offsets', () => {
    const text = 'package p\r\n\r\n// é\r\nfunc F(a int) {\r\n}\r\n';
    const fn = func(extract(text), 'F');
    expect(fn.range).toEqual({ start: { line: 4, column: 1, offset: 20 }, end: { line: 5, column: 2, offset: 38 } });
    expect(fn.paramsRange.end).toEqual({ line: 4, column: 14, offset: 33 });
  });

  test('invalid UTF-8 before a function: offsets stay exact byte offsets of the original', () => {
    const head = new TextEncoder().encode('package p\n// ');
    const bad = [0xff, 0xc3, 0x28, 0xe6, 0x97, 0xed, 0xa0, 0x80, 0xf8, 0xc0, 0xaf];
    const tail = new TextEncoder().encode(' é\nfunc F() {}\n');
    const bytes = new Uint8Array([...head, ...bad, ...tail]);
    const fn = func(extract(bytes), 'F');
    const start = head.length + bad.length + 4;
    expect(fn.range).toEqual({
      start: { line: 3, column: 1, offset: start },
      end: { line: 3, column: 12, offset: start + 11 },
    });
  });

  test('a surrogate pair and a lone surrogate in a string', () => {
    const text = 'package p\nvar s = "🎉\ud800x"; func F() {}\n';
    expect(func(extract(text), 'F').nameRange.start).toEqual({ line: 2, column: 26, offset: 35 });
  });
});

describe('functions and methods', () => {
  test.each<[string, string, [string | null, string][], [string | null, string][], boolean]>([
    ['grouped names', 'func F(a, b string, c int) {}', [['a', 'string'], ['b', 'string'], ['c', 'int']], [], false],
    ['unnamed params', 'func F(int, *http.Request) error', [[null, 'int'], [null, '*http.Request']], [[null, 'error']], false],
    ['blank params', 'func F(_ int, _ string) {}', [['_', 'int'], ['_', 'string']], [], false],
    ['variadic', 'func F(format string, args ...any) {}', [['format', 'string'], ['args', 'any']], [], true],
    ['unnamed variadic', 'func F(...[]int) {}', [[null, '[]int']], [], true],
    ['named results', 'func F() (n int, err error) { return }', [], [['n', 'int'], ['err', 'error']], false],
    ['grouped results', 'func F() (a, b int) { return }', [], [['a', 'int'], ['b', 'int']], false],
    ['a single result type', 'func F() <-chan int { return nil }', [], [[null, '<-chan int']], false],
    ['a parenthesised single result', 'func F() (int) { return 0 }', [], [[null, 'int']], false],
    ['no params', 'func F() {}', [], [], false],
    [
      'a long group tree-sitter splits',
      'func F(a, b, c, d, e, f, g, h, i, j, k int64) {}',
      'abcdefghijk'.split('').map((n) => [n, 'int64']),
      [],
      false,
    ],
    [
      'a long group after a named param',
      'func F(t *T, expected, a, b float64) {}',
      [['t', '*T'], ['expected', 'float64'], ['a', 'float64'], ['b', 'float64']],
      [],
      false,
    ],
  ])('%s', (_, source, params, results, variadic) => {
    const fn = func(whole(`package p\n${source}\n`), 'F');
    expect(shape(fn.params)).toEqual(params);
    expect(shape(fn.results)).toEqual(results);
    expect(fn.variadic).toBe(variadic);
    expect(fn.receiver).toBeNull();
  });

  test('grouped params share one type and each spans from its name to the type end', () => {
    const text = 'package p\nfunc F(a, b string) {}\n';
    const [a, b] = func(extract(text), 'F').params;
    expect(a!.type).toBe(b!.type);
    expect(a!.range).toEqual({ start: at(text, 'a,'), end: after(text, 'string') });
    expect(b!.range).toEqual({ start: at(text, 'b '), end: after(text, 'string') });
  });

  test('methods carry their receiver type and are not declared names', () => {
    const file = whole('package p\nfunc (s *S) M() {}\nfunc (List[T]) N() {}\nfunc (*Box[K, V]) O() {}\n');
    expect(file.funcs.map((f) => [f.name, f.receiver?.kind, f.receiver?.text])).toEqual([
      ['M', 'pointer', '*S'],
      ['N', 'generic', 'List[T]'],
      ['O', 'pointer', '*Box[K, V]'],
    ]);
    expect(file.file.declaredNames).toEqual([]);
  });

  test('generic functions list their type parameter names', () => {
    const fn = func(extract('package p\nfunc F[K comparable, V, W any](m map[K]V) W { var w W; return w }\n'), 'F');
    expect(fn.typeParams).toEqual(['K', 'V', 'W']);
    expect(shape(fn.params)).toEqual([['m', 'map[K]V']]);
  });

  test('a function without a body ends with its signature', () => {
    const text = 'package p\nfunc F(a int) (int, error)\n';
    expect(func(extract(text), 'F').range).toEqual({ start: at(text, 'func'), end: after(text, 'error)') });
  });
});

describe('package clause, imports and declared names', () => {
  test('imports: explicit, dot, blank, raw, escaped, and import "C"', () => {
    const file = extract(
      'package p\nimport "fmt"\nimport (\n\tnethttp "net/http"\n\t. "strings"\n\t_ "embed"\n\t`io`\n\t"net\\x2furl"\n\t"C"\n)\n',
    );
    expect(file.file.imports.map((i) => [i.name, i.path])).toEqual([
      [null, 'fmt'],
      ['nethttp', 'net/http'],
      ['.', 'strings'],
      ['_', 'embed'],
      [null, 'io'],
      [null, 'net/url'],
      [null, 'C'],
    ]);
    expect(file.importsC).toBe(true);
    expect(extract('package p\nimport "fmt"\n').importsC).toBe(false);
  });

  test('the package clause and its range', () => {
    const text = '// Package p.\npackage p // trailing\n';
    const file = extract(text);
    expect(file.file.packageName).toBe('p');
    expect(file.packageClause).toEqual({ start: at(text, 'package'), end: after(text, 'package p') });
  });

  test('no package clause', () => {
    const file = extract('func F() {}\n');
    expect(file.packageClause).toBeNull();
    expect(file.file.packageName).toBe('');
    expect(file.funcs.map((f) => f.name)).toEqual(['F']);
  });

  test('declared names: types, funcs, vars and consts, grouped or not, without methods or `_`', () => {
    const file = extract(
      'package p\ntype A int\ntype (\n\tB = A\n\tC[T any] struct{}\n)\nfunc F() {}\nfunc (A) M() {}\nfunc _() {}\n' +
        'var v, _ = 1, 2\nvar (\n\tw int\n\tx, y = 3, 4\n)\nconst c = 1\nconst (\n\td = iota\n\te\n)\n',
    );
    expect(file.file.declaredNames).toEqual(['A', 'B', 'C', 'F', 'v', 'w', 'x', 'y', 'c', 'd', 'e']);
  });
});

describe('type declarations', () => {
  test('aliases, defined types, generics and groups', () => {
    const text = 'package p\ntype W = http.ResponseWriter\ntype R http.Request\ntype (\n\tL[T any] []T\n\tA[T any] = L[T]\n)\n';
    const file = extract(text);
    expect(file.types.map((t) => [t.name, t.alias, t.typeParams, t.type.kind, t.type.text])).toEqual([
      ['W', true, [], 'qualified', 'http.ResponseWriter'],
      ['R', false, [], 'qualified', 'http.Request'],
      ['L', false, ['T'], 'slice', '[]T'],
      ['A', true, ['T'], 'generic', 'L[T]'],
    ]);
    expect(file.types[2]!.range).toEqual({ start: at(text, 'L[T any]'), end: after(text, '[]T') });
    expect(file.types.every((t) => t.file === 'f.go')).toBe(true);
  });

  test('an array type is not mistaken for a generic one', () => {
    const file = extract('package p\ntype A [N]int\n');
    expect(file.types.map((t) => [t.typeParams, t.type.kind, t.type.text])).toEqual([[[], 'array', '[N]int']]);
  });
});

describe('syntax problems', () => {
  test('an error in one body leaves every signature intact, and goes unseen: bodies are not parsed', () => {
    const text = 'package p\nfunc Bad() { x := ; }\nfunc Good(s string) (int, error) { return 0, nil }\n';
    const file = extract(text);
    expect(file.funcs.map((f) => f.name)).toEqual(['Bad', 'Good']);
    expect(shape(func(file, 'Good').results)).toEqual([[null, 'int'], [null, 'error']]);
    expect(file.syntaxProblems).toEqual([]);
  });

  // Damage inside a body whose delimiters balance is not parsed, so it is not reported.
  test.each([
    ['an unterminated string', 'func A() { s := "open\n}', false],
    ['an unclosed call', 'func A() { f( }', true],
    ['a stray comma', 'func A() { x := []int{1, 2,, 3} }', false],
    ['an extra `}`', 'func A() { for { } } }', true],
    ['garbage between declarations', '@@@ garbage ###', true],
    ['a broken struct type, whose fields are not read', 'type T struct { A int B string }', false],
    ['a broken go statement', 'func A() { go func() { }) }', true],
  ])('damage elsewhere (%s) leaves the next signature intact', (_, damage, reported) => {
    const file = extract(`package p\n${damage}\nfunc B(x int) string { return "" }\n`);
    expect(file.syntaxProblems.length > 0).toBe(reported);
    const fn = func(file, 'B');
    expect([shape(fn.params), shape(fn.results)]).toEqual([[['x', 'int']], [[null, 'string']]]);
    expect(fn.range.start.column).toBe(1);
  });

  test('a missing `}` at the end of the file', () => {
    const text = 'package p\nfunc Good() {}\nfunc Open() {\n\tif x {\n';
    const file = extract(text);
    expect(file.funcs.map((f) => f.name)).toEqual(['Good', 'Open']);
    expect(func(file, 'Open').range).toEqual({ start: at(text, 'func', 2), end: after(text, 'Open()') });
    expect(file.syntaxProblems.length).toBeGreaterThan(0);
    expect(file.syntaxProblems[0]!.range.start).toEqual(at(text, '{', 2));
  });

  test('a missing `)` is reported with its token and the signature still reads', () => {
    const text = 'package p\nfunc H(w http.ResponseWriter, r *http.Request {\n}\n';
    const file = extract(text);
    expect(shape(func(file, 'H').params)).toEqual([['w', 'http.ResponseWriter'], ['r', '*http.Request']]);
    expect(file.syntaxProblems).toEqual([
      { file: 'f.go', range: { start: after(text, 'Request'), end: after(text, 'Request') }, missing: ')' },
    ]);
  });

  test('a NUL byte is a syntax problem too', () => {
    const file = extract('package p\nfunc F(x\0 int) {}\n');
    expect(file.syntaxProblems.map((p) => [p.range.start.offset, p.missing])).toEqual([[18, null]]);
  });

  test('a NUL inside a body is parsed, not left out, so tree-sitter reports it', () => {
    const file = extract('package p\n\nfunc F() {\n\tx := "a\0b"\n}\n');
    expect(file.syntaxProblems.map((p) => p.range.start.line)).toContain(4);
  });

  test('a clean file has no problems', () => {
    expect(extract('package p\nfunc F() {}\n').syntaxProblems).toEqual([]);
  });
});

test('extractTree reads a tree a session already holds, as extractFile would', () => {
  const source = decodeSource('s.go', 'package p\n// é\nfunc F(x int) {}\nfunc g(a, b, c int) {}\nvar v = 1\n');
  const scan = scanDeclarations(source.text);
  const tree = parser.treeSitter.parse(source.text, null, { includedRanges: scan.ranges })!;
  try {
    // A left-out function's range is worked out when asked, by a function of its own.
    const asked = (file: ExtractedFile) => ({ ...file, leftOutFuncs: file.leftOutFuncs.map((fn) => ({ ...fn, nameRange: fn.nameRange() })) });
    const fromFile = asked(extractFile(parser, source));
    expect(fromFile.leftOutFuncs.map((fn) => [fn.name, fn.nameRange.start.line])).toEqual([['g', 4]]);
    expect(asked(extractTree(tree, source, scan))).toEqual(fromFile);
  } finally {
    tree.delete();
  }
});

describe('robustness: never throws', () => {
  const nested = (open: string, n: number) => `package p\nfunc F(x ${open.repeat(n)}int) {}\n`;

  test.each([
    ['10,000 nested pointers', nested('*', 10_000)],
    ['10,000 nested slices', nested('[]', 10_000)],
    ['10,000 nested parentheses', `package p\nfunc F(x ${'('.repeat(10_000)}int${')'.repeat(10_000)}) {}\n`],
    ['10,000 nested func types', `package p\nfunc F(x ${'func('.repeat(10_000)}${')'.repeat(10_000)}) {}\n`],
    ['garbage', '}{)(][ func func ( package . "'.repeat(200)],
    ['300,000 stray tokens', `package p\n${') '.repeat(300_000)}\nfunc F() {}\n`],
    ['an empty file', ''],
    ['only a BOM', '\ufeff'],
  ])('%s', (_, text) => {
    const file = extract(text);
    expect(file.file.name).toBe('f.go');
  });

  test('deep types become unknown past the depth cap, with their text', () => {
    const fn = func(extract(nested('*', 10_000)), 'F');
    let type = fn.params[0]!.type;
    let depth = 0;
    while (type.kind === 'pointer') {
      type = type.elem;
      depth++;
    }
    expect(type.kind).toBe('unknown');
    expect(depth).toBeGreaterThan(50);
    expect(type.text).toMatch(/^\*+int$/);
  });

  test('random bytes', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 30; round++) {
      const bytes = Uint8Array.from({ length: 2000 }, () => Math.floor(random() * 256));
      expect(() => extract(bytes)).not.toThrow();
    }
  });
});
