/**
 * detect() composes the rooms: decode each file, select the files of the package (SPEC §1),
 * extract the typed model, classify its functions and select one (SPEC §2–§4). Pure over file
 * contents: no file system, no process.
 */
import type { GoParser } from './parser/index.js';
import { decodeSource, extractFile, matchFile, defaultBuildContext, type BuildContext } from './parser/index.js';
import type { ExtractedFile, GoPackage } from './parser/index.js';
import { classifyPackage, selectFunction } from './signatures/index.js';
import { generatedHeader } from './codegen/index.js';
import { compareDiagnostics, makeDiagnostic } from './diagnostics.js';
import { sourceDiagnostics, syntaxDiagnostics } from './detect-diagnostics.js';
import type { DetectResult, Diagnostic } from './schema.js';

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

function buildContextOf(options: DetectOptions): BuildContext {
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

interface Selection {
  extracted: ExtractedFile[];
  diagnostics: Diagnostic[];
  leftOut: LeftOut;
}

function noPackageMessage(leftOut: LeftOut, dir: string): string {
  if (leftOut === 'constrained') return `build constraints exclude all Go files in ${dir}`;
  return leftOut === 'tests' ? `no non-test Go files in ${dir}` : `no Go files in ${dir}`;
}

/** Picks and parses the files `go build` would compile for the context (SPEC §1). */
function selectFiles(parser: GoParser, files: SourceFile[], ctx: BuildContext): Selection {
  const selection: Selection = { extracted: [], diagnostics: [], leftOut: 'none' };
  const constrained = () => {
    selection.leftOut = 'constrained';
  };
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const input of sorted) {
    if (!input.name.endsWith('.go')) continue;
    const source = decodeSource(input.name, input.text);
    const match = matchFile(input.name, source.text, ctx);
    if (!match.include) {
      if (match.reason === 'test-file' && selection.leftOut === 'none') selection.leftOut = 'tests';
      if (match.reason === 'build-constraint' || match.reason === 'file-name' || match.reason === 'invalid-constraint') constrained();
      if (match.reason === 'invalid-constraint') {
        const range = source.positions.range(match.start, match.end);
        selection.diagnostics.push(makeDiagnostic('build-constraint-invalid', { file: input.name, range }, { reason: match.message }));
      }
      continue;
    }
    if (isOwnGeneratedFile(input.name, source.text)) continue;
    const extracted = extractFile(parser, source);
    if ((extracted.importsC && !ctx.cgo) || extracted.file.packageName === 'documentation') {
      constrained();
      continue;
    }
    selection.diagnostics.push(...sourceDiagnostics(input.name, source.problems));
    selection.extracted.push(extracted);
  }
  return selection;
}

/** Keeps the files of the first file's package and reports the others (go build refuses mixed packages). */
function assemblePackage(extracted: ExtractedFile[]): { pkg: GoPackage; diagnostics: Diagnostic[] } {
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
    syntaxProblems: kept.flatMap((e) => e.syntaxProblems),
  };
  return { pkg, diagnostics };
}


/**
 * detect reads the files of one package directory and reports its classified functions, the
 * selected one and diagnostics (SPEC §4). It throws NoPackageError when no file makes a package.
 */
export function detect(parser: GoParser, files: SourceFile[], options: DetectOptions = {}): DetectResult {
  const dir = options.dir ?? '.';
  const ctx = buildContextOf(options);
  const selection = selectFiles(parser, files, ctx);
  if (selection.extracted.length === 0) {
    throw new NoPackageError(noPackageMessage(selection.leftOut, dir));
  }
  const { pkg, diagnostics: packageDiagnostics } = assemblePackage(selection.extracted);
  const classified = classifyPackage(pkg);
  const selected = selectFunction(pkg, classified.functions, options.target === undefined ? {} : { target: options.target });
  const diagnostics = [
    ...selection.diagnostics,
    ...packageDiagnostics,
    ...syntaxDiagnostics(pkg.syntaxProblems),
    ...classified.diagnostics,
    ...selected.diagnostics,
  ].sort(compareDiagnostics);
  return {
    dir,
    package: {
      name: pkg.name,
      importPath: options.importPath ?? null,
      ...(pkg.name === 'main' ? { declarations: [...new Set(pkg.files.flatMap((f) => f.declaredNames))].sort() } : {}),
    },
    files: pkg.files.map((f) => f.name),
    functions: classified.functions,
    selected: selected.selected,
    diagnostics,
  };
}
