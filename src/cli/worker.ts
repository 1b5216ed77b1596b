/**
 * A worker thread of the CLI's pool (pool.ts): started early (spawn.ts), it loads its code while
 * the main thread lists the directories, then takes the one job it is sent: it makes a parser
 * from the wasm the main thread compiled and detects targets from the shared counter until none
 * is left, posting each outcome as it goes.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { createGoParser, type GoParser } from '../parser/index.js';
import { detectTarget } from './detect-target.js';
import { createModuleLookup } from './modules.js';
import { takeNext, type WorkerJob, type WorkerMessage } from './pool.js';

function work(port: MessagePort, parser: GoParser, job: WorkerJob): void {
  const post = (message: WorkerMessage) => port.postMessage(message);
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

if (parentPort) {
  const port = parentPort;
  // A parser that cannot load ends the worker with an error; the main thread then does its share.
  port.once('message', async (job: WorkerJob) => work(port, await createGoParser(job.wasm), job));
}
