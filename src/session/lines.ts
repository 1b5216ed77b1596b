/**
 * A line table kept current through edits, so that a session can turn an edit's UTF-16 offsets
 * into tree-sitter points (row, UTF-16 column) and go/token positions (UTF-8 bytes) without
 * rescanning the whole file on every keystroke, as a fresh PositionIndex would.
 */
import { PositionIndex, type Position, type Range } from '../parser/index.js';
import type { Rope } from './rope.js';
import { lastAtOrBefore } from '../sorted.js';

/** A LineTable knows where every line of a text starts, in UTF-16 units and in UTF-8 bytes of the file. */
export class LineTable {
  readonly #text: Rope;
  /** UTF-16 index of each line's first unit. */
  #starts: number[];
  /** Byte offset in the file of each line's first unit (leading bytes, e.g. a BOM, included). */
  #bytes: number[];

  /** Indexes `text` (the text tree-sitter parses) that follows `leadingBytes` bytes of the file. */
  constructor(text: Rope, leadingBytes: number) {
    this.#text = text;
    const found = this.#scan(0, leadingBytes, text.length);
    this.#starts = [0, ...found.starts];
    this.#bytes = [leadingBytes, ...found.bytes];
  }

  /** The 0-based row and UTF-16 column of `index`, as web-tree-sitter points count them. */
  point(index: number): { row: number; column: number } {
    const row = this.#lineOf(index);
    return { row, column: index - this.#starts[row]! };
  }

  /** The go/token position of `index`: 1-based line, 1-based byte column, 0-based byte offset. */
  position(index: number): Position {
    const row = this.#lineOf(index);
    const offset = this.#bytes[row]! + utf8Between(this.#text, this.#starts[row]!, index);
    // Line 1 starts at byte 0 even after a byte order mark: Go's columns count it.
    return { line: row + 1, column: offset - (row === 0 ? 0 : this.#bytes[row]!) + 1, offset };
  }

  /**
   * Updates the table after the rope's units [start, end) were replaced by `inserted` units,
   * touching only the lines the edit touched and moving the rest in place (no new arrays on a
   * keystroke: garbage here is what makes an editor's p99).
   */
  replaced(start: number, end: number, inserted: number): void {
    const first = this.#lineOf(start);
    const last = this.#lineOf(end);
    const oldNext = last + 1 < this.#starts.length ? { start: this.#starts[last + 1]!, bytes: this.#bytes[last + 1]! } : null;
    const found = this.#scan(this.#starts[first]!, this.#bytes[first]!, start + inserted);
    this.#starts = spliced(this.#starts, first + 1, last - first, found.starts);
    this.#bytes = spliced(this.#bytes, first + 1, last - first, found.bytes);
    if (!oldNext) return;
    // Widths are counted on the new text up to the first untouched line: a surrogate pair split
    // or joined by the edit changes the bytes of its neighbours.
    const delta16 = inserted - (end - start);
    const row = first + found.starts.length;
    const nextBytes = this.#bytes[row]! + utf8Between(this.#text, this.#starts[row]!, oldNext.start + delta16);
    const deltaBytes = nextBytes - oldNext.bytes;
    for (let i = row + 1; i < this.#starts.length; i++) {
      this.#starts[i]! += delta16;
      this.#bytes[i]! += deltaBytes;
    }
  }

  /** The starts (units and bytes) of the lines that begin in [from, to), the line at `from` starting at byte `bytes`. */
  #scan(from: number, bytes: number, to: number): { starts: number[]; bytes: number[] } {
    const found = { starts: [] as number[], bytes: [] as number[] };
    const text = this.#text;
    let lineStart = from;
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
      bytes += utf8Between(text, lineStart, i + 1);
      lineStart = i + 1;
      found.starts.push(lineStart);
      found.bytes.push(bytes);
    }
    return found;
  }

  #lineOf(index: number): number {
    return lastAtOrBefore(this.#starts, index);
  }
}

/**
 * A LinePositions is a PositionIndex answered by a session's line table, so that the parser's
 * own position consumers (syntax problems) run on an edited file without joining its text.
 */
export class LinePositions extends PositionIndex {
  readonly #lines: LineTable;
  readonly #length: number;

  /** Answers for the text `lines` describes, `length` UTF-16 units long. */
  constructor(lines: LineTable, length: number) {
    // The base indexes nothing: every query is overridden.
    super('');
    this.#lines = lines;
    this.#length = length;
  }

  override get byteLength(): number {
    return this.offset(this.#length);
  }

  override offset(utf16Index: number): number {
    return this.position(utf16Index).offset;
  }

  override position(utf16Index: number): Position {
    return this.#lines.position(utf16Index > 0 ? Math.min(Math.floor(utf16Index), this.#length) : 0);
  }

  override range(startIndex: number, endIndex: number): Range {
    return { start: this.position(startIndex), end: this.position(endIndex) };
  }
}

/** `array` with `remove` items at `at` replaced by `items`, in place unless `items` is too long to spread. */
function spliced(array: number[], at: number, remove: number, items: number[]): number[] {
  if (items.length < 4096) {
    array.splice(at, remove, ...items);
    return array;
  }
  return array.slice(0, at).concat(items, array.slice(at + remove));
}

/** The UTF-8 bytes of the rope's units [from, to), read with one unit of context on each side. */
function utf8Between(rope: Rope, from: number, to: number): number {
  const lead = from > 0 ? 1 : 0;
  return utf8Length(rope.slice(from - lead, to + 1), lead, lead + to - from);
}

/**
 * The UTF-8 bytes that the units [from, to) of `text` stand for, counted as PositionIndex does:
 * a surrogate pair is 4 bytes on its high half, a lone surrogate 3 (as U+FFFD).
 */
function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes++;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) bytes += isLow(text.charCodeAt(i + 1)) ? 4 : 3;
    else if (c >= 0xdc00 && c <= 0xdfff) bytes += isHigh(text.charCodeAt(i - 1)) ? 0 : 3;
    else bytes += 3;
  }
  return bytes;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
