import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractFile } from './extract.js';
import { createGoParser, type GoParser } from './load.js';
import type { TypeExpr } from './model.js';
import { decodeSource } from './source.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

/** The TypeExpr of `x` in `func F(x <source>)`. */
function typeOf(source: string): TypeExpr {
  const file = extractFile(parser, decodeSource('t.go', `package p\n\nfunc F(x ${source}) {}\n`));
  return file.funcs[0]!.params[0]!.type;
}

describe('every type kind, and its text with gofmt spacing', () => {
  test.each<[string, TypeExpr['kind'], string]>([
    ['int', 'name', 'int'],
    ['http.Request', 'qualified', 'http.Request'],
    ['* http.Request', 'pointer', '*http.Request'],
    ['[ ]byte', 'slice', '[]byte'],
    ['[4]int', 'array', '[4]int'],
    ['[ N+1 ]int', 'array', '[N + 1]int'],
    ['[len(x)]int', 'array', '[len(x)]int'],
    ['map [ string ]  int', 'map', 'map[string]int'],
    ['chan X', 'chan', 'chan X'],
    ['<- chan X', 'chan', '<-chan X'],
    ['chan <- X', 'chan', 'chan<- X'],
    ['chan (<-chan int)', 'chan', 'chan (<-chan int)'],
    ['chan<- chan int', 'chan', 'chan<- chan int'],
    ['func(int) (string, error)', 'func', 'func(int) (string, error)'],
    ['func( a , b int )string', 'func', 'func(a, b int) string'],
    ['func(...string)', 'func', 'func(...string)'],
    ['func()', 'func', 'func()'],
    ['interface{}', 'interface', 'interface{}'],
    ['interface {  }', 'interface', 'interface{}'],
    ['interface{ M() }', 'interface', 'interface{ M() }'],
    ['interface{\n\tio.Reader\n\tClose() error\n}', 'interface', 'interface{ io.Reader; Close() error }'],
    ['interface{ ~int | string }', 'interface', 'interface{ ~int | string }'],
    ['struct{}', 'struct', 'struct{}'],
    ['struct { A  int }', 'struct', 'struct{ A int }'],
    ['struct{\n\tA, B int `json:"a"`\n\t*Embedded\n\tio.Reader\n}', 'struct', 'struct{ A, B int `json:"a"`; *Embedded; io.Reader }'],
    ['List[int]', 'generic', 'List[int]'],
    ['pkg.Map[ string,int ]', 'generic', 'pkg.Map[string, int]'],
    ['(int)', 'name', '(int)'],
    ['((int))', 'name', '(int)'],
    ['(*T)', 'pointer', '(*T)'],
    ['[]map[string][]*T', 'slice', '[]map[string][]*T'],
  ])('%j', (source, kind, text) => {
    const type = typeOf(source);
    expect(type.kind).toBe(kind);
    expect(type.text).toBe(text);
  });
});

describe('the parts of each kind', () => {
  test('qualified names', () => {
    expect(typeOf('nethttp.Request')).toMatchObject({ kind: 'qualified', qualifier: 'nethttp', name: 'Request' });
  });

  test('channel directions come from the order of `<-` and `chan`', () => {
    expect(['chan int', '<-chan int', 'chan<- int'].map((s) => (typeOf(s) as { dir: string }).dir)).toEqual([
      'both',
      'recv',
      'send',
    ]);
    const nested = typeOf('chan<- <-chan int');
    expect(nested).toMatchObject({ kind: 'chan', dir: 'send', elem: { kind: 'chan', dir: 'recv' } });
  });

  test('maps, pointers, slices and arrays expose their elements', () => {
    expect(typeOf('map[string]*T')).toMatchObject({
      key: { kind: 'name', name: 'string' },
      value: { kind: 'pointer', elem: { kind: 'name', name: 'T' } },
    });
    expect(typeOf('[3][]T')).toMatchObject({ kind: 'array', elem: { kind: 'slice', elem: { name: 'T' } } });
  });

  test('func types flatten params and results and note variadics', () => {
    const type = typeOf('func(a, b int, rest ...string) (n int, err error)');
    expect(type).toMatchObject({ kind: 'func', variadic: true });
    if (type.kind !== 'func') throw new Error('not a func');
    expect(type.params.map((p) => [p.name, p.type.text])).toEqual([
      ['a', 'int'],
      ['b', 'int'],
      ['rest', 'string'],
    ]);
    expect(type.results.map((p) => [p.name, p.type.text])).toEqual([
      ['n', 'int'],
      ['err', 'error'],
    ]);
  });

  test('generic instances keep base and arguments', () => {
    expect(typeOf('pkg.List[*T, []int]')).toMatchObject({
      kind: 'generic',
      base: { kind: 'qualified', qualifier: 'pkg', name: 'List' },
      args: [{ kind: 'pointer' }, { kind: 'slice' }],
    });
  });

  test('an interface is empty iff it has no methods and no embedded elements', () => {
    expect(typeOf('interface{ /* nothing */ }')).toMatchObject({ kind: 'interface', empty: true });
    expect(typeOf('interface{ any }')).toMatchObject({ kind: 'interface', empty: false });
    expect(typeOf('interface{ M() }')).toMatchObject({ kind: 'interface', empty: false });
  });

  test('parentheses are unwrapped; the range and text keep them', () => {
    const type = typeOf('( <-chan int )');
    expect(type).toMatchObject({ kind: 'chan', dir: 'recv', text: '(<-chan int)' });
    expect(type.range.start.column).toBe(10);
    expect(type.range.end.column).toBe(24);
  });

  test('damaged types are unknown, with their text', () => {
    expect(typeOf('[...]int')).toMatchObject({ kind: 'unknown', text: '[...]int' });
  });

  test('every TypeExpr has the byte range of its source', () => {
    const type = typeOf('map[string]é');
    expect(type.range).toEqual({
      start: { line: 3, column: 10, offset: 20 },
      end: { line: 3, column: 23, offset: 33 },
    });
    if (type.kind !== 'map') throw new Error('not a map');
    expect(type.value.range.start).toEqual({ line: 3, column: 21, offset: 31 });
  });
});

describe('channels of channels associate as in Go', () => {
  test.each([
    ['chan<- chan int', 'chan<- chan int', ['send', 'both']],
    ['chan<- <-chan int', 'chan<- <-chan int', ['send', 'recv']],
    ['chan (<-chan int)', 'chan (<-chan int)', ['both', 'recv']],
    ['<-chan <-chan int', '<-chan <-chan int', ['recv', 'recv']],
    ['chan<- chan<- chan int', 'chan<- chan<- chan int', ['send', 'send', 'both']],
  ])('%s', (source, text, dirs) => {
    let type = typeOf(source);
    expect(type.text).toBe(text);
    const seen: string[] = [];
    while (type.kind === 'chan') {
      seen.push(type.dir);
      type = type.elem;
    }
    expect(seen).toEqual(dirs);
  });
});
