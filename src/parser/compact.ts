/**
 * The kept spans of a pre-scanned text, joined into one short string for tree-sitter. It reads
 * the same tokens as a parse over `includedRanges` (a ranged parse reads the ranges one after
 * another too), but without a jump and a call back into JS at every range: a file keeps about 40
 * ranges, and those jumps were a quarter of the parse. The braces that the bodies of left-out
 * declarations keep (for a session's sake) can be dropped too. Node indices then count units of
 * the joined text, so ranges are mapped back to the file here.
 */
import type { Range } from './model.js';
import type { PositionIndex, RangeIndex } from './position.js';
import { lastAtOrBefore } from '../sorted.js';

/** A CompactText is the joined text, with the Range of a span of it in the file. */
export class CompactText implements RangeIndex {
  readonly text: string;
  /** Where each range starts in the joined text, and in the file. */
  readonly #joinedStarts: number[] = [];
  readonly #fileStarts: number[] = [];
  readonly #positions: PositionIndex;
  // Extraction asks in file order: the last range found is nearly always the next one's.
  #last = 0;

  /**
   * Joins the `spans` (start, end pairs, in order) of `text`, whose positions `positions` gives,
   * without the units at the indices `dropped` (in order).
   */
  constructor(text: string, spans: readonly number[], positions: PositionIndex, dropped: readonly number[] = []) {
    this.#positions = positions;
    const parts: string[] = [];
    let length = 0;
    const keep = (start: number, end: number) => {
      if (start >= end) return;
      this.#joinedStarts.push(length);
      this.#fileStarts.push(start);
      parts.push(text.slice(start, end));
      length += end - start;
    };
    let next = 0;
    for (let i = 0; i < spans.length; i += 2) {
      const endIndex = spans[i + 1]!;
      let from = spans[i]!;
      for (; next < dropped.length && dropped[next]! < endIndex; next++) {
        const at = dropped[next]!;
        if (at < from) continue;
        keep(from, at);
        from = at + 1;
      }
      keep(from, endIndex);
    }
    if (parts.length === 0) {
      this.#joinedStarts.push(0);
      this.#fileStarts.push(0);
    }
    this.text = parts.length === 1 ? parts[0]! : parts.join('');
  }

  /**
   * The Range in the file of the joined text's units from `startIndex` to `endIndex`. A span
   * that ends where a range ends ends there in the file too, not after the gap that follows, as
   * in a ranged parse: its end is found from its last unit.
   */
  range(startIndex: number, endIndex: number): Range {
    const start = this.#fileIndex(startIndex);
    return this.#positions.range(start, endIndex > startIndex ? this.#fileIndex(endIndex - 1) + 1 : start);
  }

  /** The file index of the unit at a joined index. */
  #fileIndex(index: number): number {
    const starts = this.#joinedStarts;
    let k = this.#last;
    if (starts[k]! > index || (k + 1 < starts.length && starts[k + 1]! <= index)) k = this.#last = lastAtOrBefore(starts, index);
    return this.#fileStarts[k]! + (index - starts[k]!);
  }
}
