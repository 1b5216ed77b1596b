// The pre-scan leaves out whole the func declarations that couldBeReported rules out, and defers
// unexported ones: over every shape of signature, classification and selection must come out as
// they do over a model of every declaration.
import { describe, expect, test } from 'vitest';
import { extractWhole } from '../../test/support/extract-whole.js';
import type { GoPackage } from '../parser/model.js';
import { decodeSource } from '../parser/source.js';
import { classifyPackage } from './classify.js';
import { selectFunction } from './select.js';
import { goPackage, testParser, useGoParser } from './test-helpers.js';

useGoParser();

/** A package model of every declaration in `code`, from a whole parse. */
function wholePackage(code: string): GoPackage {
  const file = extractWhole(testParser(), decodeSource('fn.go', code));
  return {
    name: file.file.packageName,
    files: [file.file],
    types: file.types,
    funcs: file.funcs,
    leftOutFuncs: [],
    deferredFuncs: () => [],
    syntaxProblems: file.syntaxProblems,
  };
}

const params = [
  '()',
  '(x string)',
  '(m json.RawMessage)',
  '(in <-chan string)',
  '(a, b string)',
  '(w http.ResponseWriter, r *http.Request)',
  '(ctx context.Context, w http.ResponseWriter, r *http.Request)',
  '(ctx context.Context, x string)',
  '(a, b, c string)',
  '(a string, b,\n\tc string, // three\n)',
  '(xs ...string)',
  '(a, b, c, d string)',
];
const results = ['', ' string', ' error', ' (string, error)', ' (interface{}, error)', ' <-chan string', ' (<-chan string, <-chan error)', ' (a, b, c int)'];

function source(sig: string, anchor: boolean): string {
  return [
    'package fn',
    'import ("context"; "encoding/json"; "net/http")',
    'type S struct{ n int }',
    `func F${sig} { panic(0) }`,
    `func f${sig} { panic(0) }`,
    `func (s *S) M${sig} { panic(0) }`,
    `func G${sig}`,
    anchor ? 'func Anchor(x string) string { return x }' : '',
    '',
  ].join('\n');
}

describe.each([false, true])('with a candidate besides: %s', (anchor) => {
  test.each(params.flatMap((p) => results.map((r) => [`${p}${r}`])))('func F%s', (sig) => {
    const code = source(sig, anchor);
    const read = goPackage(code);
    const whole = wholePackage(code);
    const classified = classifyPackage(read);
    expect(classified).toEqual(classifyPackage(whole));
    for (const target of ['F', 'f', 'G']) {
      expect(selectFunction(read, classified.functions, { target })).toEqual(selectFunction(whole, classified.functions, { target }));
    }
  });
});
