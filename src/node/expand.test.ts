import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeWith, goEnv } from '../../test/support/tools.js';
import { canLock, evaluateWithoutDac, isRoot } from '../../test/support/unprivileged.js';
import { expandPattern, isPattern, matchPattern } from './expand.js';

/** A module whose tree has every case go list skips, plus one it keeps that sorts oddly. */
function makeTree(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'gofn-expand-')));
  const file = (path: string, text = 'package p\n') => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  file('go.mod', 'module example.com/m\n\ngo 1.19\n');
  file('p.go');
  for (const dir of ['a', 'a/b', 'a-c', '_x', '.y', 'testdata', 'a/testdata/t', 'vendor/v', 'nested', 'nested/deep', 'real', 'gen/vendor']) {
    file(`${dir}/p.go`);
  }
  file('nested/go.mod', 'module example.com/n\n');
  file('onlytest/p_test.go');
  file('hidden/.h.go');
  file('under/_u.go');
  file('notgo/README.md', 'hi\n');
  file('gomoddir/go.mod/p.go');
  mkdirSync(join(root, 'dirgo/x.go'), { recursive: true });
  symlinkSync('real', join(root, 'link'));
  symlinkSync('.', join(root, 'loop'));
  symlinkSync(join(root, 'a'), join(root, 'real/back'));
  mkdirSync(join(root, 'symfile'));
  symlinkSync('../real/p.go', join(root, 'symfile/p.go'));
  return root;
}

describe('expandPattern', () => {
  const root = makeTree();
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const expand = (pattern: string) => expandPattern(join(root, pattern));
  const rel = (dirs: string[]) => dirs.map((d) => relative(root, d) || '.');

  // go list's walk order: a directory, then its subdirectories, by name (a, a/b, a-c).
  const all = ['.', 'a', 'a/b', 'a-c', 'gen/vendor', 'gomoddir/go.mod', 'onlytest', 'real', 'symfile'];

  test('walks as go list does, in its order', async () => {
    expect(rel(await expand('...'))).toEqual(all);
  });

  test('names are cleaned and relative like the pattern', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await expandPattern('./...')).toEqual(all);
      expect(await expandPattern('./a/...')).toEqual(['a', 'a/b']);
      expect(await expandPattern('./a/')).toEqual(['a']);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a symlinked root is followed; symlinks below it are not', async () => {
    expect(rel(await expand('link/...'))).toEqual(['link']);
  });

  test('a nested module is skipped below the root but walked when it is the root', async () => {
    expect(rel(await expand('nested/...'))).toEqual(['nested', 'nested/deep']);
  });

  test('a skipped name as the root matches nothing; a vendor root is walked', async () => {
    expect(await expand('_x/...')).toEqual([]);
    expect(await expand('.y/...')).toEqual([]);
    expect(await expand('testdata/...')).toEqual([]);
    expect(rel(await expand('vendor/...'))).toEqual(['vendor/v']);
  });

  test('... inside an element matches like go list (a... matches a, a/b and a-c)', async () => {
    expect(rel(await expand('a...'))).toEqual(['a', 'a/b', 'a-c']);
  });

  test('a missing root or a file root is an error', async () => {
    await expect(expand('nope/...')).rejects.toThrow(/nope: no such directory/);
    await expect(expand('p.go/...')).rejects.toThrow(/p\.go is not a directory/);
  });

  // As root, in a node without root's power over file modes (test/support/unprivileged.ts).
  test.skipIf(!canLock && !process.env.CI)('an unreadable subdirectory is listed, so that detection reports it', async () => {
    const locked = join(root, 'locked/inner');
    mkdirSync(locked, { recursive: true });
    chmodSync(join(root, 'locked'), 0o000);
    // What expandPattern resolves to or rejects with, in this process or (as root) in the other one.
    type Settled = { dirs: string[]; error?: undefined } | { dirs?: undefined; error: string };
    const settle = async (pattern: string): Promise<Settled> =>
      isRoot
        ? (evaluateWithoutDac(`lib.expandPattern(${JSON.stringify(join(root, pattern))}).then((dirs) => ({ dirs }), (error) => ({ error: error.message }))`) as Settled)
        : expand(pattern).then((dirs) => ({ dirs }), (error: Error) => ({ error: error.message }));
    try {
      expect((await settle('locked/...')).error).toMatch(/locked: permission denied/);
      expect(rel((await settle('...')).dirs ?? [])).toContain('locked');
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
      rmSync(join(root, 'locked'), { recursive: true });
    }
  });

  test('a symlink loop does not hang', async () => {
    expect(rel(await expand('loop/...'))).toEqual(all.map((d) => (d === '.' ? 'loop' : `loop/${d}`)));
  });
});

describe('matchPattern', () => {
  test.each([
    ['fn/...', 'fn', true],
    ['fn/...', 'fn/a/b', true],
    ['fn/...', 'fnord', false],
    ['fn...', 'fnord', true],
    ['...', '.', true],
    ['...', 'a/vendor/b', false],
    ['...', 'a/vendor', true],
    ['vendor/...', 'vendor/x', true],
    ['a/vendor/...', 'a/vendor/x/y', true],
    ['a/.../b', 'a/x/y/b', true],
    ['a/.../b', 'a/x/y/c', false],
  ])('%s matches %s: %s', (pattern, name, want) => {
    expect(matchPattern(pattern)(name)).toBe(want);
  });

  test('isPattern', () => {
    expect(isPattern('./...')).toBe(true);
    expect(isPattern('./fn')).toBe(false);
  });
});

describeWith('go', 'expandPattern agrees with go list', () => {
  const root = makeTree();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('./... lists the same directories', async () => {
    const listed = execFileSync('go', ['list', '-e', '-f', '{{.Dir}}', './...'], { cwd: root, env: goEnv(), encoding: 'utf8' });
    const goDirs = listed.trim().split('\n').map((dir) => relative(root, dir) || '.');
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect(await expandPattern('./...')).toEqual(goDirs);
    } finally {
      process.chdir(cwd);
    }
  });
});
