/**
 * The `openwhisk` kind: `func(json.RawMessage) (interface{}, error)`, the shape of OpenWhisk Go
 * actions (jthomas/ow). The result must be the empty interface itself, not a defined type of it.
 */
import { defineKind, type MatchResult } from './kind.js';
import { isEmptyInterface, isError, isNamed } from './judge.js';

const rawMessage = 'encoding/json.RawMessage';

/** The `openwhisk` kind (SPEC §3). */
export const openwhisk = defineKind({
  kind: 'openwhisk',
  summary: 'func(json.RawMessage) (interface{}, error): an OpenWhisk action, served with /init and /run',
  match(fn, scope): MatchResult | undefined {
    const [param] = fn.params;
    const [out, err] = fn.results;
    if (fn.params.length !== 1 || fn.results.length !== 2 || !param || !out || !err) return undefined;
    const ctx = scope.funcCtx(fn);
    if (!isNamed(scope, param.type, ctx, rawMessage)) return undefined;
    if (!isEmptyInterface(scope, out.type, ctx) || !isError(scope, err.type, ctx)) return undefined;
    return { match: { kind: 'openwhisk', returnsError: true, input: param.type.text, output: out.type.text } };
  },
});
