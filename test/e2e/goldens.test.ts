/** The unit tests' goldens (src/codegen/__goldens__) must be what gofmt would write, too. */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeWith } from '../support/tools.js';
import { removeModule, run, writeModule } from './harness.js';

const goldens = new URL('../../src/codegen/__goldens__/', import.meta.url);

describeWith('gofmt', 'e2e: codegen goldens', () => {
  let dir = '';
  const names = readdirSync(goldens).filter((name) => name.endsWith('.go.golden'));

  beforeAll(async () => {
    const files = Object.fromEntries(names.map((name) => [name.replace(/\.golden$/, ''), readFileSync(new URL(name, goldens), 'utf8')]));
    dir = await writeModule(files);
  });

  afterAll(() => removeModule(dir));

  test('every golden is gofmt-clean', async () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
    expect(await run('gofmt', ['-l', '.'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
