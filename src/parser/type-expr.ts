/**
 * Maps tree-sitter-go type nodes to TypeExpr, with each type's text rendered with gofmt spacing
 * from its parts (so `map [ string ]  int` reads `map[string]int`).
 */
import type { Node } from 'web-tree-sitter';
import type { ChanDir, Param, Range, TypeExpr } from './model.js';
import type { RangeIndex } from './position.js';

/**
 * Real Go types nest a few levels deep; past this depth a type is `unknown`, so that hostile
 * input (thousands of nested `*` or `[]`) cannot overflow the stack.
 */
const MAX_DEPTH = 100;

type Builder = (node: Node, range: Range, positions: RangeIndex, depth: number) => TypeExpr | null;

/**
 * typeExpr maps a type node; damaged or unrecognised syntax becomes an `unknown` TypeExpr.
 * `depth` is 0 for a type that is not part of another one.
 */
export function typeExpr(node: Node, positions: RangeIndex, depth = 0): TypeExpr {
  const range = positions.range(node.startIndex, node.endIndex);
  const build = builders[node.type];
  // A type with an ERROR or MISSING node inside would be rendered as something it is not.
  // Only the outermost type is asked: the parts of an undamaged type are undamaged too.
  if (!build || depth > MAX_DEPTH || (depth === 0 && node.hasError)) return unknown(node, range);
  return build(node, range, positions, depth + 1) ?? unknown(node, range);
}

/** A ParamList is a parameter or result list, flattened to one Param per name. */
export interface ParamList {
  params: Param[];
  /** True when a parameter is written `...T`. */
  variadic: boolean;
  /** The list as written with gofmt spacing, parentheses included (empty when there is none). */
  text: string;
}

/** One parameter declaration: `a, b T`, `T` or `...T`, before names are distributed. */
interface ParamGroup {
  names: Node[];
  type: TypeExpr;
  typeNode: Node | null;
  dots: string;
  start: number;
  end: number;
}

/** paramList maps a `parameter_list` node; grouped names (`a, b string`) share one TypeExpr. */
export function paramList(list: Node, positions: RangeIndex, depth = 0): ParamList {
  const groups = distributeNames(paramGroups(list, positions, depth));
  const params: Param[] = [];
  const texts: string[] = [];
  for (const { names, type, dots, start, end } of groups) {
    // Each read of a node's text is a call into wasm: the names are read once.
    const nameTexts = names.map((name) => name.text);
    names.forEach((name, i) => params.push({ name: nameTexts[i]!, type, range: positions.range(name.startIndex, end) }));
    if (names.length === 0) params.push({ name: null, type, range: positions.range(start, end) });
    texts.push(`${names.length ? `${nameTexts.join(', ')} ` : ''}${dots}${type.text}`);
  }
  return { params, variadic: groups.some((g) => g.dots !== ''), text: `(${texts.join(', ')})` };
}

function paramGroups(list: Node, positions: RangeIndex, depth: number): ParamGroup[] {
  const groups: ParamGroup[] = [];
  for (const decl of list.namedChildren) {
    if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
    const typeNode = decl.childForFieldName('type');
    const type = typeNode
      ? typeExpr(typeNode, positions, depth)
      : unknown(decl, positions.range(decl.startIndex, decl.endIndex));
    const dots = decl.type === 'variadic_parameter_declaration' ? '...' : '';
    const names = decl.childrenForFieldName('name');
    groups.push({ names, type, typeNode, dots, start: decl.startIndex, end: decl.endIndex });
  }
  return groups;
}

/**
 * In Go a parameter list names all its parameters or none. tree-sitter sometimes reads the
 * first names of a long group (`a, b, c, d int`) as unnamed parameters of types `a` and `b`;
 * like go/parser, a list with names gives such bare identifiers the type of the next group.
 */
function distributeNames(groups: ParamGroup[]): ParamGroup[] {
  if (!groups.some((g) => g.names.length > 0)) return groups;
  const out: ParamGroup[] = [];
  let next: ParamGroup | undefined;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group.names.length > 0) next = group;
    const bare = group.names.length === 0 && group.dots === '' && group.typeNode?.type === 'type_identifier';
    if (bare && next) next.names.unshift(group.typeNode!);
    else out.unshift(group);
  }
  return out;
}

/** resultList maps a function's `result` field: a parameter list, a single type, or nothing. */
export function resultList(result: Node | null, positions: RangeIndex, depth = 0): ParamList {
  if (!result) return { params: [], variadic: false, text: '' };
  if (result.type === 'parameter_list') return paramList(result, positions, depth);
  const type = typeExpr(result, positions, depth);
  return { params: [{ name: null, type, range: type.range }], variadic: false, text: type.text };
}

