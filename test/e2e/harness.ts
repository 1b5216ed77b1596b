/**
 * The end-to-end harness: write a Go module to a temp dir, check and build what codegen wrote,
 * run the binaries on free ports and talk to them with node:http.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { goEnv } from '../support/tools.js';

/** The go environment for e2e runs: offline, no cgo, and one build cache reused across runs. */
export function e2eGoEnv(): NodeJS.ProcessEnv {
  return { ...goEnv(), GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'gofn-detect-gocache') };
}

/** The output of a finished command. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to the end; a non-zero exit is a result, not an exception. */
export function run(cmd: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: e2eGoEnv(), maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Writes files (paths relative to a new temp dir, `go.mod` included by the caller) and returns the dir. */
export async function writeModule(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gofn-e2e-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

/** Removes a temp module. */
export function removeModule(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** What checking and building a module found. */
export interface BuildReport {
  gofmt: RunResult;
  vet: RunResult;
  build: RunResult;
  buildMs: number;
}

/** Runs `gofmt -l` on `formatted`, then `go vet ./...` and `go build -o bin/ pkgs…`. */
export async function checkAndBuild(dir: string, formatted: string[], pkgs: string[]): Promise<BuildReport> {
  const gofmt = await run('gofmt', ['-l', ...formatted], dir);
  const started = Date.now();
  const [vet, build] = await Promise.all([
    run('go', ['vet', './...'], dir),
    run('go', ['build', '-o', join(dir, 'bin') + '/', ...pkgs], dir),
  ]);
  return { gofmt, vet, build, buildMs: Date.now() - started };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A running server binary with its output so far. */
export interface Server {
  port: number;
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts `bin` on a free port and resolves once it has logged that it serves. */
export async function startServer(bin: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(bin, [], { env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not start: ${stderr}`)), 10_000);
    const check = () => {
      if (stderr.includes('gofn: serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', check);
    void exited.then(() => reject(new Error(`${bin} exited: ${stderr}`)));
  });
  return { port, process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Stops a server with SIGTERM and waits for it to exit. */
export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.process.exitCode !== null) return;
  server.process.kill('SIGTERM');
  await server.exited;
}

/** A request to send with `request`. */
export interface RequestOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A complete reply. */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Sends one request on its own connection and reads the whole reply. */
export function request(port: number, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? '/', headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          if (!res.complete) reject(new Error('the reply was cut short'));
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body, text: body.toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Resolves once `read()` contains `text` (output arrives a little after the reply), or fails after 5 s. */
export async function waitForOutput(read: () => string, text: string): Promise<string> {
  const deadline = Date.now() + 5000;
  while (!read().includes(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}
