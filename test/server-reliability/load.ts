/**
 * The Node load driver used under SIGTERM: `clients` concurrent loops, each sending one request
 * at a time through one keep-alive Agent with a socket per client, until `until` resolves or
 * the time is up. It keeps every request with its outcome, so each can be judged afterwards.
 */
import http from 'node:http';
import { send, type Outcome, type Req } from './client.js';

/** What to send, for how long. */
export interface LoadSpec {
  port: number;
  clients: number;
  /** How long to keep sending, in ms; loops also stop when `until` resolves. */
  durationMs: number;
  until?: Promise<unknown>;
  /** The i-th request of the run (i counts all clients' requests). */
  request: (i: number) => Req;
}

/** Every request sent, with its outcome. */
export type Sent = { req: Req; outcome: Outcome }[];

/** Runs spec's load and returns every request with its outcome. */
export async function runLoad(spec: LoadSpec): Promise<Sent> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.clients, maxFreeSockets: spec.clients });
  const sent: Sent = [];
  let stop = false;
  let next = 0;
  void spec.until?.then(() => (stop = true));
  const timer = setTimeout(() => (stop = true), spec.durationMs);
  const loop = async () => {
    while (!stop) {
      const req = spec.request(next++);
      sent.push({ req, outcome: await send(spec.port, agent, req) });
    }
  };
  await Promise.all(Array.from({ length: spec.clients }, loop));
  clearTimeout(timer);
  agent.destroy();
  return sent;
}
