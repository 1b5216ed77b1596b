/**
 * Edits to a session file. Every change updates the rope, the line table and the tree
 * (`tree.edit`), then one incremental parse follows. When every change lay inside one function
 * body and the new tree differs from the old only inside that body, the file's model still holds
 * (its positions moved by the returned shifts) and nothing is extracted again.
 */
import { Edit, type Tree } from 'web-tree-sitter';
import type { BuildContext, GoParser } from '../parser/index.js';
import { sourceDiagnostics } from '../detect-diagnostics.js';
import { closeFile, load, parseFile, setText, sourceOf, textOf, treeProblems, type SessionFile } from './file.js';
import { shiftValue, type Shift } from './shift.js';

/** A TextChange replaces the UTF-16 units [start, end) of a file's current text with `text` (as LSP sends them). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Where a function body sits: the function's start, the body's `{` and just after its `}`. */
interface Body {
  fnStart: number;
  bodyStart: number;
  bodyEnd: number;
}

/** The function body that strictly holds the units [start, end) of the tree's text, if any. */
function bodyAround(tree: Tree, start: number, end: number): Body | null {
  const top = tree.rootNode.firstChildForIndex(start);
  if (!top || top.startIndex >= start || (top.type !== 'function_declaration' && top.type !== 'method_declaration')) return null;
  const body = top.childForFieldName('body');
  if (!body || body.type !== 'block' || !(body.startIndex < start && end < body.endIndex)) return null;
  return { fnStart: top.startIndex, bodyStart: body.startIndex, bodyEnd: body.endIndex };
}

/** The body of the top-level function that starts at `fnStart`, if one does. */
function bodyOf(tree: Tree, fnStart: number): Body | null {
  const top = tree.rootNode.firstChildForIndex(fnStart);
  const body = top?.startIndex === fnStart ? top.childForFieldName('body') : null;
  return body ? bodyAround(tree, body.startIndex + 1, body.startIndex + 1) : null;
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

/**
 * Applies one change, in parsed-text units, to the rope, the line table and the tree; returns
 * how the positions after it moved, and whether it can have made or unmade a NUL or CRLF.
 */
function trackChange(file: SessionFile, start: number, end: number, text: string): { shift: Shift; plain: boolean } {
  const { lines, rope } = file;
  const startPosition = lines.point(start);
  const oldEndPosition = lines.point(end);
  const oldEnd = lines.position(end);
  const plain = !/[\0\r]/.test(text) && !/[\0\r]/.test(rope.slice(start, end));
  rope.replace(start, end, text);
  lines.replaced(start, end, text.length);
  file.text = null;
  file.decoded = null;
  const newEndIndex = start + text.length;
  const newEndPosition = lines.point(newEndIndex);
  file.tree?.edit(new Edit({ startIndex: start, oldEndIndex: end, newEndIndex, startPosition, oldEndPosition, newEndPosition }));
  const joinsCrlf = rope.charCodeAt(start - 1) === 13 && rope.charCodeAt(start) === 10;
  return { shift: { file: file.name, oldEnd, newEnd: lines.position(newEndIndex) }, plain: plain && !joinsCrlf };
}

interface Applied {
  shifts: Shift[];
  /** The start of the function whose body held every change, or null. */
  fnStart: number | null;
  /** True when no change touched a NUL or a CR, so the file's encoding problems stand. */
  plain: boolean;
}

/** Applies the changes in order; a change to a leading byte order mark sets the text afresh. */
function applyChanges(file: SessionFile, changes: TextChange[]): Applied {
  checkChanges(file, changes);
  const applied: Applied = { shifts: [], fnStart: null, plain: true };
  let fnStart: number | null | undefined = file.outcome.use === 'in' && file.tree ? undefined : null;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (!keepsBom(file, change)) {
      const text = changes.slice(i).reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), textOf(file));
      closeFile(file);
      setText(file, text);
      return { shifts: [], fnStart: null, plain: false };
    }
    const skip = file.bom ? 1 : 0;
    const [start, end] = [change.start - skip, change.end - skip];
    const around: Body | null = fnStart !== null ? bodyAround(file.tree!, start, end) : null;
    fnStart = around && (fnStart === undefined || fnStart === around.fnStart) ? around.fnStart : null;
    const { shift, plain } = trackChange(file, start, end, change.text);
    applied.shifts.push(shift);
    applied.plain &&= plain;
  }
  applied.fnStart = fnStart ?? null;
  return applied;
}

/**
 * editFile applies changes in order and reparses incrementally. It returns the shifts when every
 * change stayed inside one function body and the tree outside it did not change (the model holds,
 * moved by the shifts), or null when the file's outcome was worked out again.
 */
export function editFile(parser: GoParser, file: SessionFile, changes: TextChange[], ctx: BuildContext): Shift[] | null {
  const { shifts, fnStart, plain } = applyChanges(file, changes);
  const old = file.tree;
  if (!old || fnStart === null) {
    load(parser, file, ctx, old);
    return null;
  }
  const expected = bodyOf(old, fnStart);
  const tree = parseFile(parser, file, old);
  const now = bodyOf(tree, fnStart);
  const inside =
    expected !== null &&
    now !== null &&
    now.bodyStart === expected.bodyStart &&
    now.bodyEnd === expected.bodyEnd &&
    old.getChangedRanges(tree).every((r) => r.startIndex > now.bodyStart && r.endIndex < now.bodyEnd);
  old.delete();
  file.tree = null;
  if (!inside) {
    load(parser, file, ctx, null, tree);
    return null;
  }
  file.tree = tree;
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
