// The README's claims that can drift are checked: its example output is the CLI's real output,
// and its kind table lists the kinds in registry order.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { kinds } from '../src/signatures/index.js';

const root = new URL('../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

test("the README's first code block is the newcomer's commands", () => {
  expect(readme.match(/```sh\n([\s\S]*?)```/)?.[1]).toBe('npm ci\nnpx gofn-detect examples/hello\nnpm test\n');
});

test('the example output is what the CLI prints for examples/hello', () => {
  const example = readme.match(/Example \(`npx gofn-detect examples\/hello --pretty`\):\n\n```json\n([\s\S]*?)\n```/)?.[1];
  const actual = execFileSync('node', ['dist/cli.js', 'examples/hello', '--pretty'], { cwd: root, encoding: 'utf8' });
  expect(example).toBe(actual.trimEnd());
});

test('the kind table lists the kinds in the order they are tried', () => {
  const table = [...readme.matchAll(/^\| `(\w+)` \| /gm)].map((m) => m[1]);
  expect(table.slice(0, kinds.length)).toEqual(kinds.map((k) => k.kind));
});
