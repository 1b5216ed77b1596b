/**
 * Detection of many directories on every core: the main thread and worker threads (worker.ts),
 * each with its own parser, take the next directory from one shared counter, so a slow package
 * never leaves a thread idle; results are put back in the order of the targets.
 */
import type { Worker } from 'node:worker_threads';
import type { DetectDirOptions } from '../node/detect-dir.js';
import type { GoParser } from '../parser/index.js';
import { detectTarget, type Detected, type Target } from './detect-target.js';
import { createModuleLookup } from './modules.js';
import type { CompiledWasm } from './wasm.js';

/** What the main thread hands each worker. */
export interface WorkerJob {
  /** The wasm the main thread's parser was made from, compiled (cli/wasm.ts). */
  wasm: CompiledWasm;
  targets: Target[];
  options: DetectDirOptions;
  /** One Int32: the index of the next target to take. */
  next: SharedArrayBuffer;
}

/** What a worker posts: one target's outcome, or the message of an error detection threw. */
export type WorkerMessage = { index: number; detected: Detected } | { error: string };

/** takeNext claims the next target index for the calling thread, or -1 when none is left. */
export function takeNext(next: Int32Array, count: number): number {
  const index = Atomics.add(next, 0, 1);
  return index < count ? index : -1;
}

/**
 * jobDone resolves when a worker has finished the job, having stored its outcomes in results. A
 * worker that dies is not an error: the targets it took are left undone (see detectPool).
 */
function jobDone(worker: Worker, job: WorkerJob, results: Detected[], done: boolean[]): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('index' in message) {
        results[message.index] = message.detected;
        done[message.index] = true;
      } else if ('error' in message) reject(new Error(message.error));
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
    worker.postMessage(job);
  });
}

/** Helpers are the worker threads (started by spawn.ts, waiting for a job) and the wasm to make their parsers from. */
export interface Helpers {
  workers: Worker[];
  wasm: CompiledWasm;
}

/**
 * detectPool detects every target with the main thread's parser and the helpers, if any,
 * returning the outcomes in target order. Targets a dead worker left undone are detected on the
 * main thread at the end; an error thrown by detection itself is thrown here, as it would be
 * without workers.
 */
export async function detectPool(parser: GoParser, targets: Target[], options: DetectDirOptions, helpers?: Helpers): Promise<Detected[]> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const results = new Array<Detected>(targets.length);
  const done = new Array<boolean>(targets.length).fill(false);
  const workers = helpers?.workers ?? [];
  const finished = Promise.all(workers.map((worker) => jobDone(worker, { wasm: helpers!.wasm, targets, options, next }, results, done)));
  // A rejection is awaited below; until then it must not count as unhandled.
  finished.catch(() => undefined);
  const modules = createModuleLookup();
  try {
    for (let index = takeNext(counter, targets.length); index !== -1; index = takeNext(counter, targets.length)) {
      results[index] = detectTarget(parser, targets[index] as Target, options, modules);
      done[index] = true;
    }
  } catch (error) {
    // Stop the workers after their current target, so that the error is not kept waiting.
    Atomics.store(counter, 0, targets.length);
    throw error;
  }
  await finished;
  done.forEach((ok, index) => {
    if (!ok) results[index] = detectTarget(parser, targets[index] as Target, options, modules);
  });
  return results;
}
