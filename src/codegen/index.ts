/** The codegen room's surface: `generate` and what it returns or throws. */
export { generate, generatedHeader } from './generate.js';
export type { GeneratedFile, GenerateOptions } from './generate.js';
export { GenerateError } from './error.js';
