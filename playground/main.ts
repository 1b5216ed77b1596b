/**
 * The playground: Go source in, classified functions, underlined diagnostics with their fixes
 * and the generated main.go out, updated as you type. Everything runs in the page: the grammar
 * and the web-tree-sitter runtime are fetched once from beside this script.
 */
import { createGoParser, detect, type DetectResult, type Diagnostic, type GoParser, type SuggestedFix } from '../src/index.js';
import { applyEdits, marksOf, paintBackdrop } from './editor.js';
import { exampleSource } from './example.js';
import { renderDiagnostics, renderFunctions, renderGenerated } from './render.js';

const fileName = 'fn.go';
/** Typing faster than this coalesces into one detection. */
const debounceMs = 40;

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

const ui = {
  source: byId<HTMLTextAreaElement>('source'),
  backdrop: byId<HTMLPreElement>('backdrop'),
  module: byId<HTMLInputElement>('module'),
  target: byId<HTMLInputElement>('target'),
  status: byId<HTMLElement>('status'),
  functions: byId<HTMLElement>('functions'),
  diagnostics: byId<HTMLElement>('diagnostics'),
  generated: byId<HTMLPreElement>('generated'),
  generatedName: byId<HTMLElement>('generated-name'),
  json: byId<HTMLPreElement>('json'),
};

function detectNow(parser: GoParser): DetectResult {
  const target = ui.target.value.trim();
  const importPath = ui.module.value.trim() || null;
  return detect(parser, [{ name: fileName, text: ui.source.value }], { dir: 'fn', importPath, ...(target ? { target } : {}) });
}

/** Selects a diagnostic's range in the textarea, so the underline under the caret is the one read about. */
function reveal(diagnostic: Diagnostic): void {
  const mark = marksOf(ui.source.value, [diagnostic], fileName)[0];
  if (!mark) return;
  ui.source.focus();
  ui.source.setSelectionRange(mark.start, mark.end);
}

function render(parser: GoParser): void {
  const started = performance.now();
  const result = detectNow(parser);
  const took = performance.now() - started;
  const text = ui.source.value;
  paintBackdrop(ui.backdrop, text, marksOf(text, result.diagnostics, fileName));
  renderFunctions(ui.functions, result);
  renderDiagnostics(ui.diagnostics, result, { applyFix: (fix) => applyFix(parser, fix), reveal });
  renderGenerated(ui.generated, ui.generatedName, result);
  ui.json.textContent = JSON.stringify(result, null, 2);
  const selected = result.selected ? `${result.selected} selected` : 'nothing selected';
  ui.status.textContent = `${result.functions.length} classified, ${selected} · detected in ${took.toFixed(1)} ms`;
  document.body.dataset.firstRender ??= performance.now().toFixed(1);
}

function applyFix(parser: GoParser, fix: SuggestedFix): void {
  ui.source.value = applyEdits(ui.source.value, fix.edits.filter((edit) => edit.file === fileName));
  render(parser);
}

function wire(parser: GoParser): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    clearTimeout(pending);
    pending = setTimeout(() => render(parser), debounceMs);
  };
  for (const input of [ui.source, ui.module, ui.target]) input.addEventListener('input', schedule);
  ui.source.addEventListener('scroll', () => {
    ui.backdrop.scrollTop = ui.source.scrollTop;
    ui.backdrop.scrollLeft = ui.source.scrollLeft;
  });
}

async function start(): Promise<void> {
  ui.source.value = exampleSource;
  // index.html preloads both modules, so they download while this script does.
  const parser = await createGoParser({
    runtimeWasm: new URL('./web-tree-sitter.wasm', import.meta.url),
    goWasm: new URL('./tree-sitter-go.wasm', import.meta.url),
  });
  performance.mark('gofn:parser-ready');
  wire(parser);
  render(parser);
}

start().catch((error: unknown) => {
  ui.status.textContent = `could not start: ${error instanceof Error ? error.message : String(error)}`;
});
