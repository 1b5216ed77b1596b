/**
 * detectDir: detection of one package directory on disk, the convenience a Node caller wants.
 * It reads the files, finds the import path and adds the findings only the disk can give.
 */
import { detect, type DetectOptions } from '../detect.js';
import { compareDiagnostics, makeDiagnostic } from '../diagnostics.js';
import type { GoParser } from '../parser/index.js';
import type { DetectResult, Diagnostic } from '../schema.js';
import { cleanDir } from './clean.js';
import { findModule, shownGoMod, type ModuleInfo } from './module.js';
import { DirectoryError, readPackageDir, type PackageDir, type UnreadableFile } from './read.js';

/** DetectDirOptions are detect's options except those detectDir works out from the disk. */
export type DetectDirOptions = Omit<DetectOptions, 'dir' | 'importPath'>;

/** go build never reads these files, so failing to read them changes nothing. */
function buildIgnores(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name.endsWith('_test.go');
}

function diskDiagnostics(dir: string, unreadable: UnreadableFile[], module: ModuleInfo): Diagnostic[] {
  const diagnostics = unreadable
    .filter((u) => !buildIgnores(u.name))
    .map((u) => makeDiagnostic('unreadable-file', { file: u.name }, { name: u.name, reason: u.error }));
  if (module.importPath === null) {
    const data = { dir, goMod: module.goModFile === null ? null : shownGoMod(module.goModFile), ...(module.problem === undefined ? {} : { problem: module.problem }) };
    diagnostics.push(makeDiagnostic('no-import-path', {}, data));
  }
  return diagnostics;
}

/**
 * detectPackageDir is detectDir once the directory is read and its module found, so that the
 * CLI can read in its own way (synchronously, ahead) and still give detectDir's result. name is
 * the directory as reported (cleaned).
 */
export function detectPackageDir(parser: GoParser, name: string, pkg: PackageDir, module: ModuleInfo, options: DetectDirOptions = {}): DetectResult {
  const firstUnreadable = pkg.unreadable[0];
  if (pkg.files.length === 0 && firstUnreadable) {
    throw new DirectoryError(`${name}: cannot read ${firstUnreadable.name}: ${firstUnreadable.error}`);
  }
  const result = detect(parser, pkg.files, { ...options, dir: name, importPath: module.importPath });
  const extra = diskDiagnostics(name, pkg.unreadable, module);
  if (extra.length === 0) return result;
  return { ...result, diagnostics: [...extra, ...result.diagnostics].sort(compareDiagnostics) };
}

/**
 * detectDir reads the Go files of dir, finds its import path from the nearest go.mod and runs
 * detect. Unreadable files and a missing module line become diagnostics; it throws a
 * DirectoryError when dir cannot be read and detect's NoPackageError when no file makes a package.
 */
export async function detectDir(parser: GoParser, dir: string, options: DetectDirOptions = {}): Promise<DetectResult> {
  const [pkg, module] = await Promise.all([readPackageDir(dir), findModule(dir)]);
  return detectPackageDir(parser, cleanDir(dir), pkg, module, options);
}
