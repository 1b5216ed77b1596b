/**
 * Starting the CLI's worker threads (pool.ts) as early as the command line allows: a worker
 * takes a few hundred milliseconds to load its code and compile the wasm, and it does that while
 * the main thread loads its own and lists the directories. Kept apart from pool.ts so that
 * cli.ts can start workers without loading detection.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';

/** Below this many directories per worker, a worker thread costs more to start than it saves. */
const fewTargets = 8;

/** The built worker beside the bundled CLI; absent when the sources run unbuilt (tests). */
const workerUrl = new URL('./cli-worker.js', import.meta.url);

/** workerCount is how many worker threads `targets` directories are worth: one per core beyond the first, each with `fewTargets` at least. */
export function workerCount(targets: number): number {
  if (!existsSync(fileURLToPath(workerUrl))) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(targets / fewTargets)));
}

/**
 * A worker's young generation, in MB: V8 grows it to 48 (16 MB semi-spaces) in a run of many
 * packages, and every page of that is a page fault the first time it is used. With 12 (4 MB
 * semi-spaces), one run over the standard library on two cores has ~5,000 fewer page faults and
 * takes 3–6% less time; detection keeps little alive from one package to the next.
 */
const youngGenerationMb = 12;

/**
 * startWorkers starts the workers that `args` (directories and `dir/...` patterns) may need:
 * for patterns, as many as the cores allow, since their directories are not known yet. Workers
 * the directories turn out not to need are stopped (run.ts).
 */
export async function startWorkers(args: readonly string[]): Promise<Worker[]> {
  // A pattern is an argument with `...` (node/expand.ts's isPattern, not loaded here to start sooner).
  const count = args.some((arg) => arg.includes('...')) ? workerCount(Infinity) : workerCount(args.length);
  if (count === 0) return [];
  // Loaded only when needed: a run over one directory does not pay for it.
  const { Worker } = await import('node:worker_threads');
  return Array.from({ length: count }, () => new Worker(workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } }));
}
