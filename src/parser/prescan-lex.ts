/**
 * The Go lexical pieces of the pre-scan (`prescan.ts`): word classes, strings, runes, raw strings
 * and the fast skip over a brace block. Everything works on UTF-16 indices of a JS string and
 * never builds a substring, since the scan must stay far faster than the parse it saves.
 */

/** The character codes the pre-scan looks at. */
export const enum Char {
  Tab = 9,
  Newline = 10,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  Quote = 39,
  LeftParen = 40,
  RightParen = 41,
  Star = 42,
  Comma = 44,
  Dot = 46,
  Slash = 47,
  Semicolon = 59,
  Equals = 61,
  LeftBracket = 91,
  Backslash = 92,
  RightBracket = 93,
  Backquote = 96,
  LeftBrace = 123,
  RightBrace = 125,
  ByteOrderMark = 0xfeff,
}

/** What a word means to the pre-scan; only the keywords it acts on are told apart. */
export const enum Word {
  Ident,
  Func,
  Var,
  Const,
  Type,
  /** `struct`: a `{` after it opens a type, not a body. */
  Struct,
  /** `interface`: a `{` after it opens a type, not a body. */
  Interface,
  /** `import`, `package`, `map`, `chan`: other keywords that insert no semicolon. */
  Keyword,
}

/** Whether `c` can start an identifier; every non-ASCII code unit but the Char.ByteOrderMark is taken as a letter. */
export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && c !== Char.ByteOrderMark);
}

/** Whether `c` can continue an identifier. */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** Classifies the word of length `n` at `start` without making a string of it. */
export function classify(text: string, start: number, n: number): Word {
  switch (text.charCodeAt(start)) {
    case 102: // f
      return n === 4 && text.startsWith('func', start) ? Word.Func : Word.Ident;
    case 118: // v
      return n === 3 && text.startsWith('var', start) ? Word.Var : Word.Ident;
    case 99: // c
      if (n === 5 && text.startsWith('const', start)) return Word.Const;
      return n === 4 && text.startsWith('chan', start) ? Word.Keyword : Word.Ident;
    case 115: // s
      return n === 6 && text.startsWith('struct', start) ? Word.Struct : Word.Ident;
    case 105: // i
      if (n === 9 && text.startsWith('interface', start)) return Word.Interface;
      return n === 6 && text.startsWith('import', start) ? Word.Keyword : Word.Ident;
    case 116: // t
      return n === 4 && text.startsWith('type', start) ? Word.Type : Word.Ident;
    case 112: // p
      return n === 7 && text.startsWith('package', start) ? Word.Keyword : Word.Ident;
    case 109: // m
      return n === 3 && text.startsWith('map', start) ? Word.Keyword : Word.Ident;
    default:
      return Word.Ident;
  }
}

/**
 * The end of the run of `//` comments that starts at `start`: the end of its last comment, so
 * the newline after it stays. Only blank space may separate the comments of a run.
 */
export function lineCommentRun(text: string, start: number): number {
  let end = start;
  for (;;) {
    const nl = text.indexOf('\n', end);
    end = nl < 0 ? text.length : nl;
    let next = end;
    for (let c = text.charCodeAt(next); c === Char.Newline || c === Char.Space || c === Char.Tab || c === Char.CarriageReturn; ) {
      c = text.charCodeAt(++next);
    }
    if (text.charCodeAt(next) !== Char.Slash || text.charCodeAt(next + 1) !== Char.Slash) return end;
    end = next;
  }
}

/** Skips an interpreted string or rune after its opening quote; neither crosses a line. */
export function skipQuoted(text: string, from: number, quote: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === Char.Newline) return i;
    i += c === Char.Backslash && text.charCodeAt(i + 1) !== Char.Newline ? 2 : 1;
  }
  return i;
}

/** Skips a raw string after its opening backquote. */
export function skipRaw(text: string, from: number): number {
  const close = text.indexOf('`', from);
  return close < 0 ? text.length : close + 1;
}

/** Skips a comment if one starts at the `/` just before `from`; returns where scanning goes on. */
function skipSlash(text: string, from: number): number {
  const c = text.charCodeAt(from);
  if (c === Char.Slash) {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? text.length : nl;
  }
  if (c !== Char.Star) return from;
  const close = text.indexOf('*/', from + 1);
  return close < 0 ? text.length : close + 2;
}

/** BLOCK_EOF is a SkippedBlock's `end` when the block never closes. */
export const BLOCK_EOF = -1;

/** A SkippedBlock says where a brace block ended and how. */
export interface SkippedBlock {
  /** The index of the matching `}`, or of the resync line when `resync`, or BLOCK_EOF. */
  end: number;
  /** True when a line at column 0 starts a declaration before the block closed. */
  resync: boolean;
  /** True when the parens and brackets inside do not balance (the block should be kept). */
  damaged: boolean;
}

const K_NEWLINE = 1;
const K_OPEN = 2;
const K_CLOSE = 3;
const K_LBRACE = 4;
const K_RBRACE = 5;
const K_QUOTE = 6;
const K_RAW = 7;
const K_SLASH = 8;

/** The ASCII characters that matter inside a skipped block, by kind (0: none). */
const blockClass = new Uint8Array(128);
blockClass[Char.Newline] = K_NEWLINE;
blockClass[Char.LeftParen] = blockClass[Char.LeftBracket] = K_OPEN;
blockClass[Char.RightParen] = blockClass[Char.RightBracket] = K_CLOSE;
blockClass[Char.LeftBrace] = K_LBRACE;
blockClass[Char.RightBrace] = K_RBRACE;
blockClass[Char.DoubleQuote] = blockClass[Char.Quote] = K_QUOTE;
blockClass[Char.Backquote] = K_RAW;
blockClass[Char.Slash] = K_SLASH;

/** Skips the inside of a brace block from `from`, just after its `{`. */
export function skipBlock(text: string, from: number): SkippedBlock {
  const end = text.length;
  let depth = 1;
  let nest = 0;
  let bad = false;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i++);
    // Most characters of a body mean nothing here; one table load lets them through.
    const k = c < 128 ? blockClass[c]! : 0;
    if (k === 0) continue;
    if (k === K_NEWLINE) {
      if (startsDeclaration(text, i)) return { end: i, resync: true, damaged: false };
    } else if (k === K_OPEN) nest++;
    else if (k === K_CLOSE) {
      if (--nest < 0) bad = true;
    } else if (k === K_LBRACE) depth++;
    else if (k === K_RBRACE) {
      if (--depth === 0) return { end: i - 1, resync: false, damaged: bad || nest !== 0 };
    } else if (k === K_QUOTE) i = skipQuoted(text, i, c);
    else if (k === K_RAW) i = skipRaw(text, i);
    else i = skipSlash(text, i);
  }
  return { end: BLOCK_EOF, resync: false, damaged: false };
}

/**
 * Whether the line at `i` starts, at column 0, a declaration that gofmt never leaves inside a
 * body: `func` and a name or receiver, or `type`, `var`, `const`, `import` and a space.
 */
function startsDeclaration(text: string, i: number): boolean {
  switch (text.charCodeAt(i)) {
    case 102: // f
      return text.startsWith('func ', i) && (isIdentStart(text.charCodeAt(i + 5)) || text.charCodeAt(i + 5) === Char.LeftParen);
    case 116: // t
      return text.startsWith('type ', i);
    case 118: // v
      return text.startsWith('var ', i);
    case 99: // c
      return text.startsWith('const ', i);
    case 105: // i
      return text.startsWith('import ', i);
    default:
      return false;
  }
}
