/**
 * SIGTERM under load. A request is lost only if its response began and did not finish, or if
 * the server read it whole (the probe logged its id: the function ran) and it was never
 * answered. A request that failed before any response byte, or was answered 503, and that the
 * probe never saw was refused, which a stopping server may do.
 */
import type { Outcome, Req } from './client.js';
import { runLoad, type Sent } from './load.js';
import { gotPrefix } from './probes.js';
import type { Workload } from './workloads.js';
import type { Server } from '../e2e/harness.js';

/** The count of each fate, and how the server ended. */
export interface SigtermReport {
  sent: number;
  accepted: number;
  completed: number;
  refused: number;
  lost: number;
  /** Answered whole, but not with the expected 200 reply. */
  wrong: number;
  /** Completed after the signal: requests the drain let finish. */
  completedAfterSignal: number;
  /** Refused requests by error code. */
  refusedBy: Record<string, number>;
  firstProblem?: string;
  exit: number | string;
  /** From SIGTERM to the process's exit. */
  stopMs: number;
}

/** Options of a run: clients, how long the probe sleeps per request, and when which signal is sent. */
export interface SigtermOptions {
  clients: number;
  sleep: string;
  termAfterMs: number;
  /** SIGTERM; SIGKILL is the control run, where requests must be seen lost. */
  signal: 'SIGTERM' | 'SIGKILL';
}

/** Drives server (a Probe binary) with w's probe requests, signals it mid-load and counts fates. */
export async function loadThroughSigterm(server: Server, w: Workload, options: SigtermOptions): Promise<SigtermReport> {
  const ids = new Map<Req, string>();
  let termAt = 0;
  const term = setTimeout(() => {
    termAt = performance.now();
    server.process.kill(options.signal);
  }, options.termAfterMs);
  const sent = await runLoad({
    port: server.port,
    clients: options.clients,
    durationMs: 60_000,
    until: server.exited,
    request: (i) => {
      const { req, id } = w.probe(i, options.sleep);
      ids.set(req, id);
      return req;
    },
  });
  clearTimeout(term);
  const exit = await server.exited;
  const stopMs = performance.now() - termAt;
  const got = new Set(
    server
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith(gotPrefix))
      .map((line) => line.slice(gotPrefix.length)),
  );
  return { ...judge(sent, (req) => got.has(ids.get(req)!), w, termAt), exit, stopMs };
}

/**
 * One request's fate. A 503 the function never saw is a refusal too: a draining server may
 * answer so to requests that begin after the signal, and the function did not run.
 */
function fateOf(outcome: Outcome, seen: boolean, expected: string): 'completed' | 'wrong' | 'lost' | 'refused' {
  if (outcome.kind === 'cut') return 'lost';
  if (outcome.kind === 'refused') return seen ? 'lost' : 'refused';
  if (outcome.status === 200 && outcome.body === expected) return 'completed';
  return outcome.status === 503 && !seen ? 'refused' : 'wrong';
}

/** Gives each request its fate; `seen` says whether the probe logged the request. */
function judge(sent: Sent, seen: (req: Req) => boolean, w: Workload, termAt: number): Omit<SigtermReport, 'exit' | 'stopMs'> {
  const counts = { completed: 0, refused: 0, lost: 0, wrong: 0, completedAfterSignal: 0 };
  const refusedBy: Record<string, number> = {};
  let firstProblem: string | undefined;
  for (const { req, outcome } of sent) {
    const fate = fateOf(outcome, seen(req), w.expected(req));
    counts[fate]++;
    if (outcome.kind === 'answered' && fate === 'completed' && outcome.endedAt > termAt) counts.completedAfterSignal++;
    if (fate === 'refused') {
      const why = outcome.kind === 'refused' ? outcome.error : 'HTTP 503';
      refusedBy[why] = (refusedBy[why] ?? 0) + 1;
    }
    if (fate === 'wrong' || fate === 'lost') firstProblem ??= JSON.stringify({ req, outcome }).slice(0, 300);
  }
  const accepted = counts.completed + counts.lost + counts.wrong;
  return { sent: sent.length, accepted, ...counts, refusedBy, ...(firstProblem === undefined ? {} : { firstProblem }) };
}

/** One line of figures for CI output. */
export function describeSigterm(name: string, r: SigtermReport): string {
  return (
    `${name}: sent ${r.sent}, accepted ${r.accepted}, completed ${r.completed} (${r.completedAfterSignal} after the signal), ` +
    `refused ${r.refused} ${JSON.stringify(r.refusedBy)}, lost ${r.lost}, wrong ${r.wrong}; exit ${r.exit} ${Math.round(r.stopMs)} ms after the signal` +
    (r.firstProblem ? ` (first problem: ${r.firstProblem})` : '')
  );
}
