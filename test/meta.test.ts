// Meta-tests keep the structure honest (STYLE rule 18): every diagnostic code has a doc whose
// severity matches the table, and the fixtures together produce every kind, form and code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { diagnosticCodes, diagnosticInfo } from '../src/diagnostic-codes.js';
import type { DetectResult } from '../src/schema.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** Codes no fixture can produce, and the test that does produce them. */
const producedElsewhere: Record<string, string> = {
  'unreadable-file': 'test/cli-hostile.test.ts (a file the user cannot read)',
};

const results: DetectResult[] = readdirSync(new URL('fixtures/', root))
  .filter((name) => existsSync(new URL(`fixtures/${name}/detect.json`, root)))
  .map((name) => JSON.parse(read(`fixtures/${name}/detect.json`)));

test.each(diagnosticCodes)('%s has docs/diagnostics/%s.md with its severity', (code) => {
  expect(read(`docs/diagnostics/${code}.md`)).toContain(`Severity: **${diagnosticInfo[code].severity}**`);
});

test.each(diagnosticCodes.filter((code) => !(code in producedElsewhere)))('a fixture produces %s', (code) => {
  expect(results.some((r) => r.diagnostics.some((d) => d.code === code))).toBe(true);
});

test.each(['http', 'openwhisk', 'streaming', 'direct'])('a fixture selects a function of kind %s', (kind) => {
  expect(results.some((r) => r.functions.some((f) => f.kind === kind && f.name === r.selected))).toBe(true);
});

test.each(['function', 'supplier', 'consumer', 'runnable'].flatMap((form) => [false, true].map((returnsError) => ({ form, returnsError }))))(
  'a fixture selects a direct $form with returnsError $returnsError',
  ({ form, returnsError }) => {
    const selects = (r: DetectResult) =>
      r.functions.some((f) => f.kind === 'direct' && f.form === form && f.returnsError === returnsError && f.name === r.selected);
    expect(results.some(selects)).toBe(true);
  },
);

test('the README lists every diagnostic code', () => {
  const readme = read('README.md');
  for (const code of diagnosticCodes) expect(readme).toContain(`\`${code}\``);
});
