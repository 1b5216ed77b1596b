/**
 * One file of a session: its text (as a rope, with a line table kept current through edits), its
 * tree (kept between edits, reparsed incrementally over the pre-scan's ranges, as detect() parses)
 * and what it contributes to the package.
 */
import type { Tree } from 'web-tree-sitter';
import { decodeSource, type BuildContext, type DecodedSource, type GoParser, type SyntaxProblem } from '../parser/index.js';
import { extractTree } from '../parser/extract.js';
import { parseInput } from '../parser/load.js';
import { scanDeclarations, type DeclarationScan } from '../parser/prescan.js';
import { syntaxProblems } from '../parser/syntax.js';
import { admitFile, screenFile, type FileOutcome } from '../detect.js';
import { LinePositions, LineTable } from './lines.js';
import { Rope } from './rope.js';

/** A SessionFile is a file as a session holds it; `tree` is set exactly when the file passed screening. */
export interface SessionFile {
  readonly name: string;
  /** Whether the text starts with a byte order mark, which the parsed text leaves out. */
  bom: boolean;
  /** The parsed text: the file's text without a leading byte order mark. */
  rope: Rope;
  lines: LineTable;
  /** The whole text, or null until someone asks for it after an edit. */
  text: string | null;
  /** The decoded text, or null until someone needs it after an edit. */
  decoded: DecodedSource | null;
  tree: Tree | null;
  /** The pre-scan of the current text, whose ranges `tree` was parsed over; null without a tree. */
  scan: DeclarationScan | null;
  outcome: FileOutcome;
  /** True when the model's positions lag behind edits that stayed inside a body. */
  stale: boolean;
  /**
   * The syntax problems in extraction's order: a missing package clause, the tree's damage, a
   * second package clause. Only the middle part can change with an edit inside a body.
   */
  syntax: { prefix: SyntaxProblem[]; tree: SyntaxProblem[]; suffix: SyntaxProblem[] };
}

const noSyntax = { prefix: [], tree: [], suffix: [] };

/**
 * parseFile parses the file's text over the ranges detect() would give tree-sitter, so the tree
 * is the one detect() reads: incrementally when `old` is the edited previous tree, but afresh
 * when that tree has errors, since tree-sitter's error recovery can end differently when it
 * reuses old subtrees (and the errors are what the file reports).
 */
function parseFile(parser: GoParser, file: SessionFile, old: Tree | null): Tree {
  const text = sourceOf(file).text;
  const scan = scanDeclarations(text);
  const includedRanges = scan.ranges;
  const input = parseInput(text, includedRanges);
  let tree = parser.treeSitter.parse(input, old, { includedRanges });
  if (old && tree?.rootNode.hasError) {
    tree.delete();
    tree = parser.treeSitter.parse(input, null, { includedRanges });
  }
  if (!tree) throw new Error('tree-sitter returned no tree');
  file.scan = scan;
  return tree;
}

/** textOf is the file's whole current text, as the session was given it and edits changed it. */
export function textOf(file: SessionFile): string {
  return (file.text ??= (file.bom ? '\uFEFF' : '') + file.rope.toString());
}

/** sourceOf is the file's current text decoded as detect() decodes it. */
export function sourceOf(file: SessionFile): DecodedSource {
  return (file.decoded ??= decodeSource(file.name, textOf(file)));
}

/** The syntax problems of the file's current tree, placed by the line table (the text is not joined). */
export function treeProblems(file: SessionFile): SyntaxProblem[] {
  const root = file.tree!.rootNode;
  return root.hasError ? syntaxProblems(root, file.name, new LinePositions(file.lines, file.rope.length)) : [];
}

/** setText replaces the file's whole text; the tree, if any, no longer matches it. */
export function setText(file: SessionFile, text: string): void {
  file.bom = text.charCodeAt(0) === 0xfeff;
  file.rope = new Rope(file.bom ? text.slice(1) : text);
  file.lines = new LineTable(file.rope, file.bom ? 3 : 0);
  file.text = text;
  file.decoded = null;
}

/**
 * load decides the file's outcome from its current text. When screening lets the file in it
 * parses, incrementally from `old` when given (edited to match the text); `old` is deleted.
 */
export function load(parser: GoParser, file: SessionFile, ctx: BuildContext, old: Tree | null): void {
  const screened = file.name.endsWith('.go') ? screenFile(file.name, sourceOf(file), ctx) : { use: 'skip' as const };
  if (screened) {
    old?.delete();
    file.tree = null;
    file.scan = null;
    file.outcome = screened;
    file.syntax = noSyntax;
    file.stale = false;
    return;
  }
  const tree = parseFile(parser, file, old);
  old?.delete();
  file.tree = tree;
  extract(file, ctx);
}

function extract(file: SessionFile, ctx: BuildContext): void {
  const source = sourceOf(file);
  const extracted = extractTree(file.tree!, source, file.scan!);
  file.outcome = admitFile(source, extracted, ctx);
  const prefix = extracted.packageClause ? 0 : 1;
  const tree = treeProblems(file);
  file.syntax = {
    prefix: extracted.syntaxProblems.slice(0, prefix),
    tree,
    suffix: extracted.syntaxProblems.slice(prefix + tree.length),
  };
  file.stale = false;
}

/** openFile takes a file's whole text, parsing it from scratch when it can be in the package. */
export function openFile(parser: GoParser, name: string, text: string, ctx: BuildContext): SessionFile {
  const rope = new Rope('');
  const file: SessionFile = {
    name,
    bom: false,
    rope,
    lines: new LineTable(rope, 0),
    text: null,
    decoded: null,
    tree: null,
    scan: null,
    outcome: { use: 'skip' },
    stale: false,
    syntax: noSyntax,
  };
  setText(file, text);
  load(parser, file, ctx, null);
  return file;
}

/** closeFile frees the file's tree. */
export function closeFile(file: SessionFile): void {
  file.tree?.delete();
  file.tree = null;
  file.scan = null;
}

/** refreshFile re-extracts a stale model from the file's current tree. */
export function refreshFile(file: SessionFile, ctx: BuildContext): void {
  if (file.stale && file.tree) extract(file, ctx);
}

/** The file's current syntax problems, in extraction's order. */
export function syntaxOf(file: SessionFile): SyntaxProblem[] {
  const { prefix, tree, suffix } = file.syntax;
  return prefix.length === 0 && suffix.length === 0 ? tree : [...prefix, ...tree, ...suffix];
}
