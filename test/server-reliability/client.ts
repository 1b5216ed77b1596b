/**
 * The HTTP client side of the reliability tests: one request through a shared keep-alive Agent,
 * with what happened to it classified (answered whole, cut after the response began, or failed
 * before any response byte).
 */
import http from 'node:http';

/** One request to send; `body` is sent whole. */
export interface Req {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What became of one request. */
export type Outcome =
  | { kind: 'answered'; status: number; body: string; ms: number; endedAt: number }
  | { kind: 'cut'; status: number; error: string }
  | { kind: 'refused'; error: string };

/** Sends req to 127.0.0.1:port through agent, and never rejects: every ending is an Outcome. */
export function send(port: number, agent: http.Agent, req: Req): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    const cr = http.request({ host: '127.0.0.1', port, agent, method: req.method, path: req.path, headers: req.headers }, (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => settle({ kind: 'cut', status, error: err.message }));
      res.on('aborted', () => settle({ kind: 'cut', status, error: 'aborted' }));
      res.on('end', () => {
        if (!res.complete) settle({ kind: 'cut', status, error: 'incomplete' });
        const body = Buffer.concat(chunks).toString();
        const endedAt = performance.now();
        settle({ kind: 'answered', status, body, ms: endedAt - started, endedAt });
      });
    });
    // An error after the response began is reported on res (above) first; this one means none did.
    cr.on('error', (err) => settle({ kind: 'refused', error: (err as NodeJS.ErrnoException).code ?? err.message }));
    cr.end(req.body);
  });
}
