// The session's parts checked against the plain computations they stand in for: the rope
// against a string, the line table against PositionIndex, a file's kept ranges and tree against
// a fresh pre-scan and parse, and a session over a file large enough for many chunks against detect().
import type { Node, Tree } from 'web-tree-sitter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGoParser, PositionIndex, type GoParser } from './parser/index.js';
import { scanDeclarations } from './parser/prescan.js';
import { buildContextOf, detect } from './detect.js';
import { createSession } from './session.js';
import { closeFile, openFile, textOf } from './session/file.js';
import { editFile } from './session/edit.js';
import { Rope } from './session/rope.js';
import { LinePositions, LineTable } from './session/lines.js';
import { shiftValue } from './session/shift.js';

const pieces = ['a', 'bc', '\n', 'é', '😀', '\ud83d', '\ude00', 'x\ny\n', '\r\n', '€', ''];

function randomText(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += pieces[Math.floor(next() * pieces.length)]!;
  return text;
}

function randomEdit(next: () => number, length: number): [number, number, string] {
  const start = Math.floor(next() * (length + 1));
  const end = Math.min(length, start + Math.floor(next() * (next() < 0.1 ? 40_000 : 6)));
  return [start, end, randomText(next, Math.floor(next() * (next() < 0.1 ? 20_000 : 4)))];
}

describe('Rope', () => {
  test.each([0, 100, 70_000])('reads like the string it stands for, starting at %i units', (size) => {
    const next = random(size + 1);
    let text = randomText(next, size);
    const rope = new Rope(text);
    for (let step = 0; step < 300; step++) {
      const [start, end, inserted] = randomEdit(next, text.length);
      rope.replace(start, end, inserted);
      text = text.slice(0, start) + inserted + text.slice(end);
      expect(rope.length).toBe(text.length);
      const at = Math.floor(next() * (text.length + 1));
      const to = at + Math.floor(next() * 20_000);
      expect(rope.charCodeAt(at)).toEqual(text.charCodeAt(at));
      expect(rope.slice(at, to)).toBe(text.slice(at, to));
      expect(rope.indexOf('\n', at)).toBe(text.indexOf('\n', at));
    }
    expect(rope.toString()).toBe(text);
  });
});

describe('LineTable', () => {
  test.each([0, 3])('gives the positions PositionIndex gives, through edits (leading bytes %i)', (leading) => {
    const next = random(leading + 7);
    let text = randomText(next, 30_000);
    const rope = new Rope(text);
    const lines = new LineTable(rope, leading);
    for (let step = 0; step < 200; step++) {
      const [start, end, inserted] = randomEdit(next, text.length);
      rope.replace(start, end, inserted);
      lines.replaced(start, end, inserted.length);
      text = text.slice(0, start) + inserted + text.slice(end);
      const index = new PositionIndex(text, { leadingBytes: leading });
      const positions = new LinePositions(lines, text.length);
      expect(positions.range(-1, text.length + 9)).toEqual(index.range(-1, text.length + 9));
      expect(positions.byteLength).toBe(index.byteLength);
      for (const at of [start, start + inserted.length, Math.floor(next() * (text.length + 1)), text.length]) {
        expect(lines.position(at)).toEqual(index.position(at));
        const before = text.slice(0, at);
        expect(lines.point(at)).toEqual({ row: before.split('\n').length - 1, column: at - (before.lastIndexOf('\n') + 1) });
      }
    }
  });
});

describe('shiftValue', () => {
  test('moves the places of one file after the edit and shares everything else', () => {
    const pos = (line: number, column: number, offset: number) => ({ line, column, offset });
    const before = { file: 'a.go', range: { start: pos(1, 1, 0), end: pos(1, 3, 2) } };
    const after = { file: 'a.go', range: { start: pos(2, 5, 14), end: pos(3, 1, 20) } };
    const other = { file: 'b.go', range: { start: pos(2, 5, 14), end: pos(3, 1, 20) } };
    const edit = { file: 'a.go', start: 14, end: 15, newText: '*' };
    const value = { list: [before, after, other], fixes: [{ message: 'm', edits: [edit] }] };
    const moved = shiftValue(value, { file: 'a.go', oldEnd: pos(2, 3, 12), newEnd: pos(2, 4, 13) });
    expect(moved.list[0]).toBe(before);
    expect(moved.list[2]).toBe(other);
    expect(moved.list[1]).toEqual({ file: 'a.go', range: { start: pos(2, 6, 15), end: pos(3, 1, 21) } });
    expect(moved.fixes[0]!.edits[0]).toEqual({ ...edit, start: 15, end: 16 });
    expect(value.list[1]!.range.start.offset).toBe(14);
  });
});

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

/** A package file of many functions (many rope chunks), with non-ASCII text on signature lines. */
function bigFile(): string {
  const parts = ['// Package big has many functions.\npackage big\n\nimport "net/http"\n'];
  for (let i = 0; i < 300; i++) {
    parts.push(
      `\n// F${i} says “${i}”.\nfunc F${i}(s string) (string, error) { /* é */ x := "😀${i}"\n\tif s == x {\n\t\treturn x, nil\n\t}\n\treturn s, nil\n}\n`,
    );
    if (i % 100 === 0) parts.push(`\nfunc H${i}(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(200)\n}\n`);
  }
  return parts.join('');
}

