/**
 * A file's text as a list of chunks. An edit rebuilds only the chunks it touches: re-creating a
 * 100 KB string on every keystroke puts it in V8's large-object space, which alone costs about a
 * millisecond, and an edit inside a body reads only that body again.
 */
import { lastAtOrBefore } from '../sorted.js';

/** Chunks grow by edits up to this many units before they are split. */
const MAX_CHUNK = 1 << 12;

/** A Rope is a text made of chunks, read by index without joining them. */
export class Rope {
  #chunks: string[] = [];
  /** UTF-16 index of each chunk's first unit. */
  #starts: number[] = [];
  #length = 0;
  #joined: string | undefined;

  /** Splits `text` into chunks. */
  constructor(text: string) {
    this.#chunks = split(text);
    this.#reindex(0);
    this.#joined = text;
  }

  /** The text's length in UTF-16 units. */
  get length(): number {
    return this.#length;
  }

  /** The whole text, joined once per version. */
  toString(): string {
    return (this.#joined ??= this.#chunks.join(''));
  }

  /** The UTF-16 unit at `index`, NaN outside the text (as String.prototype.charCodeAt). */
  charCodeAt(index: number): number {
    if (index < 0 || index >= this.#length) return NaN;
    const i = this.#chunkOf(index);
    return this.#chunks[i]!.charCodeAt(index - this.#starts[i]!);
  }

  /** The units [from, to) of the text. */
  slice(from: number, to: number): string {
    from = Math.max(0, from);
    to = Math.min(this.#length, to);
    if (from >= to) return '';
    const i = this.#chunkOf(from);
    const offset = from - this.#starts[i]!;
    const chunk = this.#chunks[i]!;
    if (to - this.#starts[i]! <= chunk.length) return chunk.slice(offset, to - this.#starts[i]!);
    let out = chunk.slice(offset);
    for (let k = i + 1; k < this.#chunks.length && this.#starts[k]! < to; k++) out += this.#chunks[k]!.slice(0, to - this.#starts[k]!);
    return out;
  }

  /** The index of the first `search` (one unit) at or after `from`, or -1. */
  indexOf(search: string, from: number): number {
    if (from >= this.#length) return -1;
    for (let i = this.#chunkOf(Math.max(0, from)); i < this.#chunks.length; i++) {
      const at = this.#chunks[i]!.indexOf(search, Math.max(0, from - this.#starts[i]!));
      if (at !== -1) return this.#starts[i]! + at;
    }
    return -1;
  }

  /** Replaces the units [start, end) with `text`. */
  replace(start: number, end: number, text: string): void {
    this.#joined = undefined;
    if (this.#chunks.length === 0) {
      this.#chunks = split(text);
      this.#reindex(0);
      return;
    }
    const first = this.#chunkOf(start);
    const last = this.#chunkOf(end);
    const head = this.#chunks[first]!.slice(0, start - this.#starts[first]!);
    const tail = this.#chunks[last]!.slice(end - this.#starts[last]!);
    this.#chunks.splice(first, last - first + 1, ...split(head + text + tail));
    this.#reindex(first);
  }

  #reindex(from: number): void {
    const starts = this.#starts;
    starts.length = from;
    let at = from === 0 ? 0 : starts[from - 1]! + this.#chunks[from - 1]!.length;
    for (let i = from; i < this.#chunks.length; i++) {
      starts.push(at);
      at += this.#chunks[i]!.length;
    }
    this.#length = at;
  }

  /** The chunk that holds `index`; the last chunk for the text's end. */
  #chunkOf(index: number): number {
    return lastAtOrBefore(this.#starts, index);
  }
}

/** Cuts a string into chunks of at most MAX_CHUNK units (no empty chunk, except for an empty text). */
function split(text: string): string[] {
  if (text.length <= MAX_CHUNK) return text.length === 0 ? [] : [text];
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += MAX_CHUNK) chunks.push(text.slice(i, i + MAX_CHUNK));
  return chunks;
}
