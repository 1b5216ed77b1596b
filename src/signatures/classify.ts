/**
 * Classification of a package's functions (SPEC §3): eligible functions are tried against the
 * kinds in order, first match wins. Functions that are not eligible (generic, variadic,
 * unexported, methods) or that fail only by a leading context.Context are tried too, and become
 * near misses when a person would want to hear: always for the specific kinds (http, openwhisk,
 * streaming) and for SPEC §4's preferred names, and for any other direct shape only when the
 * package has no candidate at all — `func(string) string` shapes fill every library, and
 * pointing at each variadic or generic one there would be noise.
 */
import type { FuncDecl, GoPackage, Param, Range } from '../parser/model.js';
import type { ClassifiedFunction, Diagnostic } from '../schema.js';
import type { DiagnosticCode } from '../diagnostic-codes.js';
import { makeDiagnostic } from '../diagnostics.js';
import type { Classified } from './kind.js';
import { isContext } from './judge.js';
import { kinds } from './registry.js';
import { createScope, type Scope } from './scope.js';
import { guardOf } from './spell.js';
import { compareNames, isExported, isProgram, preferredNames } from './names.js';

interface Outcome {
  match?: Classified;
  nearMisses: Diagnostic[];
}

function firstMatch(fn: FuncDecl, scope: Scope): Outcome {
  const nearMisses: Diagnostic[] = [];
  for (const kind of kinds) {
    const result = kind.match(fn, scope);
    if (result && 'match' in result) return { match: result.match, nearMisses: [] };
    if (result) nearMisses.push(...result.nearMisses);
  }
  return { nearMisses };
}

/** A NearMiss is a diagnostic with the kind the function would have had. */
interface NearMiss {
  name: string;
  match: Classified;
  diagnostic: Diagnostic;
}

/** Whether a near miss is specific enough to report whatever else the package holds. */
function isStrong(miss: NearMiss): boolean {
  const exportedName = miss.name.charAt(0).toUpperCase() + miss.name.slice(1);
  return miss.match.kind !== 'direct' || preferredNames.has(exportedName);
}

/** Tries a changed copy of fn and, when it matches a kind, builds the near miss. */
function nearMiss(fn: FuncDecl, scope: Scope, asIf: FuncDecl, code: DiagnosticCode, range: Range): NearMiss[] {
  const match = firstMatch(asIf, scope).match;
  if (!match) return [];
  const diagnostic = makeDiagnostic(code, { file: fn.file, range }, { name: fn.name, kind: match.kind });
  return [{ name: fn.name, match, diagnostic }];
}

function asSlice(param: Param): Param {
  const type = param.type;
  return { ...param, type: { kind: 'slice', elem: type, text: `[]${type.text}`, range: type.range } };
}

/** An exported function that is generic or variadic but otherwise servable (its type parameters opaque). */
function ineligibleNearMiss(fn: FuncDecl, scope: Scope): NearMiss[] {
  const last = fn.params[fn.params.length - 1];
  if (fn.typeParams.length > 0) {
    const asIf = fn.variadic && last ? { ...fn, params: [...fn.params.slice(0, -1), asSlice(last)] } : fn;
    return nearMiss(fn, scope, asIf, 'candidate-generic', fn.nameRange);
  }
  if (!last) return [];
  return nearMiss(fn, scope, { ...fn, params: [...fn.params.slice(0, -1), asSlice(last)] }, 'candidate-variadic', last.range);
}

/** A function that would be servable without its leading context.Context. */
function contextNearMiss(fn: FuncDecl, scope: Scope): NearMiss[] {
  const [first] = fn.params;
  if (!first || !isContext(scope, first.type, scope.funcCtx(fn))) return [];
  return nearMiss(fn, scope, { ...fn, params: fn.params.slice(1) }, 'context-parameter', first.range);
}

/** An unexported function that would be servable. */
function unexportedNearMiss(fn: FuncDecl, scope: Scope): NearMiss[] {
  if (fn.name === 'main' || fn.name === 'init' || fn.typeParams.length || fn.variadic) return [];
  return nearMiss(fn, scope, fn, 'candidate-unexported', fn.nameRange).filter(isStrong);
}

/** An exported method with the http signature (ServeHTTP is http.Handler's, and everywhere). */
function methodNearMiss(fn: FuncDecl, scope: Scope): Diagnostic[] {
  if (!isExported(fn.name) || fn.name === 'ServeHTTP' || fn.typeParams.length || fn.variadic) return [];
  if (firstMatch(fn, scope).match?.kind !== 'http') return [];
  const recv = fn.receiver!;
  const receiver = recv.kind === 'pointer' ? `(${recv.text})` : recv.text;
  return [makeDiagnostic('http-method', { file: fn.file, range: fn.nameRange }, { name: fn.name, receiver })];
}

/** A Classification is a package's classified functions, sorted by name, and its near misses. */
export interface Classification {
  functions: ClassifiedFunction[];
  diagnostics: Diagnostic[];
}

/** classifyPackage classifies the package-level functions of a package (SPEC §2–§3). */
export function classifyPackage(pkg: GoPackage): Classification {
  const scope = createScope(pkg);
  const functions: ClassifiedFunction[] = [];
  const diagnostics: Diagnostic[] = [];
  const misses: NearMiss[] = [];
  const unexported: FuncDecl[] = [];
  for (const fn of pkg.funcs) {
    if (fn.receiver) diagnostics.push(...methodNearMiss(fn, scope));
    else if (!isExported(fn.name)) unexported.push(fn);
    else if (fn.typeParams.length || fn.variadic) misses.push(...ineligibleNearMiss(fn, scope));
    else {
      const outcome = firstMatch(fn, scope);
      if (outcome.match) {
        const guard = guardOf(scope, fn);
        functions.push({ name: fn.name, ...outcome.match, file: fn.file, range: fn.range, guard } as ClassifiedFunction);
      } else {
        diagnostics.push(...outcome.nearMisses);
        misses.push(...contextNearMiss(fn, scope));
      }
    }
  }
  if (functions.length === 0 && !isProgram(pkg)) {
    misses.push(...[...unexported, ...pkg.deferredFuncs()].flatMap((fn) => unexportedNearMiss(fn, scope)));
  }
  const reported = functions.length === 0 ? misses : misses.filter(isStrong);
  diagnostics.push(...reported.map((miss) => miss.diagnostic));
  functions.sort((a, b) => compareNames(a.name, b.name));
  return { functions, diagnostics };
}
