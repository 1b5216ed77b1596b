/**
 * Expanding `dir/...` the way `go list` does in module mode: walk from the directory before the
 * first `...`, keep the directories whose cleaned name matches the pattern and that hold Go files.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanDir } from './clean.js';
import { directoryError } from './read.js';

/** isPattern says whether a command-line argument is a `...` pattern rather than one directory. */
export function isPattern(arg: string): boolean {
  return arg.includes('...');
}

const vendorMark = '\u0001';

/** Marks every `vendor` element but the last, as cmd/go's replaceVendor does. */
function markVendor(path: string): string {
  const elements = path.split('/');
  return elements.map((e, i) => (e === 'vendor' && i < elements.length - 1 ? vendorMark : e)).join('/');
}

/**
 * matchPattern compiles a cleaned pattern the way cmd/go's MatchPattern does: `...` matches any
 * string, a trailing `/...` also matches the empty string, and `...` never matches a `vendor`
 * element that is not the last one (the pattern may still spell one out).
 */
export function matchPattern(pattern: string): (name: string) => boolean {
  const quote = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = markVendor(pattern).split('...').map(quote);
  let source = parts.join('\u0000');
  if (source.endsWith('/\u0000')) source = source.slice(0, -2) + '(?:/\u0000)?';
  const regex = new RegExp('^' + source.replaceAll('\u0000', `[^${vendorMark}]*`) + '$');
  return (name) => !name.includes(vendorMark) && regex.test(markVendor(name));
}

/** skippedName says whether go list skips a directory of this name (SPEC §4). */
function skippedName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  return name.startsWith('.') || name.startsWith('_') || name === 'testdata';
}

/** An entry counts as a file when it is one, or is a symlink to something other than a directory. */
async function isFileEntry(dir: string, entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await stat(join(dir, entry.name))).isFile();
  } catch {
    return false;
  }
}

/** hasGoFiles mirrors go's ScanDir: a regular `*.go` file whose name starts with neither `.` nor `_`. */
async function hasGoFiles(dir: string, entries: Dirent[]): Promise<boolean> {
  for (const entry of entries) {
    const name = entry.name;
    if (!name.endsWith('.go') || name.startsWith('.') || name.startsWith('_')) continue;
    if (await isFileEntry(dir, entry)) return true;
  }
  return false;
}

/** childName joins cleaned names without producing `./a` or `//a`. */
function childName(parent: string, name: string): string {
  if (parent === '.') return name;
  return parent.endsWith('/') ? parent + name : `${parent}/${name}`;
}

interface Walk {
  match: (name: string) => boolean;
  dirs: string[];
}

/**
 * visit walks one directory in lexical order, as filepath.Walk does. It takes entries from
 * readdir, whose Dirents never report a symlink as a directory, so symlinked directories are not
 * followed and a symlink loop cannot recur. Below the root a nested module (go.mod) is skipped.
 */
async function visit(walk: Walk, dir: string, name: string, top: boolean): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (top) throw directoryError(name, error);
    // go list reports a directory it cannot read; listing it lets detection say why, as an entry.
    if (walk.match(name)) walk.dirs.push(name);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!top) {
    const goMod = entries.find((e) => e.name === 'go.mod');
    if (goMod && (await isFileEntry(dir, goMod))) return;
  }
  if (walk.match(name) && (await hasGoFiles(dir, entries))) walk.dirs.push(name);
  // go list may list a vendor directory itself but does not walk below it.
  if (!top && name.split('/').at(-1) === 'vendor') return;
  for (const entry of entries) {
    if (!entry.isDirectory() || skippedName(entry.name)) continue;
    await visit(walk, join(dir, entry.name), childName(name, entry.name), false);
  }
}

/**
 * expandPattern lists the package directories a `...` pattern matches, as go list does: it does
 * not follow symlinked directories (the root may be one), skips `testdata`, what is below
 * `vendor`, names starting with `.` or `_` and directories with their own go.mod, and keeps only
 * directories holding Go files (and those it cannot read, so that the caller can report them). Names are cleaned (`./...` gives `.`, `a`, `a/b`) and in go list's order.
 * It throws a DirectoryError when the directory the walk starts from cannot be read. A pattern
 * without `...` names just itself.
 */
export async function expandPattern(pattern: string): Promise<string[]> {
  const cleaned = cleanDir(pattern);
  // A pattern without `...` is a literal directory, as go list treats it.
  if (!isPattern(cleaned)) return [cleaned];
  const beforeWildcard = cleaned.slice(0, cleaned.indexOf('...'));
  const slash = beforeWildcard.lastIndexOf('/');
  const root = slash < 0 ? '.' : slash === 0 ? '/' : beforeWildcard.slice(0, slash);
  const walk: Walk = { match: matchPattern(cleaned), dirs: [] };
  const rootName = root.split('/').at(-1) ?? root;
  if (skippedName(rootName)) return [];
  await visit(walk, root, root, true);
  return walk.dirs;
}
