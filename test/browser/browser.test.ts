// The library in a real browser: headless Chromium loads a bundle of the public entry (esbuild,
// ESM, platform browser) and must detect and generate exactly what Node does for every fixture.
// The same browser then drives the playground as a person would.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPage, servePage, type ServedPage } from '../../scripts/playground.mjs';
import { generate } from '../../src/codegen/index.js';
import { detect, type DetectOptions, type SourceFile } from '../../src/detect.js';
import { findModule, readPackageDir } from '../../src/node/index.js';
import { createGoParser, type GoParser } from '../../src/parser/index.js';
import { describeWith } from '../support/tools.js';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cases = readdirSync(join(root, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface Outcome {
  result: unknown;
  generated: { fileName: string; text: string } | { error: string };
}

/** The same as the page computes, in Node. */
function nodeOutcome(parser: GoParser, files: SourceFile[], options: DetectOptions): Outcome {
  const result = detect(parser, files, options);
  try {
    return { result, generated: generate(result) };
  } catch (error) {
    return { result, generated: { error: error instanceof Error ? error.message : String(error) } };
  }
}

async function fixtureInput(name: string): Promise<{ files: SourceFile[]; options: DetectOptions }> {
  const dir = `fixtures/${name}`;
  const optionsFile = join(root, dir, 'options.json');
  const extra = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as DetectOptions) : {};
  const [pkg, module] = await Promise.all([readPackageDir(join(root, dir)), findModule(join(root, dir))]);
  return { files: pkg.files, options: { ...extra, dir, importPath: module.importPath } };
}

const wire = (files: SourceFile[]) =>
  files.map((file) => ({ name: file.name, base64: Buffer.from(file.text).toString('base64') }));

describeWith('chromium', 'in headless Chromium', () => {
  let work = '';
  let served: ServedPage;
  let browser: Browser;
  let parser: GoParser;
  const bundleBytes: Record<string, number> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gofn-browser-'));
    bundleBytes.test = await buildPage(join(root, 'test/browser/page'), join(work, 'test'));
    bundleBytes.playground = await buildPage(join(root, 'playground'), join(work, 'playground'));
    served = await servePage(work);
    [browser, parser] = await Promise.all([launchChromium(), createGoParser()]);
  });

  afterAll(async () => {
    parser?.dispose();
    await browser?.close();
    await served?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the bundles import no node: module and stay small', () => {
    for (const page of ['test', 'playground']) {
      const bundle = readFileSync(join(work, page, 'main.js'), 'utf8');
      // Static imports would fail to load in a browser; web-tree-sitter's dynamic ones sit in its Node branch.
      expect(bundle).not.toMatch(/\b(from|import)\s*["'](node:|fs|path|url|module)/);
    }
    process.stderr.write(`browser bundles: test page ${bundleBytes.test} bytes, playground ${bundleBytes.playground} bytes (minified)\n`);
    expect(bundleBytes.playground).toBeLessThan(400_000);
  });

  describe('the core agrees with Node', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage();
      page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
      await page.goto(`${served.url}test/`);
      await page.waitForFunction(() => document.getElementById('status')?.textContent !== 'loading');
      expect(await page.textContent('#status')).toBe('ready');
    });
    afterAll(() => page?.close());

    test.each(cases)('fixtures/%s: detected JSON and generated file', async (name) => {
      const { files, options } = await fixtureInput(name);
      const expected = nodeOutcome(parser, files, options);
      const run = (arg: { files: ReturnType<typeof wire>; options: DetectOptions }) =>
        (window as unknown as { gofnTest: { run(f: unknown, o: unknown): unknown } }).gofnTest.run(arg.files, arg.options);
      const [byUrl, byBytes] = (await page.evaluate(run, { files: wire(files), options })) as [Outcome, Outcome];
      expect(byUrl).toEqual(expected);
      expect(byBytes).toEqual(expected);
    });
  });

  describe('the playground', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (error) => process.stderr.write(`playground error: ${error.message}\n`));
    });
    afterAll(() => page?.close());

    const selectedRow = () => page.textContent('#functions tr.selected td:nth-child(2)');

    test('loads and renders the first detection', async () => {
      const started = performance.now();
      await page.goto(`${served.url}playground/`);
      await page.waitForSelector('body[data-first-render]');
      const wall = performance.now() - started;
      const inPage = Number(await page.getAttribute('body', 'data-first-render'));
      const ready = await page.evaluate(() => performance.getEntriesByName('gofn:parser-ready')[0]?.startTime ?? NaN);
      process.stderr.write(
        `playground load: ${wall.toFixed(0)} ms from goto to first detection rendered; in the page, wasm ready at ${ready.toFixed(0)} ms and first detection at ${inPage} ms after navigation start\n`,
      );
      expect(await selectedRow()).toBe('Upper');
      expect(await page.textContent('#generated')).toContain('fn.Upper');
      expect(await page.textContent('#diagnostics')).toContain('http-request-not-pointer');
      expect(await page.textContent('#backdrop mark.warning')).toBe('http.Request');
    });

    test('a fix button rewrites the source and the results follow', async () => {
      await page.click('#diagnostics button');
      expect(await page.inputValue('#source')).toContain('r *http.Request');
      expect(await selectedRow()).toBe('Hello');
      expect(await page.textContent('#generated')).toContain('fn.Hello');
      expect(await page.locator('#backdrop mark').count()).toBe(0);
    });

    test('typing updates the functions, the underlines and main.go', async () => {
      await page.click('#source');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\nfunc Later() (string, error) { return "", nil }\n\nfunc Broken(x int {\n');
      await page.waitForFunction(() => document.querySelector('#functions')?.textContent?.includes('Later'));
      await page.waitForSelector('#backdrop mark.error');
      expect(await page.textContent('#diagnostics')).toContain('syntax-error');
      expect(await selectedRow()).toBe('Hello');
      await page.fill('#target', 'Later');
      await page.waitForFunction(() => document.querySelector('#generated')?.textContent?.includes('fn.Later'));
      expect(await selectedRow()).toBe('Later');
      const shot = join(tmpdir(), 'gofn-playground.png');
      await page.screenshot({ path: shot });
      process.stderr.write(`playground screenshot: ${shot}\n`);
    });
  });
});
