/**
 * What each kind's load sends and expects back. `plain` requests go to the fixture's own
 * function; `probe` requests go to its Probe wrapper, carry an id the probe logs, and may ask it
 * to sleep, so that requests are in flight when SIGTERM comes.
 */
import type { Req } from './client.js';
import type { KindCase } from './servers.js';

/**
 * A request for the fixture's own function and the exact body of its 200 reply; `{i}` stands for
 * the request's number, so the Go load generator and the Node tests fill in the same shapes.
 */
export interface Template {
  method: string;
  path: string;
  contentType: string;
  body: string;
  expected: string;
}

/** The i-th request of a template and the reply body it should get. */
export function fill(t: Template, i: number): { req: Req; expected: string } {
  const put = (s: string) => s.replaceAll('{i}', String(i));
  const headers = t.contentType ? { 'Content-Type': t.contentType } : undefined;
  return { req: { method: t.method, path: put(t.path), ...(headers ? { headers } : {}), body: put(t.body) }, expected: put(t.expected) };
}

/** A kind's requests: `plain` for the fixture's function, `probe` for its Probe wrapper. */
export interface Workload {
  plain: Template;
  /** A probe request with its id as the probe logs it; `sleep` is a Go duration or ''. */
  probe: (i: number, sleep: string) => { req: Req; id: string };
  /** The body of the 200 reply a probe request should get. */
  expected: (req: Req) => string;
}

const json = { 'Content-Type': 'application/json' };
const ndjson = { 'Content-Type': 'application/x-ndjson' };

const httpLoad: Workload = {
  plain: { method: 'GET', path: '/r/{i}', contentType: '', body: '', expected: 'hello /r/{i}\n' },
  probe: (i, sleep) => ({ req: { method: 'GET', path: `/r/${i}?sleep=${sleep}` }, id: `/r/${i}` }),
  expected: (req) => `hello ${req.path.split('?')[0]}\n`,
};

const directLoad: Workload = {
  plain: { method: 'POST', path: '/', contentType: json['Content-Type'], body: '{"items":["a{i}","b","c"]}', expected: '{"count":3}' },
  probe: (i, sleep) => ({
    req: { method: 'POST', path: '/', headers: json, body: JSON.stringify({ items: [`id${i}`, sleep] }) },
    id: `id${i}`,
  }),
  expected: (req) => JSON.stringify({ count: (JSON.parse(req.body!) as { items: string[] }).items.length }),
};

const streamingLoad: Workload = {
  plain: { method: 'POST', path: '/', contentType: ndjson['Content-Type'], body: '"s{i}"\n"t"\n', expected: '"S{i}"\n"T"\n' },
  probe: (i, sleep) => {
    const id = sleep ? `id${i} ${sleep}` : `id${i}`;
    return { req: { method: 'POST', path: '/', headers: ndjson, body: JSON.stringify(id) + '\n' }, id };
  },
  expected: (req) =>
    req
      .body!.split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.stringify((JSON.parse(line) as string).toUpperCase()) + '\n')
      .join(''),
};

const openwhiskLoad: Workload = {
  plain: {
    method: 'POST',
    path: '/run',
    contentType: json['Content-Type'],
    body: '{"value":{"name":"n{i}"},"activation_id":"a{i}"}',
    expected: '{"greeting":"Hello n{i}"}',
  },
  probe: (i, sleep) => ({
    req: { method: 'POST', path: '/run', headers: json, body: JSON.stringify({ value: { name: `id${i}`, sleep } }) },
    id: `id${i}`,
  }),
  expected: (req) => JSON.stringify({ greeting: `Hello ${(JSON.parse(req.body!) as { value: { name: string } }).value.name}` }),
};

/** The workload of each kind. */
export const workloads: Record<KindCase['kind'], Workload> = {
  http: httpLoad,
  direct: directLoad,
  streaming: streamingLoad,
  openwhisk: openwhiskLoad,
};
