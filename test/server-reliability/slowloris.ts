/**
 * Slowloris-style clients: each opens a connection, sends a request line and then one header
 * line per interval, never ending the header (or sends nothing at all). The server's 10 s header
 * read timeout should close it, and other clients should be served promptly meanwhile.
 */
import { connect } from 'node:net';
import { expect } from 'vitest';
import type { KindCase } from './servers.js';
import { ask, withServer } from './support.js';
import { fill, workloads } from './workloads.js';

/** How one slow client ended. */
export interface SlowEnd {
  /** From connecting to the server closing the connection, in ms. */
  closedAfterMs: number;
  headerLinesSent: number;
  /** Bytes the server sent before closing (a 408 or nothing; never a served request). */
  received: string;
}

/**
 * Trickles header lines to 127.0.0.1:port every intervalMs until the server closes the
 * connection, or gives up after giveUpMs (then closedAfterMs is Infinity). With `silent` it
 * connects and sends nothing at all.
 */
export function slowClient(port: number, intervalMs: number, giveUpMs: number, silent = false): Promise<SlowEnd> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port });
    let lines = 0;
    let received = '';
    const trickle = setInterval(() => {
      if (silent) return;
      lines++;
      socket.write(`X-Slow-${lines}: ${'a'.repeat(8)}\r\n`);
    }, intervalMs);
    const giveUp = setTimeout(() => socket.destroy(), giveUpMs);
    const end = (closedAfterMs: number) => {
      clearInterval(trickle);
      clearTimeout(giveUp);
      resolve({ closedAfterMs, headerLinesSent: lines, received });
    };
    socket.on('connect', () => {
      if (!silent) socket.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // A write racing the server's close fails with EPIPE or ECONNRESET; 'close' follows either way.
    socket.on('error', () => {});
    socket.on('close', () => {
      const elapsed = performance.now() - started;
      end(elapsed >= giveUpMs ? Infinity : elapsed);
    });
  });
}

/**
 * 50 header-trickling clients and 10 silent ones against one kind's server, and prompt normal
 * requests while they hang on.
 */
export async function slowlorisAgainst(kind: KindCase['kind'], bin: string): Promise<void> {
  await withServer(bin, {}, async ({ port }) => {
    const slow = Promise.all(Array.from({ length: 60 }, (_, i) => slowClient(port, 1000, 15_000, i >= 50)));
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < 16; i++) {
      const { req, expected } = fill(workloads[kind].plain, i);
      const reply = await ask(port, req);
      expect(reply).toMatchObject({ status: 200, body: expected });
      latencies.push(reply.ms);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const ends = await slow;
    const closed = ends.map((e) => e.closedAfterMs).sort((a, b) => a - b);
    console.log(
      `slowloris ${kind}: 50 trickling and 10 silent clients closed after ${Math.round(closed[0]!)}..${Math.round(closed.at(-1)!)} ms; ` +
        `16 normal requests meanwhile, slowest ${Math.max(...latencies).toFixed(1)} ms`,
    );
    expect(closed[0]).toBeGreaterThan(9500);
    expect(closed.at(-1)).toBeLessThan(11_500);
    for (const e of ends) expect(e.received === '' || e.received.startsWith('HTTP/1.1 408')).toBe(true);
    expect(ends.slice(0, 50).every((e) => e.headerLinesSent >= 9)).toBe(true);
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });
}
