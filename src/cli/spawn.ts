/**
 * Starting the CLI's worker threads (pool.ts) as early as the command line allows: a worker
 * takes a few hundred milliseconds to load its code and compile the wasm, and it does that while
 * the main thread loads its own and lists the directories. Kept apart from pool.ts so that
 * cli.ts can start workers without loading detection.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Below this many directories per worker, a worker thread costs more to start than it saves
 * (and V8's optimising compiler for the wasm too: see run.ts).
 */
export const fewTargets = 8;

/** The built worker beside the bundled CLI; absent when the sources run unbuilt (tests). */
const workerUrl = new URL('./cli-worker.js', import.meta.url);

/** workerCount is how many worker threads `targets` directories are worth: one per core beyond the first, each with `fewTargets` at least. */
export function workerCount(targets: number): number {
  if (!existsSync(fileURLToPath(workerUrl))) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(targets / fewTargets)));
}

/**
 * startWorkers starts the workers that `args` (directories and `dir/...` patterns) may need:
 * for patterns, as many as the cores allow, since their directories are not known yet. Workers
 * the directories turn out not to need are stopped (run.ts).
 */
export function startWorkers(args: readonly string[]): Worker[] {
  // A pattern is an argument with `...` (node/expand.ts's isPattern, not loaded here to start sooner).
  const count = args.some((arg) => arg.includes('...')) ? workerCount(Infinity) : workerCount(args.length);
  return Array.from({ length: count }, () => new Worker(workerUrl));
}
