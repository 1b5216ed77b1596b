/**
 * Extracts the typed model of one file: package clause, imports, type declarations and function
 * signatures, every piece with byte-exact positions. Top-level nodes are walked by hand (cheaper
 * than queries); only declarations are visited, never function bodies.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { FuncDecl, GoFile, LeftOutFunc, Range, SyntaxProblem, TypeDecl, TypeExpr } from './model.js';
import { deferredSpans, scanDeclarations, type DeclarationScan } from './prescan.js';
import type { GoParser } from './load.js';
import type { DecodedSource } from './source.js';
import { unquote } from './literal.js';
import { syntaxProblems } from './syntax.js';
import { CompactText } from './compact.js';
import type { RangeIndex } from './position.js';
import { paramList, resultList, typeExpr } from './type-expr.js';

/** An ExtractedFile is the model of one file, before files are put together into a package. */
export interface ExtractedFile {
  file: GoFile;
  types: TypeDecl[];
  funcs: FuncDecl[];
  leftOutFuncs: LeftOutFunc[];
  syntaxProblems: SyntaxProblem[];
  /** The span of the package clause, or null when the file has none. */
  packageClause: Range | null;
  /** True when the file has `import "C"` (it is out of the package when cgo is off). */
  importsC: boolean;
  /** Where the file's deferred functions are read from (`readDeferredFuncs`), or null when it has none. */
  deferred: { source: DecodedSource; scan: DeclarationScan } | null;
}

/** extractFile parses a decoded source and extracts its model; it never throws on bad input. */
export function extractFile(parser: GoParser, source: DecodedSource): ExtractedFile {
  // tree-sitter parses only what detection reads (prescan.ts): no function bodies, values or
  // declarations no kind can match, which is nearly all of the bytes.
  const scan = scanDeclarations(source.text, source.problems.some((problem) => problem.code === 'nul-byte'));
  const compact = new CompactText(source.text, scan.spans, source.positions, scan.leftOutBraces);
  const clean = parser.withTree(compact.text, (tree) => (tree.rootNode.hasError ? null : extractTree(tree, source, scan, compact)));
  // tree-sitter weighs error recoveries by the bytes and lines they skip, gaps included, so a
  // damaged file can recover differently from its joined text: it is parsed over its ranges
  // instead, as a session parses it.
  return clean ?? parser.withTree(source.text, (tree) => extractTree(tree, source, scan), { includedRanges: scan.ranges });
}

/**
 * extractTree extracts the model from a tree parsed from `source.text` over `scan.ranges` (the
 * door for a session that keeps trees and parses incrementally), or from the text whose node
 * spans `nodes` maps to the file (a CompactText of those ranges).
 */
export function extractTree(tree: Tree, source: DecodedSource, scan: DeclarationScan, nodes: RangeIndex = source.positions): ExtractedFile {
  const root = tree.rootNode;
  const nodeSource: NodeSource = { name: source.name, positions: nodes };
  const out: ExtractedFile = {
    file: { name: source.name, packageName: '', imports: [], declaredNames: [] },
    types: [],
    funcs: [],
    leftOutFuncs: [],
    syntaxProblems: syntaxProblems(root, source.name, nodes),
    packageClause: null,
    importsC: false,
    deferred: scan.deferred.length > 0 ? { source, scan } : null,
  };
  // Declarations that tree-sitter wrapped in an ERROR are still read: damage elsewhere must
  // not hide a signature. An explicit stack keeps file order without recursion.
  const stack = root.children.reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'ERROR') visitTopLevel(node, nodeSource, out);
    // A loop, not push(...children): an ERROR may have more children than a call takes arguments.
    else for (const child of node.children.reverse()) stack.push(child);
  }
  for (const name of scan.leftOutNames) declare(out, name);
  const positions = source.positions;
  for (const { name, nameStart, nameEnd } of scan.leftOutFuncs) {
    out.leftOutFuncs.push({ name, file: source.name, nameRange: () => positions.range(nameStart, nameEnd) });
    declare(out, name);
  }
  // tree-sitter accepts a file without a package clause (an empty one too); Go's parser does not.
  if (!out.packageClause) out.syntaxProblems.unshift({ file: source.name, range: source.positions.range(0, 0), missing: 'package clause' });
  return out;
}

function visitTopLevel(node: Node, source: NodeSource, out: ExtractedFile): void {
  switch (node.type) {
    case 'package_clause':
      return packageClause(node, source, out);
    case 'import_declaration':
      return importDeclaration(node, source, out);
    case 'function_declaration':
    case 'method_declaration': {
      const func = funcDeclaration(node, source);
      if (!func) return;
      out.funcs.push(func);
      if (!func.receiver) declare(out, func.name);
      return;
    }
    case 'type_declaration':
      return typeDeclaration(node, source, out);
    case 'var_declaration':
    case 'const_declaration':
      return valueDeclaration(node, out);
  }
}

/** NodeSource is what the visitors read of a source: its name, and the Range of a node's span. */
interface NodeSource {
  name: string;
  positions: RangeIndex;
}

