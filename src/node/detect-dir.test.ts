import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NoPackageError } from '../detect.js';
import { createGoParser, type GoParser } from '../parser/index.js';
import { detectDir, DirectoryError } from './index.js';

const handler = 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {}\n';

describe('detectDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'gofn-detectdir-'));
  let parser: GoParser;
  beforeAll(async () => {
    parser = await createGoParser();
  });
  afterAll(() => {
    parser.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('m/go.mod', 'module example.com/m // the module\n');
  write('m/fn/fn.go', handler);
  write('bare/fn.go', handler);
  write('m/nogo/README', 'none\n');
  write('m/dangling/fn.go', handler);
  symlinkSync(join(root, 'missing.go'), join(root, 'm/dangling/gone.go'));
  mkdirSync(join(root, 'm/allgone'));
  symlinkSync(join(root, 'missing.go'), join(root, 'm/allgone/gone.go'));

  test('reads the directory, finds the import path and reports dir as named, cleaned', async () => {
    const result = await detectDir(parser, join(root, 'm/fn') + '/');
    expect(result.dir).toBe(join(root, 'm/fn'));
    expect(result.package).toEqual({ name: 'fn', importPath: 'example.com/m/fn' });
    expect(result.selected).toBe('Handle');
    expect(result.diagnostics).toEqual([]);
  });

  test('no module line: importPath null and a no-import-path warning', async () => {
    const result = await detectDir(parser, join(root, 'bare'));
    expect(result.package.importPath).toBeNull();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'no-import-path', severity: 'warning' })]);
    expect(result.diagnostics[0]?.file).toBeUndefined();
  });

  test('an unreadable Go file is a diagnostic; detection goes on', async () => {
    const result = await detectDir(parser, join(root, 'm/dangling'));
    expect(result.selected).toBe('Handle');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unreadable-file', file: 'gone.go', message: 'cannot read gone.go: no such file or directory' })]);
  });

  test('a directory whose only Go files are unreadable says which', async () => {
    await expect(detectDir(parser, join(root, 'm/allgone'))).rejects.toThrow(DirectoryError);
    await expect(detectDir(parser, join(root, 'm/allgone'))).rejects.toThrow(/cannot read gone\.go: no such file or directory/);
  });

  test('no Go files is detect’s NoPackageError; a missing directory a DirectoryError', async () => {
    await expect(detectDir(parser, join(root, 'm/nogo'))).rejects.toThrow(NoPackageError);
    await expect(detectDir(parser, join(root, 'nope'))).rejects.toThrow(DirectoryError);
  });

  test('build options reach detect', async () => {
    write('m/tagged/fn.go', `//go:build special\n\n${handler}`);
    await expect(detectDir(parser, join(root, 'm/tagged'))).rejects.toThrow(/build constraints exclude all Go files/);
    expect((await detectDir(parser, join(root, 'm/tagged'), { tags: ['special'] })).selected).toBe('Handle');
  });
});
