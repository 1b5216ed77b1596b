/**
 * Moving positions past an edit. When an edit stays inside a function body, nothing detection
 * reports changes except where things after the edit now sit; a Shift says how they move, and
 * `shiftValue` moves them in a copy, sharing every part that does not move.
 */
import type { Position, Range } from '../parser/index.js';

/** A Shift says that in `file` the text up to `oldEnd` became the text up to `newEnd`; what follows moved with it. */
export interface Shift {
  file: string;
  oldEnd: Position;
  newEnd: Position;
}

function shiftPosition(p: Position, shift: Shift): Position {
  const { oldEnd, newEnd } = shift;
  if (p.offset < oldEnd.offset) return p;
  return {
    line: p.line + newEnd.line - oldEnd.line,
    // Only the rest of the edit's last line moves sideways.
    column: p.line === oldEnd.line ? p.column - oldEnd.column + newEnd.column : p.column,
    offset: p.offset + newEnd.offset - oldEnd.offset,
  };
}

function shiftRange(range: Range, shift: Shift): Range {
  const start = shiftPosition(range.start, shift);
  const end = shiftPosition(range.end, shift);
  return start === range.start && end === range.end ? range : { start, end };
}

function shiftOffset(offset: number, shift: Shift): number {
  return offset < shift.oldEnd.offset ? offset : offset + shift.newEnd.offset - shift.oldEnd.offset;
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value && typeof value.start === 'object';
}

/**
 * shiftValue returns `value` with every place in `shift.file` moved: the `range` of any object
 * whose `file` is that file, and the byte offsets `start` and `end` of its text edits. Parts with
 * nothing to move are returned as they are, so a result is copied only along changed paths.
 */
export function shiftValue<T>(value: T, shift: Shift): T {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const moved = shiftValue(item, shift);
      changed ||= moved !== item;
      return moved;
    });
    return (changed ? out : value) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const ownFile = record.file === shift.file;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    let moved: unknown;
    if (ownFile && key === 'range' && isRange(item)) moved = shiftRange(item, shift);
    else if (ownFile && (key === 'start' || key === 'end') && typeof item === 'number') moved = shiftOffset(item, shift);
    else moved = shiftValue(item, shift);
    if (moved !== item) (out ??= { ...record })[key] = moved;
  }
  return (out ?? value) as T;
}
