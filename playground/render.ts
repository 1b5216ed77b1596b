/**
 * Rendering one detection: the functions table, the diagnostics with their fixes, the generated
 * file and the raw JSON. Text goes in through textContent only, never as HTML.
 */
import { generate, type ClassifiedFunction, type DetectResult, type Diagnostic, type SuggestedFix } from '../src/index.js';

/** Actions are what the diagnostics list can ask the page to do. */
export interface Actions {
  applyFix(fix: SuggestedFix): void;
  reveal(diagnostic: Diagnostic): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.textContent = text;
  if (className) made.className = className;
  return made;
}

function kindOf(fn: ClassifiedFunction): string {
  if (fn.kind !== 'direct') return fn.kind;
  return `direct (${fn.form}${fn.returnsError ? ', error' : ''})`;
}

function signatureOf(fn: ClassifiedFunction): string {
  if (fn.guard) return fn.guard.text;
  const input = 'input' in fn && fn.input !== undefined ? fn.input : '';
  const output = 'output' in fn && fn.output !== undefined ? fn.output : '';
  return `${input || '·'} → ${output || '·'}`;
}

/** renderFunctions fills the table body with one row per classified function, the selected one marked. */
export function renderFunctions(tbody: HTMLElement, result: DetectResult): void {
  const rows = result.functions.map((fn) => {
    const row = element('tr', '', fn.name === result.selected ? 'selected' : '');
    const code = element('code', signatureOf(fn));
    const signature = element('td');
    signature.append(code);
    row.append(
      element('td', fn.name === result.selected ? '★' : ''),
      element('td', fn.name),
      element('td', kindOf(fn)),
      signature,
      element('td', String(fn.range.start.line)),
    );
    return row;
  });
  if (rows.length === 0) rows.push(element('tr', 'no function matches a kind', 'empty-note'));
  tbody.replaceChildren(...rows);
}

function diagnosticItem(diagnostic: Diagnostic, actions: Actions): HTMLElement {
  const item = element('li', '', diagnostic.severity);
  const start = diagnostic.range?.start;
  const where = diagnostic.file ? `${diagnostic.file}${start ? `:${start.line}:${start.column}` : ''}` : 'package';
  item.append(element('span', where, 'where'), element('span', diagnostic.code, 'code'), element('span', diagnostic.message));
  for (const fix of diagnostic.fixes ?? []) {
    const button = element('button', `Fix: ${fix.message}`);
    button.type = 'button';
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      actions.applyFix(fix);
    });
    item.append(element('br'), button);
  }
  item.addEventListener('click', () => actions.reveal(diagnostic));
  return item;
}

/** renderDiagnostics lists the diagnostics with their places and one button per suggested fix. */
export function renderDiagnostics(list: HTMLElement, result: DetectResult, actions: Actions): void {
  const items = result.diagnostics.map((d) => diagnosticItem(d, actions));
  if (items.length === 0) items.push(element('li', 'none', 'empty-note'));
  list.replaceChildren(...items);
}

/** renderGenerated shows the generated file, or why there is none (no selection, no import path). */
export function renderGenerated(pre: HTMLElement, heading: HTMLElement, result: DetectResult): void {
  try {
    const file = generate(result);
    heading.textContent = file.fileName;
    pre.textContent = file.text;
    pre.classList.remove('empty-note');
  } catch (error) {
    heading.textContent = 'main.go';
    pre.textContent = `nothing generated: ${error instanceof Error ? error.message : String(error)}`;
    pre.classList.add('empty-note');
  }
}
