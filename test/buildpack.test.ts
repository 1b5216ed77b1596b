// examples/buildpack: bin/detect and bin/build run as a CNB lifecycle would run them (the app
// directory as cwd, a layers directory), with this repo's dist/cli.js as gofn-detect and the real
// Go toolchain; the built server then answers a request.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { e2eGoEnv, request, startServer, stopServer, type Server } from './e2e/harness.js';
import { describeWith } from './support/tools.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(root, 'examples/buildpack/bin', name);
const cli = join(root, 'dist/cli.js');

let work = '';

/** A copy of fixtures/<fixture> as the app directory `as`. */
function fixtureApp(fixture: string, as = fixture): string {
  const dir = join(work, as);
  cpSync(join(root, 'fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** An app directory holding the given files. */
function writeApp(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function lifecycle(script: string, dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(bin(script), args, { cwd: dir, encoding: 'utf8', env: { ...e2eGoEnv(), GOFN_DETECT: cli, ...env } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const detect = (dir: string, env?: Record<string, string>) => lifecycle('detect', dir, [join(work, 'platform'), join(work, 'plan.toml')], env);

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  work = mkdtempSync(join(tmpdir(), 'gofn-buildpack-'));
  mkdirSync(join(work, 'platform'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('bin/detect passes (0) when one function is selected', () => {
  const result = detect(fixtureApp('http-handler'));
  expect(result, result.output).toMatchObject({ status: 0 });
  expect(result.output).toContain('Handle');
});

test('bin/detect fails (100) when nothing can be selected, and BP_GOFN_TARGET chooses', () => {
  const dir = fixtureApp('ambiguous');
  expect(detect(dir).status).toBe(100);
  const chosen = JSON.parse(readFileSync(join(dir, 'detect.json'), 'utf8')).functions[0].name as string;
  expect(detect(dir, { BP_GOFN_TARGET: chosen }).status).toBe(0);
});

test('bin/detect fails (100) for an app without Go files', () => {
  expect(detect(writeApp('node-app', { 'index.js': 'console.log("hi")\n' })).status).toBe(100);
});

test('bin/detect errs (1) when gofn-detect cannot use the package (its exit 2)', () => {
  const dir = writeApp('windows-only', { 'fn_windows.go': 'package fn\n\nfunc Upper(s string) string { return s }\n' });
  expect(detect(dir).status).toBe(1);
  expect(detect(writeApp('any-go', { 'fn.go': 'package fn\n' }), { GOFN_DETECT: join(work, 'missing.js') }).status).toBe(1);
});

/** go build of a server on a busy two-core machine, cold cache included. */
const buildTimeout = 240_000;

describeWith('go', 'bin/build', () => {
  let server: Server | undefined;
  afterAll(() => stopServer(server));

  test('writes the server, builds it into a launch layer and declares the web process', async () => {
    const layers = join(work, 'layers');
    mkdirSync(layers);
    const result = lifecycle('build', fixtureApp('http-handler', 'http-handler-build'), [layers, join(work, 'platform'), join(work, 'plan.toml')]);
    expect(result, result.output).toMatchObject({ status: 0 });
    expect(readFileSync(join(layers, 'gofn.toml'), 'utf8')).toContain('launch = true');
    const launch = readFileSync(join(layers, 'launch.toml'), 'utf8');
    expect(launch).toContain(`command = ["${join(layers, 'gofn/bin/gofn-server')}"]`);
    server = await startServer(join(layers, 'gofn/bin/gofn-server'));
    const reply = await request(server.port, { method: 'GET', path: '/hi' });
    expect(reply).toMatchObject({ status: 200, text: 'hello /hi\n' });
  }, buildTimeout);

  test('a package main function is built in place (CNB_LAYERS_DIR, API 0.10 style)', () => {
    const layers = join(work, 'layers-main');
    mkdirSync(layers);
    const dir = fixtureApp('openwhisk-action');
    const result = lifecycle('build', dir, [], { CNB_LAYERS_DIR: layers });
    expect(result, result.output).toMatchObject({ status: 0 });
    expect(existsSync(join(dir, 'gofn_main.go'))).toBe(true);
    expect(existsSync(join(layers, 'gofn/bin/gofn-server'))).toBe(true);
  }, buildTimeout);
});
