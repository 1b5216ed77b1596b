/**
 * The Go load generator (loadgen/main.go), built once into a temp dir. A Go client gives
 * trustworthy throughput on a 2-core machine: the Node client saturates its one thread at about
 * a third of the rate the servers sustain, so its figures would measure itself.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../e2e/harness.js';
import type { Template } from './workloads.js';

const sourceDir = fileURLToPath(new URL('./loadgen/', import.meta.url));

/** The figures loadgen prints; latencies in ms. */
export interface LoadReport {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  firstError?: string;
}

/** Builds loadgen into outDir and returns the binary's path. */
export async function buildLoadgen(outDir: string): Promise<string> {
  const bin = join(outDir, 'loadgen');
  const build = await run('go', ['build', '-o', bin, '.'], sourceDir);
  if (build.code !== 0) throw new Error(`go build loadgen failed:\n${build.stderr}`);
  return bin;
}

/** Runs loadgen against 127.0.0.1:port with `clients` clients for durationMs. */
export async function runLoadgen(bin: string, port: number, template: Template, clients: number, durationMs: number): Promise<LoadReport> {
  const args = [`-addr=127.0.0.1:${port}`, `-clients=${clients}`, `-duration=${durationMs}ms`, `-template=${JSON.stringify(template)}`];
  const out = await run(bin, args, sourceDir);
  if (out.code !== 0) throw new Error(`loadgen failed (${out.code}): ${out.stderr}`);
  return JSON.parse(out.stdout) as LoadReport;
}

/** One line of figures for CI output. */
export function describeLoad(name: string, clients: number, r: LoadReport): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return (
    `load ${name}: ${clients} clients, ${r.requests} requests in ${r.seconds.toFixed(2)} s = ${Math.round(r.rps)} req/s, ` +
    `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}, errors ${r.errors}` +
    (r.firstError ? ` (first: ${r.firstError})` : '')
  );
}
