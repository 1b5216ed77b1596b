/**
 * Small helpers shared by the reliability tests: running a binary for the length of a callback,
 * one-off requests, and the check that a reply carries no stack trace.
 */
import http from 'node:http';
import { startServer, stopServer, type Server } from '../e2e/harness.js';
import { send, type Outcome, type Req } from './client.js';

/** Starts bin with env, runs fn against it and stops it (SIGTERM) whatever happens. */
export async function withServer<T>(bin: string, env: Record<string, string>, fn: (server: Server) => Promise<T>): Promise<T> {
  const server = await startServer(bin, env);
  try {
    return await fn(server);
  } finally {
    await stopServer(server);
  }
}

/** Sends one request on its own connection; a failure to get a whole reply throws. */
export async function ask(port: number, req: Req): Promise<Extract<Outcome, { kind: 'answered' }>> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const outcome = await send(port, agent, req);
    if (outcome.kind !== 'answered') throw new Error(`${req.method} ${req.path}: ${JSON.stringify(outcome)}`);
    return outcome;
  } finally {
    agent.destroy();
  }
}

/** Marks of a Go stack trace: goroutine headers, file:line frames, runtime frames. */
export const stackMarks = /goroutine \d+|\.go:\d+|runtime\/debug|panic\(/;

/** A POST of body to path, sent chunked (no Content-Length), so only the server's cap can stop it. */
export function chunked(path: string, body: string, headers: Record<string, string>): Req {
  return { method: 'POST', path, headers: { ...headers, 'Transfer-Encoding': 'chunked' }, body };
}
