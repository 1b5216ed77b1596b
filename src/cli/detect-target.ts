/**
 * Detection of one directory the CLI was given, shared by the main thread and the worker threads
 * (pool.ts): synchronous, because a thread that reads one directory after another gains nothing
 * from the event loop and pays for every promise.
 */
import { buildContextOf, NoPackageError } from '../detect.js';
import { cleanDir, DirectoryError } from '../node/index.js';
import { detectPackageDir, type DetectDirOptions } from '../node/detect-dir.js';
import { readPackageDirSync } from '../node/read.js';
import { matchFile, type BuildContext, type GoParser } from '../parser/index.js';
import type { DetectResult, DirError } from '../schema.js';
import type { ModuleLookup } from './modules.js';

/** A Target is a directory to detect, and whether a `...` pattern matched it. */
export interface Target {
  dir: string;
  matched: boolean;
}

/** What one target gives: a result, an error entry, or nothing (a pattern's match with no package). */
export type Detected = DetectResult | DirError | undefined;

/** The reasons for leaving a file out that its name alone gives (matchFile checks them before the text). */
const nameReasons = new Set(['not-go', 'ignored-name', 'test-file', 'file-name']);

/** textNeeded says, for a context, whether detect needs a file's text to decide on it. */
export function textNeeded(ctx: BuildContext): (name: string) => boolean {
  return (name) => {
    const match = matchFile(name, '', ctx);
    return match.include || !nameReasons.has(match.reason);
  };
}

/**
 * detectTarget is detectDir for the CLI. A directory that cannot be read, or holds no package, is
 * reported rather than thrown; a pattern's match whose files are all excluded is left out, as go
 * list leaves it out. Files whose name leaves them out are not read (readPackageDirSync's needsText).
 */
export function detectTarget(parser: GoParser, { dir, matched }: Target, options: DetectDirOptions, modules: ModuleLookup): Detected {
  try {
    const pkg = readPackageDirSync(dir, { needsText: textNeeded(buildContextOf(options)) });
    return detectPackageDir(parser, cleanDir(dir), pkg, modules(dir), options);
  } catch (error) {
    if (error instanceof NoPackageError && matched) return undefined;
    if (error instanceof DirectoryError || error instanceof NoPackageError) return { dir, error: error.message };
    throw error;
  }
}
