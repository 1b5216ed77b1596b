// From gofn-detect's result to LSP shapes. gofn-detect counts columns and offsets in UTF-8
// bytes (as go/token does); LSP counts UTF-16 code units. Every range below goes through the
// converters gofn-detect exports, over the same text detect was given.
import { fromLspPosition, toLspRange, toLspTextEdit, utf16Offset } from 'gofn-detect';

/** LSP's DiagnosticSeverity numbers. */
const severities = { error: 1, warning: 2, info: 3 };

const atStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * lspDiagnostics maps a DetectResult to LSP diagnostics per file name. `texts` maps file names
 * (relative to the package directory, as in the result) to the text detect was given. Findings
 * about the whole package (no file) go to the start of `packageFile`.
 */
export function lspDiagnostics(result, texts, packageFile) {
  const byFile = new Map([...texts.keys()].map((name) => [name, []]));
  for (const diagnostic of result.diagnostics) {
    const file = diagnostic.file ?? packageFile;
    const text = texts.get(file);
    if (text === undefined) continue;
    byFile.get(file).push({
      range: diagnostic.file && diagnostic.range ? toLspRange(text, diagnostic.range) : atStart,
      severity: severities[diagnostic.severity],
      code: diagnostic.code,
      source: 'gofn-detect',
      message: diagnostic.message,
      // The fixes ride along, so a code action request can answer without detecting again.
      data: { fixes: diagnostic.fixes ?? [] },
    });
  }
  return byFile;
}

/**
 * codeActions turns the fixes carried by LSP diagnostics into quick fixes. `texts` maps file
 * names to texts and `uriOf` a file name to its document URI (a fix may edit another file).
 */
export function codeActions(diagnostics, texts, uriOf) {
  return diagnostics.flatMap((diagnostic) =>
    (diagnostic.data?.fixes ?? []).map((fix) => {
      const changes = {};
      for (const edit of fix.edits) {
        const text = texts.get(edit.file);
        if (text === undefined) continue;
        (changes[uriOf(edit.file)] ??= []).push(toLspTextEdit(text, edit));
      }
      return { title: fix.message, kind: 'quickfix', diagnostics: [diagnostic], edit: { changes } };
    }),
  );
}

/**
 * toTextChange turns an LSP content change with a range into a session's TextChange: LSP gives
 * lines and UTF-16 characters, the session UTF-16 offsets. `text` is the file's text before the
 * change.
 */
export function toTextChange(text, { range, text: newText }) {
  const offsetOf = (position) => utf16Offset(text, fromLspPosition(text, position).offset);
  return { start: offsetOf(range.start), end: offsetOf(range.end), text: newText };
}
