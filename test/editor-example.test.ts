// examples/editor/server.mjs driven as an editor would: open a document, read the published
// diagnostics (UTF-16 ranges on a line with non-ASCII text), ask for the quick fix, apply it;
// then edit by ranges, as an editor with incremental sync does, and follow the diagnostics.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

const server = fileURLToPath(new URL('../examples/editor/server.mjs', import.meta.url));

interface Message {
  id?: number;
  method?: string;
  params?: { uri: string; diagnostics: LspDiagnostic[] };
  result?: unknown;
}

interface LspPosition {
  line: number;
  character: number;
}

interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

interface LspDiagnostic {
  range: LspRange;
  code: string;
  severity: number;
}

let dir = '';
let child: ChildProcessWithoutNullStreams;
const inbox: Message[] = [];
const waiting: Array<() => void> = [];

function send(message: object): void {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** The text after replacing `range` (on one line, as every change here is) with `newText`. */
function applyEdit(text: string, range: LspRange, newText: string): string {
  const lines = text.split('\n');
  const line = lines[range.start.line]!;
  lines[range.start.line] = line.slice(0, range.start.character) + newText + line.slice(range.end.character);
  return lines.join('\n');
}

/** Where `needle` starts in text, as an LSP position. */
function positionOf(text: string, needle: string): LspPosition {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) };
}

const published = (uri: string) => (m: Message) => m.method === 'textDocument/publishDiagnostics' && m.params!.uri === uri;

async function next(match: (m: Message) => boolean): Promise<Message> {
  for (;;) {
    const index = inbox.findIndex(match);
    if (index >= 0) return inbox.splice(index, 1)[0]!;
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gofn-editor-'));
  writeFileSync(join(dir, 'go.mod'), 'module example.com/grüße\n\ngo 1.19\n');
  child = spawn(process.execPath, [server], { cwd: dir });
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())![1]);
      if (buffer.length < end + 4 + length) break;
      inbox.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message);
      buffer = buffer.subarray(end + 4 + length);
      waiting.splice(0).forEach((wake) => wake());
    }
  });
});

afterAll(() => {
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('diagnostics arrive with UTF-16 ranges, and the quick fix applies', async () => {
  send({ id: 1, method: 'initialize', params: { capabilities: {} } });
  expect((await next((m) => m.id === 1)).result).toMatchObject({ capabilities: { textDocumentSync: 2 } });
  const uri = pathToFileURL(join(dir, 'fn.go')).href;
  const line = 'func Grüße(w http.ResponseWriter, r http.Request) { _ = "日本語" }';
  const text = `// Grüße 🎉\npackage fn\n\nimport "net/http"\n\n${line}\n`;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'go', version: 1, text } } });

  const opened = await next(published(uri));
  const warning = opened.params!.diagnostics.find((d) => d.code === 'http-request-not-pointer')!;
  const character = line.indexOf('http.Request');
  expect(warning.severity).toBe(2);
  expect(warning.range.start).toEqual({ line: 5, character });
  expect(warning.range.end).toEqual({ line: 5, character: character + 'http.Request'.length });

  send({ id: 2, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } } });
  const [action] = (await next((m) => m.id === 2)).result as { title: string; edit: { changes: Record<string, { range: LspRange; newText: string }[]> } }[];
  const [edit] = action!.edit.changes[uri]!;
  const fixed = applyEdit(text, edit!.range, edit!.newText);
  expect(fixed).toContain('r *http.Request');

  // A change without a range carries the whole text.
  send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] } });
  const after = await next(published(uri));
  expect(after.params!.diagnostics).toEqual([]);
});

test('ranged edits, in a body and in the signature, keep the diagnostics in step', async () => {
  mkdirSync(join(dir, 'edit'));
  const uri = pathToFileURL(join(dir, 'edit', 'fn.go')).href;
  let text = '// Grüße 🎉\npackage fn\n\nimport "net/http"\n\nfunc helper() {\n\t_ = "日本語"\n}\n\nfunc Grüße(w http.ResponseWriter, r http.Request) {}\n';
  let version = 1;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'go', version, text } } });
  const change = (changes: { range: LspRange; text: string }[]) => {
    for (const c of changes) text = applyEdit(text, c.range, c.text);
    send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: ++version }, contentChanges: changes } });
  };
  const warningRange = async () => {
    const { diagnostics } = (await next(published(uri))).params!;
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['http-request-not-pointer', 'no-candidates']);
    return diagnostics.find((d) => d.code === 'http-request-not-pointer')!.range;
  };
  expect((await warningRange()).start).toEqual(positionOf(text, 'http.Request)'));

  // Two changes inside helper's body after non-ASCII text, the second placed in the text the first
  // left: the body is not reparsed, and the warning moves down a line.
  const afterString = positionOf(text, '"日本語"');
  afterString.character += '"日本語"'.length;
  const umlaut = { line: afterString.line + 1, character: '\t_ = "'.length };
  change([
    { range: { start: afterString, end: afterString }, text: '\n\t_ = "ü🎉"' },
    { range: { start: umlaut, end: { line: umlaut.line, character: umlaut.character + 1 } }, text: 'Grüße' },
  ]);
  expect(text).toContain('\t_ = "日本語"\n\t_ = "Grüße🎉"\n}');
  const warning = await warningRange();
  const moved = positionOf(text, 'http.Request)');
  expect(warning).toEqual({ start: moved, end: { line: moved.line, character: moved.character + 'http.Request'.length } });

  // Typing `*` at the warning's start (the signature changes, so the file is reparsed) clears it.
  change([{ range: { start: warning.start, end: warning.start }, text: '*' }]);
  expect(text).toContain('r *http.Request)');
  expect((await next(published(uri))).params!.diagnostics).toEqual([]);

  // Closing the package's last document drops its session and clears the document's diagnostics.
  send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
  expect((await next(published(uri))).params!.diagnostics).toEqual([]);
});

test('the server shuts down on request', async () => {
  send({ id: 3, method: 'shutdown' });
  await next((m) => m.id === 3);
  send({ method: 'exit' });
});
