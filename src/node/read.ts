/**
 * Reading one package directory: every `*.go` regular file in it (subdirectories are other
 * packages), as bytes, because detection decodes and reports damaged text itself.
 */
import { accessSync, closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { isAscii, isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import type { SourceFile } from '../detect.js';

/** An UnreadableFile is a `*.go` entry that exists but could not be read. */
export interface UnreadableFile {
  name: string;
  error: string;
}

/** A PackageDir is what readPackageDir found: the readable files and the ones that failed. */
export interface PackageDir {
  files: SourceFile[];
  unreadable: UnreadableFile[];
}

/** A DirectoryError says that a directory named by the user cannot be read as one. */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
}

/** errorMessage renders a Node file system error the way a person wants to read it. */
export function errorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

/** directoryError turns a failure to open dir into the one line the CLI prints. */
export function directoryError(dir: string, error: unknown): DirectoryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new DirectoryError(`${dir}: no such directory`);
  if (code === 'ENOTDIR') return new DirectoryError(`${dir} is not a directory`);
  return new DirectoryError(`${dir}: ${errorMessage(error)}`);
}

/** Orders directory entries by name. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * isGoFileEntry says whether a directory entry is a `*.go` file. As go/build does, a symlink
 * counts unless it points at a directory; a dangling one is then reported as unreadable.
 */
async function isGoFileEntry(dir: string, entry: Dirent): Promise<boolean> {
  if (!entry.name.endsWith('.go')) return false;
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return !(await stat(join(dir, entry.name))).isDirectory();
  } catch {
    return true;
  }
}

/** isGoFileEntrySync is isGoFileEntry without the event loop. */
function isGoFileEntrySync(dir: string, entry: Dirent): boolean {
  if (!entry.name.endsWith('.go')) return false;
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return !statSync(join(dir, entry.name)).isDirectory();
  } catch {
    return true;
  }
}

/** The flags that let a FIFO open without a writer, so that fstat can refuse it (see readRegularFile). */
const readFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * sourceText is what detect() is handed for a file's bytes: valid UTF-8 (nearly every Go file) as
 * a string, which Node's native checks and decoders make far cheaper than detect()'s own decoding
 * (an ASCII file is copied byte for byte); any other file as bytes, for detect() to decode and
 * report invalid UTF-8 in. A leading byte order mark stays in the string, as detect() expects.
 */
function sourceText(bytes: Uint8Array): string | Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return buffer.toString('latin1');
  return isUtf8(bytes) ? buffer.toString('utf8') : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** sharedBuffer is what readSourceFileSync reads into, grown as files need; it is never handed out. */
let sharedBuffer = Buffer.allocUnsafe(1 << 20);

/** readSourceSync reads an opened file into sharedBuffer and returns its sourceText. */
function readSourceSync(fd: number): string | Uint8Array {
  let length = 0;
  for (;;) {
    if (length === sharedBuffer.length) {
      const grown = Buffer.allocUnsafe(sharedBuffer.length * 2);
      sharedBuffer.copy(grown, 0, 0, length);
      sharedBuffer = grown;
    }
    const n = readSync(fd, sharedBuffer, length, sharedBuffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  const text = sourceText(sharedBuffer.subarray(0, length));
  // Invalid UTF-8 comes back as a view of the buffer, which the next read overwrites.
  return typeof text === 'string' ? text : text.slice();
}

/**
 * readSourceFileSync is readRegularFile without the event loop, returning the file's sourceText.
 * A directory entry that is a regular file (known from the listing) is no FIFO or device and is
 * not checked again; a symlink's target is, with fstat. One buffer serves every read: a run of
 * thousands of files allocates and fstats none of them.
 */
function readSourceFileSync(path: string, knownRegular: boolean): string | Uint8Array {
  const fd = openSync(path, readFlags);
  try {
    if (!knownRegular && !fstatSync(fd).isFile()) throw new Error('not a regular file');
    return readSourceSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * readRegularFile reads a file's bytes, refusing anything but a regular file: a `*.go` symlink
 * to a FIFO or to /dev/zero would otherwise block or never end. O_NONBLOCK lets a FIFO open
 * without a writer, so that fstat can refuse it.
 */
async function readRegularFile(path: string): Promise<Uint8Array> {
  const handle = await open(path, readFlags);
  try {
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file');
    const bytes = await handle.readFile();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await handle.close();
  }
}

/**
 * readPackageDir reads every `*.go` file directly in dir (not in subdirectories; a directory named
 * `x.go` is not a file; symlinked files are read). It throws a DirectoryError when dir itself
 * cannot be listed.
 */
export async function readPackageDir(dir: string): Promise<PackageDir> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw directoryError(dir, error);
  }
  entries.sort(byName);
  // All reads at once: one at a time leaves the process idle while each waits on the disk.
  const reads = entries.map(async (entry): Promise<SourceFile | UnreadableFile | undefined> => {
    if (!(await isGoFileEntry(dir, entry))) return undefined;
    try {
      return { name: entry.name, text: sourceText(await readRegularFile(join(dir, entry.name))) };
    } catch (error) {
      return { name: entry.name, error: errorMessage(error) };
    }
  });
  const result: PackageDir = { files: [], unreadable: [] };
  for (const read of await Promise.all(reads)) {
    if (read === undefined) continue;
    if ('error' in read) result.unreadable.push(read);
    else result.files.push(read);
  }
  return result;
}

/** A PackageDirSyncOptions says which files detection needs the text of. */
export interface PackageDirSyncOptions {
  /**
   * False for a file whose name alone decides that it is left out (a test, another GOOS): such a
   * regular file is only checked for readability and given empty text, so the files and the
   * unreadable ones are the same as readPackageDir's. Default: every file's text is needed.
   */
  needsText?: (name: string) => boolean;
}

/**
 * readable checks that a regular file could be opened for reading, without reading it. access()
 * asks with the real user ID where open() uses the effective one; they differ only for a setuid
 * process, which the CLI is not.
 */
function readable(path: string): void {
  accessSync(path, constants.R_OK);
}

function readEntriesSync(dir: string, entries: Dirent[], needsText: (name: string) => boolean): PackageDir {
  const result: PackageDir = { files: [], unreadable: [] };
  for (const entry of entries) {
    if (!isGoFileEntrySync(dir, entry)) continue;
    const path = join(dir, entry.name);
    try {
      if (entry.isFile() && !needsText(entry.name)) {
        readable(path);
        result.files.push({ name: entry.name, text: '' });
      } else {
        result.files.push({ name: entry.name, text: readSourceFileSync(path, entry.isFile()) });
      }
    } catch (error) {
      result.unreadable.push({ name: entry.name, error: errorMessage(error) });
    }
  }
  return result;
}

/**
 * readPackageDirSync is readPackageDir with synchronous reads, for the CLI: one thread reading
 * one directory after another gains nothing from the event loop and pays for every promise.
 */
export function readPackageDirSync(dir: string, options: PackageDirSyncOptions = {}): PackageDir {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw directoryError(dir, error);
  }
  entries.sort(byName);
  return readEntriesSync(dir, entries, options.needsText ?? (() => true));
}
