/**
 * Facts about names shared by classification and selection.
 */
import type { GoPackage } from '../parser/model.js';

/** The names SPEC §4 prefers among several direct candidates. */
export const preferredNames: ReadonlySet<string> = new Set(['Handle', 'Handler', 'Main']);

export { isExported } from '../parser/model.js';

/** compareNames orders names by code point, as Go's sort.Strings orders their UTF-8 bytes. */
export function compareNames(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** isProgram says whether a package is a program: package main with a func main. */
export function isProgram(pkg: GoPackage): boolean {
  return pkg.name === 'main' && pkg.funcs.some((fn) => fn.name === 'main' && fn.receiver === null);
}
