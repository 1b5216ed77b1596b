/**
 * detect() composes the rooms: decode each file, select the files of the package (SPEC §1),
 * extract the typed model, classify its functions and select one (SPEC §2–§4). Pure over file
 * contents: no file system, no process.
 */
import type { GoParser } from './parser/index.js';
import { decodeSource, extractFile, matchFile, defaultBuildContext, readDeferredFuncs, type BuildContext } from './parser/index.js';
import type { DecodedSource, ExtractedFile, GoPackage, SyntaxProblem } from './parser/index.js';
import { classifyPackage, selectFunction } from './signatures/index.js';
import { generatedHeader } from './codegen/index.js';
import { compareDiagnostics, makeDiagnostic } from './diagnostics.js';
import { sourceDiagnostics, syntaxDiagnostics } from './detect-diagnostics.js';
import type { ClassifiedFunction, DetectResult, Diagnostic } from './schema.js';

/** A SourceFile is one file of a package directory: its base name and its contents. */
export interface SourceFile {
  name: string;
  /** The contents; positions count UTF-8 bytes of the file as given. */
  text: string | Uint8Array;
}

/** DetectOptions set the build target (SPEC §1), the reported dir and import path, and --target. */
export interface DetectOptions {
  /** The directory as the user named it, reported as `dir` (default `.`). */
  dir?: string;
  /** The package's import path from go.mod, or null when unknown. */
  importPath?: string | null;
  goos?: string;
  goarch?: string;
  tags?: string[];
  cgo?: boolean;
  /** The function to select, as `--target`. */
  target?: string;
}

/** A NoPackageError says that no file makes a Go package in the directory (CLI exit 2). */
export class NoPackageError extends Error {
  override name = 'NoPackageError';
}

const inPlaceFileName = 'gofn_main.go';

/** buildContextOf is the build target and tags the options ask for (SPEC §1 defaults). */
export function buildContextOf(options: DetectOptions): BuildContext {
  return {
    goos: options.goos ?? defaultBuildContext.goos,
    goarch: options.goarch ?? defaultBuildContext.goarch,
    tags: options.tags ?? [],
    cgo: options.cgo ?? false,
  };
}

function isOwnGeneratedFile(name: string, text: string): boolean {
  return name === inPlaceFileName && text.replace(/^\uFEFF/, '').startsWith(generatedHeader);
}

/** What the files left out were, so that an empty package is explained in go build's words. */
type LeftOut = 'none' | 'tests' | 'constrained';

/**
 * A FileOutcome is what one file contributes to the package: nothing (`skip`), a reason it is
 * left out (`out`), or its model (`in`), each with the diagnostics the file itself earns.
 */
export type FileOutcome =
  | { use: 'skip' }
  | { use: 'out'; leftOut: LeftOut; diagnostics: Diagnostic[] }
  | { use: 'in'; extracted: ExtractedFile; diagnostics: Diagnostic[] };

/** A Selection is the files of the package, in name order, with what the files themselves earned. */
export interface Selection {
  extracted: ExtractedFile[];
  diagnostics: Diagnostic[];
  leftOut: LeftOut;
}

/**
 * screenFile decides from a file's name and text alone whether it can be in the package (SPEC
 * §1). It returns null when the file must be parsed before `admitFile` decides.
 */
export function screenFile(name: string, source: DecodedSource, ctx: BuildContext): FileOutcome | null {
  const match = matchFile(name, source.text, ctx);
  if (!match.include) {
    if (match.reason === 'test-file') return { use: 'out', leftOut: 'tests', diagnostics: [] };
    if (match.reason !== 'invalid-constraint') {
      return { use: 'out', leftOut: match.reason === 'build-constraint' || match.reason === 'file-name' ? 'constrained' : 'none', diagnostics: [] };
    }
    const range = source.positions.range(match.start, match.end);
    const diagnostic = makeDiagnostic('build-constraint-invalid', { file: name, range }, { reason: match.message });
    return { use: 'out', leftOut: 'constrained', diagnostics: [diagnostic] };
  }
  return isOwnGeneratedFile(name, source.text) ? { use: 'skip' } : null;
}

/** admitFile finishes the decision for a parsed file: cgo files (with cgo off) and `documentation` are out. */
export function admitFile(source: DecodedSource, extracted: ExtractedFile, ctx: BuildContext): FileOutcome {
  if ((extracted.importsC && !ctx.cgo) || extracted.file.packageName === 'documentation') {
    return { use: 'out', leftOut: 'constrained', diagnostics: [] };
  }
  return { use: 'in', extracted, diagnostics: sourceDiagnostics(source.name, source.problems) };
}

/** selectionOf gathers the outcomes of a directory's files, given in name order. */
export function selectionOf(outcomes: Iterable<FileOutcome>): Selection {
  const selection: Selection = { extracted: [], diagnostics: [], leftOut: 'none' };
  for (const outcome of outcomes) {
    if (outcome.use === 'skip') continue;
    selection.diagnostics.push(...outcome.diagnostics);
    if (outcome.use === 'in') selection.extracted.push(outcome.extracted);
    else if (outcome.leftOut === 'constrained' || (outcome.leftOut === 'tests' && selection.leftOut === 'none')) {
      selection.leftOut = outcome.leftOut;
    }
  }
  return selection;
}

