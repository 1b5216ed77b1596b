import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gorootFiles } from '../../test/support/goroot.js';
import { describeWith, hasTool } from '../../test/support/tools.js';
import { CompactText } from './compact.js';
import { extractFile, extractTree, type ExtractedFile } from './extract.js';
import { createGoParser, type GoParser } from './load.js';
import { PositionIndex } from './position.js';
import { scanDeclarations } from './prescan.js';
import { decodeSource } from './source.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

/** The [start, end) index pairs as CompactText takes them. */
function spans(...spans: [number, number][]): number[] {
  return spans.flat();
}

describe('CompactText', () => {
  // Line 1 "ab€d", then "efgh": the euro sign is three bytes, so byte offsets and indices differ.
  const text = 'ab\u20acd\nefgh\n';
  const positions = new PositionIndex(text);
  // Keeps "ab", "d\ne" and "gh": joined "abd\negh".
  const compact = new CompactText(text, spans([0, 2], [3, 6], [7, 9]), positions);

  test('joins the spans', () => {
    expect(compact.text).toBe('abd\negh');
  });

  test.each([
    ['inside the first range', 0, 1, 0, 1],
    ['from a range start', 2, 3, 3, 4],
    ['to a range end: it ends there, not after the gap', 2, 5, 3, 6],
    ['across a gap', 1, 6, 1, 8],
    ['to the end of the text', 5, 7, 7, 9],
    ['empty, at a range start', 2, 2, 3, 3],
    ['empty, at the end', 7, 7, 9, 9],
  ])('maps a span %s', (_, start, end, fileStart, fileEnd) => {
    expect(compact.range(start, end)).toEqual(positions.range(fileStart, fileEnd));
  });

  test('answers spans in any order', () => {
    const asked: [number, number][] = [[5, 7], [0, 1], [2, 5], [1, 6], [7, 7]];
    const fresh = () => new CompactText(text, spans([0, 2], [3, 6], [7, 9]), positions);
    const oneEach = asked.map(([s, e]) => fresh().range(s, e));
    const one = fresh();
    expect(asked.map(([s, e]) => one.range(s, e))).toEqual(oneEach);
  });

  test('leaves out dropped units, mapping what is around them', () => {
    // Without "d" (3) and "g" (7): "ab", "\ne" and "h".
    const dropped = new CompactText(text, spans([0, 2], [3, 6], [7, 9]), positions, [3, 7]);
    expect(dropped.text).toBe('ab\neh');
    expect(dropped.range(2, 4)).toEqual(positions.range(4, 6));
    expect(dropped.range(4, 5)).toEqual(positions.range(8, 9));
    expect(dropped.range(0, 5)).toEqual(positions.range(0, 9));
  });

  test('drops the braces that the bodies of left-out declarations keep', () => {
    const go = 'package p\n\nfunc helper(a, b, c int) {\n\tx()\n}\n\nfunc (r R) m() {}\n\ntype T int\n';
    const scan = scanDeclarations(go);
    expect(scan.leftOutBraces.map((i) => go[i])).toEqual(['{', '}', '{', '}']);
    expect(new CompactText(go, scan.spans, new PositionIndex(go), scan.leftOutBraces).text).toBe('package p\n\n\n\n\n\ntype T int\n');
  });

  test('a text kept whole is the text itself', () => {
    const whole = new CompactText(text, spans([0, text.length]), positions);
    expect(whole.text).toBe(text);
    expect(whole.range(4, 9)).toEqual(positions.range(4, 9));
  });
});

/** What extraction gives, without the source it keeps for deferred functions. */
function model(file: ExtractedFile): unknown {
  const leftOutFuncs = file.leftOutFuncs.map((fn) => ({ ...fn, nameRange: fn.nameRange() }));
  return { ...file, leftOutFuncs, deferred: file.deferred?.scan ?? null };
}

/** Extraction from a parse over the ranges themselves, as a session parses. */
function extractRanged(name: string, text: string): ExtractedFile {
  const source = decodeSource(name, text);
  const scan = scanDeclarations(source.text);
  return parser.withTree(source.text, (tree) => extractTree(tree, source, scan), { includedRanges: scan.ranges });
}

describeWith('go', 'extraction from the joined text over the Go source tree', () => {
  const files = hasTool('go') ? gorootFiles() : { plain: [], odd: [] };

  // testdata holds broken files: those must come out as a ranged parse gives them, too.
  test('gives the model, positions included, that a parse over the ranges gives', () => {
    const disagree: string[] = [];
    const all = [...files.plain, ...files.odd];
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      const joined = model(extractFile(parser, decodeSource(file, text)));
      if (JSON.stringify(joined) !== JSON.stringify(model(extractRanged(file, text)))) disagree.push(file);
    }
    expect(all.length).toBeGreaterThan(1000);
    expect(disagree).toEqual([]);
  }, 900_000);
});
