/**
 * The wasm compiled once for every thread of a CLI run, started before detection's code loads:
 * a `WebAssembly.Module` posted to a worker is instantiated there without compiling again, so a
 * worker starts detecting sooner and the process compiles the grammar once.
 */
import { readFile } from 'node:fs/promises';
import { defaultGoWasmUrl } from '../wasm-url.js';

/** The runtime and the grammar, compiled, as createGoParser takes them. */
export interface CompiledWasm {
  runtimeWasm: WebAssembly.Module;
  goWasm: WebAssembly.Module;
}

/** compileWasm compiles the web-tree-sitter runtime and the shipped grammar. */
export async function compileWasm(): Promise<CompiledWasm> {
  const runtimeUrl = new URL('web-tree-sitter.wasm', import.meta.resolve('web-tree-sitter'));
  const [runtimeWasm, goWasm] = await Promise.all(
    [runtimeUrl, defaultGoWasmUrl()].map(async (url) => WebAssembly.compile(await readFile(url))),
  );
  return { runtimeWasm: runtimeWasm!, goWasm: goWasm! };
}
