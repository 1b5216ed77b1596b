// The streaming kind: receive-only channels of data in and out, with an optional error channel.
import { runKindTable } from './test-helpers.js';

runKindTable('streaming', {
  valid: [
    {
      code: 'package fn\nfunc Upper(in <-chan string) <-chan string { return in }',
      expect: { returnsError: false, input: 'string', output: 'string', guard: { text: 'func(<-chan string) <-chan string', imports: [] } },
    },
    {
      code: 'package fn\nfunc Count(in <-chan []byte) (<-chan int, <-chan error) { return nil, nil }',
      expect: { returnsError: true, input: '[]byte', output: 'int', guard: { text: 'func(<-chan []byte) (<-chan int, <-chan error)', imports: [] } },
    },
    {
      code: 'package fn\ntype In = <-chan Point\ntype Point struct{ X int }\nfunc S(in In) (out <-chan map[string]Point) { return nil }',
      expect: { input: 'Point', output: 'map[string]Point', guard: null },
    },
    'package fn\ntype Errs = <-chan error\nfunc S(in <-chan int) (<-chan int, Errs) { return nil, nil }',
    'package fn\nfunc S(in (<-chan int)) (<-chan (int)) { return nil }',
    'package fn\nimport "time"\nfunc S(in <-chan time.Time) <-chan any { return nil }',
  ],
  invalid: [
    {
      title: 'a bidirectional input channel is a near miss, fixed by <-',
      code: 'package fn\n\nfunc Echo(in chan string) <-chan string { return in }\n',
      diagnostics: [
        {
          code: 'streaming-bidirectional-chan',
          line: 3, column: 14, endLine: 3, endColumn: 25,
          fixed: 'package fn\n\nfunc Echo(in <-chan string) <-chan string { return in }\n',
        },
      ],
    },
    {
      title: 'a send-only result channel is a near miss, fixed by <-chan',
      code: 'package fn\nfunc Sink(in <-chan int) chan<- int { return nil }',
      diagnostics: [
        {
          code: 'streaming-send-only-chan',
          line: 2, column: 26, endLine: 2, endColumn: 36,
          fixed: 'package fn\nfunc Sink(in <-chan int) <-chan int { return nil }',
        },
      ],
    },
    {
      title: 'each wrong channel has its own diagnostic and fix',
      code: 'package fn\nfunc S(in chan int) (chan int, chan<- error) { return nil, nil }',
      diagnostics: [
        { code: 'streaming-bidirectional-chan', line: 2, column: 11, endLine: 2, endColumn: 19, fixed: 'package fn\nfunc S(in <-chan int) (chan int, chan<- error) { return nil, nil }' },
        { code: 'streaming-bidirectional-chan', line: 2, column: 22, endLine: 2, endColumn: 30, fixed: 'package fn\nfunc S(in chan int) (<-chan int, chan<- error) { return nil, nil }' },
        { code: 'streaming-send-only-chan', line: 2, column: 32, endLine: 2, endColumn: 44, fixed: 'package fn\nfunc S(in chan int) (chan int, <-chan error) { return nil, nil }' },
      ],
    },
    {
      title: 'a channel reached through an alias is reported without a fix',
      code: 'package fn\ntype C = chan int\nfunc S(in C) <-chan int { return nil }',
      diagnostics: [{ code: 'streaming-bidirectional-chan', line: 3, column: 11, endLine: 3, endColumn: 12 }],
    },
    {
      title: 'a parenthesized channel is reported without a fix',
      code: 'package fn\nfunc S(in (chan int)) <-chan int { return nil }',
      diagnostics: [{ code: 'streaming-bidirectional-chan', line: 2, column: 11, endLine: 2, endColumn: 21 }],
    },
    {
      title: 'no diagnostic: a defined channel type is neither a channel here nor data',
      code: 'package fn\ntype In <-chan int\nfunc S(in In) <-chan int { return nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: channels of non-data',
      code: 'package fn\nfunc S(in <-chan func()) <-chan int { return nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: the second channel must carry error',
      code: 'package fn\nfunc S(in <-chan int) (<-chan int, <-chan string) { return nil, nil }',
      diagnostics: [],
    },
    {
      title: 'no diagnostic: a bidirectional channel of non-data is not a near miss',
      code: 'package fn\nfunc S(in chan func()) chan int { return nil }',
      diagnostics: [],
    },
  ],
});
