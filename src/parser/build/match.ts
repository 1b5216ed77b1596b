/**
 * Whether one file belongs to the package built for a context (SPEC §1), decided as go/build's
 * matchFile does, minus the checks that need the parsed file (`import "C"`, package clause).
 */
import { shouldBuild } from './header.js';
import { type BuildContext, goodOSArchFile, matchTag } from './tags.js';

/** The reasons a file is left out, in the order they are checked. */
export type ExclusionReason = 'not-go' | 'ignored-name' | 'test-file' | 'file-name' | 'build-constraint';

/**
 * A FileMatch says whether a file is part of the package and, if not, why. An unreadable
 * constraint carries go/build's message and the UTF-16 range of the offending line.
 */
export type FileMatch =
  | { include: true }
  | { include: false; reason: ExclusionReason }
  | { include: false; reason: 'invalid-constraint'; message: string; start: number; end: number };

/**
 * Decides whether the file `name` (a base name) with decoded content `text` (no BOM) is compiled
 * into the package for `ctx`.
 */
export function matchFile(name: string, text: string, ctx: BuildContext): FileMatch {
  if (name.startsWith('_') || name.startsWith('.')) return { include: false, reason: 'ignored-name' };
  if (!name.endsWith('.go')) return { include: false, reason: 'not-go' };
  if (name.endsWith('_test.go')) return { include: false, reason: 'test-file' };
  return matchGoSource(name, text, ctx);
}

/**
 * The part of go/build's Context.MatchFile that looks at a Go file's name suffixes and content.
 * Unlike `matchFile` it keeps `_test.go` files, as MatchFile does, so tests can compare the two.
 */
export function matchGoSource(name: string, text: string, ctx: BuildContext): FileMatch {
  if (!goodOSArchFile(name, ctx)) return { include: false, reason: 'file-name' };
  const verdict = shouldBuild(text, (tag) => matchTag(tag, ctx));
  if ('error' in verdict) {
    const { start, end } = verdict.line;
    return { include: false, reason: 'invalid-constraint', message: verdict.error, start, end };
  }
  return verdict.build ? { include: true } : { include: false, reason: 'build-constraint' };
}
