/**
 * Which package a qualifier names, from a file's imports alone (SPEC §2): explicit names, the
 * last element of a standard-library path, and goimports' guess for any other path.
 */
import type { Import } from '../parser/model.js';

/** isStandardPath says whether an import path is the standard library's: no `.` in its first element. */
export function isStandardPath(path: string): boolean {
  return !(path.split('/')[0] ?? '').includes('.');
}

/** The element a package name comes from: the last, or the one before a final `/vN` (as goimports). */
function nameElement(path: string): string {
  const elements = path.split('/');
  const last = elements[elements.length - 1] ?? '';
  const previous = elements[elements.length - 2];
  return /^v[+-]?[0-9]+$/.test(last) && previous !== undefined ? previous : last;
}

/**
 * defaultPackageName is the name a file refers to an imported package by when the import has no
 * explicit name: the last element for the standard library (`math/rand/v2` is `rand`, as Go
 * names it), goimports' guess otherwise (`gopkg.in/yaml.v3` -> `yaml`, `go-isatty` -> `isatty`).
 */
export function defaultPackageName(path: string): string {
  const element = nameElement(path);
  if (isStandardPath(path)) return element;
  const trimmed = element.startsWith('go-') ? element.slice(3) : element;
  return /^[\p{L}\p{Nd}_]*/u.exec(trimmed)?.[0] ?? '';
}

/** Ranks how sure a match is: an explicit name or a standard name beats a guessed one. */
function certainty(imp: Import): number {
  return imp.name !== null || isStandardPath(imp.path) ? 1 : 0;
}

/** resolveQualifier returns the path a file's qualifier refers to, or null when no import matches. */
export function resolveQualifier(imports: readonly Import[], qualifier: string): string | null {
  let best: Import | null = null;
  for (const imp of imports) {
    const name = imp.name ?? defaultPackageName(imp.path);
    if (name !== qualifier) continue;
    if (!best || certainty(imp) > certainty(best)) best = imp;
  }
  return best?.path ?? null;
}

/** dotImports lists the paths a file imports with `.`. */
export function dotImports(imports: readonly Import[]): string[] {
  return imports.filter((imp) => imp.name === '.').map((imp) => imp.path);
}
