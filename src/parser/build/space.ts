/**
 * Go's notion of white space (`unicode.IsSpace`), which `strings.TrimSpace` and `strings.Fields`
 * use. JavaScript's `trim()` differs: it strips U+FEFF and keeps U+0085, so it cannot stand in.
 */
const goSpaceClass = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const leadingSpace = new RegExp(`^[${goSpaceClass}]+`);
const trailingSpace = new RegExp(`[${goSpaceClass}]+$`);
const spaceRun = new RegExp(`[${goSpaceClass}]+`);

/** Counts the Go white space at the start of `s`, so callers can keep positions after trimming. */
export function leadingSpaceLength(s: string): number {
  return leadingSpace.exec(s)?.[0].length ?? 0;
}

/** Removes leading and trailing Go white space, like `strings.TrimSpace`. */
export function trimSpace(s: string): string {
  return s.replace(leadingSpace, '').replace(trailingSpace, '');
}

/** Splits `s` around runs of Go white space, dropping empty fields, like `strings.Fields`. */
export function fields(s: string): string[] {
  return s.split(spaceRun).filter((field) => field !== '');
}
