/**
 * A Go-aware pre-scan that finds what detection never reads: the insides of top-level function
 * bodies, the values of package-level constants, the insides of brace blocks in package-level var
 * initialisers, and runs of `//` comments outside bodies. tree-sitter is then handed only the
 * rest (`includedRanges`): bodies, tables and comments are most of the bytes and tokens.
 *
 * The scan knows just enough Go to be safe: comments, interpreted and raw strings, runes,
 * brace/paren/bracket depth and semicolon insertion (to tell a top-level `func` declaration from
 * a func literal or a func type). A body keeps its `{` and `}` (an empty block), so a function's
 * range still runs to its closing brace. Gaps never swallow a newline that ends a statement.
 * Damage never hides a later signature: a body whose parens or brackets do not balance is kept
 * whole (so tree-sitter reports the error), a body that never closes is kept to the end of the
 * file, and a line that starts a declaration at column 0 ends a body that lost its `}`.
 */
import { BLOCK_EOF, Char, classify, isIdentPart, isIdentStart, lineCommentRun, skipBlock, skipQuoted, skipRaw, Word } from './prescan-lex.js';

/** A Point is a zero-based row and a column in UTF-16 code units, as web-tree-sitter takes them for a JS string. */
export interface Point {
  row: number;
  column: number;
}

/**
 * A DeclarationRange is one span tree-sitter must parse, in UTF-16 indices of the text, shaped
 * like web-tree-sitter's `Range` so a list of them can be passed as `includedRanges`.
 */
export interface DeclarationRange {
  startIndex: number;
  endIndex: number;
  startPosition: Point;
  endPosition: Point;
}

/**
 * declarationRanges returns, in order, the spans of `text` that tree-sitter must parse to see
 * every import, type declaration, function signature and package-level var/const name. The
 * result is never empty; a file with nothing to leave out, or with a NUL, gives one range over
 * the whole text.
 */
export function declarationRanges(text: string): DeclarationRange[] {
  // tree-sitter reports a NUL as a syntax error wherever it is; a file with one (rare, and
  // already damaged) is parsed whole so that no gap hides it.
  if (text.includes('\0')) return toRanges(text, []);
  const scan = new Prescan(text);
  scan.run();
  return toRanges(text, scan.gaps);
}

/** Which kind of top-level declaration the scan is in. */
const enum Decl {
  None,
  Func,
  Var,
  Const,
  Other,
}

/** Where a const spec is: in its name list, just after a name, or in its type and value. */
const enum Spec {
  Names,
  AfterName,
  Rest,
}

class Prescan {
  /** Half-open spans to leave out, as start, end pairs in order. */
  readonly gaps: number[] = [];
  private pos = 0;
  private decl = Decl.None;
  private paren = 0;
  private bracket = 0;
  private brace = 0;
  /** Whether a newline here would end a statement (Go's semicolon insertion). */
  private semi = false;
  /** Whether the last token was `struct` or `interface`, so a `{` opens a type, not a body. */
  private typeBrace = false;
  /** Whether the current var spec has passed its `=`. */
  private assigned = false;
  /** Whether the next token is the first after the declaration's keyword. */
  private first = false;
  /** Whether the var or const declaration is a parenthesised group. */
  private group = false;
  private spec = Spec.Names;
  /** The end of the current const spec's last name, and of its last token. */
  private nameEnd = 0;
  private specEnd = 0;

  constructor(private readonly text: string) {}

  run(): void {
    const text = this.text;
    const end = text.length;
    while (this.pos < end) {
      const c = text.charCodeAt(this.pos);
      if (c === Char.Newline) {
        this.pos++;
        if (this.semi) this.statementEnd();
        this.semi = false;
      } else if (c === Char.Space || c === Char.Tab || c === Char.CarriageReturn || c === Char.ByteOrderMark) this.pos++;
      else if (c === Char.Slash && this.comment()) continue;
      else if (c === Char.LeftBrace) {
        if (!this.openBrace()) return;
      } else this.token(c);
    }
  }

