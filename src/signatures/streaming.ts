/**
 * The `streaming` kind (riff): `func(<-chan X) <-chan Y` or `func(<-chan X) (<-chan Y, <-chan
 * error)`, receive-only channels written directly or through aliases, X and Y data. The same
 * shape with a bidirectional or send-only channel is a near miss, fixed by `<-chan`.
 */
import type { FuncDecl, Param } from '../parser/model.js';
import type { Diagnostic, SuggestedFix } from '../schema.js';
import { makeDiagnostic } from '../diagnostics.js';
import { defineKind, type MatchResult } from './kind.js';
import { channelOf, isData, isError, type Channel } from './judge.js';
import type { Scope } from './scope.js';
import { funcTypeOf, signatureOf } from './spell.js';

interface Slot {
  param: Param;
  chan: Channel;
}

/** Reads the shape: one channel in, one or two channels out (the second of `error`), data carried. */
function slotsOf(fn: FuncDecl, scope: Scope): Slot[] | null {
  if (fn.params.length !== 1 || fn.results.length < 1 || fn.results.length > 2) return null;
  const ctx = scope.funcCtx(fn);
  const slots: Slot[] = [];
  for (const param of [...fn.params, ...fn.results]) {
    const chan = channelOf(scope, param.type, ctx);
    if (!chan) return null;
    slots.push({ param, chan });
  }
  const [input, output, errors] = slots;
  if (!isData(scope, input!.chan.elem.type, input!.chan.elem.ctx)) return null;
  if (!isData(scope, output!.chan.elem.type, output!.chan.elem.ctx)) return null;
  if (errors && !isError(scope, errors.chan.elem.type, errors.chan.elem.ctx)) return null;
  return slots;
}

/** The fix rewrites the channel keyword in place; a parenthesized type is left to the person. */
function fixOf(fn: FuncDecl, slot: Slot): SuggestedFix[] {
  const type = slot.param.type;
  if (type.kind !== 'chan' || type.text.startsWith('(')) return [];
  const start = type.range.start.offset;
  const edit =
    type.dir === 'both'
      ? { file: fn.file, start, end: start, newText: '<-' }
      : { file: fn.file, start, end: type.elem.range.start.offset, newText: '<-chan ' };
  return [{ message: 'Use a receive-only channel', edits: [edit] }];
}

function nearMisses(fn: FuncDecl, slots: Slot[]): Diagnostic[] {
  const expected = slots.map((s) => `<-chan ${s.chan.elem.type.text}`);
  const data = {
    name: fn.name,
    actual: signatureOf(fn),
    expected: funcTypeOf(expected.slice(0, 1), expected.slice(1)),
  };
  return slots
    .filter((slot) => slot.chan.dir !== 'recv')
    .map((slot) =>
      makeDiagnostic(
        slot.chan.dir === 'both' ? 'streaming-bidirectional-chan' : 'streaming-send-only-chan',
        { file: fn.file, range: slot.param.type.range },
        { ...data, channel: slot.param.type.text },
        { fixes: fixOf(fn, slot) },
      ),
    );
}

/** The `streaming` kind (SPEC §3). */
export const streaming = defineKind({
  kind: 'streaming',
  summary: 'func(<-chan X) <-chan Y, optionally with <-chan error: newline-delimited JSON in and out',
  match(fn, scope): MatchResult | undefined {
    const slots = slotsOf(fn, scope);
    if (!slots) return undefined;
    if (slots.some((s) => s.chan.dir !== 'recv')) return { nearMisses: nearMisses(fn, slots) };
    const [input, output] = slots;
    return {
      match: {
        kind: 'streaming',
        returnsError: slots.length === 3,
        input: input!.chan.elem.type.text,
        output: output!.chan.elem.type.text,
      },
    };
  },
});
