// extraction against go/parser and go/printer (testdata/oracle/main.go): the same names,
// the same signatures, the same byte positions, on files written to be awkward.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeWith, goEnv } from '../../test/support/tools.js';
import type { ExtractedFile } from './extract.js';
import { extractWhole } from '../../test/support/extract-whole.js';
import { createGoParser, type GoParser } from './load.js';
import type { Param, Range } from './model.js';
import { decodeSource } from './source.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

const corpus: Record<string, Uint8Array> = {
  'unicode.go': utf8(
    '// héllo 日本語 🎉\npackage p\n\nimport (\n\tnethttp "net/http"\n\t. "strings"\n\t_ "embed"\n)\n\n' +
      'var s = "ünï 🎉 \\u00e9"\n\n/* 🎉 */ func Ünïcode(ä int, 日本 string) (é error) { return nil }\n\n' +
      'func Handle(w nethttp.ResponseWriter, r *nethttp.Request) {}\n',
  ),
  'bom.go': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('package p; func F() {}\nfunc G(x int) (int, error)\n')]),
  'crlf.go': utf8('package p\r\n\r\n// é\r\nfunc F(a, b string) {\r\n}\r\n\r\ntype T struct{ A int }\r\n'),
  'invalid.go': new Uint8Array([
    // go/parser gives up on a file whose package clause has errors, so the damage comes later.
    ...utf8('package p\n\nvar v = 1\n\n// '),
    0xff,
    0xc3,
    0x28,
    0xed,
    0xa0,
    0x80,
    ...utf8(' é\nfunc F(x []byte) string { return "" }\n'),
  ]),
  'signatures.go': utf8(
    'package p\n\nimport "context"\n\n' +
      'func Grouped(a, b, c, d, e, f, g, h, i, j, k int64) (x, y int) { return }\n' +
      'func Unnamed(int, *context.Context, ...string) error { return nil }\n' +
      'func Variadic(format string, args ...interface{}) {}\n' +
      'func Generic[K comparable, V any](m map[K]V, f func(V) (K, error)) []K { return nil }\n' +
      'func Chans(a chan<- chan int, b <-chan <-chan int, c chan (<-chan int), d chan<- <-chan int) (<-chan string, <-chan error) { return nil, nil }\n' +
      'func Parens(a (int), b ((*T)), c [](func())) (int) { return 0 }\n' +
      'func Types(a [4]int, b map [ string ]  []*T, c struct { A  int }, d interface {  }, e interface{ M() }, f List[int, string]) {}\n' +
      'func (t *T) Method(x int) {}\n' +
      'func (List[T]) Generic() {}\n' +
      'func NoBody(x int) int\n',
  ),
  'types.go': utf8(
    'package p\n\ntype (\n\tW = nethttp.ResponseWriter\n\tR nethttp.Request\n\tL[T any] []T\n\tA[K comparable, V any] = map[K]V\n)\n\n' +
      'type Empty interface{}\ntype Any = any\ntype C <-chan int\ntype F func(int) (string, error)\n' +
      'var v, _ = 1, 2\nconst (\n\tc0 = iota\n\tc1\n)\nvar (\n\tx int\n)\n',
  ),
};

let parser: GoParser;
let dir: string;
let oracle: string;

beforeAll(async () => {
  parser = await createGoParser();
  dir = mkdtempSync(join(tmpdir(), 'gofn-oracle-'));
  copyFileSync(new URL('./testdata/oracle/main.go', import.meta.url), join(dir, 'main.go'));
  writeFileSync(join(dir, 'go.mod'), 'module oracle\n\ngo 1.19\n');
  oracle = join(dir, 'oracle');
  execFileSync('go', ['build', '-o', oracle, '.'], { cwd: dir, env: goEnv(), stdio: 'pipe' });
  for (const [name, bytes] of Object.entries(corpus)) writeFileSync(join(dir, name), bytes);
});

afterAll(() => {
  parser?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface GoPos {
  Line: number;
  Column: number;
  Offset: number;
}
interface GoRange {
  Start: GoPos;
  End: GoPos;
}

function range(r: GoRange): Range {
  const pos = (p: GoPos) => ({ line: p.Line, column: p.Column, offset: p.Offset });
  return { start: pos(r.Start), end: pos(r.End) };
}

function params(list: Param[]) {
  return list.map((p) => ({ Name: p.name, Type: p.type.text }));
}

/** Our extraction in the oracle's shape. */
function asOracle(file: ExtractedFile) {
  return {
    Package: file.file.packageName,
    Imports: file.file.imports.map((i) => ({ Name: i.name, Path: i.path })),
    DeclaredNames: file.file.declaredNames,
    Funcs: file.funcs.map((f) => ({
      Name: f.name,
      Receiver: f.receiver?.text ?? null,
      TypeParams: f.typeParams,
      Params: params(f.params),
      Results: params(f.results),
      Variadic: f.variadic,
      Range: f.range,
      NameRange: f.nameRange,
      ParamsRange: f.paramsRange,
      ResultsRange: f.resultsRange,
    })),
    Types: file.types.map((t) => ({ Name: t.name, Alias: t.alias, TypeParams: t.typeParams, Type: t.type.text, Range: t.range })),
  };
}

/** What the oracle prints per file (src/parser/testdata/oracle/main.go). */
interface GoFileJson {
  Package: string;
  Imports: { Name: string | null; Path: string }[];
  DeclaredNames: string[];
  Funcs: (Record<string, unknown> & { Receiver: string | null; Range: GoRange; NameRange: GoRange; ParamsRange: GoRange; ResultsRange: GoRange | null })[];
  Types: (Record<string, unknown> & { Range: GoRange })[];
}

/** The oracle's output with its ranges in our shape. */
function normalise(go: GoFileJson) {
  return {
    Package: go.Package,
    Imports: go.Imports,
    DeclaredNames: go.DeclaredNames,
    Funcs: go.Funcs.map((f) => ({
      ...f,
      Range: range(f.Range),
      NameRange: range(f.NameRange),
      ParamsRange: range(f.ParamsRange),
      ResultsRange: f.ResultsRange ? range(f.ResultsRange) : null,
    })),
    Types: go.Types.map((t) => ({ ...t, Range: range(t.Range) })),
  };
}

describeWith('go', 'extraction agrees with go/parser', () => {
  test.each(Object.keys(corpus))('%s', (name) => {
    const [go] = JSON.parse(execFileSync(oracle, [join(dir, name)], { env: goEnv() }).toString()) as GoFileJson[];
    // Guards against a vacuous comparison: go/parser drops everything when it gives up early.
    expect(go!.Funcs.length + go!.Types.length).toBeGreaterThan(0);
    const ours = asOracle(extractWhole(parser, decodeSource(name, corpus[name]!)));
    expect(ours).toEqual(normalise(go!));
  });
});
