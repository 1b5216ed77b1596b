// examples/editor/server.mjs driven as an editor would: open a document, read the published
// diagnostics (UTF-16 ranges on a line with non-ASCII text), ask for the quick fix, apply it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
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
  expect((await next((m) => m.id === 1)).result).toMatchObject({ capabilities: { textDocumentSync: 1 } });
  const uri = pathToFileURL(join(dir, 'fn.go')).href;
  const line = 'func Grüße(w http.ResponseWriter, r http.Request) { _ = "日本語" }';
  const text = `// Grüße 🎉\npackage fn\n\nimport "net/http"\n\n${line}\n`;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'go', version: 1, text } } });

  const published = await next((m) => m.method === 'textDocument/publishDiagnostics');
  const warning = published.params!.diagnostics.find((d) => d.code === 'http-request-not-pointer')!;
  const character = line.indexOf('http.Request');
  expect(warning.severity).toBe(2);
  expect(warning.range.start).toEqual({ line: 5, character });
  expect(warning.range.end).toEqual({ line: 5, character: character + 'http.Request'.length });

  send({ id: 2, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } } });
  const [action] = (await next((m) => m.id === 2)).result as { title: string; edit: { changes: Record<string, { range: LspDiagnostic['range']; newText: string }[]> } }[];
  const [edit] = action!.edit.changes[uri]!;
  const lines = text.split('\n');
  const target = lines[edit!.range.start.line]!;
  lines[edit!.range.start.line] = target.slice(0, edit!.range.start.character) + edit!.newText + target.slice(edit!.range.end.character);
  const fixed = lines.join('\n');
  expect(fixed).toContain('r *http.Request');

  send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] } });
  const after = await next((m) => m.method === 'textDocument/publishDiagnostics');
  expect(after.params!.diagnostics).toEqual([]);

  send({ id: 3, method: 'shutdown' });
  await next((m) => m.id === 3);
  send({ method: 'exit' });
});
