/**
 * Finds the places tree-sitter could not parse, visiting only subtrees that contain damage so
 * that clean files (nearly all of them) cost one check of the root.
 */
import type { Node } from 'web-tree-sitter';
import type { SyntaxProblem } from './model.js';
import type { RangeIndex } from './position.js';

/** syntaxProblems lists every ERROR node (not looking inside it) and every MISSING node, in file order. */
export function syntaxProblems(root: Node, file: string, positions: RangeIndex): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  // An explicit stack, not recursion: damaged trees can be arbitrarily deep.
  const stack: Node[] = root.hasError ? [root] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const range = positions.range(node.startIndex, node.endIndex);
    if (node.isMissing) {
      problems.push({ file, range, missing: node.type });
    } else if (node.type === 'ERROR') {
      problems.push({ file, range, missing: null });
    } else {
      const damaged = node.children.filter((child) => child.hasError || child.isMissing);
      for (let i = damaged.length - 1; i >= 0; i--) stack.push(damaged[i]!);
    }
  }
  return problems;
}
