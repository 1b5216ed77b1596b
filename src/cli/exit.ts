/**
 * The exit codes of SPEC §4 in one pure function, so each rule has a test and the CLI cannot
 * drift from the contract.
 */
import type { DetectResult, DirError } from '../schema.js';

/** An ExitCode is 0 (a function was selected), 1 (none could be) or 2 (input unusable). */
export type ExitCode = 0 | 1 | 2;

/**
 * An Outcome is how a run ended: with output (one object, or an array for several packages), or
 * with an error that stopped it. `unusable` marks output that was printed although what was asked
 * for could not be done with it (`--emit` for a non-main package without an importPath).
 */
export type Outcome = { output: Output; unusable?: boolean } | { error: string };

/** Output is what the CLI prints: one result for one directory, else an array. */
export type Output = DetectResult | (DetectResult | DirError)[];

function isResult(entry: DetectResult | DirError): entry is DetectResult {
  return 'package' in entry;
}

/**
 * exitCodeFor maps an outcome to SPEC §4's code: 2 when the input could not be read or used,
 * else 0 when any package has a selection and 1 when none does (an empty array included; an
 * unreadable directory among several is not by itself a reason for 2).
 */
export function exitCodeFor(outcome: Outcome): ExitCode {
  if ('error' in outcome || outcome.unusable) return 2;
  const entries = Array.isArray(outcome.output) ? outcome.output : [outcome.output];
  return entries.some((entry) => isResult(entry) && entry.selected !== null) ? 0 : 1;
}