function rangeOf(node: Node, source: NodeSource): Range {
  return source.positions.range(node.startIndex, node.endIndex);
}

function declare(out: ExtractedFile, name: string): void {
  // `_` declares nothing, and a MISSING identifier has no text.
  if (name !== '' && name !== '_') out.file.declaredNames.push(name);
}

function packageClause(node: Node, source: NodeSource, out: ExtractedFile): void {
  // tree-sitter accepts a second package clause; Go's parser rejects it.
  if (out.packageClause) {
    out.syntaxProblems.push({ file: source.name, range: rangeOf(node, source), missing: null });
    return;
  }
  const name = node.namedChildren.find((c) => c.type === 'package_identifier');
  out.file.packageName = name?.text ?? '';
  out.packageClause = rangeOf(node, source);
}

function importDeclaration(node: Node, source: NodeSource, out: ExtractedFile): void {
  for (const child of node.namedChildren) {
    const specs = child.type === 'import_spec_list' ? child.namedChildren : [child];
    for (const spec of specs) {
      if (spec.type !== 'import_spec') continue;
      const pathNode = spec.childForFieldName('path');
      if (!pathNode) continue;
      const path = unquote(pathNode.text);
      out.file.imports.push({ name: spec.childForFieldName('name')?.text || null, path, range: rangeOf(spec, source) });
      if (path === 'C') out.importsC = true;
    }
  }
}

/**
 * readDeferredFuncs parses and extracts the unexported functions the pre-scan deferred (only a
 * package without candidates looks at them, for near misses).
 */
export function readDeferredFuncs(parser: GoParser, file: ExtractedFile): FuncDecl[] {
  if (!file.deferred) return [];
  const { source, scan } = file.deferred;
  const compact = new CompactText(source.text, deferredSpans(source.text, scan), source.positions);
  const nodeSource: NodeSource = { name: source.name, positions: compact };
  const read = (tree: Tree) =>
    tree.rootNode.children.flatMap((node) => (node.type === 'function_declaration' ? (funcDeclaration(node, nodeSource) ?? []) : []));
  return parser.withTree(compact.text, read);
}

function funcDeclaration(node: Node, source: NodeSource): FuncDecl | null {
  const nameNode = node.childForFieldName('name');
  const parameters = node.childForFieldName('parameters');
  if (!nameNode || nameNode.isMissing || !parameters) return null;
  const positions = source.positions;
  const receiverList = node.childForFieldName('receiver');
  const resultNode = node.childForFieldName('result');
  const params = paramList(parameters, positions);
  const func: FuncDecl = {
    name: nameNode.text,
    receiver: receiverList ? receiverType(receiverList, source) : null,
    typeParams: typeParamNames(node.childForFieldName('type_parameters')),
    params: params.params,
    results: resultList(resultNode, positions).params,
    variadic: params.variadic,
    file: source.name,
    range: rangeOf(node, source),
    nameRange: rangeOf(nameNode, source),
    paramsRange: rangeOf(parameters, source),
    resultsRange: resultNode ? rangeOf(resultNode, source) : null,
  };
  return func;
}

/** A receiver list that holds no parameter (`func () M()`) gives an `unknown` receiver type. */
function receiverType(list: Node, source: NodeSource): TypeExpr {
  const decl = list.namedChildren.find((c) => c.type === 'parameter_declaration');
  return typeExpr(decl?.childForFieldName('type') ?? list, source.positions);
}

function typeParamNames(list: Node | null): string[] {
  if (!list) return [];
  return list.namedChildren
    .filter((decl) => decl.type === 'type_parameter_declaration')
    .flatMap((decl) => decl.childrenForFieldName('name').map((name) => name.text));
}

function typeDeclaration(node: Node, source: NodeSource, out: ExtractedFile): void {
  for (const spec of node.namedChildren) {
    if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
    const nameNode = spec.childForFieldName('name');
    if (!nameNode || nameNode.isMissing) continue;
    const typeNode = spec.childForFieldName('type');
    out.types.push({
      name: nameNode.text,
      alias: spec.type === 'type_alias',
      typeParams: typeParamNames(spec.childForFieldName('type_parameters')),
      // With no type node the spec itself is mapped, which yields an `unknown` type.
      type: typeExpr(typeNode ?? spec, source.positions),
      file: source.name,
      range: rangeOf(spec, source),
    });
    declare(out, nameNode.text);
  }
}

/** Declares the names of a var or const declaration that the pre-scan kept (it was damaged). */
function valueDeclaration(node: Node, out: ExtractedFile): void {
  for (const child of node.namedChildren) {
    const specs = child.type === 'var_spec_list' ? child.namedChildren : [child];
    for (const spec of specs) {
      if (spec.type !== 'var_spec' && spec.type !== 'const_spec') continue;
      for (const name of spec.childrenForFieldName('name')) {
        if (name.type === 'identifier' && !name.isMissing) declare(out, name.text);
      }
    }
  }
}
