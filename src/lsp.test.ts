import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detect } from './detect.js';
import { fromLspPosition, toLspPosition, toLspPositionAt, toLspRange, toLspTextEdit, utf16Column, utf16Offset } from './lsp.js';
import { createGoParser, type GoParser } from './parser/index.js';

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

describe('utf16Column', () => {
  test.each([
    ['ascii', 'func F()', 6, 5],
    ['two-byte ü and ß are one unit each', 'Grüße x', 7, 4],
    ['three-byte 世 is one unit', '// 世界 x', 11, 6],
    ['four-byte 🎉 is two units', '🎉 x', 6, 3],
    ['a column past the end stops at the end', 'ab', 10, 2],
    ['a column inside a character moves past it', 'ü', 2, 1],
  ])('%s', (_name, line, column, expected) => {
    expect(utf16Column(line, column)).toBe(expected);
  });
});

describe('byte offsets and LSP positions', () => {
  const text = 'package fn\n// Grüße 🎉\r\nfunc Grüße(名前 string) {}\n';

  test('utf16Offset finds the unit at a byte offset', () => {
    const index = text.indexOf('名前');
    expect(utf16Offset(text, bytes(text.slice(0, index)))).toBe(index);
    expect(utf16Offset(text, 1e9)).toBe(text.length);
  });

  test('toLspPosition and toLspPositionAt agree on line, column and offset', () => {
    const index = text.indexOf('名前');
    const position = { line: 3, column: bytes('func Grüße(') + 1, offset: bytes(text.slice(0, index)) };
    const expected = { line: 2, character: 'func Grüße('.length };
    expect(toLspPosition(text, position)).toEqual(expected);
    expect(toLspPositionAt(text, position.offset)).toEqual(expected);
    expect(fromLspPosition(text, expected)).toEqual(position);
  });

  test('CRLF: the carriage return is the last unit of its line', () => {
    const end = text.indexOf('\r');
    expect(toLspPositionAt(text, bytes(text.slice(0, end + 1)))).toEqual({ line: 1, character: end + 1 - text.indexOf('//') });
  });

  test('toLspTextEdit converts a fix edit', () => {
    const start = bytes(text.slice(0, text.indexOf('string')));
    const edit = toLspTextEdit(text, { file: 'fn.go', start, end: start, newText: '*' });
    expect(edit).toEqual({ range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, newText: '*' });
  });

  test('round trip over arbitrary text: offsets agree with TextEncoder', () => {
    const unit = fc.constantFrom('a', '\n', 'ü', '世', '🎉', '\r\n', '\t');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((parts) => parts.join('')), fc.nat(), (sample, pick) => {
        const index = sample.length === 0 ? 0 : pick % (sample.length + 1);
        if (index > 0 && sample.charCodeAt(index - 1) >= 0xd800 && sample.charCodeAt(index - 1) <= 0xdbff) return;
        const offset = bytes(sample.slice(0, index));
        expect(utf16Offset(sample, offset)).toBe(index);
        const lsp = toLspPositionAt(sample, offset);
        const before = sample.slice(0, index).split('\n');
        expect(lsp).toEqual({ line: before.length - 1, character: before.at(-1)!.length });
        const position = fromLspPosition(sample, lsp);
        expect(position.offset).toBe(offset);
        expect(toLspPosition(sample, position)).toEqual(lsp);
      }),
    );
  });
});

describe('on detect output', () => {
  let parser: GoParser;
  beforeAll(async () => {
    parser = await createGoParser();
  });
  afterAll(() => parser.dispose());

  test('a function range after non-ASCII text maps to the UTF-16 indices of `func` and `}`', () => {
    const text = readFileSync(new URL('../fixtures/unicode-positions/fn.go', import.meta.url), 'utf8');
    const result = detect(parser, [{ name: 'fn.go', text }], { importPath: 'example.com/fn' });
    const fn = result.functions.find((f) => f.name === 'Grüße')!;
    const range = toLspRange(text, fn.range);
    const lines = text.split('\n');
    expect(lines[range.start.line]!.slice(range.start.character)).toMatch(/^func Grüße/);
    expect(lines[range.end.line]!.slice(0, range.end.character)).toMatch(/}$/);
    expect(lines[range.end.line]!.slice(range.end.character)).toBe('');
  });

  test('a fix applied through LSP edits gives the same text as applied through byte offsets', () => {
    const text = 'package fn\n\n// Grüße 🎉\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r http.Request) {}\n';
    const result = detect(parser, [{ name: 'fn.go', text }], { importPath: 'example.com/fn' });
    const fix = result.diagnostics.find((d) => d.code === 'http-request-not-pointer')!.fixes![0]!;
    const edit = toLspTextEdit(text, fix.edits[0]!);
    const lines = text.split('\n');
    const line = lines[edit.range.start.line]!;
    lines[edit.range.start.line] = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    expect(lines.join('\n')).toContain('r *http.Request');
  });
});
