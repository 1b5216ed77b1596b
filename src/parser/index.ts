/**
 * The parser room's surface: loading the grammar, decoding sources, choosing the files of a
 * package (SPEC §1) and extracting the typed model that the signatures room reads.
 */
export { createGoParser, type GoParser, type GoParserOptions, type WasmSource } from './load.js';
export { decodeSource, type DecodedSource, type SourceProblem } from './source.js';
export { PositionIndex } from './position.js';
export { extractFile, readDeferredFuncs, type ExtractedFile } from './extract.js';
export { matchFile, defaultBuildContext, type BuildContext, type FileMatch } from './build/index.js';
export type * from './model.js';