/** byName orders files as go build lists them. */
export function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Picks and parses the files `go build` would compile for the context (SPEC §1). */
function fileOutcome(parser: GoParser, input: SourceFile, ctx: BuildContext): FileOutcome {
  if (!input.name.endsWith('.go')) return { use: 'skip' };
  const source = decodeSource(input.name, input.text);
  return screenFile(input.name, source, ctx) ?? admitFile(source, extractFile(parser, source), ctx);
}

/** noPackageError explains an empty selection in go build's words (CLI exit 2). */
export function noPackageError(selection: Selection, dir: string): NoPackageError {
  const leftOut = selection.leftOut;
  if (leftOut === 'constrained') return new NoPackageError(`build constraints exclude all Go files in ${dir}`);
  return new NoPackageError(leftOut === 'tests' ? `no non-test Go files in ${dir}` : `no Go files in ${dir}`);
}

/** Keeps the files of the first file's package and reports the others (go build refuses mixed packages). */
function assemblePackage(parser: GoParser, extracted: ExtractedFile[]): { pkg: GoPackage; diagnostics: Diagnostic[] } {
  const name = extracted.find((e) => e.file.packageName !== '')?.file.packageName ?? '';
  const diagnostics: Diagnostic[] = [];
  const kept = extracted.filter((e) => {
    if (e.file.packageName === name || e.file.packageName === '') return true;
    diagnostics.push(
      makeDiagnostic(
        'package-clause-mismatch',
        { file: e.file.name, ...(e.packageClause ? { range: e.packageClause } : {}) },
        { actual: e.file.packageName, expected: name },
      ),
    );
    return false;
  });
  const pkg: GoPackage = {
    name,
    files: kept.map((e) => e.file),
    types: kept.flatMap((e) => e.types),
    funcs: kept.flatMap((e) => e.funcs),
    leftOutFuncs: kept.flatMap((e) => e.leftOutFuncs),
    deferredFuncs: () => kept.flatMap((e) => readDeferredFuncs(parser, e)),
    syntaxProblems: kept.flatMap((e) => e.syntaxProblems),
  };
  return { pkg, diagnostics };
}

/** A PackageAnalysis is the package-level part of detection: assembly, classification, selection. */
export interface PackageAnalysis {
  pkg: GoPackage;
  /** Files whose package clause differs from the package's. */
  packageDiagnostics: Diagnostic[];
  functions: ClassifiedFunction[];
  selected: string | null;
  /** Near misses, then what selection found. */
  diagnostics: Diagnostic[];
}

/** analyzePackage assembles the selected files into a package, classifies it and selects (SPEC §2–§4). */
export function analyzePackage(parser: GoParser, extracted: ExtractedFile[], options: DetectOptions): PackageAnalysis {
  const { pkg, diagnostics: packageDiagnostics } = assemblePackage(parser, extracted);
  const classified = classifyPackage(pkg);
  const selected = selectFunction(pkg, classified.functions, options.target === undefined ? {} : { target: options.target });
  return {
    pkg,
    packageDiagnostics,
    functions: classified.functions,
    selected: selected.selected,
    diagnostics: [...classified.diagnostics, ...selected.diagnostics],
  };
}

/**
 * packageResult puts the result together from the files' own diagnostics, the analysis and the
 * syntax problems of the package's files (passed apart so that a session can keep them current).
 */
export function packageResult(
  fileDiagnostics: Diagnostic[],
  analysis: PackageAnalysis,
  syntaxProblems: SyntaxProblem[],
  options: DetectOptions,
): DetectResult {
  const { pkg } = analysis;
  const diagnostics = [
    ...fileDiagnostics,
    ...analysis.packageDiagnostics,
    ...syntaxDiagnostics(syntaxProblems),
    ...analysis.diagnostics,
  ].sort(compareDiagnostics);
  return {
    dir: options.dir ?? '.',
    package: {
      name: pkg.name,
      importPath: options.importPath ?? null,
      ...(pkg.name === 'main' ? { declarations: [...new Set(pkg.files.flatMap((f) => f.declaredNames))].sort() } : {}),
    },
    files: pkg.files.map((f) => f.name),
    functions: analysis.functions,
    selected: analysis.selected,
    diagnostics,
  };
}

/**
 * detect reads the files of one package directory and reports its classified functions, the
 * selected one and diagnostics (SPEC §4). It throws NoPackageError when no file makes a package.
 */
export function detect(parser: GoParser, files: SourceFile[], options: DetectOptions = {}): DetectResult {
  const ctx = buildContextOf(options);
  const selection = selectionOf([...files].sort(byName).map((input) => fileOutcome(parser, input, ctx)));
  if (selection.extracted.length === 0) throw noPackageError(selection, options.dir ?? '.');
  const analysis = analyzePackage(parser, selection.extracted, options);
  return packageResult(selection.diagnostics, analysis, analysis.pkg.syntaxProblems, options);
}
