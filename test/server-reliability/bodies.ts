/**
 * Bodies as SPEC §5 says, per kind: the GOFN_MAX_BODY_BYTES cap (413 beyond it, with and without
 * Content-Length), malformed and empty JSON (400), a malformed NDJSON line ending a stream with
 * its final error line, and a panic answered 500 (502 for openwhisk) with the stack only in the log.
 */
import { expect, test } from 'vitest';
import { waitForOutput } from '../e2e/harness.js';
import { panicMessage } from './probes.js';
import type { BuiltKind, KindCase } from './servers.js';
import { ask, chunked, stackMarks, withServer } from './support.js';

type Bins = (kind: KindCase['kind']) => BuiltKind['bins'];

const json = { 'Content-Type': 'application/json' };
const ndjson = { 'Content-Type': 'application/x-ndjson' };

/** A JSON document of exactly n bytes: {"items":["xxx…"]}. */
function orderOfSize(n: number): string {
  const bare = JSON.stringify({ items: [''] });
  return JSON.stringify({ items: ['x'.repeat(n - bare.length)] });
}

/** Checks that a panic reply says nothing of the stack, and that the log has it. */
async function expectPanicLogged(reply: { body: string }, stderr: () => string): Promise<void> {
  expect(reply.body).not.toMatch(stackMarks);
  const log = await waitForOutput(stderr, 'goroutine ');
  expect(log).toContain(panicMessage);
  expect(log).toMatch(stackMarks);
}

/** Registers the body tests; bins gives each kind's built binaries once beforeAll has run. */
export function bodyTests(bins: Bins): void {
  test('direct: the body cap, malformed and empty JSON', async () => {
    await withServer(bins('direct').plain!, { GOFN_MAX_BODY_BYTES: '64' }, async ({ port }) => {
      const post = (body: string) => ask(port, { method: 'POST', path: '/', headers: json, body });
      expect(await post(orderOfSize(64))).toMatchObject({ status: 200, body: '{"count":1}' });
      expect((await post(orderOfSize(65))).status).toBe(413);
      expect((await ask(port, chunked('/', orderOfSize(65), json))).status).toBe(413);
      expect((await ask(port, chunked('/', orderOfSize(64), json))).status).toBe(200);
      const malformed = await post('{"items": [');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toContain('cannot decode');
      expect((await post('')).status).toBe(400);
      expect((await post(' \n\t')).status).toBe(400);
    });
  });

  test('openwhisk: the body cap, malformed and empty activations', async () => {
    await withServer(bins('openwhisk').plain!, { GOFN_MAX_BODY_BYTES: '64' }, async ({ port }) => {
      const run = (body: string) => ask(port, { method: 'POST', path: '/run', headers: json, body });
      const activation = (name: string) => JSON.stringify({ value: { name } });
      expect(await run(activation('x'.repeat(64 - activation('').length)))).toMatchObject({ status: 200 });
      const tooLarge = await run(activation('x'.repeat(65 - activation('').length)));
      expect(tooLarge.status).toBe(413);
      expect(JSON.parse(tooLarge.body)).toHaveProperty('error');
      expect((await ask(port, chunked('/run', activation('x'.repeat(60)), json))).status).toBe(413);
      expect((await run('{"value": ')).status).toBe(400);
      expect((await run('')).status).toBe(400);
    });
  });

  test('streaming: the line cap, a malformed line ends the stream with an error line', async () => {
    await withServer(bins('streaming').plain!, { GOFN_MAX_BODY_BYTES: '32' }, async ({ port }) => {
      const stream = (body: string) => ask(port, { method: 'POST', path: '/', headers: ndjson, body });
      const atCap = JSON.stringify('x'.repeat(30));
      expect(await stream(`"a"\n${atCap}\n`)).toMatchObject({ status: 200, body: `"A"\n${atCap.toUpperCase()}\n` });
      const malformed = await stream('"a"\n{bad\n"c"\n');
      expect(malformed.status).toBe(200);
      const lines = malformed.body.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe('"A"');
      expect(JSON.parse(lines[1]!).error).toContain('cannot decode an input line');
      const longAfter = await stream(`"a"\n"${'x'.repeat(40)}"\n"c"\n`);
      const [first, last, ...rest] = longAfter.body.trimEnd().split('\n');
      expect([first, rest]).toEqual(['"A"', []]);
      expect(JSON.parse(last!).error).toContain('exceeds 32 bytes');
      expect((await stream(`"${'x'.repeat(40)}"\n`)).status).toBe(413);
      expect(await stream('')).toMatchObject({ status: 200, body: '' });
    });
  });

  test('http: a panic is a 500 with the stack in the log only, and serving goes on', async () => {
    await withServer(bins('http').Probe!, {}, async ({ port, stderr }) => {
      const reply = await ask(port, { method: 'GET', path: '/x?probe=panic' });
      expect(reply.status).toBe(500);
      await expectPanicLogged(reply, stderr);
      expect(await ask(port, { method: 'GET', path: '/after' })).toMatchObject({ status: 200, body: 'hello /after\n' });
    });
  });

  test('direct: a panic is a 500 with the stack in the log only, and serving goes on', async () => {
    await withServer(bins('direct').Probe!, {}, async ({ port, stderr }) => {
      const post = (items: string[]) => ask(port, { method: 'POST', path: '/', headers: json, body: JSON.stringify({ items }) });
      const reply = await post(['panic']);
      expect(reply.status).toBe(500);
      await expectPanicLogged(reply, stderr);
      expect(await post(['a', 'b'])).toMatchObject({ status: 200, body: '{"count":2}' });
    });
  });

  test('openwhisk: a panic is a 502 {"error"} with the stack in the log only', async () => {
    await withServer(bins('openwhisk').Probe!, {}, async ({ port, stderr }) => {
      const run = (value: object) => ask(port, { method: 'POST', path: '/run', headers: json, body: JSON.stringify({ value }) });
      const reply = await run({ name: 'p', probe: 'panic' });
      expect(reply.status).toBe(502);
      expect(JSON.parse(reply.body)).toHaveProperty('error');
      await expectPanicLogged(reply, stderr);
      expect(await run({ name: 'after' })).toMatchObject({ status: 200, body: '{"greeting":"Hello after"}' });
    });
  });

  test('streaming: a panic is a 500 with the stack in the log only, and serving goes on', async () => {
    await withServer(bins('streaming').Panics!, {}, async ({ port, stderr }) => {
      const reply = await ask(port, { method: 'POST', path: '/', headers: ndjson, body: '"a"\n' });
      expect(reply.status).toBe(500);
      await expectPanicLogged(reply, stderr);
      expect((await ask(port, { method: 'POST', path: '/', headers: ndjson, body: '"b"\n' })).status).toBe(500);
    });
  });
}
