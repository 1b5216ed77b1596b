/**
 * Turns a file as given (a string or bytes) into the text tree-sitter parses, keeping what is
 * needed to report positions in bytes of the original file, and noting damage Go would object to.
 */
import type { Range } from './model.js';
import { PositionIndex } from './position.js';

/** A SourceProblem is the first place a file shows one kind of damage. */
export interface SourceProblem {
  code: 'invalid-utf8' | 'nul-byte' | 'byte-order-mark' | 'crlf-line-endings';
  range: Range;
}

/** A DecodedSource is a file ready to parse: its text, its position index and its problems. */
export interface DecodedSource {
  name: string;
  /** The text handed to tree-sitter: a leading byte order mark removed, invalid bytes as U+FFFD. */
  text: string;
  positions: PositionIndex;
  /** The first occurrence of each problem kind, in file order. */
  problems: SourceProblem[];
}

const BOM_RANGE: Range = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 4, offset: 3 },
};

/**
 * decodeSource decodes a file. A string is taken as is (its UTF-8 encoding defines the bytes);
 * bytes are decoded as UTF-8 with one U+FFFD per invalid byte, as Go's utf8.DecodeRune reads them.
 */
export function decodeSource(name: string, text: string | Uint8Array): DecodedSource {
  const decoded = typeof text === 'string' ? fromString(text) : fromBytes(text);
  const positions = new PositionIndex(decoded.text, {
    leadingBytes: decoded.bom ? 3 : 0,
    invalidBytes: decoded.invalid,
  });
  const problems: SourceProblem[] = [];
  if (decoded.bom) problems.push({ code: 'byte-order-mark', range: BOM_RANGE });
  const firstInvalid = decoded.invalid.values().next();
  if (!firstInvalid.done) {
    problems.push({ code: 'invalid-utf8', range: positions.range(firstInvalid.value, firstInvalid.value + 1) });
  }
  const nul = decoded.text.indexOf('\0');
  if (nul !== -1) problems.push({ code: 'nul-byte', range: positions.range(nul, nul + 1) });
  const crlf = decoded.text.indexOf('\r\n');
  if (crlf !== -1) problems.push({ code: 'crlf-line-endings', range: positions.range(crlf, crlf + 2) });
  problems.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { name, text: decoded.text, positions, problems };
}

interface Decoded {
  text: string;
  bom: boolean;
  /** UTF-16 indices of the U+FFFD units that replace one invalid byte each, in order. */
  invalid: Set<number>;
}

function fromString(text: string): Decoded {
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom, invalid: new Set() };
}

// ignoreBOM keeps a U+FEFF after the one we strip: Go reports it, so we must not hide it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

function fromBytes(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  try {
    // Nearly every file is valid: the native decoder validates it fastest (same rules as Go).
    return { text: strictUtf8.decode(bytes.subarray(start)), bom, invalid: new Set() };
  } catch {
    return { ...replaceInvalid(bytes, start), bom };
  }
}

/** Decodes by hand, one U+FFFD per invalid byte, recording where each replacement stands. */
function replaceInvalid(bytes: Uint8Array, start: number): Omit<Decoded, 'bom'> {
  const invalid = new Set<number>();
  const parts: string[] = [];
  let length = 0;
  let spanStart = start;
  for (let i = start; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const width = sequenceWidth(bytes, i);
    if (width > 0) {
      i += width;
      continue;
    }
    // Valid spans go through the native decoder; only the invalid byte is replaced by hand.
    if (spanStart < i) {
      const span = utf8.decode(bytes.subarray(spanStart, i));
      parts.push(span);
      length += span.length;
    }
    invalid.add(length);
    parts.push('\ufffd');
    length++;
    i++;
    spanStart = i;
  }
  parts.push(utf8.decode(bytes.subarray(spanStart)));
  return { text: parts.join(''), invalid };
}

/**
 * The length of the valid multi-byte UTF-8 sequence at `i`, or 0 when the byte at `i` starts
 * none (overlong forms, surrogates and code points past U+10FFFF are invalid, as in Go).
 */
function sequenceWidth(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let width: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) width = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    width = 3;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    width = 4;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + width > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < width; k++) {
    const c = bytes[i + k]!;
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return width;
}
