/**
 * Type resolution without a type checker (SPEC §2). A type as written is read in a context (the
 * file whose imports qualify it, and the type arguments in force) and resolved to its Head:
 * aliases followed, names looked up in the package, the universe, the imports and dot imports.
 */
import type { FuncDecl, GoPackage, Import, TypeDecl, TypeExpr } from '../parser/model.js';
import { dotImports, resolveQualifier } from './imports.js';

/** A Ctx is where a TypeExpr is read: its file, bound type parameters and unbound ones. */
export interface Ctx {
  file: string;
  /** Type parameters bound to type arguments (an instantiated generic type's declaration). */
  subst?: ReadonlyMap<string, Bound>;
  /** Type parameters in scope with no argument: opaque types (a generic function's own). */
  params?: ReadonlySet<string>;
}

/** A Bound is a type as written together with the context to read it in. */
export interface Bound {
  type: TypeExpr;
  ctx: Ctx;
}

type Literal = Extract<TypeExpr, { kind: 'pointer' | 'slice' | 'array' | 'map' | 'chan' | 'func' | 'interface' | 'struct' }>;

/** A Head is what a type is after following aliases: the one question every judgement asks. */
export type Head =
  | { kind: 'predeclared'; name: string }
  /** A type of another package; `path` is null when no import says which package. */
  | { kind: 'external'; path: string | null; name: string; args: Bound[] }
  /** A defined (non-alias) type declared in the package, with its declaration's context. */
  | { kind: 'declared'; decl: TypeDecl; ctx: Ctx }
  | { kind: 'param'; name: string }
  | { kind: 'literal'; type: Literal; ctx: Ctx }
  /** Not a type (a variable's name, damaged syntax, an alias cycle): it matches nothing. */
  | { kind: 'invalid' };

/** The universe's type names; `any` is the empty interface, `comparable` only a constraint. */
export const predeclaredTypes: ReadonlySet<string> = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64',
  'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);

/**
 * The names SPEC §2 gives a meaning to when they come through a dot import, with the packages
 * that declare them; any other dot-imported name is an opaque type of some other package.
 */
const meaningfulNames: ReadonlyMap<string, readonly string[]> = new Map([
  ['ResponseWriter', ['net/http']],
  ['Request', ['net/http']],
  ['RawMessage', ['encoding/json']],
  ['Context', ['context', 'golang.org/x/net/context', 'github.com/aws/aws-sdk-go/aws', 'github.com/aws/aws-sdk-go/aws/credentials']],
  ...['Reader', 'Writer', 'Closer', 'ReadCloser', 'WriteCloser', 'ReadWriter', 'ReadWriteCloser'].map(
    (name): [string, string[]] => [name, ['io']],
  ),
  ['Pointer', ['unsafe']],
]);

/**
 * Type-parameter bindings move outwards one context at a time, so they end; this bound only
 * guards against a model that is not a tree. Alias cycles are caught exactly, by a seen set.
 */
const maxBindingSteps = 10_000;

/** A Scope resolves the types of one package. */
export interface Scope {
  /** The context of a function's signature: its file and its own type parameters. */
  funcCtx(fn: FuncDecl): Ctx;
  /** head resolves a type to what it is after aliases. */
  head(type: TypeExpr, ctx: Ctx): Head;
  /** declares says whether the package declares a name at package level. */
  declares(name: string): boolean;
}

/** createScope indexes a package's declarations and files for resolution. */
export function createScope(pkg: GoPackage): Scope {
  const types = new Map<string, TypeDecl>();
  for (const decl of pkg.types) if (!types.has(decl.name)) types.set(decl.name, decl);
  const declared = new Set(pkg.files.flatMap((f) => f.declaredNames));
  for (const decl of pkg.types) declared.add(decl.name);
  const imports = new Map(pkg.files.map((f) => [f.name, f.imports] as const));
  const importsOf = (file: string): readonly Import[] => imports.get(file) ?? [];

  /** Resolves an unqualified name that is not a type parameter. */
  function lookup(name: string, file: string): Head | { alias: TypeDecl } | { defined: TypeDecl } {
    const decl = types.get(name);
    if (decl) return decl.alias ? { alias: decl } : { defined: decl };
    if (declared.has(name)) return { kind: 'invalid' };
    if (predeclaredTypes.has(name)) return { kind: 'predeclared', name };
    const dotted = dotImports(importsOf(file));
    const path = meaningfulNames.get(name)?.find((p) => dotted.includes(p)) ?? null;
    return { kind: 'external', path, name, args: [] };
  }

  function declCtx(decl: TypeDecl, args: readonly TypeExpr[], ctx: Ctx): Ctx {
    if (decl.typeParams.length === 0) return { file: decl.file };
    if (args.length !== decl.typeParams.length) return { file: decl.file, params: new Set(decl.typeParams) };
    const subst = new Map(decl.typeParams.map((p, i) => [p, { type: args[i]!, ctx }] as const));
    return { file: decl.file, subst };
  }

  function head(type: TypeExpr, ctx: Ctx): Head {
    let t = type;
    let c = ctx;
    const seenAliases = new Set<TypeDecl>();
    for (let bindings = 0; bindings < maxBindingSteps; ) {
      let name: string;
      let args: readonly TypeExpr[] = [];
      if (t.kind === 'generic') {
        if (t.base.kind === 'qualified') return qualified(t.base.qualifier, t.base.name, t.args, c);
        if (t.base.kind !== 'name') return { kind: 'invalid' };
        name = t.base.name;
        args = t.args;
      } else if (t.kind === 'qualified') {
        return qualified(t.qualifier, t.name, [], c);
      } else if (t.kind === 'name') {
        name = t.name;
      } else if (t.kind === 'unknown') {
        return { kind: 'invalid' };
      } else {
        return { kind: 'literal', type: t, ctx: c };
      }
      const bound = c.subst?.get(name);
      if (bound) {
        ({ type: t, ctx: c } = bound);
        bindings++;
        continue;
      }
      if (c.params?.has(name)) return { kind: 'param', name };
      const found = lookup(name, c.file);
      if ('alias' in found) {
        if (seenAliases.has(found.alias)) return { kind: 'invalid' };
        seenAliases.add(found.alias);
        c = declCtx(found.alias, args, c);
        t = found.alias.type;
        continue;
      }
      if ('defined' in found) return { kind: 'declared', decl: found.defined, ctx: declCtx(found.defined, args, c) };
      return found;
    }
    return { kind: 'invalid' };
  }

  function qualified(qualifier: string, name: string, args: readonly TypeExpr[], ctx: Ctx): Head {
    const path = resolveQualifier(importsOf(ctx.file), qualifier);
    return { kind: 'external', path, name, args: args.map((type) => ({ type, ctx })) };
  }

  return {
    funcCtx: (fn) => (fn.typeParams.length ? { file: fn.file, params: new Set(fn.typeParams) } : { file: fn.file }),
    head,
    declares: (name) => declared.has(name),
  };
}

/**
 * identityOf names another package's type as `path.Name`, the way SPEC's tables name the types
 * they give a meaning to; null for anything else. A type declared in the package is judged by
 * its declaration (SPEC §2), whatever the package's own import path.
 */
export function identityOf(h: Head): string | null {
  return h.kind === 'external' && h.path !== null ? `${h.path}.${h.name}` : null;
}
