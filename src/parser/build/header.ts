/**
 * Finds a file's build constraint lines and decides whether they are satisfied, after go/build's
 * parseFileHeader and shouldBuild. Positions are UTF-16 indices into the text, for editors.
 */
import { evaluate, parseGoBuildExpr, parsePlusBuildExpr, splitGoBuild, splitPlusBuild } from './constraint.js';
import { leadingSpaceLength, trimSpace } from './space.js';

/** A Line is one line of the file with Go white space trimmed, and where that text sits. */
export interface Line {
  text: string;
  start: number;
  end: number;
}

/** A Header is what parseFileHeader finds: the `//go:build` line, and where `// +build` lines may end. */
interface Header {
  goBuild: Line | undefined;
  /** The end of the last blank line before the first line that is neither blank nor a `//` comment. */
  plusBuildEnd: number;
}

/** A HeaderError is a constraint problem that makes go/build reject the file with an error. */
export interface HeaderError {
  error: string;
  line: Line;
}

/** A Verdict says whether a file's constraints are satisfied, or why they cannot be read. */
export type Verdict = { build: boolean } | HeaderError;

const goBuildPrefix = '//go:build';

/** Yields the lines of `text` split at `\n`, each trimmed, with the index just past its newline. */
function* linesOf(text: string, limit = text.length): Generator<Line & { next: number }> {
  let start = 0;
  while (start < limit) {
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 || newline >= limit ? limit : newline;
    const raw = text.slice(start, stop);
    const trimmed = trimSpace(raw);
    const from = start + leadingSpaceLength(raw);
    yield { text: trimmed, start: from, end: from + trimmed.length, next: Math.min(stop + 1, limit) };
    start = stop + 1;
  }
}

/** Reports whether a trimmed line is a `//go:build` comment: the prefix, then space or nothing. */
function isGoBuildComment(line: string): boolean {
  if (!line.startsWith(goBuildPrefix)) return false;
  const rest = line.slice(goBuildPrefix.length);
  return rest === '' || trimSpace(rest).length < rest.length;
}

/**
 * Scans the comments and blank lines before the first other text, as parseFileHeader does.
 * `//go:build` lines count anywhere in that region outside `/* *\/`; a second one is an error.
 */
function scanHeader(text: string): Header | HeaderError {
  let plusBuildEnd = 0;
  let ended = false; // a line that is neither blank nor `//` ends the region for `// +build`
  let inSlashStar = false;
  let goBuild: Line | undefined;
  for (const line of linesOf(text)) {
    if (line.text === '' && !ended) {
      plusBuildEnd = line.next;
      continue;
    }
    if (!line.text.startsWith('//')) ended = true;
    if (!inSlashStar && isGoBuildComment(line.text)) {
      const found = { text: line.text, start: line.start, end: line.end };
      if (goBuild) return { error: 'multiple //go:build comments', line: found };
      goBuild = found;
    }
    const state = skipComments(line.text, inSlashStar);
    if (state === 'code') break;
    inSlashStar = state === 'in-comment';
  }
  return { goBuild, plusBuildEnd };
}

/** Follows `//` and `/* *\/` comments across one trimmed line; 'code' when other text remains. */
function skipComments(line: string, inSlashStar: boolean): 'in-comment' | 'outside' | 'code' {
  let rest = line;
  let inside = inSlashStar;
  while (rest.length > 0) {
    if (inside) {
      const close = rest.indexOf('*/');
      if (close < 0) return 'in-comment';
      inside = false;
      rest = trimSpace(rest.slice(close + 2));
    } else if (rest.startsWith('//')) {
      return 'outside';
    } else if (rest.startsWith('/*')) {
      inside = true;
      rest = trimSpace(rest.slice(2));
    } else {
      return 'code';
    }
  }
  return inside ? 'in-comment' : 'outside';
}

/**
 * Decides whether a file's build constraints are satisfied, as go/build's shouldBuild does: a
 * `//go:build` line controls; without one, every `// +build` line in the header must hold.
 */
export function shouldBuild(text: string, ok: (tag: string) => boolean): Verdict {
  const header = scanHeader(text);
  if ('error' in header) return header;
  if (header.goBuild) {
    // scanHeader accepted the line as `//go:build`, so splitting it cannot fail.
    const parsed = parseGoBuildExpr(splitGoBuild(header.goBuild.text)!);
    if ('error' in parsed) return { error: `parsing //go:build line: ${parsed.error}`, line: header.goBuild };
    return { build: evaluate(parsed.expr, ok) };
  }
  for (const line of linesOf(text, header.plusBuildEnd)) {
    if (!line.text.startsWith('//') || !line.text.includes('+build')) continue;
    const body = splitPlusBuild(line.text);
    // A line Go cannot read as `// +build` (or finds too complex) is an ordinary comment.
    const expr = body === undefined ? undefined : parsePlusBuildExpr(body);
    if (expr && !evaluate(expr, ok)) return { build: false };
  }
  return { build: true };
}
