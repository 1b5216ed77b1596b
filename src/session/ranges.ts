/**
 * Keeping the pre-scan's ranges current through an edit inside a brace block without scanning
 * the whole text again. The pre-scan leaves out the inside of a top-level function body or var
 * initialiser block, found from a state the text before its `{` fixes and skipped by `skipBlock`
 * alone. So an edit strictly inside such a block leaves every range as it was, only moved, exactly
 * when the block, skipped again from its `{`, still closes cleanly (no resync, no damage) at its
 * moved `}`: tree-sitter then sees the very same text, and the edited tree needs no reparse.
 */
import { skipBlock } from '../parser/prescan-lex.js';
import type { DeclarationRange, DeclarationScan, Point } from '../parser/prescan.js';
import type { Rope } from './rope.js';

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;

/** A RangeEdit is a text edit as tree-sitter's `Tree.edit` takes it, in UTF-16 units and points. */
export interface RangeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

/**
 * The index of the range just before a left-out block interior that holds the units [start,
 * end) of the rope, or -1. Such an interior is the only gap with a kept `{` before it and a kept
 * `}` after it (a comment run ends at a newline, a const value starts after a name, a block that
 * lost its `}` loses its `{` too).
 */
export function blockAround(ranges: DeclarationRange[], rope: Rope, start: number, end: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.endIndex <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const before = ranges[found];
  const after = ranges[found + 1];
  if (!before || !after || end > after.startIndex) return -1;
  return rope.charCodeAt(before.endIndex - 1) === LEFT_BRACE && rope.charCodeAt(after.startIndex) === RIGHT_BRACE ? found : -1;
}

/**
 * keepRanges updates the scan in place after `edit` changed the interior of the block after
 * `scan.ranges[block]` (as blockAround found it before the edit), and returns true; or returns
 * false, leaving it as it was, when the pre-scan would now see the block differently.
 */
export function keepRanges(scan: DeclarationScan, block: number, rope: Rope, edit: RangeEdit): boolean {
  const ranges = scan.ranges;
  const open = ranges[block]!.endIndex - 1;
  const close = ranges[block + 1]!.startIndex + edit.newEndIndex - edit.oldEndIndex;
  // Every read skipBlock makes ends inside this slice when it closes at the slice's last unit,
  // so the slice answers as the whole text would.
  const text = rope.slice(open, close + 1);
  const skipped = skipBlock(text, 1);
  if (skipped.end !== text.length - 1 || skipped.resync || skipped.damaged) return false;
  for (let i = block + 1; i < ranges.length; i++) ranges[i] = shiftRange(ranges[i]!, edit);
  const delta = edit.newEndIndex - edit.oldEndIndex;
  for (const func of scan.leftOutFuncs) {
    if (func.nameStart < edit.oldEndIndex) continue;
    func.nameStart += delta;
    func.nameEnd += delta;
  }
  for (const indices of [scan.spans, scan.deferred, scan.leftOutBraces]) {
    for (let i = 0; i < indices.length; i++) if (indices[i]! >= edit.oldEndIndex) indices[i]! += delta;
  }
  return true;
}

/** Moves a range that lies after the edit, as tree-sitter moves its own included ranges. */
function shiftRange(range: DeclarationRange, edit: RangeEdit): DeclarationRange {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  return {
    startIndex: range.startIndex + delta,
    endIndex: range.endIndex + delta,
    startPosition: shiftPoint(range.startPosition, edit),
    endPosition: shiftPoint(range.endPosition, edit),
  };
}

function shiftPoint(point: Point, edit: RangeEdit): Point {
  const { oldEndPosition: oldEnd, newEndPosition: newEnd } = edit;
  // Only the rest of the edit's last line moves sideways.
  const column = point.row === oldEnd.row ? point.column - oldEnd.column + newEnd.column : point.column;
  return { row: point.row - oldEnd.row + newEnd.row, column };
}
