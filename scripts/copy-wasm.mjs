// Copies the tree-sitter-go grammar wasm from the pinned dev dependency into wasm/ and writes
// wasm/manifest.json (version and sha256), which a test re-checks. Run with `npm run wasm`.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pkgJson = require.resolve('tree-sitter-go/package.json');
const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
const source = join(dirname(pkgJson), 'tree-sitter-go.wasm');
const target = new URL('../wasm/tree-sitter-go.wasm', import.meta.url);
copyFileSync(source, target);
const sha256 = createHash('sha256').update(readFileSync(target)).digest('hex');
const manifest = { name: 'tree-sitter-go', version, file: 'tree-sitter-go.wasm', sha256 };
writeFileSync(new URL('../wasm/manifest.json', import.meta.url), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wasm/tree-sitter-go.wasm from tree-sitter-go ${version} (sha256 ${sha256})`);
