// SPEC §2: resolving types without a type checker — imports by explicit, standard and guessed
// names, dot imports, package declarations across files, shadowing, aliases, generics — and
// staying safe on cycles, depth and damaged syntax.
import { describe, expect, test } from 'vitest';
import type { Import } from '../parser/model.js';
import { classifyPackage } from './index.js';
import { defaultPackageName, resolveQualifier } from './imports.js';
import { goPackage, useGoParser, type GoSource } from './test-helpers.js';

useGoParser();

function kinds(files: GoSource[] | string): Record<string, string> {
  const fns = classifyPackage(goPackage(files)).functions;
  return Object.fromEntries(fns.map((fn) => [fn.name, 'form' in fn ? `${fn.kind} ${fn.form}` : fn.kind]));
}

describe('default package names', () => {
  test.each([
    ['net/http', 'http'],
    ['encoding/json', 'json'],
    ['math/rand/v2', 'rand'],
    ['gopkg.in/yaml.v3', 'yaml'],
    ['github.com/mattn/go-isatty', 'isatty'],
    ['github.com/dgrijalva/jwt-go', 'jwt'],
    ['github.com/go-chi/chi/v5', 'chi'],
    ['golang.org/x/net/context', 'context'],
    ['example.com/2fa', '2fa'],
  ])('%s is %s', (path, name) => expect(defaultPackageName(path)).toBe(name));
});

describe('qualifiers', () => {
  const imp = (path: string, name: string | null = null): Import => ({ path, name, range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
  test('an explicit name wins over a guessed one', () => {
    expect(resolveQualifier([imp('example.com/go-http'), imp('example.com/web', 'http')], 'http')).toBe('example.com/web');
  });
  test("a standard path's name wins over a guessed one", () => {
    expect(resolveQualifier([imp('example.com/http'), imp('net/http')], 'http')).toBe('net/http');
  });
  test('a renamed import no longer answers to its default name', () => {
    expect(resolveQualifier([imp('net/http', 'web')], 'http')).toBeNull();
  });
  test('blank and dot imports have no qualifier', () => {
    expect(resolveQualifier([imp('net/http', '_'), imp('encoding/json', '.')], 'json')).toBeNull();
  });
});

describe('resolution', () => {
  test('aliases chain across files, each file with its own imports', () => {
    const a = { name: 'a.go', text: 'package fn\nimport nethttp "net/http"\nfunc Serve(w Writer, r Req) { _ = nethttp.StatusOK }' };
    const b = { name: 'b.go', text: 'package fn\nimport web "net/http"\ntype Writer = W2\ntype W2 = web.ResponseWriter\ntype Req = *web.Request' };
    expect(kinds([a, b])).toEqual({ Serve: 'http' });
  });

  test('a dot import counts only in the file that has it', () => {
    const a = { name: 'a.go', text: 'package fn\nimport . "net/http"\nfunc A(w ResponseWriter, r *Request) {}' };
    const b = { name: 'b.go', text: 'package fn\nfunc B(w ResponseWriter, r *Request) {}' };
    expect(kinds([a, b])).toEqual({ A: 'http' });
  });

  test('a dot-imported name SPEC gives no meaning to is an opaque data type', () => {
    expect(kinds('package fn\nimport . "net/http"\nfunc F(h Header) Handler { return nil }')).toEqual({ F: 'direct function' });
  });

  test('dot-imported io and context names carry no data', () => {
    const text = 'package fn\nimport (\n\t. "io"\n\t. "context"\n)\nfunc A(r Reader) {}\nfunc B(c Context) {}\nfunc C() WriteCloser { return nil }';
    expect(kinds(text)).toEqual({});
  });

  test('package declarations shadow predeclared names', () => {
    const text = 'package fn\ntype any = chan int\ntype error struct{}\nfunc A(a any) {}\nfunc B() error { return error{} }\nfunc C() (int, error) { return 0, error{} }';
    expect(kinds(text)).toEqual({ B: 'direct supplier' });
  });

  test('a variable, function or constant is not a type', () => {
    const text = 'package fn\nvar V int\nfunc T() {}\nconst C = 1\nfunc A(v V) {}\nfunc B(t T) {}\nfunc D(c C) {}';
    expect(kinds(text)).toEqual({ T: 'direct runnable' });
  });

  test('an error alias is error; a defined error type is not', () => {
    const text = 'package fn\ntype E = error\ntype D error\nfunc A() E { return nil }\nfunc B() (int, D) { return 0, nil }';
    expect(kinds(text)).toEqual({ A: 'direct runnable' });
  });

  test('generic types are judged with their arguments, type parameters shadowing package names', () => {
    const text =
      'package fn\ntype Rec struct{}\ntype G[Rec any] []Rec\ntype A[T any] G[T]\n' +
      'func X(g G[chan int]) {}\nfunc Y(g G[Rec]) {}\nfunc Z(a A[func()]) {}\nfunc W(a A[A[int]]) {}';
    expect(kinds(text)).toEqual({ Y: 'direct consumer', W: 'direct consumer' });
  });

  test('other packages guessed by goimports: their Context types carry no data', () => {
    const text =
      'package fn\nimport (\n\t"golang.org/x/net/context"\n\t"github.com/aws/aws-sdk-go/aws"\n\t"gopkg.in/yaml.v3"\n)\n' +
      'func A(c context.Context) {}\nfunc B(c aws.Context) {}\nfunc C(n yaml.Node) {}';
    expect(kinds(text)).toEqual({ C: 'direct consumer' });
  });

  test('a qualifier that matches no import is never a standard type', () => {
    expect(kinds('package fn\nfunc A(c context.Context) {}\nfunc B(r io.Reader) {}')).toEqual({ A: 'direct consumer', B: 'direct consumer' });
  });

  test('only exported, non-generic, non-variadic package-level functions are classified', () => {
    const text = 'package fn\ntype T struct{}\nfunc (T) M() {}\nfunc low() {}\nfunc Gen[T any]() {}\nfunc Var(a ...int) {}\nfunc Élan() {}\nfunc Ok() {}';
    expect(kinds(text)).toEqual({ Élan: 'direct runnable', Ok: 'direct runnable' });
  });

  test('functions are sorted by name', () => {
    const names = classifyPackage(goPackage('package fn\nfunc b() {}\nfunc C() {}\nfunc A() {}\nfunc Ä() {}\nfunc B() {}')).functions.map((f) => f.name);
    expect(names).toEqual(['A', 'B', 'C', 'Ä']);
  });
});

describe('safety', () => {
  test('alias cycles and self-referential types resolve without hanging', () => {
    const text = 'package fn\ntype A = B\ntype B = A\ntype P *P\ntype M map[string]M\nfunc X(a A) {}\nfunc Y(p P) M { return nil }';
    expect(kinds(text)).toEqual({ Y: 'direct function' });
  });

  test('a long chain of declarations does not overflow the stack', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => `type T${i} T${i + 1}`).join('\n');
    expect(() => kinds(`package fn\n${chain}\ntype T5000 int\nfunc F(t T0) {}`)).not.toThrow();
  });

  test('deeply nested type literals do not overflow the stack', () => {
    const deep = '[]'.repeat(3000) + 'int';
    expect(() => kinds(`package fn\nfunc F(x ${deep}) {}`)).not.toThrow();
  });

  test('damaged types match nothing', () => {
    expect(kinds('package fn\nfunc F(x map[) {}\nfunc G() {}')).toMatchObject({ G: 'direct runnable' });
  });
});

