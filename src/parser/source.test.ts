import { describe, expect, test } from 'vitest';
import { decodeSource, type DecodedSource } from './source.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Rebuilds the original bytes from the decoded text and its position index: each code point is
 * re-encoded, except the U+FFFD units standing for one invalid byte, which take that byte back.
 */
function rebuild(decoded: DecodedSource, original: Uint8Array): number[] {
  const out: number[] = [...original.subarray(0, decoded.positions.offset(0))];
  for (let i = 0; i < decoded.text.length; ) {
    const cp = decoded.text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const start = decoded.positions.offset(i);
    const end = decoded.positions.offset(i + width);
    const encoded = utf8(String.fromCodePoint(cp));
    out.push(...(end - start === encoded.length ? encoded : original.subarray(start, end)));
    if (end - start !== encoded.length) expect(cp).toBe(0xfffd);
    i += width;
  }
  return out;
}

describe('decodeSource', () => {
  test('a string is taken as is; bytes that are valid UTF-8 decode to the same text', () => {
    const text = 'package p // é 日本 🎉\n';
    const fromString = decodeSource('a.go', text);
    const fromBytes = decodeSource('a.go', utf8(text));
    expect(fromBytes.text).toBe(text);
    expect(fromString.text).toBe(text);
    expect(fromBytes.problems).toEqual([]);
    expect(fromBytes.positions.byteLength).toBe(utf8(text).length);
    expect(fromString.name).toBe('a.go');
  });

  test.each<[string, number[], string]>([
    ['a stray continuation byte', [0x80], '\ufffd'],
    ['0xff', [0xff], '\ufffd'],
    ['a truncated three-byte sequence', [0xe6, 0x97, 0x41], '\ufffd\ufffdA'],
    ['an overlong two-byte form', [0xc0, 0xaf], '\ufffd\ufffd'],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], '\ufffd\ufffd\ufffd'],
    ['a surrogate half', [0xed, 0xa0, 0x80], '\ufffd\ufffd\ufffd'],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'],
    ['a five-byte lead', [0xf8, 0x88, 0x80, 0x80, 0x80], '\ufffd'.repeat(5)],
    ['a sequence cut by the end', [0x41, 0xf0, 0x9f, 0x8e], 'A\ufffd\ufffd\ufffd'],
    ['valid around invalid', [0xc3, 0xa9, 0xff, 0xf0, 0x9f, 0x8e, 0x89], 'é\ufffd🎉'],
  ])('one U+FFFD per invalid byte, as Go reads it: %s', (_, bytes, text) => {
    const input = new Uint8Array([...utf8('x'), ...bytes, ...utf8('y')]);
    const decoded = decodeSource('a.go', input);
    expect(decoded.text).toBe(`x${text}y`);
    expect(decoded.positions.byteLength).toBe(input.length);
    expect(rebuild(decoded, input)).toEqual([...input]);
    expect(decoded.problems.map((p) => p.code)).toEqual(['invalid-utf8']);
  });

  test('random bytes always rebuild exactly from the text and the offsets', () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pieces = [[0x41], [0x0a], [0xc3, 0xa9], [0xe6, 0x97, 0xa5], [0xf0, 0x9f, 0x8e, 0x89], [0xff], [0x80], [0xe6], [0xed, 0xa0]];
    for (let round = 0; round < 50; round++) {
      const input = new Uint8Array(Array.from({ length: 300 }, () => pieces[Math.floor(random() * pieces.length)]!).flat());
      expect(rebuild(decodeSource('r.go', input), input)).toEqual([...input]);
    }
  });

  test('the first occurrence of each problem, in file order, with its byte range', () => {
    const input = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('é\r\nx\0y\r\n'), 0xff, 0x00, 0xfe]);
    const decoded = decodeSource('a.go', input);
    expect(decoded.text).toBe('é\r\nx\0y\r\n\ufffd\0\ufffd');
    expect(decoded.problems).toEqual([
      { code: 'byte-order-mark', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 4, offset: 3 } } },
      { code: 'crlf-line-endings', range: { start: { line: 1, column: 6, offset: 5 }, end: { line: 2, column: 1, offset: 7 } } },
      { code: 'nul-byte', range: { start: { line: 2, column: 2, offset: 8 }, end: { line: 2, column: 3, offset: 9 } } },
      { code: 'invalid-utf8', range: { start: { line: 3, column: 1, offset: 12 }, end: { line: 3, column: 2, offset: 13 } } },
    ]);
  });

  test('a BOM given in a string is removed and counted the same way', () => {
    const decoded = decodeSource('a.go', '\ufeffpackage p\n');
    expect(decoded.text).toBe('package p\n');
    expect(decoded.positions.position(0)).toEqual({ line: 1, column: 4, offset: 3 });
    expect(decoded.problems.map((p) => p.code)).toEqual(['byte-order-mark']);
  });

  test('only a leading BOM is removed; a second one stays in the text', () => {
    const decoded = decodeSource('a.go', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]));
    expect(decoded.text).toBe('\ufeffA');
    expect(decoded.positions.position(1).offset).toBe(6);
  });

  test('an empty file', () => {
    expect(decodeSource('a.go', new Uint8Array())).toMatchObject({ text: '', problems: [] });
  });
});
