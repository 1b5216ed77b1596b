/**
 * End to end for the `direct` kind: one function per form (plus a defined []byte-like type), each
 * served by its own generated main.go, checked with gofmt and go vet, built, and driven over HTTP.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generate } from '../../src/codegen/index.js';
import type { ClassifiedFunction } from '../../src/schema.js';
import { describeWith } from '../support/tools.js';
import {
  checkAndBuild,
  removeModule,
  request,
  startServer,
  stopServer,
  waitForOutput,
  writeModule,
  type BuildReport,
  type Server,
} from './harness.js';
import { directFn, packageResult } from './results.js';

const source = `// Package direct has one function per direct form, for the end-to-end tests.
package direct

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Str is an alias, so it is a string and may travel as raw text.
type Str = string

// Point travels as JSON.
type Point struct{ X, Y int }

// Upper upper-cases s, and panics on "panic".
func Upper(s Str) Str {
	if s == "panic" {
		panic("upper was told to panic")
	}
	return strings.ToUpper(s)
}

// Scale doubles p and refuses a negative X.
func Scale(p Point) (Point, error) {
	if p.X < 0 {
		return Point{}, fmt.Errorf("cannot scale x=%d", p.X)
	}
	return Point{p.X * 2, p.Y * 2}, nil
}

// Origin supplies the origin.
func Origin() Point { return Point{} }

// Blob supplies bytes.
func Blob() ([]byte, error) { return []byte{0, 1, 2, 'g', 'o'}, nil }

// Record prints p.
func Record(p Point) { fmt.Println("recorded", p.X, p.Y) }

// Check refuses a negative X.
func Check(p Point) error {
	if p.X < 0 {
		return errors.New("x must not be negative")
	}
	return nil
}

// Ping prints a line.
func Ping() { fmt.Println("ping") }

// Fail always fails.
func Fail() error { return errors.New("always fails") }

// Raw echoes a JSON value; json.RawMessage is a defined type, so it goes as JSON only.
func Raw(m json.RawMessage) json.RawMessage { return m }
`;

const functions: ClassifiedFunction[] = [
  directFn('Blob', 'supplier', true, { output: '[]byte' }, { text: 'func() ([]byte, error)', imports: [] }),
  directFn('Check', 'consumer', true, { input: 'Point' }, null),
  directFn('Fail', 'runnable', true, {}, { text: 'func() error', imports: [] }),
  directFn('Origin', 'supplier', false, { output: 'Point' }, null),
  directFn('Ping', 'runnable', false, {}, { text: 'func()', imports: [] }),
  directFn('Raw', 'function', false, { input: 'json.RawMessage', output: 'json.RawMessage' }, {
    text: 'func(json.RawMessage) json.RawMessage',
    imports: ['encoding/json'],
  }),
  directFn('Record', 'consumer', false, { input: 'Point' }, null),
  directFn('Scale', 'function', true, { input: 'Point', output: 'Point' }, null),
  directFn('Upper', 'function', false, { input: 'Str', output: 'Str' }, null),
];

const limit = 1024;
const json = { 'Content-Type': 'application/json' };
const text = { 'Content-Type': 'text/plain' };

describeWith('go', 'e2e: direct', () => {
  let dir = '';
  let report: BuildReport;
  const servers = new Map<string, Server>();
  const port = (name: string) => servers.get(name)!.port;

  beforeAll(async () => {
    const files: Record<string, string> = { 'go.mod': 'module example.com/e2e\n\ngo 1.19\n', 'direct/fn.go': source };
    const sizes: string[] = [];
    for (const fn of functions) {
      const out = generate(packageResult('example.com/e2e/direct', functions, fn.name));
      files[`cmd/${fn.name}/${out.fileName}`] = out.text;
      sizes.push(`${fn.name}=${out.text.length}`);
    }
    dir = await writeModule(files);
    report = await checkAndBuild(dir, ['cmd'], ['./cmd/...']);
    process.stderr.write(`e2e figures: direct build ${report.buildMs} ms; main.go bytes ${sizes.join(' ')}\n`);
    if (report.build.code !== 0) return;
    await Promise.all(
      functions.map(async (fn) => {
        servers.set(fn.name, await startServer(`${dir}/bin/${fn.name}`, { GOFN_MAX_BODY_BYTES: String(limit) }));
      }),
    );
  });

  afterAll(async () => {
    await Promise.all([...servers.values()].map(stopServer));
    await removeModule(dir);
  });

  test('the generated files are gofmt-clean, vet-clean and build', () => {
    expect(report.gofmt).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(report.vet.stderr).toBe('');
    expect(report.vet.code).toBe(0);
    expect(report.build.stderr).toBe('');
    expect(report.build.code).toBe(0);
  });

  test('each server logs one ready line', () => {
    for (const [name, server] of servers) {
      expect(server.stderr().match(/gofn: serving/g)).toHaveLength(1);
      expect(server.stderr()).toContain(`serving ${name} on`);
    }
  });

  test('function: JSON in and out by default', async () => {
    const reply = await request(port('Upper'), { body: '"go"' });
    expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([200, 'application/json', '"GO"']);
  });

  test('function: text/plain in and out, for an alias of string', async () => {
    const reply = await request(port('Upper'), { headers: { ...text, Accept: 'text/plain' }, body: 'hello' });
    expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([200, 'text/plain; charset=utf-8', 'HELLO']);
  });

  test('function: text/plain in, JSON out when Accept is absent', async () => {
    const reply = await request(port('Upper'), { headers: text, body: 'hi' });
    expect([reply.status, reply.text]).toEqual([200, '"HI"']);
  });

  test('function: application/octet-stream in and out', async () => {
    const reply = await request(port('Upper'), {
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/octet-stream' },
      body: 'bytes',
    });
    expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([200, 'application/octet-stream', 'BYTES']);
  });

  test('function: Accept q values choose the encoding', async () => {
    const jsonFirst = await request(port('Upper'), {
      headers: { ...text, Accept: 'text/plain;q=0.5, application/json;q=0.9' },
      body: 'a',
    });
    expect(jsonFirst.text).toBe('"A"');
    const textFirst = await request(port('Upper'), { headers: { ...text, Accept: 'application/json;q=0.1, text/*' }, body: 'a' });
    expect([textFirst.headers['content-type'], textFirst.text]).toEqual(['text/plain; charset=utf-8', 'A']);
  });

  test('function: an Accept that cannot be met is 406', async () => {
    const reply = await request(port('Upper'), { headers: { Accept: 'application/xml' }, body: '"a"' });
    expect(reply.status).toBe(406);
  });

  test('function: an unknown Content-Type is 415', async () => {
    const reply = await request(port('Upper'), { headers: { 'Content-Type': 'application/xml' }, body: '<a/>' });
    expect(reply.status).toBe(415);
  });

  test('function: an empty text body is the empty string', async () => {
    const reply = await request(port('Upper'), { headers: { ...text, Accept: 'text/plain' }, body: '' });
    expect([reply.status, reply.text]).toEqual([200, '']);
  });

  test('function: an empty JSON body is 400', async () => {
    const reply = await request(port('Upper'), { headers: json, body: '' });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('empty');
  });

  test('function: a body that does not decode is 400 with the reason', async () => {
    const reply = await request(port('Upper'), { headers: json, body: '{"not a string"' });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('cannot decode the body');
  });

  test('function: a body over GOFN_MAX_BODY_BYTES is 413', async () => {
    const reply = await request(port('Upper'), { headers: text, body: 'x'.repeat(limit + 1) });
    expect(reply.status).toBe(413);
    const atLimit = await request(port('Upper'), { headers: { ...text, Accept: 'text/plain' }, body: 'x'.repeat(limit) });
    expect([atLimit.status, atLimit.text.length]).toEqual([200, limit]);
  });

  test('function: a panic is 500 without the stack, logged with it, and the next request is served', async () => {
    const reply = await request(port('Upper'), { body: '"panic"' });
    expect(reply.status).toBe(500);
    expect(reply.text).not.toContain('goroutine');
    expect(reply.text).not.toContain('upper was told to panic');
    const log = await waitForOutput(servers.get('Upper')!.stderr, 'goroutine');
    expect(log).toContain('panic serving POST /: upper was told to panic');
    expect(log).toContain('goroutine');
    const next = await request(port('Upper'), { body: '"ok"' });
    expect([next.status, next.text]).toEqual([200, '"OK"']);
  });

  test('function: every method and path is served', async () => {
    const reply = await request(port('Upper'), { method: 'PUT', path: '/any/path?q=1', body: '"x"' });
    expect([reply.status, reply.text]).toEqual([200, '"X"']);
  });

  test('function with error: JSON round trip of a struct', async () => {
    const reply = await request(port('Scale'), { headers: json, body: '{"X":1,"Y":2}' });
    expect([reply.status, reply.text]).toEqual([200, '{"X":2,"Y":4}']);
  });

  test('function with error: text/plain for a struct is 415, Accept text/plain is 406', async () => {
    expect((await request(port('Scale'), { headers: text, body: 'x' })).status).toBe(415);
    expect((await request(port('Scale'), { headers: { Accept: 'text/plain' }, body: '{}' })).status).toBe(406);
  });

  test('function with error: a returned error is 500 with its message', async () => {
    const reply = await request(port('Scale'), { body: '{"X":-1}' });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('cannot scale x=-1');
  });

  test('supplier: the body and Content-Type are ignored', async () => {
    const reply = await request(port('Origin'), { headers: { 'Content-Type': 'application/xml' }, body: '<not json>' });
    expect([reply.status, reply.text]).toEqual([200, '{"X":0,"Y":0}']);
    const get = await request(port('Origin'), { method: 'GET' });
    expect([get.status, get.text]).toEqual([200, '{"X":0,"Y":0}']);
  });

  test('supplier with error: []byte as raw bytes or as JSON', async () => {
    const raw = await request(port('Blob'), { method: 'GET', headers: { Accept: 'application/octet-stream' } });
    expect([raw.status, [...raw.body]]).toEqual([200, [0, 1, 2, 103, 111]]);
    const asJson = await request(port('Blob'), { method: 'GET' });
    expect([asJson.status, asJson.text]).toEqual([200, '"AAECZ28="']);
  });

  test('consumer: 204, and the function ran', async () => {
    const reply = await request(port('Record'), { body: '{"X":1,"Y":2}' });
    expect([reply.status, reply.text]).toEqual([204, '']);
    expect(await waitForOutput(servers.get('Record')!.stdout, 'recorded 1 2')).toContain('recorded 1 2');
    expect((await request(port('Record'), { body: 'nope' })).status).toBe(400);
  });

  test('consumer with error: 204 whatever Accept says, 500 on error', async () => {
    const ok = await request(port('Check'), { headers: { Accept: 'application/xml' }, body: '{"X":1}' });
    expect(ok.status).toBe(204);
    const failed = await request(port('Check'), { body: '{"X":-1}' });
    expect([failed.status, failed.text]).toEqual([500, 'x must not be negative\n']);
  });

  test('runnable: 204 and the body is ignored', async () => {
    const reply = await request(port('Ping'), { headers: { 'Content-Type': 'image/png' }, body: 'whatever' });
    expect(reply.status).toBe(204);
    expect(await waitForOutput(servers.get('Ping')!.stdout, 'ping')).toContain('ping');
  });

  test('runnable with error: 500 with the message', async () => {
    const reply = await request(port('Fail'), { method: 'GET' });
    expect([reply.status, reply.text]).toEqual([500, 'always fails\n']);
  });

  test('a defined type such as json.RawMessage goes as JSON only', async () => {
    const reply = await request(port('Raw'), { body: '{"a": [1, 2]}' });
    expect([reply.status, reply.text]).toEqual([200, '{"a":[1,2]}']);
    expect((await request(port('Raw'), { headers: text, body: 'x' })).status).toBe(415);
    expect((await request(port('Raw'), { headers: { Accept: 'text/plain' }, body: '1' })).status).toBe(406);
  });

  test('SIGINT stops a server too, with exit 0', async () => {
    const server = servers.get('Ping')!;
    server.process.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('gofn: stopped');
  });
});
