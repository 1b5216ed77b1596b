#!/usr/bin/env node
// `npm run fuzz`: the property-based fuzzing of test/fuzz.test.ts at full size, 100,000 cases
// with a fresh seed, then one line with the count and the time. Options: --runs N, --seed S.
// A failure prints fast-check's seed and path; GOFN_FUZZ_SEED and GOFN_FUZZ_PATH replay it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const runs = Number(option('runs', process.env.GOFN_FUZZ_RUNS ?? 100_000));
const seed = Number(option('seed', process.env.GOFN_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31)));
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: node scripts/fuzz.mjs [--runs N] [--seed S]\n');
  process.exit(2);
}

const reportDir = mkdtempSync(join(tmpdir(), 'gofn-fuzz-'));
const report = join(reportDir, 'report.json');
// vitest's exports hide its bin; its package.json is exported, and the bin sits beside it.
const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
process.stdout.write(`fuzz: ${runs} cases, seed ${seed}\n`);
const started = performance.now();
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz.test.ts'], {
  cwd: packageRoot,
  stdio: 'inherit',
  env: { ...process.env, GOFN_FUZZ_RUNS: String(runs), GOFN_FUZZ_SEED: String(seed), GOFN_FUZZ_REPORT: report },
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
let tally = null;
try {
  tally = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // No report: vitest stopped before the fuzz tests finished; its own output says why.
}
rmSync(reportDir, { recursive: true, force: true });
const count = tally ? `${tally.runs} cases fuzzed in ${(tally.ms / 1000).toFixed(1)} s` : 'no report';
process.stdout.write(`fuzz: ${count} (${seconds} s in all), seed ${seed}: ${result.status === 0 ? 'passed' : 'FAILED'}\n`);
process.exitCode = result.status ?? 1;
