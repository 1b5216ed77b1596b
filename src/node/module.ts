/**
 * The import path of a package directory, from the nearest go.mod: its `module` line plus the
 * directory's path below the module root, as `go list` reports it.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A ModuleInfo is what the nearest go.mod says about a directory's import path. */
export interface ModuleInfo {
  /** The module path joined with the directory below the module root; null when unknown. */
  importPath: string | null;
  /** The go.mod that was found (absolute), or null when none exists above the directory. */
  goModFile: string | null;
  /** Why importPath is null, in words for a warning. */
  problem?: string;
}

/** Strips a `//` comment, leaving `//` inside a double-quoted string alone. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** Reads one module path token as modfile does: double-quoted (Go escapes) or bare without quotes. */
function parsePathToken(token: string): string | null {
  if (token.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(token);
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  }
  return /["'`\s()]/.test(token) || token === '' ? null : token;
}

/**
 * parseModulePath returns the path of a go.mod's `module` directive, or null when there is no
 * readable one. It accepts the forms modfile accepts: `module x`, `module "x"`, trailing `//`
 * comments, and the block form `module (\n x\n)`.
 */
export function parseModulePath(goMod: string): string | null {
  const lines = goMod.split(/\r?\n/).map((line) => stripComment(line).trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^module\s*\(\s*$/.test(line)) {
      const inner = lines.slice(i + 1).find((l) => l !== '');
      return inner === undefined || inner === ')' ? null : parsePathToken(inner);
    }
    const single = /^module(?:\s+(.*))?$/.exec(line);
    if (single) return single[1] === undefined ? null : parsePathToken(single[1].trim());
  }
  return null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** findGoMod walks up from dir (made absolute) to the nearest directory holding a go.mod file. */
async function findGoMod(dir: string): Promise<string | null> {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, 'go.mod');
    if (await isFile(candidate)) return candidate;
    if (dirname(current) === current) return null;
  }
}

/**
 * shownGoMod is a go.mod's path as messages give it: relative to the working directory, as the
 * directories on the command line are, so that output does not depend on the machine.
 */
export function shownGoMod(goModFile: string): string {
  return relative(process.cwd(), goModFile);
}

/** What reading a go.mod gave: its text, or the error. */
export type GoModRead = { text: string } | { error: Error };

/**
 * moduleInfo is what the go.mod found at goModFile (null: none at or above dir), read as given,
 * makes of dir's import path: its module path joined with dir's path below the module root.
 */
export function moduleInfo(dir: string, goModFile: string | null, read: GoModRead | null): ModuleInfo {
  if (goModFile === null || read === null) return { importPath: null, goModFile: null, problem: `no go.mod at or above ${dir}` };
  const shown = shownGoMod(goModFile);
  if ('error' in read) return { importPath: null, goModFile, problem: `cannot read ${shown}: ${read.error.message}` };
  const modulePath = parseModulePath(read.text);
  if (modulePath === null) return { importPath: null, goModFile, problem: `${shown} has no module line` };
  const below = relative(dirname(goModFile), resolve(dir)).split(sep).filter((e) => e !== '');
  // The standard library's go.mod says `module std`, but its import paths have no prefix.
  const prefix = modulePath === 'std' ? [] : [modulePath];
  return { importPath: [...prefix, ...below].join('/') || modulePath, goModFile };
}

/**
 * findModule finds the nearest go.mod at or above dir and joins its module path with the
 * directory's relative path using `/`. It never throws: a missing or unreadable go.mod gives a
 * null importPath and a problem saying why.
 */
export async function findModule(dir: string): Promise<ModuleInfo> {
  const goModFile = await findGoMod(dir);
  if (goModFile === null) return moduleInfo(dir, null, null);
  const read = await readFile(goModFile, 'utf8').then(
    (text) => ({ text }),
    (error: Error) => ({ error }),
  );
  return moduleInfo(dir, goModFile, read);
}
