// Signatures as written, for messages: grouped names stay grouped, as gofmt writes them.
import { expect, test } from 'vitest';
import { signatureOf } from './spell.js';
import { goPackage, useGoParser } from './test-helpers.js';

useGoParser();

test.each([
  'F()',
  'F(a, b string, c int)',
  'F(a, b string) (n int, err error)',
  'F(string, int) error',
  'F(_ int, xs ...string) (a, b int)',
  'F(in <-chan int) (<-chan string, <-chan error)',
  'F(w http.ResponseWriter, r http.Request)',
])('%s', (sig) => {
  expect(signatureOf(goPackage(`package fn\nfunc ${sig} {}`).funcs[0]!)).toBe(sig);
});
