import { readFileSync } from 'node:fs';
import type { Node, Tree } from 'web-tree-sitter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gorootFiles } from '../../test/support/goroot.js';
import { describeWith, hasTool } from '../../test/support/tools.js';
import { createGoParser, type GoParser } from './load.js';
import { CompactText } from './compact.js';
import { PositionIndex } from './position.js';
import { couldBeReported, deferredSpans, scanDeclarations, type DeclarationScan } from './prescan.js';
import { isExported } from './model.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await createGoParser();
});
afterAll(() => parser.dispose());

function parsed<T>(text: string, ranged: boolean, use: (tree: Tree) => T): T {
  const options = ranged ? { includedRanges: scanDeclarations(text).ranges } : undefined;
  const tree = parser.treeSitter.parse(text, null, options);
  if (!tree) throw new Error('no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}

const at = (n: Node) => `${n.startIndex}-${n.endIndex}@${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}`;

/** The number of parameters (or results) a list declares, as go/types counts them. */
function count(list: Node | null): number {
  if (!list) return 0;
  if (list.type !== 'parameter_list') return 1;
  const decls = list.namedChildren.filter((c) => c.type === 'parameter_declaration' || c.type === 'variadic_parameter_declaration');
  return decls.reduce((n, decl) => n + Math.max(1, decl.childrenForFieldName('name').length), 0);
}

/** Whether detection reads a func declaration in the first parse (others are left out or deferred). */
function isRead(node: Node): boolean {
  const method = node.type === 'method_declaration';
  const name = node.childForFieldName('name')?.text ?? '';
  const reportable = couldBeReported(method, name, count(node.childForFieldName('parameters')), count(node.childForFieldName('result')));
  return reportable && (method || name === 'main' || isExported(name));
}

/**
 * What detection reads from a tree, one line per top-level declaration: kind, range and
 * position, and the declaration's text up to its body for functions (the signature), and its
 * whole text for imports and types. Comments are left out (detection never reads them), and so
 * are var and const declarations and func declarations detection does not read (the ranged
 * parse leaves them out whole; a left-out body's braces stay, as an empty block).
 */
function declarations(tree: Tree, text: string): string[] {
  const out: string[] = [];
  for (const node of tree.rootNode.children) {
    const err = node.hasError ? ' ERROR' : '';
    if (node.type === 'comment' || node.type === 'block' || node.type === 'var_declaration' || node.type === 'const_declaration') continue;
    if (node.type === 'function_declaration' || node.type === 'method_declaration') {
      if (!isRead(node)) continue;
      const body = node.childForFieldName('body');
      const fields = ['receiver', 'name', 'type_parameters', 'parameters', 'result'].map((f) => {
        const child = node.childForFieldName(f);
        return child ? `${f}=${child.type}:${at(child)}` : '';
      });
      out.push(`${node.type}${err} ${at(node)} ${text.slice(node.startIndex, body?.startIndex ?? node.endIndex)} ${fields.join(' ')}`);
    } else out.push(`${node.type}${err} ${at(node)} ${node.text}`);
  }
  return out;
}

/** The names of a tree's var and const declarations (a MISSING one, empty, declares nothing). */
function valueNames(tree: Tree): string[] {
  const names: string[] = [];
  const stack = tree.rootNode.children.filter((n) => n.type === 'var_declaration' || n.type === 'const_declaration');
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'var_spec' || n.type === 'const_spec') {
      for (const name of n.childrenForFieldName('name')) if (name.type === 'identifier' && name.text !== '') names.push(name.text);
    } else stack.push(...n.namedChildren);
  }
  return names.sort();
}

/** The kept text, ranges joined with `|`. */
function kept(text: string): string {
  return scanDeclarations(text).ranges
    .map((r) => text.slice(r.startIndex, r.endIndex))
    .join('|');
}

function expectSameDeclarations(text: string): void {
  const full = parsed(text, false, (tree) => declarations(tree, text));
  const ranged = parsed(text, true, (tree) => declarations(tree, text));
  expect(ranged).toEqual(full);
  expect([...scanDeclarations(text).leftOutNames].sort()).toEqual(parsed(text, false, valueNames));
}

