// The http kind: exactly (net/http.ResponseWriter, *net/http.Request) and no results, however
// the two types are reached (renamed and dot imports, aliases, parentheses).
import { runKindTable } from './test-helpers.js';

const guard = { text: 'func(http.ResponseWriter, *http.Request)', imports: ['net/http'] };

runKindTable('http', {
  valid: [
    { code: 'package fn\nimport "net/http"\nfunc H(w http.ResponseWriter, r *http.Request) {}', expect: { returnsError: false, guard } },
    { code: 'package fn\nimport nethttp "net/http"\nfunc H(w nethttp.ResponseWriter, r *nethttp.Request) {}', expect: { guard } },
    { code: 'package fn\nimport . "net/http"\nfunc H(w ResponseWriter, r *Request) {}', expect: { guard } },
    'package fn\nimport "net/http"\nfunc H(http.ResponseWriter, *http.Request) {}',
    'package fn\nimport "net/http"\nfunc H(_ http.ResponseWriter, _ *http.Request) {}',
    'package fn\nimport "net/http"\nfunc H(w (http.ResponseWriter), r (*http.Request)) {}',
    'package fn\nimport "net/http"\ntype W = http.ResponseWriter\ntype R = *http.Request\nfunc H(w W, r R) {}',
    'package fn\nimport "net/http"\ntype Req = http.Request\nfunc H(w http.ResponseWriter, r *Req) {}',
    'package main\nimport "net/http"\nfunc Handle(w http.ResponseWriter, r *http.Request) {}',
  ],
  invalid: [
    {
      title: 'a request taken by value is a near miss, fixed by a star',
      code: 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r http.Request) {}\n',
      diagnostics: [
        {
          code: 'http-request-not-pointer',
          line: 5, column: 38, endLine: 5, endColumn: 50,
          fixed: 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {}\n',
        },
      ],
    },
    {
      title: 'fix offsets count UTF-8 bytes, after non-ASCII text on the same line',
      code: 'package fn\nimport "net/http"\nfunc Grüße(w http.ResponseWriter, r http.Request) {} // ☃\n',
      diagnostics: [
        {
          code: 'http-request-not-pointer',
          line: 3, column: 39, endLine: 3, endColumn: 51,
          fixed: 'package fn\nimport "net/http"\nfunc Grüße(w http.ResponseWriter, r *http.Request) {} // ☃\n',
        },
      ],
    },
    {
      title: 'a request alias taken by value is fixed where it is used',
      code: 'package fn\nimport "net/http"\ntype R = http.Request\nfunc H(w http.ResponseWriter, r R) {}',
      diagnostics: [
        {
          code: 'http-request-not-pointer',
          line: 4, column: 33, endLine: 4, endColumn: 34,
          fixed: 'package fn\nimport "net/http"\ntype R = http.Request\nfunc H(w http.ResponseWriter, r *R) {}',
        },
      ],
    },
    {
      title: 'an http-shaped method is reported at its name',
      code: 'package fn\nimport "net/http"\ntype S struct{}\nfunc (s *S) Index(w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [{ code: 'http-method', line: 4, column: 13, endLine: 4, endColumn: 18 }],
    },
    {
      title: 'no diagnostic: ServeHTTP implements http.Handler, as in any library',
      code: 'package fn\nimport "net/http"\ntype S struct{}\nfunc (s S) ServeHTTP(w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [],
    },
    {
      title: 'a generic http handler is a near miss',
      code: 'package fn\nimport "net/http"\nfunc H[T any](w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [{ code: 'candidate-generic', line: 3, column: 6, endLine: 3, endColumn: 7 }],
    },
    {
      title: 'an unexported http handler is reported when nothing is exported',
      code: 'package fn\nimport "net/http"\nfunc handle(w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [{ code: 'candidate-unexported', line: 3, column: 6, endLine: 3, endColumn: 12 }],
    },
    {
      title: 'a leading context.Context is a near miss',
      code: 'package fn\nimport (\n\t"context"\n\t"net/http"\n)\nfunc H(ctx context.Context, w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [{ code: 'context-parameter', line: 6, column: 8, endLine: 6, endColumn: 27 }],
    },
    {
      title: 'no diagnostic: defined types are new types',
      code: 'package fn\nimport "net/http"\ntype W http.ResponseWriter\nfunc H(w W, r *http.Request) {}',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: results make it something else',
      code: 'package fn\nimport "net/http"\nfunc H(w http.ResponseWriter, r *http.Request) error { return nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: the parameters in the other order',
      code: 'package fn\nimport "net/http"\nfunc H(r *http.Request, w http.ResponseWriter) {}',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a package named http that is not net/http',
      code: 'package fn\nimport http "example.com/http"\nfunc H(w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a qualifier that matches no import is another package',
      code: 'package fn\nfunc H(w http.ResponseWriter, r *http.Request) {}',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a package-level ResponseWriter shadows the dot import',
      code: 'package fn\nimport . "net/http"\ntype ResponseWriter interface{ Write([]byte) (int, error) }\nfunc H(w ResponseWriter, r *Request) {}',
      diagnostics: [],
    },
  ],
});
