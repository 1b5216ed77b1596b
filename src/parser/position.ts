/**
 * The one place where web-tree-sitter indices become go/token positions.
 *
 * web-tree-sitter reads a JS string, so node `startIndex`/`endIndex` count UTF-16 code units
 * (tree-sitter#792 shows web and native columns differing on non-ASCII lines). SPEC positions
 * count UTF-8 bytes of the file as given, so every conversion goes through a PositionIndex.
 */
import type { Position, Range } from './model.js';
import { lastAtOrBefore } from '../sorted.js';

/** Options say how the text handed to tree-sitter differs from the bytes of the file. */
export interface PositionIndexOptions {
  /** Bytes of the file before the text's first unit (3 for a removed byte order mark). */
  leadingBytes?: number;
  /** UTF-16 indices of U+FFFD units that stand for one invalid byte (not for a real U+FFFD). */
  invalidBytes?: ReadonlySet<number>;
}

/** A RangeIndex gives the Range of a span of the text that tree-sitter parsed, in UTF-16 indices. */
export interface RangeIndex {
  range(startIndex: number, endIndex: number): Range;
}

/** Byte offsets are recorded every 64 units (2^CHUNK_BITS) so a lookup scans at most 63 units. */
const CHUNK_BITS = 6;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUNS = /[^\x00-\x7f]+/g;

/**
 * A PositionIndex converts UTF-16 indices of a text into go/token positions: 1-based line,
 * 1-based column in UTF-8 bytes, 0-based byte offset, all in bytes of the original file.
 */
export class PositionIndex implements RangeIndex {
  readonly #text: string;
  readonly #leading: number;
  readonly #invalid: ReadonlySet<number> | undefined;
  // Built as far as positions are asked for: files never asked cost nothing.
  readonly #lineStarts: number[] = [0];
  /** Where the search for more line starts goes on (just after the last found), or -1 when all are found. */
  #linesEnd = 0;
  // The line of the last position asked for: extraction asks in file order, mostly on one line.
  #lastLine = 0;
  // Byte offset of every 64th unit; null when every unit is one byte (ASCII fast path).
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
    return this.#offsetOf(this.#clamp(utf16Index));
  }

  /** The go/token position of the unit at `utf16Index`. */
  position(utf16Index: number): Position {
    // One function for the common path: positions are asked for every node detection reads,
    // mostly while the code is still cold, where every call costs.
    const text = this.#text;
    const index = utf16Index > 0 ? Math.min(Math.floor(utf16Index), text.length) : 0;
    const starts = this.#linesThrough(index);
    let line = this.#lastLine;
    if (!(starts[line]! <= index && !(starts[line + 1]! <= index))) line = this.#lastLine = lastAtOrBefore(starts, index);
    const checkpoints = this.#checkpoints === undefined ? this.#chunks() : this.#checkpoints;
    if (checkpoints === null) {
      // Every unit is one byte.
      const offset = this.#leading + index;
      return { line: line + 1, column: line === 0 ? offset + 1 : index - starts[line]! + 1, offset };
    }
    const offset = this.#offsetOf(index);
    // Line 1 starts at byte 0 even with a byte order mark: Go's columns count it.
    const lineStart = line === 0 ? 0 : this.#offsetOf(starts[line]!);
    return { line: line + 1, column: offset - lineStart + 1, offset };
  }

  /** The range from `startIndex` to `endIndex` (UTF-16 units, end exclusive). */
  range(startIndex: number, endIndex: number): Range {
    return { start: this.position(startIndex), end: this.position(endIndex) };
  }

  /** The byte offset of the unit at a clamped index. */
  #offsetOf(index: number): number {
    const checkpoints = this.#chunks();
    if (checkpoints === null) return this.#leading + index;
    const chunk = index >> CHUNK_BITS;
    const from = chunk << CHUNK_BITS;
    if (this.#asciiChunks![chunk]) return checkpoints[chunk]! + (index - from);
    return checkpoints[chunk]! + this.#bytes(from, index);
  }

  #clamp(index: number): number {
    if (!(index > 0)) return 0;
    return Math.min(Math.floor(index), this.#text.length);
  }

  /**
   * The starts of the lines, found at least through the line of `index`: only as far as
   * positions are asked for (detection reads declarations, rarely the file's last lines).
   */
  #linesThrough(index: number): number[] {
    const starts = this.#lineStarts;
    if (this.#linesEnd < 0 || this.#linesEnd >= index) return starts;
    // Go ends lines at '\n' only; a '\r' before it is counted in the line's columns.
    const text = this.#text;
    let nl = this.#linesEnd;
    for (;;) {
      nl = text.indexOf('\n', nl);
      if (nl === -1) {
        this.#linesEnd = -1;
        break;
      }
      starts.push(++nl);
      if (nl > index) {
        this.#linesEnd = nl;
        break;
      }
    }
    return starts;
  }

  #chunks(): Float64Array | null {
    if (this.#checkpoints !== undefined) return this.#checkpoints;
    const text = this.#text;
    if (!this.#invalid && !NON_ASCII.test(text)) return (this.#checkpoints = null);
    const chunks = (text.length >> CHUNK_BITS) + 1;
    const checkpoints = new Float64Array(chunks);
    const ascii = new Uint8Array(chunks).fill(1);
    // The byte offset minus the index, for the units read so far: the leading bytes, and what
    // non-ASCII units add or take away.
    let shift = this.#leading;
    let recorded = 0;
    const recordThrough = (chunk: number) => {
      for (; recorded <= chunk; recorded++) checkpoints[recorded] = (recorded << CHUNK_BITS) + shift;
    };
    // Only non-ASCII units are not one byte each: a regular expression finds them much faster
    // than a loop over every unit.
    for (const run of text.matchAll(NON_ASCII_RUNS)) {
      for (let i = run.index, end = i + run[0].length; i < end; i++) {
        const chunk = i >> CHUNK_BITS;
        recordThrough(chunk);
        ascii[chunk] = 0;
        shift += this.#bytes(i, i + 1) - 1;
      }
    }
    recordThrough(chunks - 1);
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
