/**
 * The CLI's work once the flags are read: resolve directories and patterns, detect each package
 * with one parser, print the output, and `--emit` the generated file. Loaded lazily by cli.ts so
 * that `--help` and `--version` never load the wasm.
 */
import { statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { generate, GenerateError } from '../codegen/index.js';
import type { DetectOptions } from '../detect.js';
import { cleanDir, expandPattern, isPattern } from '../node/index.js';
import { createGoParser } from '../parser/index.js';
import type { DetectResult, DirError } from '../schema.js';
import { UsageError, type CliArgs } from './args.js';
import type { Target } from './detect-target.js';
import { detectPool } from './pool.js';
import { workerCount } from './spawn.js';
import type { CompiledWasm } from './wasm.js';
import { exitCodeFor, type ExitCode, type Output } from './exit.js';
import { formatText } from './text.js';

/** Io is where the CLI writes: JSON (or the text summary) to stdout, messages to stderr. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Refuses a plain argument that names a file (or stdin's `-`); a missing one is reported later.
 * Synchronous: hundreds of arguments are checked one after another before any work can start.
 */
function checkPlainDir(arg: string): void {
  if (arg === '-') throw new UsageError('- is not a directory');
  let info;
  try {
    info = statSync(arg);
  } catch {
    return;
  }
  if (!info.isDirectory()) throw new UsageError(`${arg} is not a directory`);
}

/** resolveDirs turns the arguments into the directories to detect, once each, in order. */
async function resolveDirs(args: readonly string[]): Promise<Target[]> {
  const targets = new Map<string, Target>();
  for (const arg of args) {
    if (isPattern(arg)) {
      for (const dir of await expandPattern(arg)) if (!targets.has(dir)) targets.set(dir, { dir, matched: true });
    } else {
      checkPlainDir(arg);
      const dir = cleanDir(arg);
      targets.set(dir, { dir, matched: false });
    }
  }
  return [...targets.values()];
}

function detectOptionsOf(args: CliArgs): Omit<DetectOptions, 'dir' | 'importPath'> {
  return {
    cgo: args.cgo,
    ...(args.goos === undefined ? {} : { goos: args.goos }),
    ...(args.goarch === undefined ? {} : { goarch: args.goarch }),
    ...(args.tags === undefined ? {} : { tags: args.tags }),
    ...(args.target === undefined ? {} : { target: args.target }),
  };
}

/** What cli.ts starts before it loads this module: the worker threads, and the compiling of the wasm. */
export interface Started {
  workers: Worker[];
  wasm: Promise<CompiledWasm>;
}

/**
 * detectAll runs detection over every directory, making a parser only when needed. Many
 * directories are shared with the worker threads started for them (spawn.ts, pool.ts).
 */
async function detectAll(targets: Target[], args: CliArgs, started: Started): Promise<(DetectResult | DirError)[]> {
  if (targets.length === 0) return [];
  const workers = started.workers.slice(0, workerCount(targets.length));
  for (const idle of started.workers.slice(workers.length)) void idle.terminate();
  const wasm = await started.wasm;
  const parser = await createGoParser(wasm);
  try {
    const results = await detectPool(parser, targets, detectOptionsOf(args), workers.length > 0 ? { workers, wasm } : undefined);
    return results.filter((result): result is DetectResult | DirError => result !== undefined);
  } finally {
    parser.dispose();
  }
}

/**
 * emit writes the generated file for the selected function and names it on stderr. It returns
 * true when the package cannot be used for that (SPEC §4: exit 2).
 */
async function emit(result: DetectResult, emitDir: string, io: Io): Promise<boolean> {
  if (result.selected === null) {
    io.stderr('gofn-detect: no function was selected, so --emit wrote nothing\n');
    return false;
  }
  if (result.package.name !== 'main' && result.package.importPath === null) {
    io.stderr(`gofn-detect: --emit needs the import path of package ${result.package.name}: add a go.mod with a module line at or above ${result.dir}\n`);
    return true;
  }
  let file: { fileName: string; text: string };
  try {
    file = generate(result);
  } catch (error) {
    if (!(error instanceof GenerateError)) throw error;
    io.stderr(`gofn-detect: ${error.message}\n`);
    return true;
  }
  const inPlace = file.fileName === 'gofn_main.go';
  const path = inPlace ? join(result.dir, file.fileName) : join(emitDir, file.fileName);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.text);
  io.stderr(inPlace ? `wrote ${path} (package main is served in place; --emit ${emitDir} is not used)\n` : `wrote ${path}\n`);
  return false;
}

function render(output: Output, args: CliArgs): string {
  if (args.format === 'text') return formatText(output);
  return JSON.stringify(output, null, args.pretty ? 2 : undefined) + '\n';
}

/**
 * run carries out a parsed command line and returns the exit code. Usage errors are thrown as
 * UsageError; a single directory that cannot be used is one line on stderr and exit 2. The
 * `started` workers wait for their share (the caller stops them).
 */
export async function run(args: CliArgs, io: Io, started: Started): Promise<ExitCode> {
  const first = args.dirs[0];
  const single = args.dirs.length === 1 && first !== undefined && !isPattern(first);
  const targets = await resolveDirs(args.dirs);
  for (const flag of ['target', 'emit'] as const) {
    if (args[flag] !== undefined && targets.length !== 1) throw new UsageError(`--${flag} needs exactly one package, got ${targets.length}`);
  }
  const results = await detectAll(targets, args, started);
  const only = results[0];
  let output: Output = results;
  if (single && only) {
    if (!('package' in only)) {
      io.stderr(`gofn-detect: ${only.error}\n`);
      return exitCodeFor({ error: only.error });
    }
    output = only;
  }
  io.stdout(render(output, args));
  const unusable = args.emit !== undefined && only !== undefined && 'package' in only && (await emit(only, args.emit, io));
  return exitCodeFor({ output, unusable });
}
