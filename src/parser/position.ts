/**
 * The one place where web-tree-sitter indices become go/token positions.
 *
 * web-tree-sitter reads a JS string, so node `startIndex`/`endIndex` count UTF-16 code units
 * (tree-sitter#792 shows web and native columns differing on non-ASCII lines). SPEC positions
 * count UTF-8 bytes of the file as given, so every conversion goes through a PositionIndex.
 */
import type { Position, Range } from './model.js';

/** Options say how the text handed to tree-sitter differs from the bytes of the file. */
export interface PositionIndexOptions {
  /** Bytes of the file before the text's first unit (3 for a removed byte order mark). */
  leadingBytes?: number;
  /** UTF-16 indices of U+FFFD units that stand for one invalid byte (not for a real U+FFFD). */
  invalidBytes?: ReadonlySet<number>;
}

/** Byte offsets are recorded every CHUNK units so a lookup scans at most CHUNK - 1 units. */
const CHUNK_BITS = 6;
const CHUNK = 1 << CHUNK_BITS;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A PositionIndex converts UTF-16 indices of a text into go/token positions: 1-based line,
 * 1-based column in UTF-8 bytes, 0-based byte offset, all in bytes of the original file.
 */
export class PositionIndex {
  readonly #text: string;
  readonly #leading: number;
  readonly #invalid: ReadonlySet<number> | undefined;
  // Built on first use: files that are never asked for a position cost nothing.
  #lineStarts: number[] | undefined;
  // Byte offset of every CHUNK-th unit; null when every unit is one byte (ASCII fast path).
  #checkpoints: Float64Array | null | undefined;
  // 1 for chunks whose units are all ASCII: most chunks, even in files with some non-ASCII text.
  #asciiChunks: Uint8Array | undefined;

  /** Indexes `text`, the string tree-sitter parses. */
  constructor(text: string, options: PositionIndexOptions = {}) {
    this.#text = text;
    this.#leading = options.leadingBytes ?? 0;
    this.#invalid = options.invalidBytes?.size ? options.invalidBytes : undefined;
  }

  /** The text's length in UTF-8 bytes of the file, leading bytes included. */
  get byteLength(): number {
    return this.offset(this.#text.length);
  }

  /** The 0-based byte offset in the file of the unit at `utf16Index` (clamped to the text). */
  offset(utf16Index: number): number {
    const index = this.#clamp(utf16Index);
    const checkpoints = this.#chunks();
    if (checkpoints === null) return this.#leading + index;
    const chunk = index >> CHUNK_BITS;
    const from = chunk << CHUNK_BITS;
    if (this.#asciiChunks![chunk]) return checkpoints[chunk]! + (index - from);
    return checkpoints[chunk]! + this.#bytes(from, index);
  }

  /** The go/token position of the unit at `utf16Index`. */
  position(utf16Index: number): Position {
    const index = this.#clamp(utf16Index);
    const starts = this.#lines();
    const line = lineOf(starts, index);
    const offset = this.offset(index);
    // Line 1 starts at byte 0 even with a byte order mark: Go's columns count it.
    const lineStart = line === 0 ? 0 : this.offset(starts[line]!);
    return { line: line + 1, column: offset - lineStart + 1, offset };
  }

  /** The range from `startIndex` to `endIndex` (UTF-16 units, end exclusive). */
  range(startIndex: number, endIndex: number): Range {
    return { start: this.position(startIndex), end: this.position(endIndex) };
  }

  #clamp(index: number): number {
    if (!(index > 0)) return 0;
    return Math.min(Math.floor(index), this.#text.length);
  }

  #lines(): number[] {
    if (this.#lineStarts) return this.#lineStarts;
    const starts = [0];
    const text = this.#text;
    // Go ends lines at '\n' only; a '\r' before it is counted in the line's columns.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.#lineStarts = starts;
    return starts;
  }

  #chunks(): Float64Array | null {
    if (this.#checkpoints !== undefined) return this.#checkpoints;
    const text = this.#text;
    if (!this.#invalid && !NON_ASCII.test(text)) return (this.#checkpoints = null);
    const chunks = (text.length >> CHUNK_BITS) + 1;
    const checkpoints = new Float64Array(chunks);
    const ascii = new Uint8Array(chunks);
    let bytes = this.#leading;
    for (let chunk = 0; chunk < chunks; chunk++) {
      const from = chunk << CHUNK_BITS;
      const to = Math.min(from + CHUNK, text.length);
      checkpoints[chunk] = bytes;
      let allAscii = 1;
      for (let i = from; i < to; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes++;
        else {
          allAscii = 0;
          bytes += c < 0x800 ? 2 : c < 0xd800 ? 3 : this.#width(i, c);
        }
      }
      ascii[chunk] = allAscii;
    }
    this.#asciiChunks = ascii;
    return (this.#checkpoints = checkpoints);
  }

  /** The UTF-8 bytes that the units from `from` to `to` stand for. */
  #bytes(from: number, to: number): number {
    const text = this.#text;
    let bytes = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0xd800 ? 3 : this.#width(i, c);
    }
    return bytes;
  }

  /** The bytes of a unit at or above U+D800; a surrogate pair counts 4 on its high half. */
  #width(i: number, c: number): number {
    if (c >= 0xd800 && c <= 0xdbff) return isLow(this.#text.charCodeAt(i + 1)) ? 4 : 3;
    if (c >= 0xdc00 && c <= 0xdfff) return isHigh(this.#text.charCodeAt(i - 1)) ? 0 : 3;
    if (c === 0xfffd && this.#invalid?.has(i)) return 1;
    return 3;
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The 0-based line whose start is the last one at or before `index`. */
function lineOf(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