describe('scanDeclarations', () => {
  test('leaves out function and method bodies, keeping their braces', () => {
    const text = 'package p\n\nfunc F(a int) int {\n\treturn a\n}\n\nfunc (t *T) M(w W, r *R) {\n\tt.x++\n}\n';
    expect(kept(text)).toBe('package p\n\nfunc F(a int) int {|}\n\nfunc (t *T) M(w W, r *R) {|}\n');
    expectSameDeclarations(text);
  });

  test('finds the body after struct and interface types and type parameters in the signature', () => {
    const text = [
      'package p',
      'func F(x struct{ A int }) interface{ M() } {',
      '\treturn nil',
      '}',
      'func G[T interface{ ~int }](t T) struct {\n\tB string\n} {',
      '\treturn struct{ B string }{}',
      '}',
      'func H() func() {',
      '\treturn func() {}',
      '}',
      '',
    ].join('\n');
    expect(kept(text)).toBe(
      'package p\nfunc F(x struct{ A int }) interface{ M() } {|}\nfunc G[T interface{ ~int }](t T) struct {\n\tB string\n} {|}\nfunc H() func() {|}\n',
    );
    expectSameDeclarations(text);
  });

  test('keeps func types and func literals outside function declarations', () => {
    const text = 'package p\n\ntype H func(int) error\n\ntype I interface {\n\tf(func()) string\n}\n\nvar f = func() {\n\tprintln()\n}\n';
    expect(kept(text)).toBe('package p\n\ntype H func(int) error\n\ntype I interface {\n\tf(func()) string\n}\n\n|\n');
    expectSameDeclarations(text);
  });

  test('leaves out var declarations whole, keeping their names apart', () => {
    const text = 'package p\n\nvar (\n\tm = map[string]int{\n\t\t"a": 1,\n\t}\n\tn, o int\n\tp T = T{X: 1}\n)\n';
    expect(kept(text)).toBe('package p\n\n|\n');
    expect(scanDeclarations(text).leftOutNames).toEqual(['m', 'n', 'o', 'p']);
    expectSameDeclarations(text);
  });

  test('leaves out const declarations whole, in groups and alone, keeping their names apart', () => {
    const text = 'package p\n\nconst (\n\tA Kind = iota // first\n\tB\n\tC, D = 1, (2 +\n\t\t3)\n)\n\nconst E = "x"\n';
    expect(kept(text)).toBe('package p\n\n|\n\n|\n');
    expect(scanDeclarations(text).leftOutNames).toEqual(['A', 'B', 'C', 'D', 'E']);
    expectSameDeclarations(text);
  });

  test('leaves out runs of line comments and block comments that end their line, keeping the newline after them', () => {
    const text = '// Package p is.\n//\n// More.\npackage p\n\n/* block\n */\ntype T int // trailing\n/* kept */ type U int /* gone */ \n';
    expect(kept(text)).toBe('\npackage p\n\n|\ntype T int |\n/* kept */ type U int | \n');
    expectSameDeclarations(text);
  });

  test('ignores braces, quotes and keywords inside strings, runes, raw strings and comments', () => {
    const text = [
      'package p',
      'func F() string {',
      "\tr := '}'",
      "\tq := '\\''",
      '\ts := "}\\"{"',
      '\t/* } */ // }',
      '\treturn `',
      'func G() {',
      '}`',
      '}',
      'func H() {}',
      '',
    ].join('\n');
    expect(kept(text)).toBe('package p\nfunc F() string {|}\nfunc H() {}\n');
    expectSameDeclarations(text);
  });

  test('a newline inside a block comment ends a declaration as Go says', () => {
    const text = 'package p\n\nconst A = 1 /*\n*/\nfunc F() {\n\tx()\n}\n';
    expect(kept(text)).toBe('package p\n\n| |\nfunc F() {|}\n');
  });

  test('a body with unbalanced parens is kept, so tree-sitter reports it and the next signature survives', () => {
    const text = 'package p\n\nfunc Broken() {\n\tx := (1 +\n}\n\nfunc Next(s string) {\n\tprintln(s)\n}\n';
    expect(kept(text)).toBe('package p\n\nfunc Broken() {\n\tx := (1 +\n}\n\nfunc Next(s string) {|}\n');
    parsed(text, true, (tree) => expect(tree.rootNode.hasError).toBe(true));
    expect(funcNames(text)).toEqual(['Broken', 'Next']);
  });

  test('a body that never closes before a column-0 declaration ends at that line', () => {
    const text = 'package p\n\nfunc Open() {\n\tif x {\n\t\ty()\n\nfunc After(a int) {\n\treturn\n}\n\ntype T int\n';
    expect(kept(text)).toBe('package p\n\nfunc Open() |\nfunc After(a int) {|}\n\ntype T int\n');
    expect(funcNames(text)).toEqual(['Open', 'After']);
    parsed(text, true, (tree) => expect(tree.rootNode.hasError).toBe(false));
  });

  test('a body that never closes keeps the rest of the file', () => {
    const text = 'package p\n\nfunc A() {}\n\nfunc Open() {\n\tx := func() {\n\t\ty()\n';
    expect(kept(text)).toBe('package p\n\nfunc A() {}\n\nfunc Open() {\n\tx := func() {\n\t\ty()\n');
  });

  test('an extra closing brace does not stop later bodies from being left out', () => {
    const text = 'package p\n\nfunc A() {\n}\n}\n\nfunc B() {\n\tb()\n}\n';
    expect(kept(text)).toBe('package p\n\nfunc A() {|}\n}\n\nfunc B() {|}\n');
  });

  test('CRLF line ends, NUL bytes and a byte order mark change nothing that is read', () => {
    const text = '\ufeffpackage p\r\n\r\n// Doc.\r\nconst A = 1 // x\r\n\r\nfunc F(s string) error {\r\n\treturn nil\r\n}\r\n\r\ntype T struct{ A int }\r\n';
    expect(kept(text)).toBe('\ufeffpackage p\r\n\r\n|\n| |\n\r\nfunc F(s string) error {|}\r\n\r\ntype T struct{|}\r\n');
    expectSameDeclarations(text);
  });

  test('a file with a NUL byte is kept whole, so the syntax error tree-sitter reports for it stays', () => {
    const text = '// a NUL \x00 here\npackage p\n\nfunc F() {\n\tx()\n}\n';
    expect(kept(text)).toBe(text);
    parsed(text, true, (tree) => expect(tree.rootNode.hasError).toBe(true));
  });

  test('a file with nothing to leave out is one range, and an empty file one empty range', () => {
    const text = 'package p\n\ntype T int\n';
    expect(scanDeclarations(text).ranges).toEqual([
      { startIndex: 0, endIndex: text.length, startPosition: { row: 0, column: 0 }, endPosition: { row: 3, column: 0 } },
    ]);
    expect(scanDeclarations('').ranges).toEqual([
      { startIndex: 0, endIndex: 0, startPosition: { row: 0, column: 0 }, endPosition: { row: 0, column: 0 } },
    ]);
  });

  test('points are rows and UTF-16 columns, as web-tree-sitter takes them: non-ASCII and astral text before and between gaps', () => {
    const text = [
      '\ufeffpackage p',
      '// Ünïcödé 😀 comment',
      'func Ünï(s string) string { return "é😀" } // 😀',
      'var 𝒳, é = T{"😀"}, 1',
      'func (r *Ré) M(😀x int) (out string) { return "ß" }',
      'type Ω struct{ ä int }',
      '',
    ].join('\n');
    for (const range of scanDeclarations(text).ranges) {
      expect(range.startPosition).toEqual(pointOf(text, range.startIndex));
      expect(range.endPosition).toEqual(pointOf(text, range.endIndex));
    }
    expectSameDeclarations(text);
  });
});

