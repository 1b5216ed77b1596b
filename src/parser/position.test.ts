import { describe, expect, test } from 'vitest';
import { PositionIndex } from './position.js';

/** The go/token position of `text[0:index]`, computed the slow, obvious way. */
function expected(text: string, index: number, leadingBytes = 0) {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return {
    line,
    column: bytes(before.slice(lineStart)) + 1 + (line === 1 ? leadingBytes : 0),
    offset: leadingBytes + bytes(before),
  };
}

describe('PositionIndex', () => {
  test.each([
    ['ASCII', 'package p\nfunc F() {}\n', 15, { line: 2, column: 6, offset: 15 }],
    ['two-byte letters', 'é\néé x', 5, { line: 2, column: 6, offset: 8 }],
    ['three-byte letters', '日本語x', 3, { line: 1, column: 10, offset: 9 }],
    ['a surrogate pair counts four bytes', '🎉x', 2, { line: 1, column: 5, offset: 4 }],
    ['a lone surrogate counts three (as TextEncoder writes it)', '\ud800x', 1, { line: 1, column: 4, offset: 3 }],
    ['CR counts in the column', 'a\r\nb\r\n', 4, { line: 2, column: 2, offset: 4 }],
    ['the end of the text', 'ab\n', 3, { line: 2, column: 1, offset: 3 }],
    ['indices past the end are clamped', 'ab', 99, { line: 1, column: 3, offset: 2 }],
    ['negative indices are clamped', 'ab', -5, { line: 1, column: 1, offset: 0 }],
  ])('%s', (_, text, index, position) => {
    expect(new PositionIndex(text).position(index)).toEqual(position);
  });

  test('leading bytes (a removed BOM) shift offsets and line-1 columns only', () => {
    const index = new PositionIndex('ab\ncd', { leadingBytes: 3 });
    expect(index.position(1)).toEqual({ line: 1, column: 5, offset: 4 });
    expect(index.position(4)).toEqual({ line: 2, column: 2, offset: 7 });
    expect(index.byteLength).toBe(8);
  });

  test('a U+FFFD marked as an invalid byte counts one byte, a real one three', () => {
    const text = 'a\ufffd\ufffdb';
    const index = new PositionIndex(text, { invalidBytes: new Set([1]) });
    expect(index.position(2).offset).toBe(2);
    expect(index.position(3).offset).toBe(5);
  });

  test('range converts both ends', () => {
    expect(new PositionIndex('é\nab').range(2, 4)).toEqual({
      start: { line: 2, column: 1, offset: 3 },
      end: { line: 2, column: 3, offset: 5 },
    });
  });

  test('every index of long mixed lines agrees with the obvious computation', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = ['a', ' ', '\n', '\r', 'é', '日', '🎉', '\t', 'Z'];
    const text = Array.from({ length: 3000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (const leading of [0, 3]) {
      const index = new PositionIndex(text, { leadingBytes: leading });
      for (let i = 0; i <= text.length; i++) {
        // Indices inside a surrogate pair never come from tree-sitter.
        if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
        expect(index.position(i)).toEqual(expected(text, i, leading));
      }
    }
  });

  test('indices asked in any order agree, on ASCII and mixed text (lines are found only as far as asked)', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const ascii = Array.from({ length: 2000 }, () => ['a', '\n', ' ', '\r'][Math.floor(random() * 4)]).join('');
    const mixed = `${ascii.slice(0, 1000)}é\n日${ascii.slice(1000)}`;
    for (const text of [ascii, mixed, 'no newline', '\n\n\n']) {
      const order = Array.from({ length: text.length + 1 }, (_, i) => i).sort(() => random() - 0.5);
      for (const leading of [0, 3]) {
        const index = new PositionIndex(text, { leadingBytes: leading });
        for (const i of order) expect(index.position(i), `${i}`).toEqual(expected(text, i, leading));
      }
    }
  });

  test('surrogate pairs that straddle the 64-unit chunks the index keeps', () => {
    for (const pad of [62, 63, 64, 126, 127]) {
      const text = `${'a'.repeat(pad)}🎉é🎉x\n🎉`;
      const index = new PositionIndex(text);
      for (let i = 0; i <= text.length; i++) {
        if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
        expect(index.position(i)).toEqual(expected(text, i));
      }
    }
  });

  test('ASCII stretches of many chunks between non-ASCII units', () => {
    const text = `é${'a'.repeat(200)}日\n${'b'.repeat(300)}🎉${'c'.repeat(130)}`;
    for (const leading of [0, 3]) {
      const index = new PositionIndex(text, { leadingBytes: leading });
      for (let i = 0; i <= text.length; i++) {
        if (i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff) continue;
        expect(index.position(i)).toEqual(expected(text, i, leading));
      }
    }
  });

  test('a long line without newlines', () => {
    const text = `${'é'.repeat(10_000)}x${'a'.repeat(10_000)}`;
    const index = new PositionIndex(text);
    expect(index.position(10_000)).toEqual({ line: 1, column: 20_001, offset: 20_000 });
    expect(index.position(text.length)).toEqual(expected(text, text.length));
  });
});
