/**
 * gofn-detect/node: the Node edge. Reading package directories, expanding `dir/...` as go list
 * does and finding import paths in go.mod, around the pure `detect`.
 */
export { cleanDir } from './clean.js';
export { detectDir, type DetectDirOptions } from './detect-dir.js';
export { expandPattern, isPattern } from './expand.js';
export { findModule, parseModulePath, type ModuleInfo } from './module.js';
export { DirectoryError, readPackageDir, type PackageDir, type UnreadableFile } from './read.js';
