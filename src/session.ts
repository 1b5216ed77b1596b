/**
 * An editor's incremental use of detection (SPEC §4): a session keeps one tree per file, takes
 * text edits in UTF-16 offsets as LSP sends them, and answers `detect()` exactly as `detect()`
 * would over the current texts. It redoes only what an edit can have changed: an edit inside a
 * function body keeps every model and the package's classification, and only moves positions.
 */
import type { BuildContext, GoParser } from './parser/index.js';
import {
  analyzePackage,
  buildContextOf,
  byName,
  noPackageError,
  packageResult,
  selectionOf,
  type DetectOptions,
  type PackageAnalysis,
} from './detect.js';
import type { DetectResult } from './schema.js';
import { closeFile, openFile, refreshFile, syntaxOf, textOf, type SessionFile } from './session/file.js';
import { editFile, type TextChange } from './session/edit.js';
import { shiftValue, type Shift } from './session/shift.js';

export type { TextChange } from './session/edit.js';

/**
 * A Session holds the files of one package directory as an editor has them open. Results are
 * shared with the session's caches: treat them as read-only.
 */
export interface Session {
  /** Opens a file, or replaces its whole text. */
  setFile(name: string, text: string): void;
  /** Applies changes in order, each against the text the previous ones left, and reparses incrementally. */
  editFile(name: string, changes: TextChange[]): void;
  /** Forgets a file and frees its tree. */
  removeFile(name: string): void;
  /** The file's current text, or undefined when the session does not hold it. */
  text(name: string): string | undefined;
  /** What `detect(parser, files, options)` returns over the current texts; throws NoPackageError as it does. */
  detect(): DetectResult;
  /** Frees every tree; the session cannot be used afterwards. */
  dispose(): void;
}

/** The analysis of the package as it was for one set of file models (`key` names them). */
interface Cache {
  key: string;
  analysis: PackageAnalysis;
}

/**
 * Moves the places an analysis reports past edits that stayed inside a body. Its `pkg` keeps the
 * old positions: after analysis only the package's name and files are read from it.
 */
function shiftAnalysis(analysis: PackageAnalysis, shifts: Shift[]): PackageAnalysis {
  let { packageDiagnostics, functions, diagnostics } = analysis;
  for (const shift of shifts) {
    packageDiagnostics = shiftValue(packageDiagnostics, shift);
    functions = shiftValue(functions, shift);
    diagnostics = shiftValue(diagnostics, shift);
  }
  return { ...analysis, packageDiagnostics, functions, diagnostics };
}

/** The Session that createSession returns. */
class IncrementalSession implements Session {
  readonly #parser: GoParser;
  readonly #options: DetectOptions;
  readonly #ctx: BuildContext;
  readonly #files = new Map<string, SessionFile>();
  // A file's version changes whenever its model is replaced, so a cache key tells models apart.
  readonly #versions = new Map<string, number>();
  #nextVersion = 0;
  #sorted: SessionFile[] | undefined;
  #cache: Cache | undefined;
  #result: DetectResult | undefined;
  #disposed = false;

  constructor(parser: GoParser, options: DetectOptions) {
    this.#parser = parser;
    this.#options = options;
    this.#ctx = buildContextOf(options);
  }

  setFile(name: string, text: string): void {
    this.#change();
    const old = this.#files.get(name);
    if (old) closeFile(old);
    this.#files.set(name, openFile(this.#parser, name, text, this.#ctx));
    this.#versions.set(name, this.#nextVersion++);
    this.#sorted = undefined;
  }

  editFile(name: string, changes: TextChange[]): void {
    this.#change();
    const file = this.#files.get(name);
    if (!file) throw new Error(`the session has no file ${name}`);
    if (changes.length === 0) return;
    const shifts = editFile(this.#parser, file, changes, this.#ctx);
    if (shifts === null) this.#versions.set(name, this.#nextVersion++);
    else if (this.#cache) this.#cache = { key: this.#cache.key, analysis: shiftAnalysis(this.#cache.analysis, shifts) };
  }

  removeFile(name: string): void {
    this.#change();
    const file = this.#files.get(name);
    if (!file) return;
    closeFile(file);
    this.#files.delete(name);
    this.#versions.delete(name);
    this.#sorted = undefined;
  }

  text(name: string): string | undefined {
    const file = this.#files.get(name);
    return file && textOf(file);
  }

  detect(): DetectResult {
    if (this.#disposed) throw new Error('the session is disposed');
    this.#sorted ??= [...this.#files.values()].sort(byName);
    return (this.#result ??= this.#analyze(this.#sorted));
  }

  dispose(): void {
    for (const file of this.#files.values()) closeFile(file);
    this.#files.clear();
    this.#disposed = true;
  }

  #change(): void {
    if (this.#disposed) throw new Error('the session is disposed');
    this.#result = undefined;
  }

  /** Detects over the files (in name order), analysing the package again only when a model changed. */
  #analyze(files: SessionFile[]): DetectResult {
    const inFiles = files.filter((f) => f.outcome.use === 'in');
    const key = inFiles.map((f) => `${f.name}\0${this.#versions.get(f.name)}`).join('\0\0');
    const current = this.#cache?.key === key ? this.#cache : undefined;
    if (!current) for (const file of inFiles) refreshFile(file, this.#ctx);
    const selection = selectionOf(files.map((f) => f.outcome));
    if (selection.extracted.length === 0) throw noPackageError(selection, this.#options.dir ?? '.');
    const cache = (this.#cache = current ?? { key, analysis: analyzePackage(this.#parser, selection.extracted, this.#options) });
    const syntax = cache.analysis.pkg.files.flatMap((f) => syntaxOf(this.#files.get(f.name)!));
    return packageResult(selection.diagnostics, cache.analysis, syntax, this.#options);
  }
}

/** createSession starts an empty session that detects with `parser` and `options`. */
export function createSession(parser: GoParser, options: DetectOptions = {}): Session {
  return new IncrementalSession(parser, options);
}