/** signatureText renders `(params) results` as gofmt does. */
export function signatureText(params: ParamList, results: ParamList): string {
  return results.text ? `${params.text} ${results.text}` : params.text;
}

function unknown(node: Node, range: Range, text = collapse(node.text)): TypeExpr {
  return { kind: 'unknown', text, range };
}

/** collapse normalises whitespace runs to one space, for text we do not render from parts. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first named child that is not a comment: the operand of `*T`, `(T)`, `~T`. */
function operand(node: Node): Node | null {
  for (const child of node.namedChildren) if (child.type !== 'comment') return child;
  return null;
}

function sub(node: Node | null, positions: RangeIndex, depth: number): TypeExpr | null {
  return node ? typeExpr(node, positions, depth) : null;
}

const builders: Record<string, Builder> = {
  type_identifier(node, range) {
    // Each read of a node's text is a call into wasm.
    const name = node.text;
    return { kind: 'name', name, text: name, range };
  },
  qualified_type(node, range) {
    const qualifier = node.childForFieldName('package')?.text;
    const name = node.childForFieldName('name')?.text;
    if (!qualifier || !name) return null;
    return { kind: 'qualified', qualifier, name, text: `${qualifier}.${name}`, range };
  },
  generic_type(node, range, positions, depth) {
    const base = sub(node.childForFieldName('type'), positions, depth);
    const argsNode = node.childForFieldName('type_arguments');
    if (!base || !argsNode) return null;
    const args = argsNode.namedChildren
      .filter((arg) => arg.type !== 'comment')
      .map((arg) => typeArgument(arg, positions, depth));
    return { kind: 'generic', base, args, text: `${base.text}[${args.map((a) => a.text).join(', ')}]`, range };
  },
  pointer_type(node, range, positions, depth) {
    const elem = sub(operand(node), positions, depth);
    return elem && { kind: 'pointer', elem, text: `*${elem.text}`, range };
  },
  slice_type(node, range, positions, depth) {
    const elem = sub(node.childForFieldName('element'), positions, depth);
    return elem && { kind: 'slice', elem, text: `[]${elem.text}`, range };
  },
  array_type(node, range, positions, depth) {
    const length = node.childForFieldName('length');
    const elem = sub(node.childForFieldName('element'), positions, depth);
    return length && elem && { kind: 'array', elem, text: `[${lengthText(length)}]${elem.text}`, range };
  },
  implicit_length_array_type(node, range, positions, depth) {
    const elem = sub(node.childForFieldName('element'), positions, depth);
    return elem && { kind: 'array', elem, text: `[...]${elem.text}`, range };
  },
  map_type(node, range, positions, depth) {
    const key = sub(node.childForFieldName('key'), positions, depth);
    const value = sub(node.childForFieldName('value'), positions, depth);
    return key && value && { kind: 'map', key, value, text: `map[${key.text}]${value.text}`, range };
  },
  channel_type: (node, range, positions, depth) =>
    chanType(chanDir(node), range, node.childForFieldName('value'), positions, depth),
  function_type(node, range, positions, depth) {
    const parameters = node.childForFieldName('parameters');
    if (!parameters) return null;
    const params = paramList(parameters, positions, depth);
    const results = resultList(node.childForFieldName('result'), positions, depth);
    const text = `func${signatureText(params, results)}`;
    return { kind: 'func', params: params.params, results: results.params, variadic: params.variadic, text, range };
  },
  interface_type(node, range, positions, depth) {
    const elems = node.namedChildren.filter((c) => c.type === 'method_elem' || c.type === 'type_elem');
    const texts = elems.map((elem) => interfaceElemText(elem, positions, depth));
    return { kind: 'interface', empty: elems.length === 0, text: braced('interface', texts), range };
  },
  struct_type(node, range, positions, depth) {
    const list = node.namedChildren.find((c) => c.type === 'field_declaration_list');
    const fields = list ? list.namedChildren.filter((c) => c.type === 'field_declaration') : [];
    return { kind: 'struct', text: braced('struct', fields.map((f) => fieldText(f, positions, depth))), range };
  },
  parenthesized_type(node, range, positions, depth) {
    const innerNode = operand(node);
    const inner = sub(innerNode, positions, depth);
    if (!inner) return null;
    // gofmt prints `((T))` as `(T)`: parentheses around parentheses are dropped.
    const text = innerNode?.type === 'parenthesized_type' ? inner.text : `(${inner.text})`;
    return { ...inner, text, range };
  },
  negated_type(node, range, positions, depth) {
    const inner = sub(operand(node), positions, depth);
    return inner && unknown(node, range, `~${inner.text}`);
  },
};

