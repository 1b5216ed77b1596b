/**
 * Hand-written detection results for codegen tests, shaped as `detect()` reports them. Positions
 * do not matter to codegen, so every function gets the same range.
 */
import type { ClassifiedFunction, DetectResult, DirectForm } from '../../src/schema.js';

const range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

type Guard = { text: string; imports: string[] } | null;

/** An `http` function. */
export function httpFn(name: string): ClassifiedFunction {
  const guard = { text: 'func(http.ResponseWriter, *http.Request)', imports: ['net/http'] };
  return { name, kind: 'http', returnsError: false, file: 'fn.go', range, guard };
}

/** An `openwhisk` function. */
export function openwhiskFn(name: string): ClassifiedFunction {
  const guard = { text: 'func(json.RawMessage) (interface{}, error)', imports: ['encoding/json'] };
  return { name, kind: 'openwhisk', returnsError: true, input: 'json.RawMessage', output: 'interface{}', file: 'fn.go', range, guard };
}

/** A `streaming` function from channels of `input` to channels of `output`. */
export function streamingFn(name: string, input: string, output: string, returnsError: boolean, guard: Guard): ClassifiedFunction {
  return { name, kind: 'streaming', returnsError, input, output, file: 'fn.go', range, guard };
}

/** A `direct` function of the given form; `input` and `output` only where the form has them. */
export function directFn(
  name: string,
  form: DirectForm,
  returnsError: boolean,
  types: { input?: string; output?: string },
  guard: Guard,
): ClassifiedFunction {
  return { name, kind: 'direct', form, returnsError, ...types, file: 'fn.go', range, guard };
}

/** A result for a package with an import path, selecting `selected`. */
export function packageResult(importPath: string, functions: ClassifiedFunction[], selected: string | null): DetectResult {
  const name = importPath.slice(importPath.lastIndexOf('/') + 1);
  return { dir: name, package: { name, importPath }, files: ['fn.go'], functions, selected, diagnostics: [] };
}

/** A result for a package main, served in place, that declares `declarations`. */
export function mainResult(functions: ClassifiedFunction[], selected: string, declarations: string[]): DetectResult {
  return {
    dir: 'action',
    package: { name: 'main', importPath: 'example.com/action', declarations },
    files: ['action.go'],
    functions,
    selected,
    diagnostics: [],
  };
}
