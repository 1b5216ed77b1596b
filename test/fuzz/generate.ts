/**
 * Arbitraries that write Go source: mostly plausible declarations (so the classifier and the
 * resolver get exercised, not just the error paths), with deep nesting, odd names and
 * hostile build constraints mixed in.
 */
import fc from 'fast-check';

/** Names SPEC gives a meaning to, predeclared ones, and names JavaScript objects already have. */
const names = [
  'F', 'Handle', 'Handler', 'Main', 'main', 'T', 'A', 'B', 'W', 'R', '_', 'x',
  'error', 'any', 'string', 'int', 'byte', 'Request', 'ResponseWriter', 'RawMessage', 'Context', 'Reader', 'List',
  'Ünïcode', '名前', 'ǅx', 'constructor', 'toString', '__proto__',
];
const qualifiers = ['http', 'json', 'context', 'io', 'unsafe', 'nethttp', 'pkg', 'yaml', 'C', 'constructor'];
const importPaths = [
  'net/http', 'encoding/json', 'context', 'io', 'unsafe', 'C', 'gopkg.in/yaml.v3', 'github.com/mattn/go-isatty',
  'golang.org/x/net/context', 'example.com/pkg', 'example.com/__proto__',
];
const constraints = [
  '//go:build linux', '//go:build !linux', '//go:build windows && amd64', '//go:build (linux || darwin) && !cgo',
  '//go:build ignore', '//go:build go1.21', '//go:build (', '//go:build &&', '//go:build constructor',
  '// +build linux,amd64 darwin', '// +build !linux', '// +build cgo', '/* //go:build linux */',
];

/** A very long identifier: go/scanner has no limit, so neither may we. */
const longName = fc.integer({ min: 256, max: 20_000 }).map((n) => `L${'x'.repeat(n)}`);

/** An identifier: mostly from the names SPEC gives a meaning to, rarely a very long one. */
export const ident: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...names), weight: 20 },
  { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/), weight: 5 },
  { arbitrary: longName, weight: 1 },
);

const exported = fc.oneof(fc.constantFrom('F', 'Handle', 'Handler', 'Main', 'Upper', 'Ünï'), ident);

/** How deeply a generated type or expression may nest through the recursive arbitraries. */
const depthSize = 'small';

/** typeExpr writes Go type syntax, some of it invalid (`map[]`, `chan<- <-chan`, unions). */
export const typeExpr: fc.Arbitrary<string> = fc.letrec<{ type: string }>((tie) => ({
  type: fc.oneof(
    { depthSize, withCrossShrink: true },
    { arbitrary: ident, weight: 6 },
    { arbitrary: fc.tuple(fc.constantFrom(...qualifiers), ident).map(([q, n]) => `${q}.${n}`), weight: 6 },
    fc.constantFrom('interface{}', 'struct{}', 'interface{ M() }', 'func()', 'error', 'any', '[]byte', 'complex128'),
    tie('type').map((t) => `*${t}`),
    tie('type').map((t) => `[]${t}`),
    fc.tuple(fc.constantFrom('4', 'N', '...', ''), tie('type')).map(([n, t]) => `[${n}]${t}`),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => `map[${k}]${v}`),
    fc.tuple(fc.constantFrom('chan ', '<-chan ', 'chan<- ', 'chan<- <-chan '), tie('type')).map(([c, t]) => c + t),
    fc.tuple(fc.array(tie('type'), { maxLength: 3 }), fc.array(tie('type'), { maxLength: 3 })).map(
      ([p, r]) => `func(${p.join(', ')}) (${r.join(', ')})`,
    ),
    fc.tuple(ident, tie('type')).map(([n, t]) => `struct{ ${n} ${t} }`),
    tie('type').map((t) => `(${t})`),
    fc.tuple(ident, fc.array(tie('type'), { minLength: 1, maxLength: 2 })).map(([n, a]) => `${n}[${a.join(', ')}]`),
    fc.tuple(tie('type'), tie('type')).map(([a, b]) => `interface{ ~${a} | ${b} }`),
  ),
})).type;

/** deepType nests one type constructor thousands of times, balanced or not. */
export const deepType: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('[]', '*', '<-chan ', 'map[string]', '[1]', 'func() ', '('), fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([prefix, n, balanced]) => prefix.repeat(n) + 'int' + (prefix === '(' && balanced ? ')'.repeat(n) : ''));

