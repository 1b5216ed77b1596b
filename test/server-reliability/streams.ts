/**
 * Streams that a client leaves mid-way, and the goroutine count the test-only hook reports, to
 * show that a client's disconnect stops the streaming function's goroutines.
 */
import http from 'node:http';
import { hookPrefix } from './probes.js';
import type { Server } from '../e2e/harness.js';

/** The server's current runtime.NumGoroutine(), from the goroutine hook (GOFN_TEST_GOROUTINES=1). */
export async function goroutines(server: Server): Promise<number> {
  const line = server
    .stderr()
    .split('\n')
    .find((l) => l.startsWith(hookPrefix));
  if (!line) throw new Error(`the goroutine hook did not start: ${server.stderr()}`);
  const url = `http://${line.slice(hookPrefix.length).trim()}/`;
  const res = await fetch(url, { headers: { Connection: 'close' } });
  return Number(await res.text());
}

/** Polls goroutines(server) until it is at most `target`, for up to ms; returns the last count. */
export async function settleGoroutines(server: Server, target: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let count = await goroutines(server);
  while (count > target && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await goroutines(server);
  }
  return count;
}

/** An open full-duplex NDJSON stream: its request body is still open. */
export interface OpenStream {
  /** The reply lines received so far. */
  lines: () => string[];
  /** Resolves once at least n reply lines have arrived. */
  waitForLines: (n: number) => Promise<void>;
  /** Drops the connection, as a client that goes away mid-stream. */
  disconnect: () => void;
}

/** Starts a streaming request to port, sends `first` as NDJSON lines and leaves the body open. */
export function openStream(port: number, first: string[]): OpenStream {
  let text = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  const lines = () => text.split('\n').filter((line) => line !== '');
  const wake = () => {
    for (const w of waiters.splice(0)) {
      if (lines().length >= w.n) w.resolve();
      else waiters.push(w);
    }
  };
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    agent: false,
    headers: { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' },
  });
  req.on('response', (res) => {
    res.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      wake();
    });
    res.on('error', () => {});
  });
  req.on('error', () => {});
  req.flushHeaders();
  for (const value of first) req.write(JSON.stringify(value) + '\n');
  return {
    lines,
    waitForLines: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve });
        wake();
      }),
    disconnect: () => req.destroy(),
  };
}
