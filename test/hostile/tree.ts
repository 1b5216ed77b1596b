/**
 * The directory tree test/cli-hostile.test.ts runs gofn-detect in: one directory per hostile
 * input (missing pieces, binary and damaged files, unreadable files, symlink loops, FIFOs).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SourceFile } from '../../src/detect.js';

const handler = 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {}\n';

/** Bytes that look like nothing: every byte value, in an order fixed by a small LCG. */
function binaryBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

/** writer returns a function that writes a file under root, making its directory first. */
function writer(root: string): (path: string, text: string | Uint8Array, mode?: number) => void {
  return (path, text, mode) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    if (mode !== undefined) chmodSync(join(root, path), mode);
  };
}

/** makeHostileTree builds the tree the table runs in and returns its root; only lockeddir cannot be entered. */
export function makeHostileTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'gofn-hostile-'));
  const write = writer(root);
  write('go.mod', 'module example.com/h\n\ngo 1.19\n');
  write('ok/fn.go', handler);
  write('empty/README.md', 'no Go here\n');
  write('onlytest/fn_test.go', 'package fn\n\nfunc TestX() {}\n');
  write('big/fn.go', `${handler}// ${'x'.repeat(10 * 1024 * 1024)}\n`);
  write('binary/blob.go', binaryBytes(64 * 1024));
  write('invalid/fn.go', Buffer.from('package fn\n\n// caf\xe9 \xff\xfe\nfunc Upper(s string) string { return s }\n', 'latin1'));
  write('twopkg/a.go', 'package a\n\nfunc A(s string) string { return s }\n');
  write('twopkg/b.go', 'package b\n\nfunc B(s string) string { return s }\n');
  write('twoclause/a.go', 'package a\npackage b\n\nfunc A(s string) string { return s }\n');
  write('emptyfile/fn.go', '');
  write('unreadable/fn.go', handler);
  write('unreadable/secret.go', 'package fn\n\nfunc Other() {}\n', 0o000);
  write('onlyunreadable/x.go', 'package fn\n', 0o000);
  write('loops/a/fn.go', handler);
  symlinkSync('..', join(root, 'loops/a/up'));
  symlinkSync('../../loops', join(root, 'loops/a/back'));
  symlinkSync('self', join(root, 'loops/self'));
  write('dirgo/fn.go', handler);
  mkdirSync(join(root, 'dirgo/x.go'));
  mkdirSync(join(root, 'onlydirgo/x.go'), { recursive: true });
  write('badmod/fn.go', handler);
  write('badmod/go.mod', Buffer.from('modul example.com/bad\n\x00\xff garbage (\n', 'latin1'));
  write('unclassified/fn.go', 'package fn\n\nfunc Helper(a, b int) (int, int, int) { return a, b, 0 }\nfunc Upper(s string) string { return s }\n');
  write('special/fn.go', handler);
  spawnSync('mkfifo', [join(root, 'special/pipe')]);
  symlinkSync('pipe', join(root, 'special/fifo.go'));
  symlinkSync('/dev/zero', join(root, 'special/zero.go'));
  write('lockeddir/fn.go', handler);
  chmodSync(join(root, 'lockeddir'), 0o000);
  return root;
}

/** The Go files of a result's directory as the test (root) reads them; non-regular files as empty. */
export function diskFiles(root: string, dir: string): SourceFile[] {
  const path = join(root, dir);
  return readdirSync(path)
    .filter((name) => name.endsWith('.go'))
    .map((name) => {
      const file = join(path, name);
      const regular = lstatSync(file).isFile() || (lstatSync(file).isSymbolicLink() && statSync(file).isFile());
      return { name, text: regular ? new Uint8Array(readFileSync(file)) : new Uint8Array() };
    });
}

/** removeHostileTree deletes the tree, after giving back the permission it took away. */
export function removeHostileTree(root: string): void {
  chmodSync(join(root, 'lockeddir'), 0o755);
  rmSync(root, { recursive: true, force: true });
}
