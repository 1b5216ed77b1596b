import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url));

test('wasm/tree-sitter-go.wasm is the pinned tree-sitter-go grammar its manifest names', () => {
  const manifest = JSON.parse(read('wasm/manifest.json').toString('utf8'));
  const pinned = JSON.parse(read('package.json').toString('utf8')).devDependencies['tree-sitter-go'];
  expect(manifest.version).toBe(pinned);
  expect(createHash('sha256').update(read('wasm/tree-sitter-go.wasm')).digest('hex')).toBe(manifest.sha256);
  const installed = read('node_modules/tree-sitter-go/tree-sitter-go.wasm');
  expect(createHash('sha256').update(installed).digest('hex')).toBe(manifest.sha256);
});
