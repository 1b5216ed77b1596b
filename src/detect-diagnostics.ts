/**
 * Turns what the parser room found wrong with a file (its bytes, its syntax) into diagnostics.
 */
import type { SourceProblem, SyntaxProblem } from './parser/index.js';
import { makeDiagnostic } from './diagnostics.js';
import type { Diagnostic } from './schema.js';

/** A damaged file can hold thousands of ERROR nodes; a person needs the first few of each file. */
const maxSyntaxErrorsPerFile = 10;

/** sourceDiagnostics reports a file's encoding problems (invalid UTF-8, NUL, BOM, CRLF). */
export function sourceDiagnostics(file: string, problems: SourceProblem[]): Diagnostic[] {
  return problems.map((problem) => makeDiagnostic(problem.code, { file, range: problem.range }));
}

/** syntaxDiagnostics reports tree-sitter's ERROR and MISSING nodes, at most ten per file. */
export function syntaxDiagnostics(problems: SyntaxProblem[]): Diagnostic[] {
  const perFile = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  for (const problem of problems) {
    const seen = perFile.get(problem.file) ?? 0;
    perFile.set(problem.file, seen + 1);
    if (seen >= maxSyntaxErrorsPerFile) continue;
    const data = problem.missing === null ? {} : { missing: problem.missing };
    diagnostics.push(makeDiagnostic('syntax-error', { file: problem.file, range: problem.range }, data));
  }
  return diagnostics;
}
