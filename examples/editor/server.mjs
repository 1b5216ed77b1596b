#!/usr/bin/env node
// A minimal Go-function language server over stdio, to show gofn-detect inside an editor: open
// .go documents are analysed with the other files of their directory (open buffers win over the
// disk), diagnostics are published with LSP ranges, and suggested fixes become quick fixes.
// No dependencies beyond gofn-detect; a real extension would use vscode-languageserver.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGoParser, detect, NoPackageError } from 'gofn-detect';
import { findModule } from 'gofn-detect/node';
import { codeActions, lspDiagnostics } from './lsp-map.mjs';

const parser = await createGoParser();
/** The editor's buffers: document URI to its current text. */
const open = new Map();

function send(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

const fileOf = (uri) => fileURLToPath(uri);
const uriIn = (dir) => (name) => pathToFileURL(join(dir, name)).href;

/** The package's Go files by name: the disk's, with unsaved editor buffers in their place. */
async function packageTexts(dir) {
  const texts = new Map();
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.go'));
  for (const name of names.sort()) texts.set(name, await readFile(join(dir, name), 'utf8').catch(() => ''));
  for (const [uri, text] of open) if (dirname(fileOf(uri)) === dir) texts.set(basename(fileOf(uri)), text);
  return texts;
}

async function analyse(dir) {
  const texts = await packageTexts(dir);
  const openNames = [...open.keys()].filter((uri) => dirname(fileOf(uri)) === dir).map((uri) => basename(fileOf(uri)));
  let byFile = new Map();
  try {
    const { importPath } = await findModule(dir);
    const files = [...texts].map(([name, text]) => ({ name, text }));
    const result = detect(parser, files, { dir: basename(dir), importPath });
    byFile = lspDiagnostics(result, texts, openNames.sort()[0]);
  } catch (error) {
    // A directory whose files make no package (all excluded by build constraints) has nothing to say.
    if (!(error instanceof NoPackageError)) throw error;
  }
  for (const name of openNames) {
    send({ method: 'textDocument/publishDiagnostics', params: { uri: uriIn(dir)(name), diagnostics: byFile.get(name) ?? [] } });
  }
}

const handlers = {
  initialize: () => ({
    capabilities: { textDocumentSync: 1, codeActionProvider: { codeActionKinds: ['quickfix'] } },
    serverInfo: { name: 'gofn-detect-example' },
  }),
  shutdown: () => null,
  'textDocument/codeAction': async ({ textDocument, context }) => {
    const dir = dirname(fileOf(textDocument.uri));
    return codeActions(context.diagnostics, await packageTexts(dir), uriIn(dir));
  },
};

const notifications = {
  'textDocument/didOpen': ({ textDocument }) => open.set(textDocument.uri, textDocument.text),
  // textDocumentSync 1 is full sync: every change carries the whole text.
  'textDocument/didChange': ({ textDocument, contentChanges }) => open.set(textDocument.uri, contentChanges.at(-1).text),
  'textDocument/didClose': ({ textDocument }) => {
    open.delete(textDocument.uri);
    send({ method: 'textDocument/publishDiagnostics', params: { uri: textDocument.uri, diagnostics: [] } });
  },
  exit: () => process.exit(0),
};

// Messages are handled one at a time, so diagnostics are published in the order edits came.
let queue = Promise.resolve();

async function handle(message) {
  if (message.id !== undefined && message.method) {
    const handler = handlers[message.method];
    if (!handler) return send({ id: message.id, error: { code: -32601, message: `${message.method} is not supported` } });
    return send({ id: message.id, result: await handler(message.params) });
  }
  notifications[message.method]?.(message.params);
  if (message.method?.startsWith('textDocument/did') && message.params?.textDocument?.uri) {
    await analyse(dirname(fileOf(message.params.textDocument.uri)));
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.subarray(headerEnd + 4 + length);
    queue = queue.then(() => handle(message)).catch((error) => process.stderr.write(`gofn-detect-example: ${error.stack ?? error}\n`));
  }
});