  /** Skips a comment at `pos` if one starts there; a block comment with a newline acts as one. */
  private comment(): boolean {
    const text = this.text;
    const next = text.charCodeAt(this.pos + 1);
    if (next === Char.Slash) {
      const start = this.pos;
      const end = lineCommentRun(text, start);
      this.pos = end;
      // In a const spec the comment joins the value's gap; elsewhere it is a gap of its own.
      if (this.decl === Decl.Const && this.spec === Spec.Rest) this.specEnd = end;
      else this.gap(start, end);
      return true;
    }
    if (next !== Char.Star) return false;
    const close = text.indexOf('*/', this.pos + 2);
    const end = close < 0 ? text.length : close + 2;
    const multiline = text.lastIndexOf('\n', end - 1) > this.pos;
    this.pos = end;
    if (multiline && this.semi) {
      this.statementEnd();
      this.semi = false;
    }
    return true;
  }

  private statementEnd(): void {
    if (this.paren === 0 && this.bracket === 0 && this.brace === 0) {
      if (this.decl === Decl.Const) this.endConstSpec();
      this.decl = Decl.None;
    } else if (this.group && this.paren === 1 && this.bracket === 0 && this.brace === 0) {
      // The next spec of a `var (…)` or `const (…)` group.
      if (this.decl === Decl.Const) this.endConstSpec();
      this.assigned = false;
    }
  }

  /** Leaves out a const spec's type and value: `A T = x` becomes `A`, which tree-sitter accepts. */
  private endConstSpec(): void {
    if (this.spec === Spec.Rest) this.gap(this.nameEnd, this.specEnd);
    this.spec = Spec.Names;
  }

  /** Handles one token other than `{`, whitespace and comments. */
  private token(c: number): void {
    const decl = this.decl;
    const first = this.first;
    this.first = this.typeBrace = this.semi = false;
    if (isIdentStart(c)) this.word();
    else if (isDigit(c) || (c === Char.Dot && isDigit(this.text.charCodeAt(this.pos + 1)))) this.number();
    else this.punct(c);
    if (decl !== Decl.Var && decl !== Decl.Const) return;
    if (first) {
      this.group = c === Char.LeftParen;
      if (this.group) return;
    }
    if (decl === Decl.Const && this.decl === Decl.Const) this.constToken(c);
  }

  private punct(c: number): void {
    this.pos++;
    switch (c) {
      case Char.DoubleQuote:
      case Char.Quote:
        this.pos = skipQuoted(this.text, this.pos, c);
        this.semi = true;
        return;
      case Char.Backquote:
        this.pos = skipRaw(this.text, this.pos);
        this.semi = true;
        return;
      case Char.LeftParen:
        this.paren++;
        return;
      case Char.LeftBracket:
        this.bracket++;
        return;
      case Char.RightParen:
        // The `)` of a const group ends its last spec first.
        if (this.group && this.paren === 1 && this.decl === Decl.Const && this.brace === 0) this.endConstSpec();
        if (this.paren > 0) this.paren--;
        this.semi = true;
        return;
      case Char.RightBracket:
        if (this.bracket > 0) this.bracket--;
        this.semi = true;
        return;
      case Char.RightBrace:
        if (this.brace > 0) this.brace--;
        this.semi = true;
        return;
      case Char.Semicolon:
        this.statementEnd();
        return;
      case Char.Equals:
        if (this.decl === Decl.Var && this.brace === 0) this.assigned = true;
        return;
    }
  }

  private word(): void {
    const text = this.text;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
    this.pos = i;
    const word = classify(text, start, i - start);
    if (word === Word.Ident) this.semi = true;
    else if (word === Word.TypeBrace) this.typeBrace = true;
    else if (this.decl === Decl.None && this.paren === 0 && this.bracket === 0 && this.brace === 0) {
      this.decl = declOf(word);
      this.first = true;
      this.group = this.assigned = false;
      this.spec = Spec.Names;
    }
  }

