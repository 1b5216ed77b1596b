// `npm run playground`: bundles playground/ for the browser and serves it on 127.0.0.1.
// The browser test imports buildPage and servePage from here, so the page it checks is built the
// way a person gets it.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** The two wasm modules a page loads next to its script: the runtime and the grammar. */
function wasmFiles() {
  const runtime = join(dirname(require.resolve('web-tree-sitter')), 'web-tree-sitter.wasm');
  return [runtime, join(root, 'wasm/tree-sitter-go.wasm')];
}

/**
 * buildPage bundles `srcDir/main.ts` into `outDir/main.js` (ESM for browsers) and copies the
 * directory's .html and .css files and the two wasm modules beside it. It resolves to the bundle's
 * size in bytes.
 */
export async function buildPage(srcDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(srcDir, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    metafile: true,
    // Nothing Node-only to configure: web-tree-sitter's package.json maps fs and module to empty
    // modules for browsers, and its other require() calls go through a local createRequire in a
    // branch that only Node takes. The browser test checks that no static node import slips in.
    logLevel: 'warning',
  });
  for (const name of readdirSync(srcDir).filter((file) => /\.(html|css)$/.test(file))) {
    copyFileSync(join(srcDir, name), join(outDir, name));
  }
  for (const file of wasmFiles()) copyFileSync(file, join(outDir, file.split(sep).pop()));
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * servePage serves the files of dir over HTTP on 127.0.0.1 (`/` is index.html) and resolves to
 * its base URL and a close function. Port 0 picks a free port.
 */
export function servePage(dir, port = 0) {
  const base = resolve(dir);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base + sep)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      done({ url: `http://127.0.0.1:${bound}/`, close: () => new Promise((closed) => server.close(() => closed())) });
    });
  });
}

async function main() {
  const port = Number(process.env.PORT ?? 8787);
  const outDir = join(tmpdir(), 'gofn-detect-playground');
  const bytes = await buildPage(join(root, 'playground'), outDir);
  const { url } = await servePage(outDir, port);
  console.log(`playground (${Math.round(bytes / 1024)} KiB of script) at ${url}; Ctrl-C stops it`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`playground: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
}
