#!/usr/bin/env node
/**
 * The gofn-detect command (SPEC §4). Thin on purpose: it reads the flags, answers `--help` and
 * `--version` without loading the parser, and hands the rest to cli/run.ts. Anything thrown
 * reaches the user as one line and exit 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { parseArgs } from './cli/args.js';
import { helpText } from './cli/help.js';
import { startWorkers } from './cli/spawn.js';
import { compileWasm } from './cli/wasm.js';

// A CLI run is short: most of V8's optimising work would be spent compiling, not running, and
// every worker thread compiles its own copy. On the standard library (378 directories, 2 cores)
// V8's background threads spent ~0.95 s of CPU against ~1.4 s of detection; without inlining
// and with optimisation waiting for hotter code, the whole run takes ~12% less wall time. The
// flags apply to functions compiled from here on, which is all of detection (loaded by main).
setFlagsFromString('--no-turbo-inlining');
setFlagsFromString('--interrupt-budget=300000');
// The same holds for the grammar's wasm, and more: its optimising tier spends ~0.25 s of CPU
// compiling the parser, which pays off only where much text is parsed, and detection parses 3%
// of it (prescan.ts). With the baseline compiler only, the standard library takes ~6% less time
// on two cores and ~14% less on one, 40 packages ~25% less, and a few packages ~15% less.
setFlagsFromString('--liftoff-only');

/** Read from package.json beside dist/ (or src/): this file sits one level below the package root. */
function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(helpText);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`gofn-detect ${version()}\n`);
    return 0;
  }
  const workers = await startWorkers(args.dirs);
  // V8 compiles the wasm on other threads while this one loads detection's code.
  const wasm = compileWasm();
  // A run that ends before it needs a parser (a usage error) never awaits it.
  wasm.catch(() => undefined);
  try {
    const { run } = await import('./cli/run.js');
    return await run(args, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }, { workers, wasm });
  } finally {
    // Those the directories did not need are still waiting for work.
    for (const worker of workers) void worker.terminate();
  }
}

// A reader that stops early (`gofn-detect ./... | head`) closes the pipe; that is not our error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`gofn-detect: ${error.message}\n`);
  process.exitCode = 2;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gofn-detect: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  },
);
