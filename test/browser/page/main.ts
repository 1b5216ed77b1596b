// The browser test's page: the library's public entry, bundled for browsers, with the grammar
// handed in once as a URL and once as bytes. The test drives it through window.gofnTest.
import { createGoParser, detect, generate, type DetectOptions, type GoParser, type SourceFile } from '../../../src/index.js';

/** A file as the test sends it: base64, so bytes (BOMs, invalid UTF-8) arrive untouched. */
interface WireFile {
  name: string;
  base64: string;
}

/** What the page answers for one package: the detection and the generated file or the reason there is none. */
interface Outcome {
  result: ReturnType<typeof detect>;
  generated: { fileName: string; text: string } | { error: string };
}

function decode(file: WireFile): SourceFile {
  const binary = atob(file.base64);
  return { name: file.name, text: Uint8Array.from(binary, (char) => char.charCodeAt(0)) };
}

function outcome(parser: GoParser, files: WireFile[], options: DetectOptions): Outcome {
  const result = detect(parser, files.map(decode), options);
  try {
    return { result, generated: generate(result) };
  } catch (error) {
    return { result, generated: { error: error instanceof Error ? error.message : String(error) } };
  }
}

async function start(): Promise<void> {
  const runtimeWasm = new URL('./web-tree-sitter.wasm', import.meta.url);
  const goWasmUrl = new URL('./tree-sitter-go.wasm', import.meta.url);
  const byUrl = await createGoParser({ runtimeWasm, goWasm: goWasmUrl });
  const bytes = new Uint8Array(await (await fetch(goWasmUrl)).arrayBuffer());
  const byBytes = await createGoParser({ runtimeWasm, goWasm: bytes });
  Object.assign(window, {
    gofnTest: {
      run: (files: WireFile[], options: DetectOptions) => [outcome(byUrl, files, options), outcome(byBytes, files, options)],
    },
  });
  document.getElementById('status')!.textContent = 'ready';
}

start().catch((error: unknown) => {
  document.getElementById('status')!.textContent = `failed: ${error instanceof Error ? error.message : String(error)}`;
});
