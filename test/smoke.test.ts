import { expect, test } from 'vitest';
import { createGoParser } from '../src/parser/load.js';

test('the grammar parses a Go file', async () => {
  const parser = await createGoParser();
  const kind = parser.withTree('package p\nfunc F() {}\n', (tree) => tree.rootNode.child(1)?.type);
  expect(kind).toBe('function_declaration');
  parser.dispose();
});
