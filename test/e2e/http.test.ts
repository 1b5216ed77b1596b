/**
 * End to end for the `http` kind and the shared server: requests reach the function untouched,
 * panics before and after the response began, hijacking, and a graceful stop on SIGTERM.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generate } from '../../src/codegen/index.js';
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
import { httpFn, packageResult } from './results.js';

const source = `// Package web is the http kind's end-to-end case.
package web

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// Handle echoes the request, or misbehaves on purpose, by path.
func Handle(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/panic":
		panic("handler panicked early")
	case "/panic-late":
		io.WriteString(w, "partial")
		w.(http.Flusher).Flush()
		panic("handler panicked late")
	case "/slow":
		time.Sleep(time.Second)
		io.WriteString(w, "slow done")
	case "/hijack":
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			panic(err)
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\\r\\nContent-Length: 8\\r\\nConnection: close\\r\\n\\r\\nhijacked")
		buf.Flush()
	default:
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Path", r.URL.Path)
		w.WriteHeader(http.StatusTeapot)
		fmt.Fprintf(w, "%s %s %s", r.Method, r.URL.RequestURI(), body)
	}
}
`;

describeWith('go', 'e2e: http', () => {
  let dir = '';
  let report: BuildReport;
  let server: Server | undefined;
  const result = packageResult('example.com/e2e/web', [httpFn('Handle')], 'Handle');

  beforeAll(async () => {
    const out = generate(result);
    dir = await writeModule({ 'go.mod': 'module example.com/e2e\n\ngo 1.19\n', 'web/fn.go': source, [`cmd/web/${out.fileName}`]: out.text });
    report = await checkAndBuild(dir, ['cmd'], ['./cmd/web']);
    process.stderr.write(`e2e figures: http build ${report.buildMs} ms; main.go bytes ${out.text.length}\n`);
    if (report.build.code === 0) server = await startServer(`${dir}/bin/web`, { GOFN_MAX_BODY_BYTES: '16' });
  });

  afterAll(async () => {
    await stopServer(server);
    await removeModule(dir);
  });

  test('the generated file is gofmt-clean, vet-clean and builds', () => {
    expect(report.gofmt).toEqual({ code: 0, stdout: '', stderr: '' });
    expect([report.vet.code, report.vet.stderr]).toEqual([0, '']);
    expect([report.build.code, report.build.stderr]).toEqual([0, '']);
  });

  test('the generated file guards the signature at compile time', () => {
    expect(generate(result).text).toContain('var _ func(http.ResponseWriter, *http.Request) = fn.Handle');
  });

  test('requests reach the function untouched, and the body cap does not apply', async () => {
    const body = 'b'.repeat(100);
    const reply = await request(server!.port, { method: 'PATCH', path: '/a/b?c=d', body });
    expect([reply.status, reply.headers['x-path'], reply.text]).toEqual([418, '/a/b', `PATCH /a/b?c=d ${body}`]);
  });

  test('a panic before the response is 500 and the server keeps serving', async () => {
    const reply = await request(server!.port, { path: '/panic' });
    expect(reply.status).toBe(500);
    expect(reply.text).not.toContain('goroutine');
    const log = await waitForOutput(server!.stderr, 'handler panicked early');
    expect(log).toMatch(/panic serving POST \/panic: handler panicked early\ngoroutine/);
    expect((await request(server!.port, { path: '/ok' })).status).toBe(418);
  });

  test('a panic after the response began cuts it short', async () => {
    await expect(request(server!.port, { method: 'GET', path: '/panic-late' })).rejects.toThrow();
    expect(await waitForOutput(server!.stderr, 'handler panicked late')).toContain('handler panicked late');
    expect((await request(server!.port, { path: '/ok' })).status).toBe(418);
  });

  test('the function can hijack the connection', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server!.port, '127.0.0.1', () => socket.write('GET /hijack HTTP/1.1\r\nHost: x\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1.1 200 OK\r\n[\s\S]*\r\n\r\nhijacked$/);
  });

  test('SIGTERM lets an in-flight request finish, stops accepting, and exits 0', async () => {
    const slow = request(server!.port, { method: 'GET', path: '/slow' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    server!.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(request(server!.port, { path: '/late' })).rejects.toThrow(/ECONNREFUSED/);
    const reply = await slow;
    expect([reply.status, reply.text]).toEqual([200, 'slow done']);
    expect(await server!.exited).toBe(0);
    expect(server!.stderr().match(/gofn: serving Handle on/g)).toHaveLength(1);
  });
});
