/**
 * The editor's underlines: a <pre> behind the transparent textarea holds the same text with
 * <mark>s where diagnostics point. Diagnostics count UTF-8 bytes and the textarea counts UTF-16
 * units, so every offset goes through utf16Offset.
 */
import { utf16Offset, type Diagnostic, type TextEdit } from '../src/index.js';

/** A Mark is a diagnostic's place in the textarea's text, in UTF-16 units. */
export interface Mark {
  start: number;
  end: number;
  severity: Diagnostic['severity'];
  message: string;
}

const rank = { error: 0, warning: 1, info: 2 } as const;

/** marksOf places the diagnostics of `file` in text; the worst severity goes first where they overlap. */
export function marksOf(text: string, diagnostics: Diagnostic[], file: string): Mark[] {
  return diagnostics
    .filter((d) => d.file === file && d.range)
    .map((d) => ({
      start: utf16Offset(text, d.range!.start.offset),
      end: utf16Offset(text, d.range!.end.offset),
      severity: d.severity,
      message: d.message,
    }))
    .sort((a, b) => a.start - b.start || rank[a.severity] - rank[b.severity]);
}

function mark(text: string, m: Mark, empty: boolean): HTMLElement {
  const element = document.createElement('mark');
  element.className = empty ? `${m.severity} empty` : m.severity;
  element.title = m.message;
  element.textContent = text;
  return element;
}

/**
 * paintBackdrop writes text into pre with its marks. Overlaps are clipped to what is not yet
 * painted; an empty range (a missing token) gets a thin mark so it still shows.
 */
export function paintBackdrop(pre: HTMLElement, text: string, marks: Mark[]): void {
  const parts: Node[] = [];
  let cursor = 0;
  for (const m of marks) {
    if (m.start < cursor) continue;
    parts.push(document.createTextNode(text.slice(cursor, m.start)));
    const empty = m.end <= m.start || text.slice(m.start, m.end) === '\n';
    parts.push(mark(empty ? '' : text.slice(m.start, m.end), m, empty));
    cursor = empty ? m.start : m.end;
  }
  // The trailing space keeps a final empty line as tall as the textarea's.
  parts.push(document.createTextNode(`${text.slice(cursor)} `));
  pre.replaceChildren(...parts);
}

/** applyEdits applies a fix's edits (UTF-8 byte offsets into text) and returns the new text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  return ordered.reduce(
    (out, edit) => out.slice(0, utf16Offset(out, edit.start)) + edit.newText + out.slice(utf16Offset(out, edit.end)),
    text,
  );
}
