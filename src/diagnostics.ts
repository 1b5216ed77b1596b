/**
 * makeDiagnostic builds every Diagnostic: the severity comes from the code (never the call site)
 * and the message is rendered here, from the code and its data, in go vet's voice (lower case,
 * no final period, actual then expected). Editors read `data`, never the message.
 */
import { diagnosticInfo, type DiagnosticCode } from './diagnostic-codes.js';
import type { Diagnostic, Range, RelatedInformation, SuggestedFix } from './schema.js';

/** A DiagnosticPlace is where a finding is: a file and a range, or neither for the whole package. */
export interface DiagnosticPlace {
  file?: string;
  range?: Range;
}

/** DiagnosticExtras are the optional fixes (alternatives) and related places of a finding. */
export interface DiagnosticExtras {
  fixes?: SuggestedFix[];
  related?: RelatedInformation[];
}

type Data = Record<string, unknown>;
type Render = (data: Data) => string | undefined;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function names(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** Renders `func F(…) should have signature func(…)` when both sides are known. */
function shouldHaveSignature(data: Data): string | undefined {
  const actual = str(data.actual);
  const expected = str(data.expected);
  return actual && expected ? `func ${actual} should have signature ${expected}` : undefined;
}

/** The kind with its article: "an http function", "a direct function". */
function aKind(kind: string): string {
  return `${/^[aeiou]|^http/.test(kind) ? 'an' : 'a'} ${kind} function`;
}

/** Renders `func F is <what>, so it cannot be served as a <kind> function`. */
function cannotServe(what: string): Render {
  return (data) => {
    const name = str(data.name);
    const kind = str(data.kind);
    return name && kind ? `func ${name} is ${what}, so it cannot be served as ${aKind(kind)}` : undefined;
  };
}

function listed(candidates: string[]): string {
  return candidates.join(', ');
}

/**
 * One renderer per code. Each returns undefined when the data it needs is missing, and the
 * code's title is used instead, so a call site with little data still gets a sentence.
 */
const renderers: Record<DiagnosticCode, Render> = {
  'syntax-error': (d) => (str(d.missing) ? `syntax error: missing ${str(d.missing)}` : 'syntax error'),
  'invalid-utf8': () => 'invalid UTF-8 encoding',
  'nul-byte': () => 'invalid NUL character',
  'byte-order-mark': () => 'byte order mark at the start of the file is skipped, as go does',
  'crlf-line-endings': () => 'file has CRLF line endings; gofmt writes LF',
  'unreadable-file': (d) => (str(d.name) ? `cannot read ${str(d.name)}${str(d.reason) ? `: ${str(d.reason)}` : ''}` : undefined),
  'build-constraint-invalid': (d) => (str(d.reason) ? `invalid build constraint: ${str(d.reason)}` : undefined),
  'package-clause-mismatch': (d) =>
    str(d.actual) && str(d.expected) ? `found package ${str(d.actual)}, expected package ${str(d.expected)}` : undefined,
  'http-request-not-pointer': shouldHaveSignature,
  'http-method': (d) =>
    str(d.receiver) && str(d.name)
      ? `method ${str(d.receiver)}.${str(d.name)} has an http handler's signature, but only package-level functions are served`
      : undefined,
  'streaming-bidirectional-chan': shouldHaveSignature,
  'streaming-send-only-chan': shouldHaveSignature,
  'candidate-generic': cannotServe('generic'),
  'candidate-variadic': cannotServe('variadic'),
  'candidate-unexported': cannotServe('not exported'),
  'context-parameter': (d) =>
    str(d.name) && str(d.kind)
      ? `func ${str(d.name)} takes a context.Context that no platform passes; without it, it would be ${aKind(str(d.kind)!)}`
      : undefined,
  'package-main': () => 'package main declares func main, so it is a program and no function is selected',
  'no-candidates': () => 'no exported function has a signature that can be served',
  'ambiguous-candidates': (d) => {
    const candidates = names(d.candidates);
    return candidates
      ? `${candidates.length} functions could be served (${listed(candidates)}); choose one with --target NAME`
      : undefined;
  },
  'target-not-found': (d) => {
    const target = str(d.target);
    if (!target) return undefined;
    const candidates = names(d.candidates) ?? [];
    return `no function ${target} in the package${candidates.length ? `; candidates: ${listed(candidates)}` : ''}`;
  },
  'target-not-classified': (d) =>
    str(d.target) ? `function ${str(d.target)} cannot be served: its signature matches no kind` : undefined,
  'no-import-path': (d) =>
    str(d.dir) ? `no import path for ${str(d.dir)}: ${str(d.problem) ?? 'no module line in go.mod'}` : undefined,
};

/** renderMessage renders the message of a code from its data (the code's title when data is missing). */
export function renderMessage(code: DiagnosticCode, data: Data = {}): string {
  return renderers[code](data) ?? diagnosticInfo[code].title;
}

/** makeDiagnostic builds a Diagnostic with the code's fixed severity and its rendered message. */
export function makeDiagnostic(
  code: DiagnosticCode,
  place: DiagnosticPlace,
  data: Data = {},
  extras: DiagnosticExtras = {},
): Diagnostic {
  return {
    code,
    severity: diagnosticInfo[code].severity,
    message: renderMessage(code, data),
    ...(place.file === undefined ? {} : { file: place.file }),
    ...(place.range === undefined ? {} : { range: place.range }),
    ...(extras.fixes?.length ? { fixes: extras.fixes } : {}),
    ...(extras.related?.length ? { related: extras.related } : {}),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** compareDiagnostics orders diagnostics: package-wide findings first, then by file, offset and code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  const offsets = (a.range?.start.offset ?? -1) - (b.range?.start.offset ?? -1);
  return offsets !== 0 ? offsets : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
