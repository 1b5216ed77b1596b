/**
 * Spelling signatures: as written (for messages) and as a guard, the function's type with
 * predeclared and standard-library types only, by their default package names (STYLE rule 14).
 */
import type { FuncDecl, Param, TypeExpr } from '../parser/model.js';
import type { GuardSignature } from '../schema.js';
import { defaultPackageName, isStandardPath } from './imports.js';
import type { Ctx, Scope } from './scope.js';

/** signatureOf renders `Name(a, b A) (R, error)` as written (gofmt spacing), for messages. */
export function signatureOf(fn: FuncDecl): string {
  const params = listText(fn.params, fn.variadic);
  const results = fn.results.length === 1 && fn.results[0]!.name === null ? fn.results[0]!.type.text : listText(fn.results, false);
  return `${fn.name}${params}${results === '' || results === '()' ? '' : ` ${results}`}`;
}

/** Renders a parameter list; names that shared one type in the source (`a, b string`) share one TypeExpr. */
function listText(params: readonly Param[], variadic: boolean): string {
  const groups: string[] = [];
  params.forEach((p, i) => {
    const next = params[i + 1];
    const name = p.name === null ? '' : p.name;
    if (next && next.type === p.type && p.name !== null) {
      groups.push(`${name}, `);
      return;
    }
    const dots = variadic && i === params.length - 1 ? '...' : '';
    groups.push(`${name}${name ? ' ' : ''}${dots}${p.type.text}${next ? ', ' : ''}`);
  });
  return `(${groups.join('')})`;
}

/** funcTypeOf renders `func(A, B) (R, error)` from type texts, names dropped. */
export function funcTypeOf(params: readonly string[], results: readonly string[]): string {
  const tail = results.length === 0 ? '' : results.length === 1 ? ` ${results[0]}` : ` (${results.join(', ')})`;
  return `func(${params.join(', ')})${tail}`;
}

/** guardOf spells a function's type for the compile-time guard, or null when it needs a non-standard type. */
export function guardOf(scope: Scope, fn: FuncDecl): GuardSignature | null {
  const imports = new Set<string>();
  const ctx = scope.funcCtx(fn);
  const spell = (p: Param, i: number): string | null => {
    const text = spellType(scope, p.type, ctx, imports);
    return text !== null && fn.variadic && i === fn.params.length - 1 ? `...${text}` : text;
  };
  const params = fn.params.map(spell);
  const results = fn.results.map((p) => spellType(scope, p.type, ctx, imports));
  if ([...params, ...results].some((t) => t === null)) return null;
  return { text: funcTypeOf(params as string[], results as string[]), imports: [...imports].sort() };
}

/** spellType spells one type, recording the standard packages it names; null when it cannot. */
function spellType(scope: Scope, type: TypeExpr, ctx: Ctx, imports: Set<string>): string | null {
  return spellBare(scope, type, ctx, imports, (t) => spellType(scope, t, ctx, imports));
}

/** The element of `chan (<-chan T)` needs its parentheses, which spelling otherwise drops. */
function chanElem(type: Extract<TypeExpr, { kind: 'chan' }>, elem: string | null): string | null {
  return elem !== null && type.dir === 'both' && type.elem.kind === 'chan' && type.elem.dir === 'recv' ? `(${elem})` : elem;
}

function spellBare(
  scope: Scope,
  type: TypeExpr,
  ctx: Ctx,
  imports: Set<string>,
  sub: (t: TypeExpr) => string | null,
): string | null {
  switch (type.kind) {
    case 'name':
    case 'qualified':
      return spellNamed(scope, type, ctx, imports);
    case 'generic': {
      const base = spellNamed(scope, type.base, ctx, imports);
      const args = type.args.map(sub);
      return base === null || args.some((a) => a === null) ? null : `${base}[${args.join(', ')}]`;
    }
    case 'pointer':
      return prefixed('*', sub(type.elem));
    case 'slice':
      return prefixed('[]', sub(type.elem));
    case 'array': {
      // Only a literal length can be spelled outside the package; `[Size]byte` names its constant.
      const length = /^\(*\[([0-9]+)\]/.exec(type.text)?.[1];
      return length === undefined ? null : prefixed(`[${length}]`, sub(type.elem));
    }
    case 'map': {
      const key = sub(type.key);
      return key === null ? null : prefixed(`map[${key}]`, sub(type.value));
    }
    case 'chan':
      return prefixed(type.dir === 'recv' ? '<-chan ' : type.dir === 'send' ? 'chan<- ' : 'chan ', chanElem(type, sub(type.elem)));
    case 'func': {
      const params = type.params.map((p, i) => prefixed(type.variadic && i === type.params.length - 1 ? '...' : '', sub(p.type)));
      const results = type.results.map((p) => sub(p.type));
      return [...params, ...results].some((t) => t === null) ? null : funcTypeOf(params as string[], results as string[]);
    }
    case 'interface':
    case 'struct':
      // Fields and methods may name the package's own types; only the empty forms are safe.
      return type.text.replace(/^\(+|\)+$/g, '') === `${type.kind}{}` ? `${type.kind}{}` : null;
    case 'unknown':
      return null;
  }
}

function prefixed(prefix: string, text: string | null): string | null {
  return text === null ? null : prefix + text;
}

function spellNamed(scope: Scope, type: TypeExpr, ctx: Ctx, imports: Set<string>): string | null {
  const h = scope.head(type, ctx);
  if (type.kind === 'name') {
    // The package's own names, aliases included, cannot be spelled outside it.
    if (scope.declares(type.name)) return null;
    if (h.kind === 'predeclared') return type.name;
    // A dot import names a standard type only when SPEC's table says which package it is.
    if (h.kind !== 'external' || h.path === null) return null;
    return qualifiedName(h.path, h.name, imports);
  }
  if (type.kind !== 'qualified' || h.kind !== 'external' || h.path === null) return null;
  return qualifiedName(h.path, h.name, imports);
}

function qualifiedName(path: string, name: string, imports: Set<string>): string | null {
  if (!isStandardPath(path)) return null;
  imports.add(path);
  return `${defaultPackageName(path)}.${name}`;
}