describe('guards', () => {
  function guardOf(text: string): unknown {
    return classifyPackage(goPackage(text)).functions[0]?.guard;
  }
  test.each([
    ['import web "net/http"\nfunc F(w web.ResponseWriter, r *web.Request) {}', { text: 'func(http.ResponseWriter, *http.Request)', imports: ['net/http'] }],
    ['import "time"\nfunc F(d map[string][]*time.Duration) [32]byte { return [32]byte{} }', { text: 'func(map[string][]*time.Duration) [32]byte', imports: ['time'] }],
    ['import "math/rand/v2"\nfunc F() *rand.Rand { return nil }', { text: 'func() *rand.Rand', imports: ['math/rand/v2'] }],
    ['func F(x any) (y interface{}, err error) { return }', { text: 'func(any) (interface{}, error)', imports: [] }],
    [
      'import "sync/atomic"\nfunc F(p atomic.Pointer[func(int, ...string) bool]) atomic.Pointer[chan (<-chan int)] { return nil }',
      { text: 'func(atomic.Pointer[func(int, ...string) bool]) atomic.Pointer[chan (<-chan int)]', imports: ['sync/atomic'] },
    ],
    ['const N = 4\nfunc F() [N]byte { return [N]byte{} }', null],
    ['type S = string\nfunc F(s S) {}', null],
    ['import "example.com/pkg"\nfunc F(v pkg.T) {}', null],
    ['func F(v struct{ A int }) {}', null],
    ['import "sync/atomic"\nfunc F(p atomic.Pointer[int]) {}', { text: 'func(atomic.Pointer[int])', imports: ['sync/atomic'] }],
  ])('%s', (decls, guard) => expect(guardOf(`package fn\n${decls}`)).toEqual(guard));
});
