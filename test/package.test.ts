// The tarball as a newcomer gets it: `npm pack`, install it into an empty project (runtime
// dependencies from the registry, nothing from this repo), then use the CLI and the library there.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string): string => join(packageRoot, 'fixtures', name);

/** Packed size budget: the grammar is most of it; a jump past this is worth a look before release. */
const maxPackedBytes = 150_000;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

let work = '';
let app = '';
let pack: PackResult;

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // No CI or npm_* variables from the outer `npm test`: a newcomer's shell has none of them.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  return spawnSync(command, args, { cwd, encoding: 'utf8', env, timeout: 240_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The tarball is packed from dist/ as built; packing must not rebuild it under other suites. */
function ensureBuilt(): void {
  if (existsSync(join(packageRoot, 'dist/cli.js'))) return;
  ok(run('npm', ['run', 'build'], packageRoot), 'npm run build');
}

beforeAll(() => {
  ensureBuilt();
  work = mkdtempSync(join(tmpdir(), 'gofn-pack-'));
  const packed = ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], packageRoot), 'npm pack');
  pack = (JSON.parse(packed) as PackResult[])[0]!;
  process.stderr.write(`tarball ${pack.filename}: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${pack.entryCount} files\n`);
  app = join(work, 'app');
  cpSync(fixture('http-handler'), join(app, 'fn'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newcomer', private: true, type: 'module' }) + '\n');
  const install = ['install', join(work, pack.filename), '--no-audit', '--no-fund', '--prefer-offline'];
  ok(run('npm', install, app), 'npm install of the tarball');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds what runs, and nothing from src/, test/ or fixtures/', () => {
    const paths = pack.files.map((f) => f.path);
    expect(paths).toContain('dist/cli.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('dist/detect.schema.json');
    expect(paths).toContain('wasm/tree-sitter-go.wasm');
    const allowed = /^(dist\/|wasm\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/;
    expect(paths.filter((path) => !allowed.test(path))).toEqual([]);
    expect(pack.size).toBeLessThan(maxPackedBytes);
  });

  test('installs only the runtime dependencies', () => {
    const installed = readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed.sort()).toEqual(['gofn-detect', 'web-tree-sitter', 'zod']);
  });
});

describe('npx gofn-detect in a new project', () => {
  test('prints the detection JSON and exits 0', () => {
    const result = run('npx', ['--no-install', 'gofn-detect', './fn'], app);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { dir: string; selected: string; package: { importPath: string } };
    expect(json).toMatchObject({ dir: 'fn', selected: 'Handle', package: { importPath: 'example.com/http-handler' } });
  });

  test('--emit writes the same main.go as the golden', () => {
    const result = run('npx', ['--no-install', 'gofn-detect', './fn', '--emit', 'out'], app);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('main.go');
    const written = readFileSync(join(app, 'out/main.go'), 'utf8');
    expect(written).toBe(readFileSync(join(fixture('http-handler'), 'main.go.golden'), 'utf8'));
  });

  test('--version reads the installed package.json', () => {
    const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(ok(run('npx', ['--no-install', 'gofn-detect', '--version'], app), 'gofn-detect --version')).toBe(`gofn-detect ${version}\n`);
  });
});

describe('the library in a new project', () => {
  test('every export of the exports map resolves and works', () => {
    const script = `
      import { readFile } from 'node:fs/promises';
      import { createGoParser, detect, generate, toLspRange } from 'gofn-detect';
      import { detectDir } from 'gofn-detect/node';
      import schema from 'gofn-detect/schema.json' with { type: 'json' };
      import pkg from 'gofn-detect/package.json' with { type: 'json' };
      const goWasm = await readFile(new URL(import.meta.resolve('gofn-detect/wasm/tree-sitter-go.wasm')));
      const parser = await createGoParser({ goWasm });
      const text = await readFile('fn/fn.go', 'utf8');
      const result = detect(parser, [{ name: 'fn.go', text }], { importPath: 'example.com/http-handler' });
      const fromDisk = await detectDir(parser, 'fn');
      parser.dispose();
      console.log(JSON.stringify({
        selected: result.selected,
        sameAsDisk: JSON.stringify(result.functions) === JSON.stringify(fromDisk.functions),
        fileName: generate(result).fileName,
        lspLine: toLspRange(text, result.functions[0].range).start.line,
        schemaTitle: schema.title,
        name: pkg.name,
      }));
    `;
    writeFileSync(join(app, 'use.mjs'), script);
    const out = JSON.parse(ok(run('node', ['use.mjs'], app), 'node use.mjs')) as Record<string, unknown>;
    const line = readFileSync(join(app, 'fn/fn.go'), 'utf8').split('\n').findIndex((l) => l.startsWith('func Handle'));
    expect(out).toEqual({
      selected: 'Handle',
      sameAsDisk: true,
      fileName: 'main.go',
      lspLine: line,
      schemaTitle: 'gofn-detect output',
      name: 'gofn-detect',
    });
  });

  test('the tarball carries no source maps or tests', () => {
    const dist = readdirSync(join(app, 'node_modules/gofn-detect/dist'), { recursive: true }) as string[];
    expect(dist.filter((name) => /\.(map|test\.js)$/.test(name))).toEqual([]);
    expect(statSync(join(app, 'node_modules/gofn-detect/wasm/tree-sitter-go.wasm')).size).toBeGreaterThan(0);
  });
});
