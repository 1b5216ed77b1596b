import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { canLock, evaluateWithoutDac, isRoot } from '../../test/support/unprivileged.js';
import { readPackageDir, readPackageDirSync } from './read.js';

describe('readPackageDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'gofn-read-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, 'fn');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'dir.go'));
  writeFileSync(join(dir, 'b.go'), 'package fn\n');
  writeFileSync(join(dir, 'a.go'), Buffer.from([0x70, 0xff, 0x00]));
  writeFileSync(join(dir, 'a_test.go'), 'package fn\n');
  writeFileSync(join(dir, 'notes.txt'), 'not go\n');
  writeFileSync(join(dir, 'sub/c.go'), 'package sub\n');
  writeFileSync(join(root, 'outside.go'), 'package fn // linked\n');
  symlinkSync(join(root, 'outside.go'), join(dir, 'linked.go'));
  symlinkSync(join(dir, 'sub'), join(dir, 'linkdir.go'));
  symlinkSync(join(root, 'missing.go'), join(dir, 'dangling.go'));

  test('reads every *.go file, sorted, and only those: valid UTF-8 as a string, anything else as bytes', async () => {
    writeFileSync(join(dir, 'c.go'), '\uFEFFpackage fn // é\n');
    try {
      const { files } = await readPackageDir(dir);
      expect(files.map((f) => f.name)).toEqual(['a.go', 'a_test.go', 'b.go', 'c.go', 'linked.go']);
      expect(files[0]?.text).toBeInstanceOf(Uint8Array);
      expect([...(files[0]?.text as Uint8Array)]).toEqual([0x70, 0xff, 0x00]);
      expect(files[3]?.text).toBe('\uFEFFpackage fn // é\n');
      expect(files[4]?.text).toBe('package fn // linked\n');
    } finally {
      rmSync(join(dir, 'c.go'));
    }
  });

  test('a dangling symlink is unreadable, not skipped', async () => {
    const { unreadable } = await readPackageDir(dir);
    expect(unreadable).toEqual([{ name: 'dangling.go', error: 'no such file or directory' }]);
  });

  // As root, in a node without root's power over file modes (test/support/unprivileged.ts).
  test.skipIf(!canLock && !process.env.CI)('a file without read permission is unreadable', async () => {
    const locked = join(root, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'x.go'), 'package x\n');
    chmodSync(join(locked, 'x.go'), 0o000);
    const unreadable = isRoot
      ? evaluateWithoutDac(`lib.readPackageDir(${JSON.stringify(locked)}).then((dir) => dir.unreadable)`)
      : (await readPackageDir(locked)).unreadable;
    expect(unreadable).toEqual([{ name: 'x.go', error: 'permission denied' }]);
  });

  test('a missing directory or a file throws a DirectoryError naming it', async () => {
    await expect(readPackageDir(join(root, 'nope'))).rejects.toThrow(`${join(root, 'nope')}: no such directory`);
    await expect(readPackageDir(join(dir, 'b.go'))).rejects.toThrow(`${join(dir, 'b.go')} is not a directory`);
  });

  test('readPackageDirSync reads what readPackageDir reads', async () => {
    expect(readPackageDirSync(dir)).toEqual(await readPackageDir(dir));
    expect(() => readPackageDirSync(join(root, 'nope'))).toThrow(`${join(root, 'nope')}: no such directory`);
  });

  test('readPackageDirSync reads files larger than its shared buffer, and bytes that outlive the next read', () => {
    const big = join(root, 'big');
    mkdirSync(big);
    const text = `package big\n// ${'é'.repeat(700_000)}\n`; // 1.4 MB: the buffer grows
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xff])]); // 1.4 MB of invalid UTF-8
    writeFileSync(join(big, 'a.go'), bytes);
    writeFileSync(join(big, 'b.go'), text.replaceAll('é', 'ü'));
    writeFileSync(join(big, 'c.go'), 'package big\n');
    const { files } = readPackageDirSync(big);
    expect(Buffer.from(files[0]?.text as Uint8Array).equals(bytes)).toBe(true);
    expect(files[1]?.text).toBe(text.replaceAll('é', 'ü'));
    expect(files[2]?.text).toBe('package big\n');
  });

  test('readPackageDirSync leaves out the text of files detection does not need, and only that', async () => {
    const { files, unreadable } = readPackageDirSync(dir, { needsText: (name) => !name.endsWith('_test.go') });
    const whole = await readPackageDir(dir);
    expect(files.map((f) => f.name)).toEqual(whole.files.map((f) => f.name));
    expect(files.find((f) => f.name === 'a_test.go')?.text).toBe('');
    expect(files.filter((f) => f.name !== 'a_test.go')).toEqual(whole.files.filter((f) => f.name !== 'a_test.go'));
    expect(unreadable).toEqual(whole.unreadable);
  });
});
