// The rooms have one-way doors (STYLE rule 1): signatures sees only the parser's model, codegen
// sees only the detection result, and nothing outside src/node and the CLI touches Node's I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const srcDir = new URL('../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'test-helpers.ts' ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

const files = sourceFiles(srcDir).map((path) => ({ path: relative(srcDir, path), imports: importsOf(path) }));

test.each(files.filter((f) => f.path.startsWith('signatures/')))('$path reaches the parser only through its model', ({ imports }) => {
  for (const specifier of imports) {
    expect(specifier).not.toMatch(/web-tree-sitter/);
    if (specifier.includes('/parser/')) expect(specifier).toMatch(/\/parser\/model\.js$/);
  }
});

test.each(files.filter((f) => f.path.startsWith('codegen/')))('$path sees only the detection result', ({ imports }) => {
  for (const specifier of imports) {
    expect(specifier).not.toMatch(/web-tree-sitter|\/parser\/|\/signatures\//);
  }
});

test.each(files.filter((f) => !f.path.startsWith('node/') && !f.path.startsWith('cli')))('$path stays browser-safe', ({ path, imports }) => {
  for (const specifier of imports) expect(specifier).not.toMatch(/^node:|^(fs|path|os|child_process)$/);
  expect(readFileSync(join(srcDir, path), 'utf8')).not.toMatch(/\bprocess\.(env|argv|exit|cwd|stdout|stderr)/);
});
