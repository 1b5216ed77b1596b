// Property-based fuzzing of detect(): mutated fixtures, generated Go sources, random bytes and
// directories of such files. detect must never throw (but NoPackageError), must return what the
// zod schema accepts with every range inside its file, and must return it again for the same
// input. CI runs GOFN_FUZZ_RUNS cases (default 3000) with a fixed seed; `npm run fuzz` runs
// 100,000 with a fresh one. A failure prints fast-check's seed and path: rerun with
// GOFN_FUZZ_SEED=<seed> GOFN_FUZZ_PATH=<path> to replay exactly that case.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detect } from '../src/detect.js';
import { createGoParser, type GoParser } from '../src/parser/index.js';
import { checkCase, checkResult, type FuzzCase } from './fuzz/check.js';
import { directory, generatedFile, mutatedFixture } from './fuzz/cases.js';

const seed = Number(process.env.GOFN_FUZZ_SEED ?? 20261125);
const totalRuns = Number(process.env.GOFN_FUZZ_RUNS ?? 3000);
const path = process.env.GOFN_FUZZ_PATH;
/** Per-property time limit: generous, since one deep case can take a second. */
const timeout = Math.max(60_000, totalRuns * 20);

const properties: { name: string; share: number; cases: fc.Arbitrary<FuzzCase> }[] = [
  { name: 'a fixture with one file mutated', share: 0.45, cases: mutatedFixture },
  { name: 'a generated (maybe mutated) Go file', share: 0.35, cases: generatedFile },
  { name: 'a directory of generated, random and fixture files', share: 0.2, cases: directory },
];

let parser: GoParser;
const tally = { runs: 0, ms: 0 };
beforeAll(async () => {
  parser = await createGoParser();
  process.stdout.write(`fuzz: seed ${seed}, ${totalRuns} cases${path ? `, replaying path ${path}` : ''}\n`);
});
afterAll(() => {
  parser.dispose();
  process.stdout.write(`fuzz: ${tally.runs} cases in ${(tally.ms / 1000).toFixed(1)} s (seed ${seed})\n`);
  if (process.env.GOFN_FUZZ_REPORT) writeFileSync(process.env.GOFN_FUZZ_REPORT, JSON.stringify({ seed, ...tally }));
});

describe('detect() under fuzzing', () => {
  for (const [i, { name, share, cases }] of properties.entries()) {
    test(name, () => {
      const started = performance.now();
      const details = fc.check(
        fc.property(cases, (c) => checkCase(parser, c)),
        // Each property gets its own seed, so that replaying one does not need the others.
        { seed: seed + i, numRuns: Math.max(1, Math.round(totalRuns * share)), ...(path ? { path } : {}) },
      );
      tally.runs += details.numRuns;
      tally.ms += performance.now() - started;
      if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'fuzzing failed');
    }, timeout);
  }
});

const aliasChain = (n: number, last: string) =>
  Array.from({ length: n }, (_, i) => `type A${i} = A${i + 1}\n`).join('') + `type A${n} = ${last}\n`;

/** Inputs that once were, or could be, a stack overflow in a recursive resolver or walker. */
const deepCases: Record<string, string> = {
  'a two-alias cycle (type A = B; type B = A)': 'type A = B\ntype B = A\nfunc F(a A) A { return a }\n',
  'a self-referential pointer type (type T *T)': 'type T *T\nfunc F(t T) T { return t }\n',
  'a self-referential alias (type T = *T)': 'type T = *T\nfunc F(t T) T { return t }\n',
  'a generic type built from itself': 'type M[T any] []M[[]T]\nfunc F(x M[int]) {}\n',
  '10,000 nested [] in a signature': `func F(x ${'[]'.repeat(10_000)}int) {}\n`,
  '10,000 nested [] in a declaration': `type S ${'[]'.repeat(10_000)}int\nfunc F(x S) {}\n`,
  '10,000 nested parentheses in a type': `func F(x ${'('.repeat(10_000)}int${')'.repeat(10_000)}) {}\n`,
  '10,000 nested <-chan': `func F(x ${'<-chan '.repeat(10_000)}int) {}\n`,
  '10,000 nested func() results': `func F(x ${'func() '.repeat(10_000)}int) {}\n`,
  '10,000 nested parentheses in an expression': `var v = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\nfunc F(s string) string { return s }\n`,
  'an ERROR node with 200,000 children': `func F(s string) string { return s }\n${', '.repeat(200_000)}\n`,
  '50,000 unclosed braces in a body': `func F(s string) string {${'{'.repeat(50_000)}\n`,
  'a 100,000-deep chain of aliases': `${aliasChain(100_000, 'string')}func F(x A0) A0 { return x }\n`,
  'a 100,000-long cycle of aliases': `${aliasChain(99_999, 'A0')}func F(x A0) A0 { return x }\n`,
  'a 100,000-deep chain of defined types': `${aliasChain(100_000, 'string').replaceAll(' = ', ' ')}func F(x A0) A0 { return x }\n`,
};

describe('deep and self-referential types do not overflow the stack', () => {
  for (const [name, body] of Object.entries(deepCases)) {
    test(name, () => {
      const files = [{ name: 'fn.go', text: `package fn\n\n${body}` }];
      const result = detect(parser, files);
      checkResult(result, files);
      expect(result.package.name).toBe('fn');
    });
  }
});

test('a 100,000-deep alias chain resolves to its end, as go/types resolves it', () => {
  const files = [{ name: 'fn.go', text: `package fn\n\n${deepCases['a 100,000-deep chain of aliases']}` }];
  const fn = detect(parser, files).functions.find((f) => f.name === 'F');
  expect(fn).toMatchObject({ kind: 'direct', form: 'function', input: 'A0', output: 'A0' });
});

describe('the checks catch what they look for', () => {
  const files = [{ name: 'fn.go', text: 'package fn\n\n// é\nfunc Upper(s string) string { return s }\n' }];
  const corrupt = (edit: (r: ReturnType<typeof detect>) => void) => () => {
    const result = structuredClone(detect(parser, files));
    edit(result);
    checkResult(result, files);
  };

  test('a good result passes', () => expect(corrupt(() => {})).not.toThrow());
  test('a column off by one', () => expect(corrupt((r) => r.functions[0]!.range.start.column++)).toThrow(/the bytes say 4:1/));
  test('an offset past the end of the file', () => expect(corrupt((r) => (r.functions[0]!.range.end.offset = 1e6))).toThrow(/outside/));
  test('a range in a file not given', () => expect(corrupt((r) => (r.functions[0]!.file = 'other.go'))).toThrow(/not a file of the package/));
  test('a severity the code does not have', () =>
    expect(corrupt((r) => r.diagnostics.push({ code: 'syntax-error', severity: 'info', message: 'x', file: 'fn.go' }))).toThrow(/severity/));
  test('a per-file finding without a place', () =>
    expect(corrupt((r) => r.diagnostics.push({ code: 'syntax-error', severity: 'error', message: 'x', file: 'fn.go' }))).toThrow(/no position/));
});
