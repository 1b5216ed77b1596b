/**
 * Positions for the Language Server Protocol. gofn-detect's positions count UTF-8 bytes, as
 * go/token and `go vet -json` do; LSP's `character` counts UTF-16 code units (its default
 * `positionEncoding`), and so does a JS string. These pure functions convert between the two over
 * the text the editor holds, which must be the text `detect` was given, as a string.
 */
import type { Position, Range, TextEdit } from './schema.js';

/** An LspPosition is LSP's `Position`: 0-based line and 0-based UTF-16 `character`. */
export interface LspPosition {
  line: number;
  character: number;
}

/** An LspRange is LSP's `Range`, end exclusive. */
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** An LspTextEdit is LSP's `TextEdit`: replace `range` with `newText`. */
export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

/**
 * UTF-8 bytes of the code unit at `index`: a surrogate pair is 4 for its first unit and 0 for its
 * second; a lone surrogate is 3, as TextEncoder writes it as U+FFFD.
 */
function unitBytes(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 4 : 3;
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return index > 0 && previous >= 0xd800 && previous <= 0xdbff ? 0 : 3;
  }
  return 3;
}

/** The UTF-16 index where 0-based `line` starts (lines end at `\n`, as in Go), clamped to the text. */
function lineStart(text: string, line: number): number {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return text.length;
    start = newline + 1;
  }
  return start;
}

/** UTF-16 units after `from` that cover `bytes` UTF-8 bytes, stopping at the end of the line. */
function unitsForBytes(text: string, from: number, bytes: number): number {
  let index = from;
  let counted = 0;
  while (counted < bytes && index < text.length && text[index] !== '\n') {
    const size = unitBytes(text, index);
    counted += size;
    index += size === 4 ? 2 : 1;
  }
  return index - from;
}

/** UTF-8 bytes of the units `[from, to)` of text. */
function bytesOf(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) bytes += unitBytes(text, i);
  return bytes;
}

/**
 * utf16Column converts a 1-based UTF-8 byte column of one line's text into LSP's 0-based UTF-16
 * `character` (a column inside a character, or past the line's end, is moved to its end).
 */
export function utf16Column(lineText: string, utf8Column: number): number {
  return unitsForBytes(lineText, 0, utf8Column - 1);
}

/** toLspPosition converts a gofn-detect Position (line and UTF-8 column) into an LSP position in text. */
export function toLspPosition(text: string, position: Position): LspPosition {
  const line = position.line - 1;
  return { line, character: unitsForBytes(text, lineStart(text, line), position.column - 1) };
}

/** toLspRange converts a gofn-detect Range into an LSP range in text. */
export function toLspRange(text: string, range: Range): LspRange {
  return { start: toLspPosition(text, range.start), end: toLspPosition(text, range.end) };
}

/** utf16Offset converts a 0-based UTF-8 byte offset into text into a UTF-16 index (a JS string index). */
export function utf16Offset(text: string, utf8Offset: number): number {
  let index = 0;
  let counted = 0;
  while (counted < utf8Offset && index < text.length) {
    const bytes = unitBytes(text, index);
    counted += bytes;
    index += bytes === 4 ? 2 : 1;
  }
  return index;
}

/** toLspPositionAt converts a 0-based UTF-8 byte offset into text (as in a fix's edits) into an LSP position. */
export function toLspPositionAt(text: string, utf8Offset: number): LspPosition {
  const index = utf16Offset(text, utf8Offset);
  let line = 0;
  let start = 0;
  for (let newline = text.indexOf('\n'); newline >= 0 && newline < index; newline = text.indexOf('\n', start)) {
    line++;
    start = newline + 1;
  }
  return { line, character: index - start };
}

/** toLspTextEdit converts one edit of a SuggestedFix (UTF-8 byte offsets) into an LSP TextEdit over text. */
export function toLspTextEdit(text: string, edit: TextEdit): LspTextEdit {
  return { range: { start: toLspPositionAt(text, edit.start), end: toLspPositionAt(text, edit.end) }, newText: edit.newText };
}

/**
 * fromLspPosition converts an LSP position in text (a cursor, a hover) into a gofn-detect
 * Position: 1-based line, 1-based UTF-8 column and 0-based UTF-8 byte offset.
 */
export function fromLspPosition(text: string, position: LspPosition): Position {
  const start = lineStart(text, position.line);
  const lineEnd = text.indexOf('\n', start);
  const end = Math.min(start + Math.max(position.character, 0), lineEnd < 0 ? text.length : lineEnd);
  const column = bytesOf(text, start, end);
  return { line: position.line + 1, column: column + 1, offset: bytesOf(text, 0, start) + column };
}