/** A type argument is a `type_elem`; a union (`int | string`) there is not a type we model. */
function typeArgument(arg: Node, positions: RangeIndex, depth: number): TypeExpr {
  const terms = arg.type === 'type_elem' ? arg.namedChildren.filter((c) => c.type !== 'comment') : [arg];
  if (terms.length === 1) return typeExpr(terms[0]!, positions, depth);
  return unknown(arg, positions.range(arg.startIndex, arg.endIndex), typeElemText(arg, positions, depth));
}

/**
 * tree-sitter-go reads `chan<- chan T` as `chan (<-chan T)`, but in Go `<-` binds to the
 * leftmost `chan`: a bidirectional channel of a receive-only one is re-read as a send-only
 * channel of a bidirectional one (parentheses, a parenthesized_type node, stop this).
 */
function chanType(dir: ChanDir, range: Range, value: Node | null, positions: RangeIndex, depth: number): TypeExpr | null {
  if (!value) return null;
  let elem: TypeExpr | null;
  if (dir === 'both' && value.type === 'channel_type' && chanDir(value) === 'recv') {
    const chanToken = value.child(1);
    const innerRange = positions.range(chanToken?.startIndex ?? value.startIndex, value.endIndex);
    dir = 'send';
    elem = depth > MAX_DEPTH ? null : chanType('both', innerRange, value.childForFieldName('value'), positions, depth + 1);
  } else {
    elem = typeExpr(value, positions, depth);
  }
  if (!elem) return null;
  const keyword = dir === 'recv' ? '<-chan' : dir === 'send' ? 'chan<-' : 'chan';
  return { kind: 'chan', dir, elem, text: `${keyword} ${elem.text}`, range };
}

/**
 * gofmt spaces a lone binary operator in an array length (`[N + 1]int`); mixed precedences
 * follow rules we do not reproduce, so other lengths keep their own spacing, collapsed.
 */
function lengthText(length: Node): string {
  const left = length.childForFieldName('left');
  const right = length.childForFieldName('right');
  const operator = length.childForFieldName('operator');
  const simple = (n: Node | null) => n !== null && n.type !== 'binary_expression';
  if (length.type !== 'binary_expression' || !simple(left) || !simple(right) || !operator) return collapse(length.text);
  return `${collapse(left!.text)} ${operator.text} ${collapse(right!.text)}`;
}

/** The direction comes from the order of the anonymous `<-` and `chan` tokens. */
function chanDir(node: Node): ChanDir {
  const first = node.child(0)?.type;
  if (first === '<-') return 'recv';
  return node.child(1)?.type === '<-' ? 'send' : 'both';
}

/** gofmt writes a one-line body as `struct{ A int; B string }` and an empty one as `struct{}`. */
function braced(keyword: string, elems: string[]): string {
  return elems.length ? `${keyword}{ ${elems.join('; ')} }` : `${keyword}{}`;
}

function fieldText(field: Node, positions: RangeIndex, depth: number): string {
  const names = field.childrenForFieldName('name').map((n) => n.text);
  const typeNode = field.childForFieldName('type');
  const tag = field.childForFieldName('tag');
  const type = typeNode ? typeExpr(typeNode, positions, depth).text : '';
  const star = field.children.some((c) => c.type === '*') ? '*' : '';
  const head = names.length ? `${names.join(', ')} ` : star;
  return `${head}${type}${tag ? ` ${tag.text}` : ''}`;
}

function interfaceElemText(elem: Node, positions: RangeIndex, depth: number): string {
  if (elem.type === 'type_elem') return typeElemText(elem, positions, depth);
  const name = elem.childForFieldName('name')?.text ?? '';
  const parameters = elem.childForFieldName('parameters');
  if (!parameters) return collapse(elem.text);
  const params = paramList(parameters, positions, depth);
  return name + signatureText(params, resultList(elem.childForFieldName('result'), positions, depth));
}

function typeElemText(elem: Node, positions: RangeIndex, depth: number): string {
  const terms = elem.namedChildren.filter((c) => c.type !== 'comment');
  return terms.map((term) => typeExpr(term, positions, depth).text).join(' | ');
}
