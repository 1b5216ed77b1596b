/**
 * The `direct` kind (riff): at most one data parameter X and at most two results, the eight
 * forms of SPEC §3. The forms are a table, read by one matcher, so the code mirrors the SPEC.
 */
import type { DirectForm } from '../schema.js';
import { defineKind, type MatchResult } from './kind.js';
import { isData, isError } from './judge.js';

/** A result slot: a data type Y, or the predeclared `error`. */
type Slot = 'Y' | 'error';

/** A DirectShape is one row of SPEC §3's table of direct forms. */
export interface DirectShape {
  form: DirectForm;
  params: 0 | 1;
  results: readonly Slot[];
  returnsError: boolean;
}

/**
 * SPEC §3's eight direct forms, in its order. Because `error` is not a data type, no signature
 * fits two rows: `func() error` is a runnable that returns an error, never a supplier of errors.
 */
export const directShapes: readonly DirectShape[] = [
  { form: 'function', params: 1, results: ['Y'], returnsError: false },
  { form: 'function', params: 1, results: ['Y', 'error'], returnsError: true },
  { form: 'supplier', params: 0, results: ['Y'], returnsError: false },
  { form: 'supplier', params: 0, results: ['Y', 'error'], returnsError: true },
  { form: 'consumer', params: 1, results: [], returnsError: false },
  { form: 'consumer', params: 1, results: ['error'], returnsError: true },
  { form: 'runnable', params: 0, results: [], returnsError: false },
  { form: 'runnable', params: 0, results: ['error'], returnsError: true },
];

/** The `direct` kind (SPEC §3). */
export const direct = defineKind({
  kind: 'direct',
  summary: 'func(X) Y and its seven relatives: a JSON (or text) body in, a JSON (or text) reply out',
  match(fn, scope): MatchResult | undefined {
    const ctx = scope.funcCtx(fn);
    const shape = directShapes.find(
      (s) =>
        s.params === fn.params.length &&
        s.results.length === fn.results.length &&
        s.results.every((slot, i) =>
          slot === 'error' ? isError(scope, fn.results[i]!.type, ctx) : isData(scope, fn.results[i]!.type, ctx),
        ),
    );
    const [x] = fn.params;
    if (!shape || (x && !isData(scope, x.type, ctx))) return undefined;
    const y = shape.results[0] === 'Y' ? fn.results[0] : undefined;
    return {
      match: {
        kind: 'direct',
        form: shape.form,
        returnsError: shape.returnsError,
        ...(x ? { input: x.type.text } : {}),
        ...(y ? { output: y.type.text } : {}),
      },
    };
  },
});
