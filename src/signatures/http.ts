/**
 * The `http` kind: `func(http.ResponseWriter, *http.Request)`, exactly those two `net/http`
 * types and no results (Paketo RFC 0017). Its near miss is the missing `*`.
 */
import type { FuncDecl } from '../parser/model.js';
import { makeDiagnostic } from '../diagnostics.js';
import { defineKind, type MatchResult } from './kind.js';
import { isNamed, isPointerTo } from './judge.js';
import type { Scope } from './scope.js';
import { signatureOf } from './spell.js';

const responseWriter = 'net/http.ResponseWriter';
const request = 'net/http.Request';

/** The signature the http kind requires, as messages spell it. */
const httpSignature = 'func(http.ResponseWriter, *http.Request)';

/** Reads the parameters: both right, the request taken by value, or neither. */
function matchParams(fn: FuncDecl, scope: Scope): 'pointer' | 'value' | null {
  const [w, r] = fn.params;
  if (fn.params.length !== 2 || fn.results.length !== 0 || !w || !r) return null;
  const ctx = scope.funcCtx(fn);
  if (!isNamed(scope, w.type, ctx, responseWriter)) return null;
  if (isPointerTo(scope, r.type, ctx, request)) return 'pointer';
  return isNamed(scope, r.type, ctx, request) ? 'value' : null;
}

/** The `http` kind (SPEC §3). */
export const http = defineKind({
  kind: 'http',
  summary: 'func(http.ResponseWriter, *http.Request): the request as it came, the reply written by the function',
  match(fn, scope): MatchResult | undefined {
    const found = matchParams(fn, scope);
    if (found === 'pointer') return { match: { kind: 'http', returnsError: false } };
    if (found !== 'value') return undefined;
    const r = fn.params[1]!;
    const at = r.type.range.start.offset;
    const fix = { message: 'Take *http.Request', edits: [{ file: fn.file, start: at, end: at, newText: '*' }] };
    const data = { name: fn.name, actual: signatureOf(fn), expected: httpSignature };
    return { nearMisses: [makeDiagnostic('http-request-not-pointer', { file: fn.file, range: r.type.range }, data, { fixes: [fix] })] };
  },
});
