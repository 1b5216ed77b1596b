/**
 * End to end for the `streaming` kind: NDJSON in and out, full duplex over node:http's request
 * streaming, error lines, the per-line cap, and a function that panics.
 */
import { once } from 'node:events';
import http from 'node:http';
import { createInterface } from 'node:readline';
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
  writeModule,
  type BuildReport,
  type Server,
} from './harness.js';
import { packageResult, streamingFn } from './results.js';

const source = `// Package stream is the streaming kind's end-to-end case.
package stream

import (
	"encoding/json"
	"errors"
	"strings"
)

// Point is one input of Sum.
type Point struct{ X, Y int }

// UnmarshalJSON decodes a Point, and panics on X = 13, in the generated code's own goroutine.
func (p *Point) UnmarshalJSON(b []byte) error {
	type plain Point
	if err := json.Unmarshal(b, (*plain)(p)); err != nil {
		return err
	}
	if p.X == 13 {
		panic("unlucky")
	}
	return nil
}

// Upper upper-cases each input as it comes.
func Upper(in <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for s := range in {
			out <- strings.ToUpper(s)
		}
	}()
	return out
}

// Sum replies with the running sum of X, and fails on a negative X.
func Sum(in <-chan Point) (<-chan int, <-chan error) {
	out := make(chan int)
	errs := make(chan error, 1)
	go func() {
		defer close(out)
		total := 0
		for p := range in {
			if p.X < 0 {
				errs <- errors.New("negative x")
				return
			}
			total += p.X
			out <- total
		}
	}()
	return out, errs
}

// Boom panics before it returns a channel.
func Boom(in <-chan string) <-chan string {
	panic("boom")
}
`;

const functions: ClassifiedFunction[] = [
  streamingFn('Boom', 'string', 'string', false, { text: 'func(<-chan string) <-chan string', imports: [] }),
  streamingFn('Sum', 'Point', 'int', true, null),
  streamingFn('Upper', 'string', 'string', false, { text: 'func(<-chan string) <-chan string', imports: [] }),
];

const limit = 64;
const ndjson = { 'Content-Type': 'application/x-ndjson' };

describeWith('go', 'e2e: streaming', () => {
  let dir = '';
  let report: BuildReport;
  const servers = new Map<string, Server>();
  const port = (name: string) => servers.get(name)!.port;

  beforeAll(async () => {
    const files: Record<string, string> = { 'go.mod': 'module example.com/e2e\n\ngo 1.19\n', 'stream/fn.go': source };
    const sizes: string[] = [];
    for (const fn of functions) {
      const out = generate(packageResult('example.com/e2e/stream', functions, fn.name));
      files[`cmd/${fn.name}/${out.fileName}`] = out.text;
      sizes.push(`${fn.name}=${out.text.length}`);
    }
    dir = await writeModule(files);
    report = await checkAndBuild(dir, ['cmd'], ['./cmd/...']);
    process.stderr.write(`e2e figures: streaming build ${report.buildMs} ms; main.go bytes ${sizes.join(' ')}\n`);
    if (report.build.code !== 0) return;
    for (const fn of functions) {
      servers.set(fn.name, await startServer(`${dir}/bin/${fn.name}`, { GOFN_MAX_BODY_BYTES: String(limit) }));
    }
  });

  afterAll(async () => {
    await Promise.all([...servers.values()].map(stopServer));
    await removeModule(dir);
  });

  test('the generated files are gofmt-clean, vet-clean and build', () => {
    expect(report.gofmt).toEqual({ code: 0, stdout: '', stderr: '' });
    expect([report.vet.code, report.vet.stderr]).toEqual([0, '']);
    expect([report.build.code, report.build.stderr]).toEqual([0, '']);
  });

  test('full duplex: the first result arrives before the second line is sent', async () => {
    // A keep-alive client, as most are: Go 1.19 would otherwise read the whole body before replying.
    const agent = new http.Agent({ keepAlive: true });
    const req = http.request({ host: '127.0.0.1', port: port('Upper'), method: 'POST', headers: ndjson, agent });
    req.write('"one"\n');
    const [res] = (await once(req, 'response')) as [http.IncomingMessage];
    expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/x-ndjson']);
    const lines = createInterface({ input: res })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('"ONE"');
    req.write('"two"\n');
    expect((await lines.next()).value).toBe('"TWO"');
    req.end('"three"\n');
    expect((await lines.next()).value).toBe('"THREE"');
    expect((await lines.next()).done).toBe(true);
    agent.destroy();
  });

  test('lines sent at once come back in order; blank lines are skipped; no Content-Type is fine', async () => {
    const reply = await request(port('Upper'), { body: '"a"\n\n  \n"b"\r\n"c"' });
    expect([reply.status, reply.text]).toEqual([200, '"A"\n"B"\n"C"\n']);
  });

  test('an empty body is a clean, empty reply', async () => {
    const reply = await request(port('Upper'), { headers: ndjson, body: '' });
    expect([reply.status, reply.headers['content-type'], reply.text]).toEqual([200, 'application/x-ndjson', '']);
  });

  test('a line that does not decode ends the reply with an error line after the results before it', async () => {
    const reply = await request(port('Upper'), { headers: ndjson, body: '"a"\n{not json\n"c"\n' });
    const lines = reply.text.trimEnd().split('\n');
    expect(lines[0]).toBe('"A"');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).error).toContain('cannot decode an input line');
  });

  test('a panic while decoding a line ends the reply with an error line, and the server keeps serving', async () => {
    const reply = await request(port('Sum'), { headers: ndjson, body: '{"X":1}\n{"X":13}\n{"X":2}\n' });
    const lines = reply.text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('1');
    expect(JSON.parse(lines[1]!).error).toBe('internal server error while decoding an input line');
    expect(reply.text).not.toContain('goroutine');
    const after = await request(port('Sum'), { headers: ndjson, body: '{"X":5}\n' });
    expect(after.text).toBe('5\n');
  });

  test('a Content-Type that is not JSON lines is 415', async () => {
    const reply = await request(port('Upper'), { headers: { 'Content-Type': 'text/plain' }, body: '"a"\n' });
    expect(reply.status).toBe(415);
    expect(JSON.parse(reply.text)).toHaveProperty('error');
  });

  test('a line over GOFN_MAX_BODY_BYTES is 413 before any result, an error line after', async () => {
    const long = `"${'x'.repeat(limit)}"\n`;
    const first = await request(port('Upper'), { headers: ndjson, body: long });
    expect(first.status).toBe(413);
    const later = await request(port('Upper'), { headers: ndjson, body: `"a"\n${long}` });
    const lines = later.text.trimEnd().split('\n');
    expect([later.status, lines[0], lines.length]).toEqual([200, '"A"', 2]);
    expect(JSON.parse(lines[1]!).error).toContain(`exceeds ${limit} bytes`);
  });

  test('an error from the error channel is the final line', async () => {
    const reply = await request(port('Sum'), { headers: ndjson, body: '{"X":1}\n{"X":2}\n{"X":-1}\n{"X":5}\n' });
    expect(reply.text).toBe('1\n3\n{"error":"negative x"}\n');
  });

  test('a panic in the function is 500, and the server keeps serving', async () => {
    for (let i = 0; i < 2; i++) {
      const reply = await request(port('Boom'), { headers: ndjson, body: '"a"\n' });
      expect(reply.status).toBe(500);
      expect(reply.text).not.toContain('goroutine');
    }
    expect(servers.get('Boom')!.stderr()).toContain('panic serving POST /: boom');
  });
});
