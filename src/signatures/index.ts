/**
 * The signatures room's surface (SPEC §2–§4): the kinds, classification of a package's functions
 * and selection of the one to serve. It reads only the parser's typed model.
 */
export { kinds } from './registry.js';
export { defineKind, type Classified, type Kind, type KindName, type MatchResult } from './kind.js';
export { directShapes, type DirectShape } from './direct.js';
export { classifyPackage, type Classification } from './classify.js';
export { selectFunction, type SelectOptions, type Selection } from './select.js';
export type { Scope } from './scope.js';
