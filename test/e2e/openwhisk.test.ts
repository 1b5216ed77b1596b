/**
 * End to end for the `openwhisk` kind, written as OpenWhisk actions usually are: a package main
 * served in place by gofn_main.go. The package declares names the generated file would otherwise
 * use (`log`, `gofnServe`), so the file must pick others.
 */
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
import { mainResult, openwhiskFn } from './results.js';

const source = `// Command action is an OpenWhisk action in package main, as OpenWhisk expects.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

// log and gofnServe are names the generated file would use if they were free.
var log []string

func gofnServe() {}

var active int32

// Main greets, fails, panics, reports its environment or sleeps, as the value's mode says.
func Main(args json.RawMessage) (interface{}, error) {
	var p struct{ Name, Mode string }
	if err := json.Unmarshal(args, &p); err != nil {
		return nil, err
	}
	fmt.Println("activation log line for", p.Name)
	switch p.Mode {
	case "error":
		return nil, errors.New("no greeting for " + p.Name)
	case "panic":
		panic("the action panicked on purpose")
	case "env":
		return map[string]string{
			"namespace":  os.Getenv("__OW_NAMESPACE"),
			"activation": os.Getenv("__OW_ACTIVATION_ID"),
			"apiKey":     os.Getenv("__OW_API_KEY"),
			"value":      os.Getenv("__OW_VALUE"),
			"deadline":   os.Getenv("__OW_DEADLINE"),
		}, nil
	case "sleep":
		n := atomic.AddInt32(&active, 1)
		defer atomic.AddInt32(&active, -1)
		time.Sleep(200 * time.Millisecond)
		return map[string]bool{"overlap": n > 1}, nil
	}
	return map[string]string{"greeting": "Hello, " + p.Name}, nil
}
`;

const marker = 'XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX';
const count = (text: string, part: string) => text.split(part).length - 1;

describeWith('go', 'e2e: openwhisk in package main', () => {
  let dir = '';
  let report: BuildReport;
  let server: Server | undefined;
  let text = '';
  const result = mainResult([openwhiskFn('Main')], 'Main', ['Main', 'active', 'gofnServe', 'log']);
  let runs = 0;
  const run = (value: unknown, extra: Record<string, unknown> = {}) => {
    runs += 1;
    const body = JSON.stringify({ value, ...extra });
    return request(server!.port, { path: '/run', headers: { 'Content-Type': 'application/json' }, body });
  };

  beforeAll(async () => {
    const out = generate(result);
    text = out.text;
    expect(out.fileName).toBe('gofn_main.go');
    dir = await writeModule({ 'go.mod': 'module example.com/action\n\ngo 1.19\n', 'action.go': source, [out.fileName]: out.text });
    report = await checkAndBuild(dir, [out.fileName], ['.']);
    process.stderr.write(`e2e figures: openwhisk (package main) build ${report.buildMs} ms; gofn_main.go bytes ${out.text.length}\n`);
    if (report.build.code === 0) server = await startServer(`${dir}/bin/action`, { GOFN_MAX_BODY_BYTES: '4096' });
  });

  afterAll(async () => {
    await stopServer(server);
    await removeModule(dir);
  });

  test('the generated file joins the package, is gofmt-clean and vet-clean, and builds', () => {
    expect(text).not.toMatch(/"example.com\/action"/);
    expect(text).toContain('gofn2log "log"');
    expect(text).toContain('func gofn2Serve(');
    expect(report.gofmt).toEqual({ code: 0, stdout: '', stderr: '' });
    expect([report.vet.code, report.vet.stderr]).toEqual([0, '']);
    expect([report.build.code, report.build.stderr]).toEqual([0, '']);
  });

  test('/run before /init still runs, and the result is 200 JSON', async () => {
    const reply = await run({ Name: 'early' });
    expect([reply.status, reply.headers['content-type'], JSON.parse(reply.text)]).toEqual([200, 'application/json', { greeting: 'Hello, early' }]);
  });

  test('/init is 200 {"ok":true} once, then 403', async () => {
    const first = await request(server!.port, { path: '/init', body: '{"value":{"code":"ignored"}}' });
    expect([first.status, first.text]).toEqual([200, '{"ok":true}']);
    const second = await request(server!.port, { path: '/init', body: '{}' });
    expect(second.status).toBe(403);
    expect(JSON.parse(second.text)).toHaveProperty('error');
  });

  test('a returned error is 200 {"error": …}', async () => {
    const reply = await run({ Name: 'Ann', Mode: 'error' });
    expect([reply.status, JSON.parse(reply.text)]).toEqual([200, { error: 'no greeting for Ann' }]);
  });

  test('a panic is 502 {"error": …}, logged before the end markers, and the next run works', async () => {
    const reply = await run({ Mode: 'panic' });
    expect(reply.status).toBe(502);
    expect(JSON.parse(reply.text).error).toContain('panicked');
    expect(reply.text).not.toContain('goroutine');
    const log = await waitForOutput(server!.stderr, 'the action panicked on purpose');
    const panicAt = log.indexOf('the action panicked on purpose');
    expect(log.indexOf('goroutine', panicAt)).toBeGreaterThan(panicAt);
    expect(log.indexOf(marker, panicAt)).toBeGreaterThan(panicAt);
    expect((await run({ Name: 'after' })).status).toBe(200);
  });

  test('other string members become __OW_ variables for that activation only', async () => {
    const activation = { activation_id: 'a1', namespace: 'ns', action_name: 'act', api_key: 'k', deadline: '123' };
    const reply = await run({ Mode: 'env' }, activation);
    expect(JSON.parse(reply.text)).toEqual({ namespace: 'ns', activation: 'a1', apiKey: 'k', value: '', deadline: '123' });
    const next = await run({ Mode: 'env' }, { deadline: 5 });
    expect(JSON.parse(next.text)).toEqual({ namespace: '', activation: '', apiKey: '', value: '', deadline: '' });
  });

  test('each /run ends with the marker on stdout and on stderr, after its own log lines', async () => {
    await run({ Name: 'marked' });
    const stdout = await waitForOutput(server!.stdout, `activation log line for marked\n${marker}\n`);
    expect(stdout).toContain(`activation log line for marked\n${marker}\n`);
    const everyRun = (read: () => string) => waitForOutput(() => (count(read(), marker) >= runs ? 'all' : ''), 'all');
    await everyRun(server!.stdout);
    await everyRun(server!.stderr);
    expect([count(server!.stdout(), marker), count(server!.stderr(), marker)]).toEqual([runs, runs]);
  });

  test('concurrent activations run one at a time', async () => {
    const started = Date.now();
    const replies = await Promise.all([run({ Mode: 'sleep' }), run({ Mode: 'sleep' }), run({ Mode: 'sleep' })]);
    expect(replies.map((reply) => JSON.parse(reply.text))).toEqual([{ overlap: false }, { overlap: false }, { overlap: false }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(590);
  });

  test('a /run body over GOFN_MAX_BODY_BYTES is 413', async () => {
    const reply = await run({ Name: 'x'.repeat(5000) });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toHaveProperty('error');
  });
});
