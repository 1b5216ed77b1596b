import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { findModule } from '../node/module.js';
import { createModuleLookup } from './modules.js';

const root = mkdtempSync(join(tmpdir(), 'gofn-modules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('m/go.mod', 'module example.com/m\n');
write('m/inner/go.mod', 'module example.com/inner\n');
write('m/nomodule/go.mod', 'go 1.19\n');
write('std/go.mod', 'module std\n');
for (const dir of ['m/a/b', 'm/inner/x', 'm/nomodule/x', 'm/dirgomod/go.mod', 'std/net/http', 'bare/x']) mkdirSync(join(root, dir), { recursive: true });

// Asked in an order that makes the lookup answer later directories from what earlier ones found.
const dirs = ['m/a/b', 'm/a', 'm', 'm/inner/x', 'm/inner', 'm/nomodule/x', 'm/nomodule', 'm/dirgomod', 'std/net/http', 'std/net', 'std', 'bare/x', 'bare'];

test('the lookup answers every directory as findModule does, given absolute or relative', async () => {
  const lookup = createModuleLookup();
  for (const dir of dirs) {
    for (const asked of [join(root, dir), relative(process.cwd(), join(root, dir))]) {
      expect(lookup(asked), asked).toEqual(await findModule(asked));
    }
  }
  // The temp directory has no go.mod above it on the test machine; the answer says so.
  expect(lookup(join(root, 'bare/x')).problem).toBe(`no go.mod at or above ${join(root, 'bare/x')}`);
  expect(lookup(join(root, 'std/net/http')).importPath).toBe('net/http');
  expect(lookup(join(root, 'm/inner/x')).importPath).toBe('example.com/inner/x');
});
