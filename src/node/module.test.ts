import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findModule, parseModulePath } from './module.js';

describe('parseModulePath', () => {
  test.each([
    ['module example.com/fn\n', 'example.com/fn'],
    ['module "example.com/fn"\n', 'example.com/fn'],
    ['// a comment\nmodule example.com/fn // the module\n\ngo 1.19\n', 'example.com/fn'],
    ['module "example.com/a//b" // quoted slashes stay\n', 'example.com/a//b'],
    ['module\texample.com/tab\r\ngo 1.19\r\n', 'example.com/tab'],
    ['go 1.19\n\nmodule example.com/late\n', 'example.com/late'],
    ['module (\n\texample.com/block // comment\n)\n', 'example.com/block'],
    ['  module   spaced  \n', 'spaced'],
  ])('%j -> %j', (text, want) => {
    expect(parseModulePath(text)).toBe(want);
  });

  test.each([
    ['go 1.19\n'],
    [''],
    ['module\n'],
    ['module ()\n'],
    ['module (\n)\n'],
    ["module 'single'\n"],
    ['module "unterminated\n'],
    ['module ""\n'],
    ['modulex example.com/x\n'],
    ['// module example.com/commented\n'],
  ])('%j has no readable module line', (text) => {
    expect(parseModulePath(text)).toBeNull();
  });
});

describe('findModule', () => {
  const root = mkdtempSync(join(tmpdir(), 'gofn-module-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('m/go.mod', 'module example.com/m\n');
  mkdirSync(join(root, 'm/a/b'), { recursive: true });
  write('m/nomodule/go.mod', 'go 1.19\n');
  mkdirSync(join(root, 'm/nomodule/x'), { recursive: true });
  mkdirSync(join(root, 'm/dirgomod/go.mod'), { recursive: true });

  test('the module root is the module path', async () => {
    expect(await findModule(join(root, 'm'))).toEqual({ importPath: 'example.com/m', goModFile: join(root, 'm/go.mod') });
  });

  test('a subdirectory joins its relative path with /', async () => {
    expect((await findModule(join(root, 'm/a/b'))).importPath).toBe('example.com/m/a/b');
  });

  test('the nearest go.mod wins, even without a module line', async () => {
    const info = await findModule(join(root, 'm/nomodule/x'));
    expect(info.importPath).toBeNull();
    expect(info.goModFile).toBe(join(root, 'm/nomodule/go.mod'));
    expect(info.problem).toMatch(/has no module line/);
  });

  test('a directory named go.mod is not a go.mod file', async () => {
    expect((await findModule(join(root, 'm/dirgomod'))).importPath).toBe('example.com/m/dirgomod');
  });

  test('no go.mod above gives null and says why', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'gofn-bare-'));
    try {
      const info = await findModule(bare);
      // A go.mod in a parent of the temp directory would be found; the test machine has none.
      expect(info).toEqual({ importPath: null, goModFile: null, problem: `no go.mod at or above ${bare}` });
    } finally {
      rmSync(bare, { recursive: true });
    }
  });
});
