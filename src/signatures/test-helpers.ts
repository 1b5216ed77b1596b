/**
 * Test support: builds a GoPackage from real Go source through the parser room, and applies a
 * diagnostic's fix, so that table tests are written in Go rather than as hand-made models.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGoParser, type GoParser } from '../parser/load.js';
import { decodeSource } from '../parser/source.js';
import { extractFile, readDeferredFuncs } from '../parser/extract.js';
import type { GoPackage } from '../parser/model.js';
import type { Diagnostic } from '../schema.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import { classifyPackage } from './classify.js';
import type { KindName } from './kind.js';

/** A GoSource is one file of a test package. */
export interface GoSource {
  name: string;
  text: string;
}

let parser: GoParser | undefined;

/** useGoParser loads the parser once for the calling test file and frees it afterwards. */
export function useGoParser(): void {
  beforeAll(async () => {
    parser = await createGoParser();
  });
  afterAll(() => {
    parser?.dispose();
    parser = undefined;
  });
}

/** testParser is the parser useGoParser loaded. */
export function testParser(): GoParser {
  if (!parser) throw new Error('call useGoParser() in the test file first');
  return parser;
}

/** goPackage extracts a package model from source files (the first file's package clause names it). */
export function goPackage(files: GoSource[] | string): GoPackage {
  if (!parser) throw new Error('call useGoParser() in the test file first');
  const sources = typeof files === 'string' ? [{ name: 'fn.go', text: files }] : files;
  const extracted = sources.map((f) => extractFile(parser!, decodeSource(f.name, f.text)));
  return {
    name: extracted[0]?.file.packageName ?? '',
    files: extracted.map((e) => e.file),
    types: extracted.flatMap((e) => e.types),
    funcs: extracted.flatMap((e) => e.funcs),
    leftOutFuncs: extracted.flatMap((e) => e.leftOutFuncs),
    deferredFuncs: () => extracted.flatMap((e) => readDeferredFuncs(parser!, e)),
    syntaxProblems: extracted.flatMap((e) => e.syntaxProblems),
  };
}

/** applyFix applies the edits of a diagnostic's fix to a file's text; offsets are UTF-8 bytes. */
export function applyFix(text: string, diagnostic: Diagnostic, fix = 0): string {
  const edits = [...(diagnostic.fixes?.[fix]?.edits ?? [])].sort((a, b) => b.start - a.start);
  let bytes = new TextEncoder().encode(text);
  for (const edit of edits) {
    const insert = new TextEncoder().encode(edit.newText);
    const next = new Uint8Array(bytes.length - (edit.end - edit.start) + insert.length);
    next.set(bytes.subarray(0, edit.start), 0);
    next.set(insert, edit.start);
    next.set(bytes.subarray(edit.end), edit.start + insert.length);
    bytes = next;
  }
  return new TextDecoder().decode(bytes);
}

/** An ExpectedDiagnostic is a diagnostic's code and 1-based range, and the text after its first fix. */
export interface ExpectedDiagnostic {
  code: DiagnosticCode;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source after applying the first fix; absent when the diagnostic has no fix. */
  fixed?: string;
}

/** A ValidCase is source in which function `name` (default: the only exported one) is of the kind. */
export interface ValidCase {
  code: string;
  name?: string;
  expect?: Record<string, unknown>;
}

/** An InvalidCase is source with no function of the kind, and exactly these diagnostics. */
export interface InvalidCase {
  /** What the case shows, for the test's title. */
  title: string;
  code: string;
  diagnostics: ExpectedDiagnostic[];
}

/** A KindTable lists sources a kind accepts and sources it rejects (STYLE rule 17). */
export interface KindTable {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

function located(d: Diagnostic): Omit<ExpectedDiagnostic, 'fixed'> {
  const range = d.range!;
  return { code: d.code, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/** runKindTable runs a kind's table: classification for valid cases, exact diagnostics and fixes for invalid ones. */
export function runKindTable(kind: KindName, table: KindTable): void {
  useGoParser();
  describe(`${kind}: valid`, () => {
    test.each(table.valid.map((c) => (typeof c === 'string' ? { code: c } : c)))('$code', (c: ValidCase) => {
      const { functions, diagnostics } = classifyPackage(goPackage(c.code));
      const fn = c.name === undefined ? functions[0] : functions.find((f) => f.name === c.name);
      expect(c.name === undefined ? functions.length : 1).toBe(1);
      expect(fn).toMatchObject({ kind, ...c.expect });
      expect(diagnostics).toEqual([]);
    });
  });
  describe(`${kind}: invalid`, () => {
    test.each(table.invalid)('$title', (c: InvalidCase) => {
      const { functions, diagnostics } = classifyPackage(goPackage(c.code));
      expect(functions.filter((f) => f.kind === kind)).toEqual([]);
      expect(diagnostics.map(located)).toEqual(c.diagnostics.map(({ fixed: _, ...at }) => at));
      c.diagnostics.forEach((want, i) => {
        const got = diagnostics[i]!;
        if (want.fixed === undefined) expect(got.fixes ?? []).toEqual([]);
        else expect(applyFix(c.code, got)).toBe(want.fixed);
      });
    });
  });
}
