/**
 * Where the shipped grammar lives. This module sits at the root of src/ so that `../wasm/`
 * resolves to the package's wasm/ folder both from src/ (tests) and from dist/ (tsup puts it in
 * a chunk at dist/'s root); bundlers recognise the `new URL(…, import.meta.url)` pattern.
 */
export const defaultGoWasmUrl = (): URL => new URL('../wasm/tree-sitter-go.wasm', import.meta.url);
