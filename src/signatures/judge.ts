/**
 * The judgements SPEC §3 makes of a resolved type: is it data (can it travel as a body), is it
 * `error`, the empty interface, a receive-only channel, a given package's named type.
 */
import type { ChanDir, TypeExpr } from '../parser/model.js';
import { identityOf, type Bound, type Ctx, type Head, type Scope } from './scope.js';

/** Types of other packages that carry no data (SPEC §3), by `path.Name`. */
const nonDataTypes: ReadonlySet<string> = new Set([
  'context.Context',
  'golang.org/x/net/context.Context',
  'github.com/aws/aws-sdk-go/aws.Context',
  'github.com/aws/aws-sdk-go/aws/credentials.Context',
  'net/http.ResponseWriter',
  'net/http.Request',
  'io.Reader',
  'io.Writer',
  'io.Closer',
  'io.ReadCloser',
  'io.WriteCloser',
  'io.ReadWriter',
  'io.ReadWriteCloser',
  'unsafe.Pointer',
]);

/** The context types a platform never passes (SPEC §3's `context.Context` and its aliases). */
const contextTypes: ReadonlySet<string> = new Set([...nonDataTypes].filter((id) => id.endsWith('.Context')));

const notData: ReadonlySet<string> = new Set(['complex64', 'complex128', 'error']);

const keyTypes: ReadonlySet<string> = new Set([
  'string', 'int', 'int8', 'int16', 'int32', 'int64', 'rune',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'byte', 'uintptr',
]);

/**
 * Real data types nest a few levels; deeper than this, through declarations and type arguments,
 * the judgement stops and counts the type as data, as it does for a recursive type.
 */
const maxDepth = 200;

interface Walk {
  scope: Scope;
  /** Non-generic declarations being judged, for recursive types. */
  visiting: Set<string>;
  depth: number;
}

/** isData says whether a type can travel as a request or reply body (SPEC §3, data types). */
export function isData(scope: Scope, type: TypeExpr, ctx: Ctx): boolean {
  return dataOf({ scope, visiting: new Set(), depth: 0 }, type, ctx);
}

function dataOf(walk: Walk, type: TypeExpr, ctx: Ctx): boolean {
  if (walk.depth > maxDepth) return true;
  walk.depth++;
  try {
    return dataOfHead(walk, walk.scope.head(type, ctx));
  } finally {
    walk.depth--;
  }
}

function dataOfHead(walk: Walk, h: Head): boolean {
  switch (h.kind) {
    case 'predeclared':
      return !notData.has(h.name);
    case 'param':
      return true;
    case 'invalid':
      return false;
    case 'external':
      return !nonDataTypes.has(identityOf(h) ?? '');
    case 'declared':
      return dataOfDeclared(walk, h);
    case 'literal':
      return dataOfLiteral(walk, h.type, h.ctx);
  }
}

function dataOfDeclared(walk: Walk, h: Extract<Head, { kind: 'declared' }>): boolean {
  // A generic declaration's instances differ by argument, so only the depth cap ends their recursion.
  const key = h.decl.typeParams.length ? null : h.decl.name;
  if (key !== null && walk.visiting.has(key)) return true;
  if (key !== null) walk.visiting.add(key);
  try {
    return dataOf(walk, h.decl.type, h.ctx);
  } finally {
    if (key !== null) walk.visiting.delete(key);
  }
}

function dataOfLiteral(walk: Walk, type: Extract<Head, { kind: 'literal' }>['type'], ctx: Ctx): boolean {
  switch (type.kind) {
    case 'chan':
    case 'func':
      return false;
    case 'interface':
      return type.empty;
    case 'struct':
      return true;
    case 'pointer':
    case 'slice':
    case 'array':
      return dataOf(walk, type.elem, ctx);
    case 'map':
      return isKey(walk.scope, type.key, ctx) && dataOf(walk, type.value, ctx);
  }
}

/**
 * isKey says whether a map key lets the map travel as a JSON object: a string or integer type,
 * or a named type of another package or of this one (it may implement encoding.TextMarshaler).
 */
function isKey(scope: Scope, type: TypeExpr, ctx: Ctx): boolean {
  const h = scope.head(type, ctx);
  if (h.kind === 'predeclared') return keyTypes.has(h.name);
  return h.kind === 'external' || h.kind === 'declared' || h.kind === 'param';
}

/** isError says whether a type is the predeclared `error`, directly or through aliases. */
export function isError(scope: Scope, type: TypeExpr, ctx: Ctx): boolean {
  const h = scope.head(type, ctx);
  return h.kind === 'predeclared' && h.name === 'error';
}

/** isEmptyInterface says whether a type is `interface{}` or `any` through aliases, not a defined type. */
export function isEmptyInterface(scope: Scope, type: TypeExpr, ctx: Ctx): boolean {
  const h = scope.head(type, ctx);
  if (h.kind === 'predeclared') return h.name === 'any';
  return h.kind === 'literal' && h.type.kind === 'interface' && h.type.empty;
}

/** isNamed says whether a type is the named type `path.Name` (through aliases). */
export function isNamed(scope: Scope, type: TypeExpr, ctx: Ctx, id: string): boolean {
  return identityOf(scope.head(type, ctx)) === id;
}

/** isPointerTo says whether a type is a pointer to the named type `path.Name` (through aliases). */
export function isPointerTo(scope: Scope, type: TypeExpr, ctx: Ctx, id: string): boolean {
  const h = scope.head(type, ctx);
  return h.kind === 'literal' && h.type.kind === 'pointer' && isNamed(scope, h.type.elem, h.ctx, id);
}

/** isContext says whether a type is `context.Context` or one of its well-known aliases. */
export function isContext(scope: Scope, type: TypeExpr, ctx: Ctx): boolean {
  return contextTypes.has(identityOf(scope.head(type, ctx)) ?? '');
}

/** A Channel is a channel type after aliases: its direction and its element in context. */
export interface Channel {
  dir: ChanDir;
  elem: Bound;
}

/** channelOf returns the channel a type is through aliases (a defined channel type is none). */
export function channelOf(scope: Scope, type: TypeExpr, ctx: Ctx): Channel | null {
  const h = scope.head(type, ctx);
  if (h.kind !== 'literal' || h.type.kind !== 'chan') return null;
  return { dir: h.type.dir, elem: { type: h.type.elem, ctx: h.ctx } };
}
