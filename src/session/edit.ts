/**
 * Edits to a session file. Every change updates the rope, the line table and the tree
 * (`tree.edit`). When every change lay inside a function body (or var initialiser block) that
 * the pre-scan leaves out, and left the pre-scan's ranges as they were (only moved), tree-sitter
 * would see the same text: the edited tree is kept without a parse, and the file's model still
 * holds, its positions moved by the returned shifts. Any other edit reparses incrementally over
 * the new ranges and extracts the file again.
 */
import { Edit } from 'web-tree-sitter';
import type { BuildContext, GoParser } from '../parser/index.js';
import { sourceDiagnostics } from '../detect-diagnostics.js';
import { closeFile, load, setText, sourceOf, textOf, treeProblems, type SessionFile } from './file.js';
import { blockAround, keepRanges, type RangeEdit } from './ranges.js';
import { shiftValue, type Shift } from './shift.js';

/** A TextChange replaces the UTF-16 units [start, end) of a file's current text with `text` (as LSP sends them). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Checks every change against the length the ones before it leave, before any is applied. */
function checkChanges(file: SessionFile, changes: TextChange[]): void {
  let length = file.rope.length + (file.bom ? 1 : 0);
  for (const { start, end, text } of changes) {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length)) {
      throw new RangeError(`change [${start}, ${end}) is outside ${file.name} (${length} UTF-16 units)`);
    }
    length += text.length - (end - start);
  }
}

/** Whether the change leaves a leading byte order mark as it is (else the text is set afresh). */
function keepsBom(file: SessionFile, change: TextChange): boolean {
  return file.bom ? change.start > 0 : !(change.start === 0 && change.text.charCodeAt(0) === 0xfeff);
}

interface Tracked {
  edit: RangeEdit;
  shift: Shift;
  plain: boolean;
}

/**
 * Applies one change, in parsed-text units, to the rope, the line table and the tree; returns
 * the tree's edit, how the positions after the change moved, and whether it can have made or
 * unmade a NUL or CRLF. `widen` stretches the tree's edit over the unit after the change, which
 * the change leaves as it was: tree-sitter grows a token that an insertion just follows, and the
 * `{` of a left-out block must not grow when its first unit is typed.
 */
function trackChange(file: SessionFile, start: number, end: number, text: string, widen: boolean): Tracked {
  const { lines, rope } = file;
  const extra = widen ? 1 : 0;
  const startPosition = lines.point(start);
  const oldEndPosition = lines.point(end + extra);
  const oldEnd = lines.position(end);
  const plain = !/[\0\r]/.test(text) && !/[\0\r]/.test(rope.slice(start, end));
  rope.replace(start, end, text);
  lines.replaced(start, end, text.length);
  file.text = null;
  file.decoded = null;
  const newEndIndex = start + text.length;
  const edit: RangeEdit = {
    startIndex: start,
    oldEndIndex: end + extra,
    newEndIndex: newEndIndex + extra,
    startPosition,
    oldEndPosition,
    newEndPosition: lines.point(newEndIndex + extra),
  };
  file.tree?.edit(new Edit(edit));
  const joinsCrlf = rope.charCodeAt(start - 1) === 13 && rope.charCodeAt(start) === 10;
  const shift = { file: file.name, oldEnd, newEnd: lines.position(newEndIndex) };
  return { edit, shift, plain: plain && !joinsCrlf };
}

interface Applied {
  shifts: Shift[];
  /** True when every change stayed inside a left-out block and `file.scan` still holds, moved. */
  kept: boolean;
  /** True when no change touched a NUL or a CR, so the file's encoding problems stand. */
  plain: boolean;
}

/** Applies the changes in order; a change to a leading byte order mark sets the text afresh. */
function applyChanges(file: SessionFile, changes: TextChange[]): Applied {
  checkChanges(file, changes);
  const applied: Applied = { shifts: [], kept: file.outcome.use === 'in' && file.scan !== null, plain: true };
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!keepsBom(file, change)) {
      const text = changes.slice(i).reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), textOf(file));
      closeFile(file);
      setText(file, text);
      return { shifts: [], kept: false, plain: false };
    }
    const skip = file.bom ? 1 : 0;
    const [start, end] = [change.start - skip, change.end - skip];
    // A NUL anywhere makes the pre-scan keep the whole text.
    const scan = applied.kept && !change.text.includes('\0') ? file.scan : null;
    const block = scan ? blockAround(scan.ranges, file.rope, start, end) : -1;
    const opens = scan !== null && block >= 0 && start === end && start === scan.ranges[block]!.endIndex;
    const { edit, shift, plain } = trackChange(file, start, end, change.text, opens);
    applied.shifts.push(shift);
    applied.plain &&= plain;
    applied.kept = scan !== null && block >= 0 && keepRanges(scan, block, file.rope, edit);
    // The scan no longer matches the text: the next parse works it out again.
    if (!applied.kept) file.scan = null;
  }
  return applied;
}

/**
 * editFile applies changes in order. It returns the shifts when every change stayed inside a
 * left-out block and left the ranges as they were (the tree and the model hold, moved by the
 * shifts), or null when the file was parsed and its outcome worked out again.
 */
export function editFile(parser: GoParser, file: SessionFile, changes: TextChange[], ctx: BuildContext): Shift[] | null {
  const { shifts, kept, plain } = applyChanges(file, changes);
  if (!kept) {
    load(parser, file, ctx, file.tree);
    return null;
  }
  file.stale = true;
  keepCurrent(file, shifts, plain);
  return shifts;
}

/** Brings a file's encoding diagnostics and syntax problems up to date after an edit inside a body. */
function keepCurrent(file: SessionFile, shifts: Shift[], plain: boolean): void {
  const outcome = file.outcome;
  const encodingStands = plain && (outcome.use !== 'in' || outcome.diagnostics.every((d) => d.code === 'byte-order-mark'));
  if (outcome.use === 'in' && !encodingStands) {
    file.outcome = { ...outcome, diagnostics: sourceDiagnostics(file.name, sourceOf(file).problems) };
  }
  let { prefix, suffix } = file.syntax;
  for (const shift of shifts) {
    prefix = shiftValue(prefix, shift);
    suffix = shiftValue(suffix, shift);
  }
  file.syntax = { prefix, tree: treeProblems(file), suffix };
}
