/**
 * extractWhole extracts every declaration of a file, from a parse of the whole text: the model
 * before the pre-scan leaves anything out, for tests of how syntax maps to the model.
 */
import { extractTree, type ExtractedFile } from '../../src/parser/extract.js';
import type { GoParser } from '../../src/parser/load.js';
import type { DecodedSource } from '../../src/parser/source.js';

export function extractWhole(parser: GoParser, source: DecodedSource): ExtractedFile {
  const nothingLeftOut = { spans: [], ranges: [], leftOutNames: [], leftOutFuncs: [], deferred: [], leftOutBraces: [] };
  return parser.withTree(source.text, (tree) => extractTree(tree, source, nothingLeftOut));
}
