/**
 * cleanDir reports a directory as the user named it, cleaned the way Go's `path.Clean` does, so
 * `dir` in the output is stable (`./fn/` and `fn` are the same package) yet never made absolute.
 */

/** cleanDir returns the shortest path equivalent to p by Go's `path.Clean` rules (`./fn` -> `fn`). */
export function cleanDir(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const element of p.split('/')) {
    if (element === '' || element === '.') continue;
    if (element !== '..') {
      out.push(element);
    } else if (out.length > 0 && out[out.length - 1] !== '..') {
      out.pop();
    } else if (!rooted) {
      // A relative path keeps leading `..` elements; a rooted one cannot go above `/`.
      out.push('..');
    }
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}
