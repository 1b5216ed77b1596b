// Every code renders a message in go vet's voice, with its fixed severity, from its data.
import { describe, expect, test } from 'vitest';
import { diagnosticCodes, diagnosticInfo } from './diagnostic-codes.js';
import { makeDiagnostic, renderMessage } from './diagnostics.js';

const samples: Record<string, Record<string, unknown>> = {
  'syntax-error': { missing: ')' },
  'unreadable-file': { name: 'fn.go', reason: 'permission denied' },
  'build-constraint-invalid': { reason: 'unexpected &&' },
  'package-clause-mismatch': { actual: 'b', expected: 'a' },
  'http-request-not-pointer': { actual: 'H(w http.ResponseWriter, r http.Request)', expected: 'func(http.ResponseWriter, *http.Request)' },
  'http-method': { receiver: '(*S)', name: 'Index' },
  'streaming-bidirectional-chan': { actual: 'S(in chan int) <-chan int', expected: 'func(<-chan int) <-chan int' },
  'streaming-send-only-chan': { actual: 'S(in <-chan int) chan<- int', expected: 'func(<-chan int) <-chan int' },
  'candidate-generic': { name: 'F', kind: 'direct' },
  'candidate-variadic': { name: 'F', kind: 'direct' },
  'candidate-unexported': { name: 'handle', kind: 'http' },
  'context-parameter': { name: 'F', kind: 'direct' },
  'ambiguous-candidates': { candidates: ['A', 'B'] },
  'target-not-found': { target: 'X', candidates: ['A'] },
  'target-not-classified': { target: 'X' },
  'no-import-path': { dir: 'fn' },
};

describe.each(diagnosticCodes)('%s', (code) => {
  test.each([
    ['with data', samples[code] ?? {}],
    ['without data', {}],
  ])('renders a message %s', (_, data) => {
    const message = renderMessage(code, data);
    expect(message).not.toBe('');
    expect(message).not.toMatch(/[.\n]$/);
    expect(message.charAt(0)).toBe(message.charAt(0).toLowerCase());
  });
  test('takes its severity from the code', () => {
    expect(makeDiagnostic(code, {}).severity).toBe(diagnosticInfo[code].severity);
  });
});

test('the message puts the actual signature before the expected one', () => {
  const d = makeDiagnostic('http-request-not-pointer', { file: 'fn.go' }, samples['http-request-not-pointer']!);
  expect(d.message).toBe('func H(w http.ResponseWriter, r http.Request) should have signature func(http.ResponseWriter, *http.Request)');
  expect(d).toMatchObject({ code: 'http-request-not-pointer', severity: 'warning', file: 'fn.go', data: samples['http-request-not-pointer'] });
});

test('empty extras and data are left out', () => {
  expect(makeDiagnostic('no-candidates', {}, {}, { fixes: [], related: [] })).toEqual({
    code: 'no-candidates',
    severity: 'error',
    message: 'no exported function has a signature that can be served',
  });
});
