/**
 * Reads Go string literals (import paths) as strconv.Unquote does.
 */

const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, '\\': 0x5c, "'": 0x27, '"': 0x22,
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * unquote returns the value of an interpreted (`"…"`) or raw (`` `…` ``) string literal. A literal
 * cut short by a syntax error loses only its missing quote; a bad escape is kept as written.
 */
export function unquote(literal: string): string {
  const quote = literal[0];
  if (quote !== '"' && quote !== '`') return literal;
  const body = literal.length > 1 && literal.endsWith(quote) ? literal.slice(1, -1) : literal.slice(1);
  // Go drops carriage returns from raw strings.
  if (quote === '`') return body.replaceAll('\r', '');
  return body.includes('\\') ? unescape(body) : body;
}

/** Escapes are decoded to bytes first because `\x` and octal escapes name bytes, not runes. */
function unescape(body: string): string {
  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const escape = body[i] === '\\' ? readEscape(body, i + 1) : null;
    if (escape) {
      bytes.push(...escape.bytes);
      i = escape.next;
      continue;
    }
    const cp = body.codePointAt(i)!;
    const char = String.fromCodePoint(cp);
    bytes.push(...encoder.encode(char));
    i += char.length;
  }
  return decoder.decode(new Uint8Array(bytes));
}

function readEscape(body: string, at: number): { bytes: number[]; next: number } | null {
  const c = body[at];
  if (c === undefined) return null;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { bytes: [simple], next: at + 1 };
  const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : /[0-7]/.test(c) ? 3 : 0;
  const start = c >= '0' && c <= '7' ? at : at + 1;
  const text = body.slice(start, start + digits);
  const octal = start === at;
  if (digits === 0 || text.length !== digits || !(octal ? /^[0-7]+$/ : /^[0-9a-f]+$/i).test(text)) return null;
  const value = Number.parseInt(text, octal ? 8 : 16);
  if (value > 0x10ffff) return null;
  const bytes = c === 'u' || c === 'U' ? [...encoder.encode(String.fromCodePoint(value))] : [value & 0xff];
  return { bytes, next: start + digits };
}