function pointOf(text: string, index: number): { row: number; column: number } {
  const before = text.slice(0, index);
  const lastNl = before.lastIndexOf('\n');
  return { row: before.split('\n').length - 1, column: index - lastNl - 1 };
}

function funcNames(text: string): string[] {
  return parsed(text, true, (tree) =>
    tree.rootNode.descendantsOfType('function_declaration').map((n) => n?.childForFieldName('name')?.text ?? ''),
  );
}

const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1e3;

/** The signatures of the functions and methods a tree holds outside any ERROR that `keep` accepts. */
function signatures(tree: Tree, text: string, keep: (node: Node) => boolean = () => true): string[] {
  return tree.rootNode.children
    .filter((n) => (n.type === 'function_declaration' || n.type === 'method_declaration') && !n.hasError && keep(n))
    .map((n) => text.slice(n.startIndex, n.childForFieldName('body')?.startIndex ?? n.endIndex));
}

/** Whether a func declaration is one the pre-scan defers: unexported, no method, and possibly a near miss. */
function isDeferred(node: Node): boolean {
  const name = node.childForFieldName('name')?.text ?? '';
  if (node.type !== 'function_declaration' || isExported(name) || name === 'main' || name === 'init') return false;
  return couldBeReported(false, name, count(node.childForFieldName('parameters')), count(node.childForFieldName('result')));
}

