/**
 * Clients that leave a stream mid-way, and panics while streaming: afterwards the goroutine count
 * the test-only hook reports must be back where it was, so the function's goroutines stopped.
 */
import http from 'node:http';
import { expect, test } from 'vitest';
import { send } from './client.js';
import type { BuiltKind, KindCase } from './servers.js';
import { goroutines, openStream, settleGoroutines } from './streams.js';
import { ask, withServer } from './support.js';

/** Registers the leak tests; bins gives each kind's built binaries once beforeAll has run. */
export function leakTests(bins: (kind: KindCase['kind']) => BuiltKind['bins']): void {
  test.each([
    ['Ticks', 'the server pushes until the input closes', [], 3],
    ['plain', 'the fixture echoes each line', ['a', 'b'], 2],
  ] as const)('%s (%s): the function goroutines stop', async (target, _about, first, waitLines) => {
    await withServer(bins('streaming')[target]!, { GOFN_TEST_GOROUTINES: '1' }, async (server) => {
      const baseline = await goroutines(server);
      const streams = Array.from({ length: 50 }, () => openStream(server.port, [...first]));
      await Promise.all(streams.map((s) => s.waitForLines(waitLines)));
      const during = await goroutines(server);
      for (const s of streams) s.disconnect();
      const after = await settleGoroutines(server, baseline, 5000);
      console.log(`stream disconnect ${target}: goroutines ${baseline} before, ${during} with 50 streams, ${after} after`);
      expect(during).toBeGreaterThanOrEqual(baseline + 50 * 3);
      expect(after).toBeLessThanOrEqual(baseline);
      expect((await ask(server.port, { method: 'POST', path: '/', body: '"z"\n' })).status).toBe(200);
    });
  });

  test('Panics: a panic before the reply began leaves no goroutine behind', async () => {
    const counts = await panicsThenCount(bins('streaming').Panics!, { kind: 'answered', status: 500 });
    console.log(`stream panic before the reply: goroutines ${counts.baseline} before, ${counts.after} after 5 panics`);
    expect(counts.after).toBeLessThanOrEqual(counts.baseline);
  });

  // When writing a result panics after the reply began (a Y whose MarshalJSON panics), the
  // handler stops reading the function's output channel; it must drain it, or a function with
  // another result to send stays blocked on that send for good.
  test('Late: a panic after the reply began leaves no goroutine behind', async () => {
    const counts = await panicsThenCount(bins('streaming').Late!, { kind: 'cut', status: 200 });
    console.log(`stream panic after the reply began: goroutines ${counts.baseline} before, ${counts.after} after 5 panics`);
    expect(counts.after).toBeLessThanOrEqual(counts.baseline);
  });
}

/**
 * Sends 5 streams of `"a"` then `"panic"` to bin, each of which must end as `expected`, and
 * counts goroutines before and after (after they have had 2 s to settle).
 */
async function panicsThenCount(bin: string, expected: { kind: 'answered' | 'cut'; status: number }): Promise<{ baseline: number; after: number }> {
  return withServer(bin, { GOFN_TEST_GOROUTINES: '1' }, async (server) => {
    const agent = new http.Agent({ keepAlive: false });
    const baseline = await goroutines(server);
    for (let i = 0; i < 5; i++) {
      const outcome = await send(server.port, agent, { method: 'POST', path: '/', body: '"a"\n"panic"\n' });
      expect({ kind: outcome.kind, status: outcome.kind === 'refused' ? 0 : outcome.status }).toEqual(expected);
    }
    agent.destroy();
    return { baseline, after: await settleGoroutines(server, baseline, 2000) };
  });
}

