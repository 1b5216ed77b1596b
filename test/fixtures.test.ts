// One table test over fixtures/*: each case is a real Go package whose expected detection is
// detect.json and, when a function is selected, whose generated server is main.go.golden.
// Update with `npx vitest run test/fixtures.test.ts -u`; in CI a missing golden fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGoParser, type GoParser } from '../src/parser/index.js';
import { detectDir } from '../src/node/index.js';
import { generate } from '../src/codegen/index.js';
import { DetectResult } from '../src/schema.js';
import type { DetectOptions } from '../src/detect.js';

const root = new URL('../', import.meta.url);
const cases = readdirSync(new URL('fixtures/', root), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** A fixture may hold options.json with DetectOptions (target, tags, goos, …). */
function optionsOf(name: string): DetectOptions {
  const file = new URL(`fixtures/${name}/options.json`, root);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

describe.each(cases)('fixtures/%s', (name) => {
  const dir = `fixtures/${name}`;

  test('its first Go file says what the case proves', () => {
    const goFiles = readdirSync(new URL(`${dir}/`, root)).filter((f) => f.endsWith('.go') && !/^[_.]/.test(f)).sort();
    expect(goFiles.length).toBeGreaterThan(0);
    const first = readFileSync(new URL(`${dir}/${goFiles[0]}`, root), 'utf8').replace(/^\uFEFF/, '');
    expect(first).toMatch(/^(\/\/go:build [^\n]*\n\n)?\/\/ \S/);
  });

  test('detect.json', async () => {
    const result = await detectDir(parser, dir, optionsOf(name));
    DetectResult.parse(result);
    await expect(JSON.stringify(result, null, 2) + '\n').toMatchFileSnapshot(`../${dir}/detect.json`);
  });

  test('main.go.golden', async () => {
    const result = await detectDir(parser, dir, optionsOf(name));
    const golden = `../${dir}/main.go.golden`;
    if (result.selected === null || (result.package.name !== 'main' && result.package.importPath === null)) {
      expect(existsSync(new URL(`${dir}/main.go.golden`, root)), 'no golden without a selection').toBe(false);
      return;
    }
    await expect(generate(result).text).toMatchFileSnapshot(golden);
  });
});