/** The signatures that parsing a scan's deferred functions apart gives, as readDeferredFuncs parses them. */
function deferredSignatures(text: string, scan: DeclarationScan): string[] {
  if (scan.deferred.length === 0) return [];
  const compact = new CompactText(text, deferredSpans(text, scan), new PositionIndex(text));
  const tree = parser.treeSitter.parse(compact.text)!;
  try {
    return signatures(tree, compact.text);
  } finally {
    tree.delete();
  }
}

describeWith('go', 'scanDeclarations over the Go source tree', () => {
  const files = hasTool('go') ? gorootFiles() : { plain: [], odd: [] };

  test('a ranged parse sees the same imports, types and read signatures as a full parse; names and deferred functions are kept apart', () => {
    const disagree: string[] = [];
    let bytes = 0;
    let keptBytes = 0;
    let fullMs = 0;
    let rangedMs = 0;
    for (const file of files.plain) {
      const text = readFileSync(file, 'utf8');
      // CPU time, not wall time: the figures are printed for the record, and machines are shared.
      const t0 = process.cpuUsage();
      const full = parsed(text, false, (tree) => [declarations(tree, text), valueNames(tree), signatures(tree, text, isDeferred)]);
      const t1 = process.cpuUsage();
      const scan = scanDeclarations(text);
      const ranges = scan.ranges;
      const tree = parser.treeSitter.parse(text, null, { includedRanges: ranges })!;
      const t2 = process.cpuUsage();
      const ranged = [declarations(tree, text), [...scan.leftOutNames].sort(), deferredSignatures(text, scan)];
      tree.delete();
      fullMs += cpuMs(t1) - cpuMs(t0);
      rangedMs += cpuMs(t2) - cpuMs(t1);
      bytes += text.length;
      for (const r of ranges) keptBytes += r.endIndex - r.startIndex;
      if (JSON.stringify(full) !== JSON.stringify(ranged)) disagree.push(file);
    }
    const mbs = (ms: number) => (bytes / 1e3 / ms).toFixed(1);
    process.stderr.write(
      `prescan over GOROOT/src: ${files.plain.length - disagree.length}/${files.plain.length} files agree; ` +
        `${((100 * keptBytes) / bytes).toFixed(1)}% of ${(bytes / 1e6).toFixed(1)} MB kept; ` +
        `CPU time: full parse ${mbs(fullMs)} MB/s, prescan + ranged parse ${mbs(rangedMs)} MB/s\n`,
    );
    expect(files.plain.length).toBeGreaterThan(1000);
    expect(disagree).toEqual([]);
  }, 900_000);

  // testdata holds deliberately broken code: errors inside bodies may go unseen there, but no
  // signature that a full parse reads cleanly may be lost.
  test('on testdata and vendor files a ranged parse loses no clean signature', () => {
    const lost: string[] = [];
    for (const file of files.odd) {
      const text = readFileSync(file, 'utf8');
      const ranged = new Set(parsed(text, true, (tree) => signatures(tree, text)));
      for (const sig of parsed(text, false, (tree) => signatures(tree, text, isRead))) {
        if (!ranged.has(sig)) lost.push(`${file}: ${sig}`);
      }
    }
    expect(files.odd.length).toBeGreaterThan(100);
    expect(lost).toEqual([]);
  }, 900_000);
});