test('a session over a file of many chunks agrees with detect() through edits in and out of bodies', () => {
  const next = random(42);
  let text = bigFile();
  expect(text.length).toBeGreaterThan(35_000);
  const session = createSession(parser, { target: 'H100' });
  session.setFile('big.go', text);
  const snippets = ['x', '\n', 'é', '😀', ' ', '}', '{', '"', 'return nil\n', 'func G() {}\n', '//'];
  for (let step = 0; step < 25; step++) {
    // Most edits land inside a body (just after a `:=`), as typing does; some anywhere.
    const inBody = text.indexOf(':=', Math.floor(next() * text.length));
    const start = next() < 0.8 && inBody !== -1 ? inBody + 3 : Math.floor(next() * text.length);
    const end = next() < 0.5 ? start : start + 1;
    const inserted = end > start && next() < 0.5 ? '' : snippets[Math.floor(next() * snippets.length)]!;
    session.editFile('big.go', [{ start, end, text: inserted }]);
    text = text.slice(0, start) + inserted + text.slice(end);
    expect(session.text('big.go')).toBe(text);
    expect(session.detect(), `step ${step}`).toEqual(detect(parser, [{ name: 'big.go', text }], { target: 'H100' }));
  }
  session.dispose();
});

/** Every node of a tree with its type and place, in document order: what two trees must share. */
function nodes(tree: Tree): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    const { startIndex, endIndex, startPosition: s, endPosition: e } = node;
    out.push(`${node.type} ${startIndex}-${endIndex} ${s.row}:${s.column}-${e.row}:${e.column}${node.isMissing ? ' missing' : ''}`);
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return out;
}

const blocks = `// Package blocks has bodies, tables and comments for the pre-scan to leave out.
package blocks

import "fmt"

// T is a type.
type T struct {
	A int // a
}

var table = map[string]int{
	"a": 1, "}": 2,
}

const (
	K = "{" // k
	L = iota
)

func A(s string) string {
	r := '}'
	q := \`raw { \`
	/* { */
	if s == "\\\"{" {
		return fmt.Sprint(r, q)
	}
	return s
}

func (t T) M() (int, error) { return t.A, nil }

// B is last.
func B() {
	for i := 0; i < 3; i++ {
		_ = [2]int{i, i}
	}
}
`;
import { random } from '../test/support/random.js';

test('a file keeps the pre-scan\'s ranges and detect()\'s tree through edits, parsing only when they change', () => {
  const next = random(7);
  const ctx = buildContextOf({});
  const typed = ['x', 'y ', ' ', 'é', '😀', '\n\t', '_ = 1\n'];
  const hostile = ['{', '}', '"', "'", '`', '/*', '*/', '//', '\\', '\n', '(', ')', '[', ']', '\0', '\r\n', ';', '\n}\n'];
  hostile.push('\nfunc G() {\n', '\nfunc (T) N() {}\n', '\ntype X int\n', '\nvar v = T{\n');
  let parses = 0;
  const parse = parser.treeSitter.parse.bind(parser.treeSitter);
  parser.treeSitter.parse = ((...args: Parameters<typeof parse>) => (parses++, parse(...args))) as typeof parse;
  let text = blocks;
  let file = openFile(parser, 'blocks.go', text, ctx);
  let kept = 0;
  try {
    for (let step = 0; step < 1500; step++) {
      // Start again now and then, so damage does not pile up; most edits land inside a body.
      if (step % 15 === 0) [text, file] = [blocks, (closeFile(file), openFile(parser, 'blocks.go', blocks, ctx))];
      const open = text.indexOf('{', Math.floor(next() * text.length));
      const start = next() < 0.8 && open !== -1 ? open + 1 + Math.floor(next() * 6) : Math.floor(next() * text.length);
      const end = Math.min(text.length, next() < 0.6 ? start : start + 1 + Math.floor(next() * 3));
      const pool = next() < 0.5 ? typed : hostile;
      const change = { start: Math.min(start, text.length), end, text: next() < 0.2 ? '' : pool[Math.floor(next() * pool.length)]! };
      text = text.slice(0, change.start) + change.text + text.slice(Math.max(change.start, end));
      const before = parses;
      const shifts = editFile(parser, file, [{ ...change, start: Math.min(change.start, end) }], ctx);
      expect(textOf(file)).toBe(text);
      const scan = scanDeclarations(text);
      expect(file.scan, `step ${step}`).toEqual(scan);
      const fresh = parse(text, null, { includedRanges: scan.ranges })!;
      expect(nodes(file.tree!), `step ${step}`).toEqual(nodes(fresh));
      fresh.delete();
      if (shifts) kept++;
      expect(parses - before).toBe(shifts ? 0 : file.tree!.rootNode.hasError ? 2 : 1);
    }
  } finally {
    parser.treeSitter.parse = parse;
    closeFile(file);
  }
  // Most edits inside a body keep the tree without a parse.
  expect(kept).toBeGreaterThan(250);
});
