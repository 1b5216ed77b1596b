// The direct kind: the eight forms of SPEC §3, and the data-type rules that decide X and Y.
import { runKindTable } from './test-helpers.js';

const pkg = (decls: string): string => `package fn\n${decls}`;

runKindTable('direct', {
  valid: [
    { code: pkg('func F(s string) string { return s }'), expect: { form: 'function', returnsError: false, input: 'string', output: 'string' } },
    {
      code: pkg('func F(s string) (string, error) { return s, nil }'),
      expect: { form: 'function', returnsError: true, guard: { text: 'func(string) (string, error)', imports: [] } },
    },
    { code: pkg('func F() int { return 1 }'), expect: { form: 'supplier', returnsError: false, output: 'int' } },
    { code: pkg('func F() (n int, err error) { return }'), expect: { form: 'supplier', returnsError: true } },
    { code: pkg('func F(b []byte) {}'), expect: { form: 'consumer', returnsError: false, input: '[]byte' } },
    { code: pkg('func F(b []byte) error { return nil }'), expect: { form: 'consumer', returnsError: true } },
    { code: pkg('func F() {}'), expect: { form: 'runnable', returnsError: false, guard: { text: 'func()', imports: [] } } },
    { code: pkg('func F() error { return nil }'), expect: { form: 'runnable', returnsError: true } },
    // Data types: structs whatever their fields, recursive types, other packages' types.
    { code: pkg('type T struct{ F func() }\nfunc F(t T) *T { return nil }'), expect: { guard: null } },
    pkg('type T []T\nfunc F(t T) {}'),
    pkg('type N struct{ Next *N }\ntype L []map[string]*N\nfunc F(l L) {}'),
    pkg('import "time"\nfunc F(t time.Time) time.Duration { return 0 }'),
    pkg('import "net/http"\ntype H http.HandlerFunc\nfunc F(h H) {}'),
    pkg('import "github.com/x/y"\nfunc F(v y.Anything) {}'),
    pkg('func F(v interface{}) any { return v }'),
    pkg('type E interface{}\nfunc F(e E) {}'),
    pkg('type E = any\nfunc F(e E) {}'),
    pkg('func F(p ***[4]uintptr) {}'),
    { code: pkg('func F(x (int)) (y (string)) { return }'), expect: { input: '(int)', output: '(string)', guard: { text: 'func(int) string', imports: [] } } },
    // Map keys: string and integer types, other packages' types, defined types of the package.
    pkg('func F(m map[rune]bool) {}'),
    pkg('import "time"\nfunc F(m map[time.Duration]int) {}'),
    pkg('type K bool\nfunc F(m map[K]int) {}'),
    pkg('type S = string\nfunc F(m map[S]int) {}'),
    // A package-level `error` shadows the predeclared one: here it is a data struct.
    { code: pkg('type error struct{ Reason string }\nfunc Check() error { return error{} }'), expect: { form: 'supplier', returnsError: false } },
    // A declared byte shadows the predeclared one and is data too.
    pkg('type byte struct{}\nfunc F(b byte) {}'),
    // Generic types of the package, instantiated.
    pkg('type List[T any] []T\nfunc F(l List[string]) List[int] { return nil }'),
    pkg('type M[K comparable, V any] map[K]V\nfunc F(m M[string, int]) {}'),
  ],
  invalid: [
    {
      title: 'no diagnostic: two results where the last is not error',
      code: pkg('func F() (int, string) { return 0, "" }'),
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a defined type of error is not error',
      code: pkg('type E error\nfunc F() (int, E) { return 0, nil }'),
      diagnostics: [],
    },
    {
      title: 'no diagnostic: two parameters',
      code: pkg('func F(a, b int) int { return a }'),
      diagnostics: [],
    },
    {
      title: 'a generic direct-shaped function is a near miss when the package has no candidate',
      code: pkg('func Identity[T any](v T) T { return v }'),
      diagnostics: [{ code: 'candidate-generic', line: 2, column: 6, endLine: 2, endColumn: 14 }],
    },
    {
      title: 'a variadic direct-shaped function is a near miss at its last parameter',
      code: pkg('func Join(parts ...string) string { return "" }'),
      diagnostics: [{ code: 'candidate-variadic', line: 2, column: 11, endLine: 2, endColumn: 26 }],
    },
    {
      title: 'a direct function behind a context.Context is a near miss',
      code: pkg('import "context"\nfunc Greet(ctx context.Context, name string) (string, error) { return name, nil }'),
      diagnostics: [{ code: 'context-parameter', line: 3, column: 12, endLine: 3, endColumn: 31 }],
    },
    {
      title: 'an unexported handle is reported when nothing is exported',
      code: pkg('func handle(s string) string { return s }\nfunc helper(s string) string { return s }'),
      diagnostics: [{ code: 'candidate-unexported', line: 2, column: 6, endLine: 2, endColumn: 12 }],
    },
  ],
});
