/**
 * The diagnostic codes: stable kebab-case names, each with a severity fixed here once (we are the
 * driver, so a call site never chooses it). `diagnosticInfo` is typed by the list, so a code
 * without an entry does not compile. docs/diagnostics/<code>.md explains each one.
 */

/** The diagnostic codes gofn-detect can report, in the order the README lists them. */
export const diagnosticCodes = [
  'syntax-error',
  'invalid-utf8',
  'nul-byte',
  'byte-order-mark',
  'crlf-line-endings',
  'unreadable-file',
  'build-constraint-invalid',
  'package-clause-mismatch',
  'http-request-not-pointer',
  'http-method',
  'streaming-bidirectional-chan',
  'streaming-send-only-chan',
  'candidate-generic',
  'candidate-variadic',
  'candidate-unexported',
  'context-parameter',
  'package-main',
  'no-candidates',
  'ambiguous-candidates',
  'target-not-found',
  'target-not-classified',
  'no-import-path',
] as const;

/** A DiagnosticCode names one kind of finding. */
export type DiagnosticCode = (typeof diagnosticCodes)[number];

/** A Severity says how much a finding matters: errors explain why nothing can be selected. */
export type Severity = 'error' | 'warning' | 'info';

/** DiagnosticInfo is what is fixed per code: its severity and a one-line title. */
export interface DiagnosticInfo {
  severity: Severity;
  title: string;
}

/** diagnosticInfo holds the severity and title of every code. */
export const diagnosticInfo: Record<DiagnosticCode, DiagnosticInfo> = {
  'syntax-error': { severity: 'error', title: 'the file has a syntax error' },
  'invalid-utf8': { severity: 'error', title: 'the file is not valid UTF-8' },
  'nul-byte': { severity: 'error', title: 'the file contains a NUL byte' },
  'byte-order-mark': { severity: 'info', title: 'the file starts with a byte order mark' },
  'crlf-line-endings': { severity: 'info', title: 'the file has CRLF line endings' },
  'unreadable-file': { severity: 'error', title: 'a Go file could not be read' },
  'build-constraint-invalid': { severity: 'error', title: 'a build constraint cannot be parsed' },
  'package-clause-mismatch': { severity: 'error', title: 'the files declare different packages' },
  'http-request-not-pointer': { severity: 'warning', title: 'an http handler takes http.Request by value' },
  'http-method': { severity: 'info', title: 'an http handler is a method, not a function' },
  'streaming-bidirectional-chan': { severity: 'warning', title: 'a streaming function uses a bidirectional channel' },
  'streaming-send-only-chan': { severity: 'warning', title: 'a streaming function uses a send-only channel' },
  'candidate-generic': { severity: 'warning', title: 'a candidate function is generic' },
  'candidate-variadic': { severity: 'warning', title: 'a candidate function is variadic' },
  'candidate-unexported': { severity: 'info', title: 'a function with a servable signature is not exported' },
  'context-parameter': { severity: 'warning', title: 'a function takes a context.Context the platform does not pass' },
  'package-main': { severity: 'warning', title: 'package main declares func main, so it is a program' },
  'no-candidates': { severity: 'error', title: 'no exported function has a servable signature' },
  'ambiguous-candidates': { severity: 'error', title: 'several functions could be served' },
  'target-not-found': { severity: 'error', title: 'the --target function does not exist' },
  'target-not-classified': { severity: 'error', title: 'the --target function cannot be served' },
  'no-import-path': { severity: 'warning', title: 'no go.mod module line gives the import path' },
};
