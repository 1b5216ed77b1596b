// The gofn-detect command end to end: `node dist/cli.js` over temp directories, checking what
// SPEC §4 promises on stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath as cli, ensureBuilt, packageRoot } from './support/dist.js';
import { detectDir } from '../src/node/index.js';
import { createGoParser } from '../src/parser/index.js';

const http = (name: string) => `func ${name}(w http.ResponseWriter, r *http.Request) {}\n`;
const httpFile = (pkg: string, ...names: string[]) => `package ${pkg}\n\nimport "net/http"\n\n${names.map(http).join('\n')}`;

let root = '';

function write(path: string, text: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

function makeTree(): void {
  root = mkdtempSync(join(tmpdir(), 'gofn-cli-'));
  write('go.mod', 'module example.com/m\n\ngo 1.19\n');
  write('fn/fn.go', httpFile('fn', 'Handle'));
  write('fn/upper.go', 'package fn\n\nfunc upper(s string) string { return s }\n');
  write('two/two.go', httpFile('two', 'A', 'B'));
  write('empty/README.md', 'no Go here\n');
  write('onlydirs/sub/notes.txt', 'nothing\n');
  write('mainpkg/main.go', 'package main\n\nfunc Upper(s string) (string, error) { return s, nil }\n');
  mkdirSync(join(root, 'nomod'));
  writeFileSync(join(root, 'nomod/go.mod'), 'go 1.19\n');
  write('nomod/p.go', httpFile('p', 'Handle'));
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(...args: string[]): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  ensureBuilt();
  makeTree();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('one directory', () => {
  test('prints one compact JSON object and exits 0 when a function is selected', () => {
    const { status, stdout, stderr } = run('./fn/');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ dir: 'fn', package: { name: 'fn', importPath: 'example.com/m/fn' }, selected: 'Handle' });
    expect(result.functions.map((f: { name: string }) => f.name)).toEqual(['Handle']);
  });

  test('--pretty indents the same object', () => {
    const compact = run('fn');
    const pretty = run('--pretty', 'fn');
    expect(pretty.stdout).toBe(JSON.stringify(JSON.parse(compact.stdout), null, 2) + '\n');
  });

  test('exits 1 when nothing can be selected', () => {
    const { status, stdout } = run('two');
    expect(status).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ dir: 'two', selected: null });
  });

  test('--target picks a function; a missing one is null and exit 1', () => {
    expect(JSON.parse(run('two', '--target=B').stdout).selected).toBe('B');
    const missing = run('two', '--target', 'Nope');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout).selected).toBeNull();
  });

  test('no Go files, a missing directory, a file and - are exit 2 with one line on stderr and nothing on stdout', () => {
    for (const [arg, message] of [
      ['empty', 'gofn-detect: no Go files in empty\n'],
      ['nope', 'gofn-detect: nope: no such directory\n'],
      ['fn/fn.go', 'gofn-detect: fn/fn.go is not a directory\n'],
      ['-', 'gofn-detect: - is not a directory\n'],
    ] as const) {
      const { status, stdout, stderr } = run(arg);
      expect({ arg, status, stdout, stderr }).toEqual({ arg, status: 2, stdout: '', stderr: message });
    }
  });

  test('no go.mod module line: importPath null with a warning', () => {
    const result = JSON.parse(run('nomod').stdout);
    expect(result.package.importPath).toBeNull();
    expect(result.diagnostics.map((d: { code: string }) => d.code)).toContain('no-import-path');
  });
});

describe('several directories and patterns', () => {
  test('./... prints an array in go list order and exits 0 when any package has a selection', () => {
    const { status, stdout } = run('./...');
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as { dir: string; selected?: string | null; error?: string }[];
    // nomod has its own go.mod, so it is another module and not walked.
    expect(results.map((r) => r.dir)).toEqual(['fn', 'mainpkg', 'two']);
  });

  test('a pattern that matches nothing prints [] and exits 1', () => {
    const { status, stdout } = run('onlydirs/...');
    expect({ status, stdout }).toEqual({ status: 1, stdout: '[]\n' });
  });

  test('an unusable directory among several is an entry, not an exit 2', () => {
    const { status, stdout } = run('fn', 'nope', 'empty');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ dir: 'fn', selected: 'Handle' }),
      { dir: 'nope', error: 'nope: no such directory' },
      { dir: 'empty', error: 'no Go files in empty' },
    ]);
  });

  test('exits 1 when no package has a selection', () => {
    expect(run('two', 'empty').status).toBe(1);
  });

  test('--target and --emit need exactly one package', () => {
    for (const args of [['fn', 'two', '--target', 'A'], ['./...', '--emit', 'out']]) {
      const { status, stdout, stderr } = run(...args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^gofn-detect: --(target|emit) needs exactly one package, got \d+\n$/);
    }
  });

  test('a file among several is still a usage error', () => {
    expect(run('fn', 'fn/fn.go').status).toBe(2);
  });
});

