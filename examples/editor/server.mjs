#!/usr/bin/env node
// A minimal Go-function language server over stdio, to show gofn-detect inside an editor: each
// package directory with an open .go document gets an incremental session holding its files
// (open buffers in place of the disk's), edits arrive as ranges and go to the session as they
// are, diagnostics are published with LSP ranges, and suggested fixes become quick fixes.
// No dependencies beyond gofn-detect; a real extension would use vscode-languageserver.
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGoParser, createSession, NoPackageError } from 'gofn-detect';
import { findModule } from 'gofn-detect/node';
import { codeActions, lspDiagnostics, toTextChange } from './lsp-map.mjs';

const parser = await createGoParser();
/** The URIs of the open documents; their texts live in their directory's session. */
const open = new Set();
/** Package directory to `{ session, names }`: its session and the names of the Go files it holds. */
const packages = new Map();

function send(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  process.stdout.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

function placeOf(uri) {
  const file = fileURLToPath(uri);
  return { dir: dirname(file), name: basename(file) };
}
const uriIn = (dir) => (name) => pathToFileURL(join(dir, name)).href;
const openNames = (dir) => [...open].map(placeOf).filter((place) => place.dir === dir).map((place) => place.name).sort();
const readDisk = (dir, name) => readFile(join(dir, name), 'utf8').catch(() => undefined);

/** The texts a session holds by name, as lsp-map.mjs takes them. */
const textsOf = ({ session, names }) => new Map([...names].sort().map((name) => [name, session.text(name)]));

/** Sets a file's whole text in the package's session. */
function setText(pkg, name, text) {
  pkg.session.setFile(name, text);
  pkg.names.add(name);
}

/** The directory's package, started on its first open document with the Go files on disk. */
async function packageOf(dir) {
  if (packages.has(dir)) return packages.get(dir);
  const { importPath } = await findModule(dir);
  const pkg = { session: createSession(parser, { dir: basename(dir), importPath }), names: new Set() };
  for (const name of (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.go'))) {
    const text = await readDisk(dir, name);
    if (text !== undefined) setText(pkg, name, text);
  }
  packages.set(dir, pkg);
  return pkg;
}

/** Puts the disk's text back in place of a closed buffer, and drops the session with the last one. */
async function closeDocument(uri) {
  open.delete(uri);
  const { dir, name } = placeOf(uri);
  const pkg = packages.get(dir);
  if (openNames(dir).length === 0) {
    pkg.session.dispose();
    packages.delete(dir);
    return;
  }
  const text = await readDisk(dir, name);
  if (text !== undefined) {
    setText(pkg, name, text);
  } else {
    pkg.session.removeFile(name);
    pkg.names.delete(name);
  }
}

function analyse(dir) {
  const pkg = packages.get(dir);
  if (!pkg) return;
  const names = openNames(dir);
  let byFile = new Map();
  try {
    byFile = lspDiagnostics(pkg.session.detect(), textsOf(pkg), names[0]);
  } catch (error) {
    // A directory whose files make no package (all excluded by build constraints) has nothing to say.
    if (!(error instanceof NoPackageError)) throw error;
  }
  for (const name of names) {
    send({ method: 'textDocument/publishDiagnostics', params: { uri: uriIn(dir)(name), diagnostics: byFile.get(name) ?? [] } });
  }
}

const handlers = {
  initialize: () => ({
    capabilities: { textDocumentSync: 2, codeActionProvider: { codeActionKinds: ['quickfix'] } },
    serverInfo: { name: 'gofn-detect-example' },
  }),
  shutdown: () => null,
  'textDocument/codeAction': ({ textDocument, context }) => {
    const { dir } = placeOf(textDocument.uri);
    const pkg = packages.get(dir);
    return pkg ? codeActions(context.diagnostics, textsOf(pkg), uriIn(dir)) : [];
  },
};

const notifications = {
  'textDocument/didOpen': async ({ textDocument }) => {
    const { dir, name } = placeOf(textDocument.uri);
    setText(await packageOf(dir), name, textDocument.text);
    open.add(textDocument.uri);
  },
  // textDocumentSync 2 is incremental: each change replaces a range of the text the changes
  // before it left, and one without a range carries the whole text.
  'textDocument/didChange': ({ textDocument, contentChanges }) => {
    const { dir, name } = placeOf(textDocument.uri);
    const { session } = packages.get(dir);
    for (const change of contentChanges) {
      if (change.range) session.editFile(name, [toTextChange(session.text(name), change)]);
      else session.setFile(name, change.text);
    }
  },
  'textDocument/didClose': async ({ textDocument }) => {
    await closeDocument(textDocument.uri);
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
  await notifications[message.method]?.(message.params);
  if (message.method?.startsWith('textDocument/did') && message.params?.textDocument?.uri) {
    analyse(placeOf(message.params.textDocument.uri).dir);
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