  /** Skips a number literal; an exponent's sign is left as a token of its own, which changes nothing here. */
  private number(): void {
    const text = this.text;
    let i = this.pos + 1;
    for (let c = text.charCodeAt(i); isIdentPart(c) || c === Char.Dot; c = text.charCodeAt(++i));
    this.pos = i;
    this.semi = true;
  }

  /** Follows a const spec over the token that began with `c` and ended at `pos`. */
  private constToken(c: number): void {
    if (this.spec === Spec.Names && isIdentStart(c)) {
      this.spec = Spec.AfterName;
      this.nameEnd = this.pos;
    } else if (this.spec === Spec.AfterName && c === Char.Comma) this.spec = Spec.Names;
    else if (this.spec !== Spec.Names || c !== Char.RightParen) {
      this.spec = Spec.Rest;
      this.specEnd = this.pos;
    }
  }

  /** Handles a `{`; returns false when the rest of the file must be kept as it is. */
  private openBrace(): boolean {
    const at = this.pos;
    const constValue = this.decl === Decl.Const && this.spec === Spec.Rest;
    const elide =
      this.brace === 0 &&
      !this.typeBrace &&
      ((this.decl === Decl.Func && this.paren === 0 && this.bracket === 0) ||
        (this.decl === Decl.Var && this.assigned) ||
        constValue);
    this.first = this.typeBrace = this.semi = false;
    this.pos++;
    if (!elide) {
      this.brace++;
      return true;
    }
    const block = skipBlock(this.text, at + 1);
    if (block.end === BLOCK_EOF) return false;
    if (block.resync) {
      // A declaration at column 0: the block never closed, so its `{` goes too, up to the
      // newline before that line (kept, so the signature before ends there).
      this.gap(at, block.end - 1);
      this.pos = block.end - 1;
      this.resetTopLevel();
      return true;
    }
    this.pos = block.end + 1;
    this.semi = true;
    if (constValue) this.specEnd = this.pos;
    else if (!block.damaged) this.gap(at + 1, block.end);
    if (this.decl === Decl.Func) this.decl = Decl.None;
    return true;
  }

  private resetTopLevel(): void {
    this.decl = Decl.None;
    this.paren = this.bracket = this.brace = 0;
    this.semi = this.typeBrace = this.assigned = this.first = this.group = false;
    this.spec = Spec.Names;
  }

  private gap(start: number, end: number): void {
    if (start < end) this.gaps.push(start, end);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function declOf(word: Word): Decl {
  switch (word) {
    case Word.Func:
      return Decl.Func;
    case Word.Var:
      return Decl.Var;
    case Word.Const:
      return Decl.Const;
    default:
      return Decl.Other;
  }
}

/** Turns gaps into the kept ranges between them, with points found in one sweep over the newlines. */
function toRanges(text: string, gaps: number[]): DeclarationRange[] {
  const ranges: DeclarationRange[] = [];
  let row = 0;
  let lineStart = 0;
  let nl = text.indexOf('\n');
  const pointAt = (index: number): Point => {
    while (nl >= 0 && nl < index) {
      row++;
      lineStart = nl + 1;
      nl = text.indexOf('\n', lineStart);
    }
    return { row, column: index - lineStart };
  };
  let start = 0;
  let startPoint: Point = { row: 0, column: 0 };
  for (let i = 0; i < gaps.length; i += 2) {
    const gapStart = gaps[i]!;
    const gapEnd = gaps[i + 1]!;
    if (gapStart > start) {
      ranges.push({ startIndex: start, endIndex: gapStart, startPosition: startPoint, endPosition: pointAt(gapStart) });
    }
    start = gapEnd;
    startPoint = pointAt(gapEnd);
  }
  if (text.length > start || ranges.length === 0) {
    ranges.push({ startIndex: start, endIndex: text.length, startPosition: startPoint, endPosition: pointAt(text.length) });
  }
  return ranges;
}
