/**
 * File selection (SPEC §1): which files of a directory `go build` would compile for a target,
 * decided from names and contents alone, as Go's go/build does.
 */
export { type FileMatch, matchFile } from './match.js';
export { type BuildContext, defaultBuildContext, knownArch, knownOS } from './tags.js';