/** deepExpr nests an expression, a block or a composite literal, balanced or not. */
export const deepExpr: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(['(', ')'], ['{', '}'], ['[]int{', '}'], ['func(){', '}'], ['a+', ''], ['-', ''], ['f(', ')']), fc.integer({ min: 50, max: 3_000 }), fc.boolean())
  .map(([[open, close], n, balanced]) => open.repeat(n) + '1' + (balanced ? close.repeat(n) : ''));

const param = fc.tuple(fc.option(ident, { nil: undefined }), fc.constantFrom('', '', '', '...'), fc.oneof({ arbitrary: typeExpr, weight: 9 }, { arbitrary: deepType, weight: 1 })).map(
  ([name, dots, type]) => `${name === undefined ? '' : `${name} `}${dots}${type}`,
);

const body = fc.oneof(
  { arbitrary: fc.constant('{}'), weight: 4 },
  { arbitrary: fc.constant('{ return }'), weight: 2 },
  { arbitrary: deepExpr.map((e) => `{ x := ${e} }`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

/** Signatures of the four kinds and their near misses, so generated files have candidates. */
const knownSignatures = [
  '(w http.ResponseWriter, r *http.Request)', '(w http.ResponseWriter, r http.Request)', '(nethttp.ResponseWriter, *nethttp.Request)',
  '(in json.RawMessage) (interface{}, error)', '(json.RawMessage) (any, error)',
  '(in <-chan string) <-chan string', '(in <-chan T) (<-chan A, <-chan error)', '(in chan string) chan string',
  '(s string) (string, error)', '(x T) A', '()', '() error', '(ctx context.Context, s string) string', '(xs ...int) int',
];

const generatedSignature = fc
  .tuple(fc.array(param, { maxLength: 2 }), fc.array(typeExpr, { maxLength: 2 }))
  .map(([params, results]) => {
    const res = results.length === 1 ? ` ${results[0]}` : results.length ? ` (${results.join(', ')})` : '';
    return `(${params.join(', ')})${res}`;
  });

const funcDecl = fc
  .tuple(
    fc.constantFrom('', '', '', '', '', '(r *T) ', '(T) ', '() '),
    exported,
    fc.constantFrom('', '', '', '', '[P any]', '[P, Q any]'),
    fc.oneof(fc.constantFrom(...knownSignatures), generatedSignature),
    body,
  )
  .map(([recv, name, tparams, signature, b]) => `func ${recv}${name}${tparams}${signature} ${b}`);

const typeDecl = fc
  .tuple(ident, fc.constantFrom('', '', '[T any]'), fc.constantFrom(' ', ' = '), fc.oneof({ arbitrary: typeExpr, weight: 9 }, { arbitrary: deepType, weight: 1 }))
  .map(([name, tparams, sep, type]) => `type ${name}${tparams}${sep}${type}`);

const importDecl = fc
  .tuple(fc.constantFrom('', '', 'nethttp ', '. ', '_ ', 'http '), fc.constantFrom(...importPaths))
  .map(([name, path]) => `import ${name}"${path}"`);

const valueDecl = fc.tuple(fc.constantFrom('var', 'const'), ident, deepExpr).map(([k, n, e]) => `${k} ${n} = ${e}`);

/** goSource writes a whole file: constraint lines, a package clause, imports and declarations. */
export const goSource: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant([]), weight: 4 }, fc.array(fc.constantFrom(...constraints), { minLength: 1, maxLength: 2 })),
    fc.constantFrom('package fn', 'package fn', 'package main', 'package p', 'package documentation', '', 'package'),
    fc.tuple(fc.constantFrom('import "net/http"', 'import "encoding/json"', 'import ("context"; "io")'), fc.array(importDecl, { maxLength: 3 })).map(([i, is]) => [i, ...is]),
    fc.array(fc.oneof({ arbitrary: funcDecl, weight: 5 }, { arbitrary: typeDecl, weight: 4 }, { arbitrary: valueDecl, weight: 1 }), { maxLength: 8 }),
    fc.constantFrom('\n', '\n', '\n\n', ';', '\r\n', ' '),
  )
  .map(([lines, pkg, imports, decls, sep]) => [...lines, '', pkg].join('\n') + sep + [...imports, ...decls].join(sep) + '\n');
