/**
 * Byte-level mutations of Go files: truncations, deletions, inserted brackets and keywords,
 * invalid UTF-8, byte order marks, CRLF and NUL bytes. Positions are drawn as fractions so a
 * mutation stays meaningful whatever the earlier ones did to the length.
 */
import fc from 'fast-check';

const encoder = new TextEncoder();
const bytesOf = (text: string): Uint8Array => encoder.encode(text);

/** Fragments worth inserting: brackets, keywords, quotes, comment openers, damaged encodings. */
const fragments: Uint8Array[] = [
  ...['(', '{', ')', '}', '[', ']', '"', '`', "'", '/*', '//', '\n', '\r\n', '\r', ';', ',', '.', '...', '<-', '~', '|', '*'].map(bytesOf),
  ...['func ', 'package ', 'type ', 'import ', 'chan ', 'map[', 'interface{', 'struct{', '//go:build ', '// +build ', 'func F(', 'http.', 'é', '世', '😀', '\u2028', '\ufeff'].map(bytesOf),
  new Uint8Array([0]),
  new Uint8Array([0xff]),
  new Uint8Array([0x80]),
  new Uint8Array([0xc0, 0x80]),
  new Uint8Array([0xe2, 0x82]),
  new Uint8Array([0xed, 0xa0, 0x80]),
  new Uint8Array([0xf4, 0x90, 0x80, 0x80]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
];

/** A Mutation rewrites a file's bytes. */
export type Mutation = (bytes: Uint8Array) => Uint8Array;

const at = (fraction: number, length: number): number => Math.min(length, Math.floor(fraction * (length + 1)));

function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (end - start) + insert.length);
  out.set(bytes.subarray(0, start), 0);
  out.set(insert, start);
  out.set(bytes.subarray(end), start + insert.length);
  return out;
}

function replaceAll(bytes: Uint8Array, from: number, to: readonly number[]): Uint8Array {
  const parts: number[] = [];
  for (const b of bytes) {
    if (b === from) parts.push(...to);
    else parts.push(b);
  }
  return Uint8Array.from(parts);
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const insertion = fc.oneof(
  { arbitrary: fc.constantFrom(...fragments), weight: 6 },
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('(', '{', '[', '*', 'x'), fc.integer({ min: 50, max: 2_000 })).map(([s, n]) => bytesOf(s.repeat(n))), weight: 1 },
);

/** mutation is one named edit, so a failing case prints what was done to the file. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f) => named(`truncate(${f})`, (b) => b.subarray(0, at(f, b.length)))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 64 })).map(([f, n]) =>
    named(`delete(${f}, ${n})`, (b) => splice(b, at(f, b.length), Math.min(b.length, at(f, b.length) + n), new Uint8Array())),
  ),
  fc.tuple(fraction, insertion).map(([f, ins]) => named(`insert(${f}, [${ins.subarray(0, 8).join(',')}${ins.length > 8 ? ',…' : ''}])`, (b) => splice(b, at(f, b.length), at(f, b.length), ins))),
  fc.tuple(fraction, fc.integer({ min: 0, max: 255 })).map(([f, v]) =>
    named(`set(${f}, ${v})`, (b) => (b.length === 0 ? b : splice(b, Math.min(b.length - 1, at(f, b.length)), Math.min(b.length, at(f, b.length) + 1), Uint8Array.of(v)))),
  ),
  fc.tuple(fraction, fraction, fraction).map(([f, g, h]) =>
    named(`copy(${f}, ${g}, ${h})`, (b) => {
      const [s, e] = [at(f, b.length), at(g, b.length)].sort((x, y) => x - y) as [number, number];
      return splice(b, at(h, b.length), at(h, b.length), b.slice(s, e));
    }),
  ),
  fc.constant(named('crlf', (b) => replaceAll(b, 0x0a, [0x0d, 0x0a]))),
  fc.constant(named('bom', (b) => splice(b, 0, 0, Uint8Array.of(0xef, 0xbb, 0xbf)))),
  fc.constant(named('nul-for-newline', (b) => replaceAll(b, 0x0a, [0x00]))),
);

function named(label: string, apply: Mutation): Mutation {
  return Object.assign((bytes: Uint8Array) => apply(bytes), { toString: () => label });
}

/** mutations is a list of one to six edits, applied in order by applyAll. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 6 });

/** applyAll applies edits in order. */
export function applyAll(bytes: Uint8Array, edits: readonly Mutation[]): Uint8Array {
  return edits.reduce((b, edit) => edit(b), bytes);
}

/** mutated applies one to six mutations to bytes drawn from `base`. */
export function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(base, mutations).map(([bytes, edits]) => applyAll(bytes, edits));
}
