/**
 * The properties every detect() result must have, whatever the input: it parses with the zod
 * schema, each range lies inside its file with line and column recomputed from the bytes, each
 * severity is the one fixed for its code, and the same input gives the same result.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { detect, NoPackageError, type DetectOptions, type SourceFile } from '../../src/detect.js';
import { diagnosticInfo } from '../../src/diagnostic-codes.js';
import type { GoParser } from '../../src/parser/index.js';
import { DetectResult, type Position, type Range } from '../../src/schema.js';

/** A FuzzCase is one call of detect: the files of a directory and the options. */
export interface FuzzCase {
  files: SourceFile[];
  options: DetectOptions;
}

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** bytesOf gives a file's bytes as detect counts them: a string's UTF-8 encoding. */
export function bytesOf(text: string | Uint8Array): Uint8Array {
  return typeof text === 'string' ? encoder.encode(text) : text;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A FileFacts is what the checks recompute positions from. */
interface FileFacts {
  bytes: Uint8Array;
  lineStarts: number[];
  utf8: boolean;
}

function factsOf(text: string | Uint8Array): FileFacts {
  const bytes = bytesOf(text);
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1);
  return { bytes, lineStarts, utf8: isUtf8(bytes) };
}

/** The go/token position of a byte offset: line 1 starts at byte 0, a BOM included. */
function expectedPosition(facts: FileFacts, offset: number): Omit<Position, 'offset'> {
  let lo = 0;
  let hi = facts.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (facts.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - facts.lineStarts[lo]! + 1 };
}

function checkPosition(facts: FileFacts, p: Position, where: string): void {
  const size = facts.bytes.length;
  if (p.offset < 0 || p.offset > size) throw new Error(`${where}: offset ${p.offset} outside 0..${size}`);
  const want = expectedPosition(facts, p.offset);
  if (p.line !== want.line || p.column !== want.column) {
    throw new Error(`${where}: ${p.line}:${p.column} at offset ${p.offset}, but the bytes say ${want.line}:${want.column}`);
  }
  // In valid UTF-8 a position never splits a character.
  const b = facts.bytes[p.offset];
  if (facts.utf8 && b !== undefined && b >= 0x80 && b < 0xc0) throw new Error(`${where}: offset ${p.offset} splits a character`);
}

function checkRange(files: Map<string, FileFacts>, file: string | undefined, range: Range, where: string): void {
  const facts = file === undefined ? undefined : files.get(file);
  if (!facts) throw new Error(`${where}: range in ${file === undefined ? 'no file' : `unknown file ${file}`}`);
  checkPosition(facts, range.start, `${where} start`);
  checkPosition(facts, range.end, `${where} end`);
  if (range.start.offset > range.end.offset) throw new Error(`${where}: start ${range.start.offset} after end ${range.end.offset}`);
}

/** Findings about the package as a whole; every other diagnostic names its file and place. */
const packageWide: ReadonlySet<string> = new Set(['no-candidates', 'ambiguous-candidates', 'target-not-found', 'no-import-path']);

function checkPlaced(d: DetectResult['diagnostics'][number], where: string): void {
  if (packageWide.has(d.code)) return;
  if (d.file === undefined) throw new Error(`${where} names no file`);
  // An unreadable file has no contents to point into.
  if (d.range === undefined && d.code !== 'unreadable-file') throw new Error(`${where} in ${d.file} has no position`);
}

/** checkResult asserts the schema, the ranges and the fixed severities of one result. */
export function checkResult(result: DetectResult, input: SourceFile[]): void {
  const parsed = DetectResult.safeParse(result);
  if (!parsed.success) throw new Error(`the schema rejects the result: ${parsed.error.message}`);
  const files = new Map(input.map((f) => [f.name, factsOf(f.text)]));
  for (const name of result.files) if (!files.has(name)) throw new Error(`files lists ${name}, which was not given`);
  for (const fn of result.functions) {
    if (!result.files.includes(fn.file)) throw new Error(`function ${fn.name} is in ${fn.file}, not a file of the package`);
    checkRange(files, fn.file, fn.range, `function ${fn.name}`);
  }
  for (const d of result.diagnostics) {
    const where = `diagnostic ${d.code}`;
    if (d.severity !== diagnosticInfo[d.code].severity) throw new Error(`${where}: severity ${d.severity}`);
    checkPlaced(d, where);
    if (d.file !== undefined && !files.has(d.file)) throw new Error(`${where}: unknown file ${d.file}`);
    if (d.range) checkRange(files, d.file, d.range, where);
    for (const r of d.related ?? []) checkRange(files, r.file, r.range, `${where} related`);
    for (const edit of d.fixes?.flatMap((f) => f.edits) ?? []) {
      const size = files.get(edit.file)?.bytes.length;
      if (size === undefined || !(edit.start <= edit.end && edit.end <= size)) throw new Error(`${where}: edit ${edit.start}..${edit.end} outside ${edit.file}`);
    }
  }
}

/** A deep copy of the files, so that a detect() that mutated its input would be caught. */
function copyFiles(files: SourceFile[]): SourceFile[] {
  return files.map((f) => ({ name: f.name, text: typeof f.text === 'string' ? f.text : f.text.slice() }));
}

/** detectOrNull runs detect, turning the expected NoPackageError into null. */
function detectOrNull(parser: GoParser, files: SourceFile[], options: DetectOptions): DetectResult | null {
  try {
    return detect(parser, files, options);
  } catch (error) {
    if (error instanceof NoPackageError) return null;
    throw error;
  }
}

/**
 * checkCase is the property: detect does not throw (but NoPackageError), leaves its input alone,
 * returns a valid result, and returns it again for the same input.
 */
export function checkCase(parser: GoParser, c: FuzzCase): void {
  const input = copyFiles(c.files);
  const first = detectOrNull(parser, input, { ...c.options });
  if (!isDeepStrictEqual(input, c.files)) throw new Error('detect changed its input');
  if (first !== null) checkResult(first, c.files);
  const second = detectOrNull(parser, copyFiles(c.files), { ...c.options });
  if (!isDeepStrictEqual(first, second)) throw new Error('the same input gave a different result the second time');
}

/** describeCase prints a case so that a failure can be turned into a regression test. */
export function describeCase(c: FuzzCase): string {
  const files = c.files.map((f) => {
    const bytes = bytesOf(f.text);
    const shown = bytes.length > 3000 ? `${bytes.length} bytes, begins ${Buffer.from(bytes.subarray(0, 300)).toString('base64')}` : Buffer.from(bytes).toString('base64');
    return `${JSON.stringify(f.name)} (${typeof f.text === 'string' ? 'string' : 'bytes'}, base64): ${shown}`;
  });
  return `{ options: ${JSON.stringify(c.options)}, files: [${files.join('; ')}] }`;
}

/** withDescription attaches describeCase as the value fast-check prints for a counterexample. */
export function withDescription(c: FuzzCase): FuzzCase {
  return Object.assign(c, { [fc.toStringMethod]: () => describeCase(c) });
}
