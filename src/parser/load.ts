/**
 * The one async door: loads the web-tree-sitter runtime and the tree-sitter-go grammar once.
 * After `createGoParser` resolves, everything is synchronous.
 */
import { Language, Parser, type ParseOptions, type Range, type Tree } from 'web-tree-sitter';
import { defaultGoWasmUrl } from '../wasm-url.js';

/**
 * WasmSource is a wasm module handed in as bytes, as a URL to load it from, or compiled: a
 * `WebAssembly.Module` is instantiated without compiling again, so threads (workers) that are
 * handed one share its code.
 */
export type WasmSource = Uint8Array | URL | WebAssembly.Module;

/** GoParserOptions say where the wasm comes from; the defaults are the files shipped with the package. */
export interface GoParserOptions {
  /** The web-tree-sitter runtime (`web-tree-sitter.wasm`). */
  runtimeWasm?: WasmSource;
  /** The tree-sitter-go grammar (`wasm/tree-sitter-go.wasm` of this package). */
  goWasm?: WasmSource;
}

/** A GoParser parses Go source; make one with `createGoParser` and `dispose()` it when done. */
export interface GoParser {
  /** Parses text (only options.includedRanges, when given) and passes the tree to use, deleting it afterwards. */
  withTree<T>(text: string, use: (tree: Tree) => T, options?: ParseOptions): T;
  /** The underlying web-tree-sitter parser, for incremental parsing by sessions. */
  readonly treeSitter: Parser;
  /** Frees the parser's wasm memory; the GoParser cannot be used afterwards. */
  dispose(): void;
}

let runtimeReady: Promise<void> | undefined;

function initRuntime(runtimeWasm: WasmSource | undefined): Promise<void> {
  if (!runtimeReady) {
    const moduleOptions =
      runtimeWasm instanceof WebAssembly.Module
        ? { instantiateWasm: compiledRuntime(runtimeWasm) }
        : runtimeWasm instanceof Uint8Array
          ? { wasmBinary: runtimeWasm }
          : runtimeWasm
            ? { locateFile: () => runtimeWasm.href }
            : undefined;
    runtimeReady = Parser.init(moduleOptions).catch((error: unknown) => {
      runtimeReady = undefined;
      throw error;
    });
  }
  return runtimeReady;
}

/** Emscripten's hook for a runtime compiled elsewhere: it instantiates the module it is given. */
function compiledRuntime(module: WebAssembly.Module) {
  return (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
    const instance = new WebAssembly.Instance(module, imports);
    receive(instance, module);
    return instance.exports;
  };
}

let defaultLanguage: Promise<Language> | undefined;

function loadLanguage(goWasm: WasmSource | undefined): Promise<Language> {
  if (goWasm instanceof WebAssembly.Module) return Promise.resolve(Language.loadSync(goWasm));
  if (goWasm) return Language.load(goWasm);
  defaultLanguage ??= Language.load(defaultGoWasmUrl()).catch((error: unknown) => {
    defaultLanguage = undefined;
    throw error;
  });
  return defaultLanguage;
}

/** createGoParser loads the wasm (once per process for the defaults) and returns a ready GoParser. */
export async function createGoParser(options: GoParserOptions = {}): Promise<GoParser> {
  await initRuntime(options.runtimeWasm);
  const language = await loadLanguage(options.goWasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    treeSitter: parser,
    withTree(text, use, options) {
      const tree = parser.parse(parseInput(text, options?.includedRanges), null, options);
      if (!tree) throw new Error('tree-sitter returned no tree');
      try {
        return use(tree);
      } finally {
        tree.delete();
      }
    },
    dispose() {
      parser.delete();
    },
  };
}

/**
 * parseInput is what tree-sitter reads `text` through. web-tree-sitter copies each piece it is
 * handed into wasm memory one unit at a time, up to 5,000 units; given the whole string, it would
 * copy that much at every range it jumps to. So with ranges, each piece runs to the end of the
 * range (or gap) it starts in. `node.text` reads through it too, piece after piece.
 */
export function parseInput(text: string, ranges: readonly Range[] | undefined): string | ((index: number) => string) {
  if (!ranges || ranges.length < 2) return text;
  let k = 0;
  return (index) => {
    // Parsing reads forward; node.text may go back.
    if (ranges[k]!.startIndex > index) k = 0;
    while (k < ranges.length - 1 && ranges[k]!.endIndex <= index) k++;
    const range = ranges[k]!;
    const end = index < range.endIndex ? range.endIndex : (ranges[k + 1]?.startIndex ?? text.length);
    return text.slice(index, Math.max(end, index + 1));
  };
}
