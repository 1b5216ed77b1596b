/**
 * Selection (SPEC §4): the one function a buildpack should wrap, or null with a diagnostic that
 * says why and how to choose.
 */
import type { GoPackage, Range } from '../parser/model.js';
import type { ClassifiedFunction, Diagnostic, RelatedInformation } from '../schema.js';
import { makeDiagnostic } from '../diagnostics.js';
import { isProgram, preferredNames } from './names.js';

/** SelectOptions carry `--target`. */
export interface SelectOptions {
  target?: string;
}

/** A Selection is the selected function's name, or null, with the diagnostics that explain a null. */
export interface Selection {
  selected: string | null;
  diagnostics: Diagnostic[];
}

function related(candidates: readonly ClassifiedFunction[]): RelatedInformation[] {
  return candidates.map((fn) => ({ file: fn.file, range: fn.range, message: `candidate ${fn.name} (${fn.kind})` }));
}

function none(diagnostic: Diagnostic): Selection {
  return { selected: null, diagnostics: [diagnostic] };
}

function byTarget(pkg: GoPackage, functions: readonly ClassifiedFunction[], target: string): Selection {
  if (functions.some((fn) => fn.name === target)) return { selected: target, diagnostics: [] };
  const candidates = functions.map((fn) => fn.name);
  const place = placeOf(pkg, target);
  if (!place) return none(makeDiagnostic('target-not-found', {}, { target, candidates }));
  return none(makeDiagnostic('target-not-classified', place, { target, candidates }));
}

/** Where the package declares a function (not a method) named `name`, parsed or left out. */
function placeOf(pkg: GoPackage, name: string): { file: string; range: Range } | undefined {
  const parsed = pkg.funcs.find((fn) => fn.name === name && fn.receiver === null);
  if (parsed) return { file: parsed.file, range: parsed.nameRange };
  const leftOut = pkg.leftOutFuncs.find((fn) => fn.name === name);
  return leftOut && { file: leftOut.file, range: leftOut.nameRange() };
}

function ambiguous(candidates: readonly ClassifiedFunction[]): Selection {
  const data = { candidates: candidates.map((fn) => fn.name) };
  return none(makeDiagnostic('ambiguous-candidates', {}, data, { related: related(candidates) }));
}

/** selectFunction picks the function to serve (SPEC §4) from the classified functions. */
export function selectFunction(
  pkg: GoPackage,
  functions: readonly ClassifiedFunction[],
  options: SelectOptions = {},
): Selection {
  const main = isProgram(pkg) ? pkg.funcs.find((fn) => fn.name === 'main' && !fn.receiver) : undefined;
  if (main) {
    const data = { candidates: functions.map((fn) => fn.name) };
    return none(makeDiagnostic('package-main', { file: main.file, range: main.nameRange }, data));
  }
  if (options.target !== undefined) return byTarget(pkg, functions, options.target);
  const specific = functions.filter((fn) => fn.kind !== 'direct');
  if (specific.length === 1) return { selected: specific[0]!.name, diagnostics: [] };
  if (specific.length > 1) return ambiguous(specific);
  if (functions.length === 1) return { selected: functions[0]!.name, diagnostics: [] };
  if (functions.length === 0) return none(makeDiagnostic('no-candidates', {}));
  const preferred = functions.filter((fn) => preferredNames.has(fn.name));
  if (preferred.length === 1) return { selected: preferred[0]!.name, diagnostics: [] };
  return ambiguous(preferred.length > 1 ? preferred : functions);
}
