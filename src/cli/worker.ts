/**
 * A worker thread of the CLI's pool (pool.ts): it loads its own parser and detects targets from
 * the shared counter until none is left, posting each outcome as it goes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createGoParser } from '../parser/index.js';
import { detectTarget } from './detect-target.js';
import { createModuleLookup } from './modules.js';
import { takeNext, type WorkerJob, type WorkerMessage } from './pool.js';

async function work(port: NonNullable<typeof parentPort>, job: WorkerJob): Promise<void> {
  const post = (message: WorkerMessage) => port.postMessage(message);
  const parser = await createGoParser();
  try {
    const counter = new Int32Array(job.next);
    const modules = createModuleLookup();
    for (let index = takeNext(counter, job.targets.length); index !== -1; index = takeNext(counter, job.targets.length)) {
      const target = job.targets[index];
      if (target) post({ index, detected: detectTarget(parser, target, job.options, modules) });
    }
  } catch (error) {
    post({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    parser.dispose();
  }
}

if (parentPort) await work(parentPort, workerData as WorkerJob);