describe('--emit', () => {
  test('writes DIR/main.go, prints the same JSON and names the file on stderr', () => {
    const { status, stdout, stderr } = run('fn', '--emit', 'build/server');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(run('fn').stdout));
    expect(stderr).toBe('wrote build/server/main.go\n');
    expect(readFileSync(join(root, 'build/server/main.go'), 'utf8')).toMatch(/^\/\/ Code generated by gofn-detect\. DO NOT EDIT\.\n/);
  });

  test('package main is served in place: gofn_main.go in the package directory', () => {
    const { status, stderr } = run('mainpkg', '--emit=unused');
    expect(status).toBe(0);
    expect(stderr).toMatch(/^wrote mainpkg\/gofn_main\.go \(package main is served in place; --emit unused is not used\)\n$/);
    expect(existsSync(join(root, 'mainpkg/gofn_main.go'))).toBe(true);
    expect(existsSync(join(root, 'unused'))).toBe(false);
    // Running again replaces gofn-detect's own file instead of tripping over it.
    expect(run('mainpkg', '--emit=unused').status).toBe(0);
  });

  test('a non-main package without an import path is exit 2', () => {
    const { status, stdout, stderr } = run('nomod', '--emit', 'out');
    expect(status).toBe(2);
    expect(JSON.parse(stdout).package.importPath).toBeNull();
    expect(stderr).toMatch(/^gofn-detect: --emit needs the import path of package p/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  test('a package generation cannot serve is exit 2 with the reason, and no file', () => {
    write('shadow/main.go', 'package main\n\nvar nil = 1\n\nfunc Upper(s string) (string, error) { return s, nil }\n');
    const { status, stdout, stderr } = run('shadow', '--emit', 'out3');
    expect(status).toBe(2);
    expect(JSON.parse(stdout).selected).toBe('Upper');
    expect(stderr).toBe('gofn-detect: package main redeclares nil, which the generated code needs\n');
    expect(existsSync(join(root, 'shadow/gofn_main.go'))).toBe(false);
  });

  test('nothing selected writes nothing and exits 1', () => {
    const { status, stderr } = run('two', '--emit', 'out2');
    expect(status).toBe(1);
    expect(stderr).toMatch(/no function was selected/);
    expect(existsSync(join(root, 'out2'))).toBe(false);
  });
});

describe('help, version, text and errors', () => {
  test('--help prints usage with examples and exits 0', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: gofn-detect /);
    expect(stdout).toMatch(/Examples:\n {2}gofn-detect \.\/fn/);
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(run('--version')).toEqual({ status: 0, stdout: `gofn-detect ${version}\n`, stderr: '' });
  });

  test('--format text prints a human summary instead of the JSON', () => {
    const { status, stdout } = run('fn', '--format', 'text');
    expect(status).toBe(0);
    expect(stdout).toBe('fn: package fn (example.com/m/fn)\n* Handle: http (fn/fn.go:5:1)\n  selected: Handle\n');
  });

  test('a bad flag is one line on stderr and exit 2, never a stack trace', () => {
    const { status, stdout, stderr } = run('--bogus');
    expect({ status, stdout, stderr }).toEqual({ status: 2, stdout: '', stderr: 'gofn-detect: unknown flag --bogus\n' });
  });
});

describe('many directories', () => {
  // Eight or more directories are shared with worker threads on a machine with two cores or more
  // (src/cli/pool.ts); their answers must be detectDir's, directory by directory.
  test('every fixture in one run gives what detectDir gives for each', async () => {
    const dirs = readdirSync(join(packageRoot, 'fixtures'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `fixtures/${entry.name}`)
      .sort();
    const result = spawnSync(process.execPath, [cli, ...dirs], { cwd: packageRoot, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const parser = await createGoParser();
    try {
      const expected = await Promise.all(dirs.map((dir) => detectDir(parser, dir)));
      expect(JSON.parse(result.stdout)).toEqual(expected);
    } finally {
      parser.dispose();
    }
  });
});
