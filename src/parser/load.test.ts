// createGoParser takes the wasm as bytes, as a URL or compiled: a WebAssembly.Module is how the
// CLI hands its workers the wasm it compiled once.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { detect } from '../detect.js';
import { defaultGoWasmUrl } from '../wasm-url.js';
import { createGoParser } from './load.js';

const files = [{ name: 'fn.go', text: 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {}\n\nfunc Upper(s string) string { return s }\n' }];

test('a parser made from compiled modules detects as one made from the shipped files', async () => {
  const runtimeUrl = new URL('web-tree-sitter.wasm', import.meta.resolve('web-tree-sitter'));
  // The runtime is loaded once per thread: the compiled one comes first here, so it is the one used.
  const compiled = await createGoParser({
    runtimeWasm: await WebAssembly.compile(readFileSync(runtimeUrl)),
    goWasm: await WebAssembly.compile(readFileSync(defaultGoWasmUrl())),
  });
  const shipped = await createGoParser();
  try {
    const result = detect(compiled, files);
    expect(result.functions.map((f) => [f.name, f.kind])).toEqual([['Handle', 'http'], ['Upper', 'direct']]);
    expect(result).toEqual(detect(shipped, files));
  } finally {
    compiled.dispose();
    shipped.dispose();
  }
});
