// The openwhisk kind: (encoding/json.RawMessage) (the empty interface itself, error).
import { runKindTable } from './test-helpers.js';

runKindTable('openwhisk', {
  valid: [
    {
      code: 'package main\nimport "encoding/json"\nfunc Main(in json.RawMessage) (interface{}, error) { return nil, nil }',
      expect: {
        returnsError: true,
        input: 'json.RawMessage',
        output: 'interface{}',
        guard: { text: 'func(json.RawMessage) (interface{}, error)', imports: ['encoding/json'] },
      },
    },
    {
      code: 'package fn\nimport "encoding/json"\nfunc Main(in json.RawMessage) (any, error) { return nil, nil }',
      expect: { output: 'any', guard: { text: 'func(json.RawMessage) (any, error)', imports: ['encoding/json'] } },
    },
    'package fn\nimport j "encoding/json"\nfunc Main(in j.RawMessage) (out interface{}, err error) { return }',
    'package fn\nimport . "encoding/json"\nfunc Main(in RawMessage) (interface{}, error) { return nil, nil }',
    'package fn\nimport "encoding/json"\ntype In = json.RawMessage\ntype Out = any\ntype E = error\nfunc Main(in In) (Out, E) { return nil, nil }',
    'package fn\nimport "encoding/json"\nfunc Main(in (json.RawMessage)) ((interface{}), (error)) { return nil, nil }',
  ],
  invalid: [
    {
      title: 'no diagnostic: a defined type of the empty interface is not the empty interface (it is a direct function)',
      code: 'package fn\nimport "encoding/json"\ntype Any interface{}\nfunc Main(in json.RawMessage) (Any, error) { return nil, nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a defined type of json.RawMessage is a new type',
      code: 'package fn\nimport "encoding/json"\ntype Raw json.RawMessage\nfunc Main(in Raw) (interface{}, error) { return nil, nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a shadowed error is not the predeclared error',
      code: 'package fn\nimport "encoding/json"\ntype error struct{}\nfunc Main(in json.RawMessage) (interface{}, error) { return nil, error{} }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a non-empty interface result',
      code: 'package fn\nimport "encoding/json"\nfunc Main(in json.RawMessage) (interface{ M() }, error) { return nil, nil }',
      diagnostics: [],
    },
  ],
});
