// Meta test (STYLE rules 4 and 18): the registry lists the kinds in SPEC order, and each kind
// lives in the module named after it, exported under its own name.
import { expect, test } from 'vitest';
import { kinds } from './index.js';

test('kinds are in SPEC §3 order', () => {
  expect(kinds.map((k) => k.kind)).toEqual(['http', 'openwhisk', 'streaming', 'direct']);
});

test.each(kinds.map((k) => [k.kind, k] as const))('%s is exported by ./%s.ts', async (name, kind) => {
  const module = (await import(`./${name}.js`)) as Record<string, unknown>;
  expect(module[name]).toBe(kind);
  expect(kind.summary).toMatch(/^func/);
});
