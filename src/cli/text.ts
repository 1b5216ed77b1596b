/**
 * `--format text`: a summary a person reads in a terminal. The JSON stays the contract; this is
 * only a view of it, so it carries no field the JSON lacks.
 */
import type { ClassifiedFunction, DetectResult, Diagnostic } from '../schema.js';
import type { Output } from './exit.js';

/** Joins dir and a file relative to it so the place is clickable from the working directory. */
function placeOf(dir: string, file: string | undefined): string {
  if (file === undefined) return dir;
  return dir === '.' ? file : `${dir}/${file}`;
}

/** formatDiagnostic renders a diagnostic as compilers do: `file:line:col: severity: message [code]`. */
export function formatDiagnostic(dir: string, d: Diagnostic): string {
  const place = placeOf(dir, d.file);
  const at = d.range ? `${place}:${d.range.start.line}:${d.range.start.column}` : place;
  return `${at}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** Describes a function's shape: kind, form, and what goes in and out. */
function shapeOf(fn: ClassifiedFunction): string {
  const parts: string[] = [fn.kind === 'direct' ? `direct ${fn.form}` : fn.kind];
  if ('input' in fn && fn.input !== undefined) parts.push(`in ${fn.input}`);
  if ('output' in fn && fn.output !== undefined) parts.push(`out ${fn.output}`);
  if (fn.returnsError && fn.kind !== 'openwhisk') parts.push('returns error');
  return parts.join(', ');
}

function formatResult(result: DetectResult): string[] {
  const importPath = result.package.importPath ?? 'no import path';
  const lines = [`${result.dir}: package ${result.package.name} (${importPath})`];
  if (result.functions.length === 0) lines.push('  no servable functions');
  for (const fn of result.functions) {
    const mark = fn.name === result.selected ? '*' : ' ';
    const at = `${placeOf(result.dir, fn.file)}:${fn.range.start.line}:${fn.range.start.column}`;
    lines.push(`${mark} ${fn.name}: ${shapeOf(fn)} (${at})`);
  }
  lines.push(`  selected: ${result.selected ?? 'none'}`);
  for (const d of result.diagnostics) lines.push(formatDiagnostic(result.dir, d));
  return lines;
}

/** formatText renders the CLI's output as the human summary of `--format text`, one block per package. */
export function formatText(output: Output): string {
  const entries = Array.isArray(output) ? output : [output];
  if (entries.length === 0) return 'no packages matched\n';
  // A DirError's message already names its directory ("no Go files in x", "x: permission denied").
  const blocks = entries.map((entry) => ('package' in entry ? formatResult(entry).join('\n') : entry.error));
  return blocks.join('\n\n') + '\n';
}
