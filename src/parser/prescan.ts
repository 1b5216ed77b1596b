/**
 * A Go-aware pre-scan that finds what detection never reads: the insides of top-level function
 * bodies, the fields of structs in type declarations, comments outside bodies (runs of `//`
 * comments, and block comments that end their line), whole var and const declarations (their
 * names are kept), and whole func declarations whose signature no kind can match
 * (`couldBeReported`); unexported functions that could be near misses are set
 * apart, to be parsed only when a package has no candidate. tree-sitter is then handed only the
 * rest (joined into one text by compact.ts, or as `includedRanges` in a session): bodies, tables,
 * comments and the signatures of helpers and methods are most of the bytes and tokens.
 *
 * The scan knows just enough Go to be safe: comments, interpreted and raw strings, runes,
 * brace/paren/bracket depth and semicolon insertion (to tell a top-level `func` declaration from
 * a func literal or a func type). A body keeps its `{` and `}` (an empty block), so a function's
 * range still runs to its closing brace. Gaps never swallow a newline that ends a statement.
 * Damage never hides a later signature: a body whose parens or brackets do not balance is kept
 * whole (so tree-sitter reports the error), a body that never closes is kept to the end of the
 * file, and a line that starts a declaration at column 0 ends a body that lost its `}`.
 */
import { isExported } from './model.js';
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
 * A FuncNameSpan is the name of a package-level function (not a method) that the scan left out
 * whole, with its span in UTF-16 indices: it still declares its name, and `--target` may still
 * name it. Extraction turns it into the model's LeftOutFunc.
 */
export interface FuncNameSpan {
  name: string;
  nameStart: number;
  nameEnd: number;
}

/** A DeclarationScan is what tree-sitter must parse, and what the scan left out whole. */
export interface DeclarationScan {
  /** The spans to parse, as start, end pairs of UTF-16 indices: in order and never none (the whole text when nothing is left out). */
  spans: number[];
  /** The same spans as ranges with points, for `includedRanges` (worked out when first asked). */
  readonly ranges: DeclarationRange[];
  /** The names that the var and const declarations left out whole declare. */
  leftOutNames: string[];
  /** The functions left out whole (methods are not listed: they declare no name). */
  leftOutFuncs: FuncNameSpan[];
  /**
   * Where the unexported functions that could still be near misses stand, as start, end pairs of
   * UTF-16 indices (signature and `{`, then `}` to the end of its line): `deferredSpans` turns
   * them into ranges to parse when a package without candidates looks for near misses.
   */
  deferred: number[];
  /**
   * The indices of the `{` and `}` that the bodies of the func declarations left out keep (an
   * empty block, for a session), in order: a one-shot parse can do without them.
   */
  leftOutBraces: number[];
}

/**
 * scanDeclarations finds the spans of `text` that tree-sitter must parse to see every import,
 * type declaration and every exported function signature that classification could report on.
 */
export function scanDeclarations(text: string, hasNul = text.includes('\0')): DeclarationScan {
  // tree-sitter reports a NUL as a syntax error wherever it is; a file with one (rare, and
  // already damaged) is parsed whole so that no gap hides it. (A caller that has looked for
  // NULs already says what it found.)
  if (hasNul) return declarationScan(text, { gaps: [], names: [], leftOut: [], deferred: [], leftOutBraces: [] });
  const scan = new Prescan(text);
  scan.run();
  return declarationScan(text, scan);
}

function declarationScan(text: string, scan: Pick<Prescan, 'gaps' | 'names' | 'leftOut' | 'deferred' | 'leftOutBraces'>): DeclarationScan {
  const spans = keptSpans(text.length, scan.gaps);
  // Points cost a sweep over every newline of the file; a one-shot parse of the joined spans needs none.
  let ranges: DeclarationRange[] | undefined;
  return {
    spans,
    get ranges() {
      return (ranges ??= toRanges(text, spans));
    },
    leftOutNames: scan.names,
    leftOutFuncs: scan.leftOut,
    deferred: scan.deferred,
    leftOutBraces: scan.leftOutBraces,
  };
}

/** deferredSpans is the spans of the scan's deferred functions, to parse apart (start, end pairs). */
export function deferredSpans(text: string, scan: DeclarationScan): number[] {
  // The spans between the deferred pieces are the gaps.
  return keptSpans(text.length, [0, ...scan.deferred, text.length]);
}

/**
 * couldBeReported says whether classification (signatures/classify.ts) could report a func
 * declaration with `params` parameters and `results` results, counted as go/types counts them
 * (`a, b int` is two): as a candidate of some kind (at most one parameter and two results, or the
 * http pair), for an exported function also as a candidate but for a leading context.Context (one
 * parameter more), and for an exported method other than ServeHTTP as an http handler.
 */
export function couldBeReported(method: boolean, name: string, params: number, results: number): boolean {
  if (method) return params === 2 && results === 0 && name !== 'ServeHTTP' && isExported(name);
  if (isExported(name)) return (params <= 2 && results <= 2) || (params === 3 && results === 0);
  return (params <= 1 && results <= 2) || (params === 2 && results === 0);
}

/** Which kind of top-level declaration the scan is in. */
const enum Decl {
  None,
  Func,
  Var,
  Const,
  Type,
  Other,
}

/** Where the scan is in the signature of a top-level func declaration. */
const enum Sig {
  /** Just after `func`: a `(` opens a receiver, a name makes it a function. */
  Start,
  Receiver,
  /** After the receiver, before the method's name. */
  MethodName,
  /** After the name (and any type parameters), before the parameters. */
  Name,
  Params,
  /** After the parameters: the next token tells whether results follow. */
  Results,
  ResultList,
  /** The parameters and results are counted. */
  Counted,
  /** The signature does not read as Go: the declaration is kept for tree-sitter to judge. */
  Unknown,
}

/** Where a var or const spec is: in its name list, just after a name, or in its type and value. */
const enum Spec {
  Names,
  AfterName,
  Rest,
}

class Prescan {
  /** Half-open spans to leave out, as start, end pairs in order. */
  readonly gaps: number[] = [];
  readonly names: string[] = [];
  readonly leftOut: FuncNameSpan[] = [];
  readonly deferred: number[] = [];
  readonly leftOutBraces: number[] = [];
  private pos = 0;
  private decl = Decl.None;
  private paren = 0;
  private bracket = 0;
  private brace = 0;
  /** Whether a newline here would end a statement (Go's semicolon insertion). */
  private semi = false;
  /** Whether the last token was `struct` or `interface`, so a `{` opens a type, not a body. */
  private typeBrace = false;
  /** Whether the last token was `struct`: in a type declaration its fields are left out. */
  private structBrace = false;
  /** The end of the last token: where a declaration without a body ends. */
  private tokenEnd = 0;
  /** Where the current top-level declaration starts, and how many gaps came before it. */
  private declStart = 0;
  private declGaps = 0;
  /** Whether a block of the current var or const declaration is damaged (then it is kept). */
  private damaged = false;
  /** Whether the current var spec has passed its `=`. */
  private assigned = false;
  /** Whether the next token is the first after the declaration's keyword. */
  private first = false;
  /** Whether the var or const declaration is a parenthesised group. */
  private group = false;
  private spec = Spec.Names;
  /** The current func declaration's signature: whether it has a receiver, its name, its counts. */
  private sig = Sig.Unknown;
  private method = false;
  private funcName = '';
  private funcNameStart = 0;
  private params = 0;
  private results = 0;
  /** The parameter or result list being counted: top-level commas, whether it holds anything, whether it ends in a comma. */
  private commas = 0;
  private items = false;
  private trailingComma = false;

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
    // A file may end without the newline after its last declaration.
    if (this.paren === 0 && this.bracket === 0 && this.brace === 0) this.endDeclaration();
  }

  /** Skips a comment at `pos` if one starts there; a block comment with a newline acts as one. */
  private comment(): boolean {
    const text = this.text;
    const next = text.charCodeAt(this.pos + 1);
    if (next === Char.Slash) {
      const start = this.pos;
      this.pos = lineCommentRun(text, start);
      this.gap(start, this.pos);
      return true;
    }
    if (next !== Char.Star) return false;
    const start = this.pos;
    const close = text.indexOf('*/', start + 2);
    const end = close < 0 ? text.length : close + 2;
    const multiline = text.lastIndexOf('\n', end - 1) > start;
    this.pos = end;
    // One that ends its line goes too: the newline after it stays, and ends a statement as the
    // comment would. (Block comments are a third of what is kept otherwise, in the standard library.)
    if (close >= 0 && endsLine(text, end)) this.gap(start, end);
    if (multiline && this.semi) {
      this.statementEnd();
      this.semi = false;
    }
    return true;
  }

  private statementEnd(): void {
    if (this.paren === 0 && this.bracket === 0 && this.brace === 0) {
      this.endDeclaration();
      this.decl = Decl.None;
    } else if (this.group && this.paren === 1 && this.bracket === 0 && this.brace === 0) {
      // The next spec of a `var (…)` or `const (…)` group.
      this.assigned = false;
      this.spec = Spec.Names;
    }
  }

  /**
   * Ends a declaration at the end of its last token. A var or const declaration is left out whole
   * (its names are kept), and so is a func declaration without a body (implemented in assembly)
   * that no kind can match.
   */
  private endDeclaration(): void {
    const end = this.tokenEnd;
    if ((this.decl === Decl.Var || this.decl === Decl.Const) && !this.damaged) this.leaveOut(end);
    else if (this.decl === Decl.Func && this.countedWithoutResults()) this.leaveOutFunc(end, end);
  }

  /** Handles one token other than `{`, whitespace and comments. */
  private token(c: number): void {
    const decl = this.decl;
    const first = this.first;
    const start = this.pos;
    this.first = this.typeBrace = this.structBrace = this.semi = false;
    if (isIdentStart(c)) this.word();
    else if (isDigit(c) || (c === Char.Dot && isDigit(this.text.charCodeAt(this.pos + 1)))) this.number();
    else this.punct(c);
    this.tokenEnd = this.pos;
    if (decl !== this.decl) return;
    if (decl === Decl.Func) this.signatureToken(c, start);
    else if (decl === Decl.Var || decl === Decl.Const) {
      if (first) {
        this.group = c === Char.LeftParen;
        if (this.group) return;
      }
      this.specToken(c, start);
    }
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
        if (this.brace === 0) this.assigned = true;
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
    else if (word === Word.Struct) this.typeBrace = this.structBrace = true;
    else if (word === Word.Interface) this.typeBrace = true;
    else if (this.decl === Decl.None && this.paren === 0 && this.bracket === 0 && this.brace === 0) {
      this.decl = declOf(word);
      this.first = true;
      this.group = this.assigned = this.damaged = this.method = false;
      this.spec = Spec.Names;
      this.sig = Sig.Start;
      this.declStart = start;
      this.declGaps = this.gaps.length;
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

  /** Follows a var or const spec over the token that began with `c` at `start`, keeping its names. */
  private specToken(c: number, start: number): void {
    if (this.spec === Spec.Names && isIdentStart(c)) {
      this.spec = Spec.AfterName;
      this.names.push(this.text.slice(start, this.pos));
    } else if (this.spec === Spec.AfterName && c === Char.Comma) this.spec = Spec.Names;
    else if (this.spec !== Spec.Names || c !== Char.RightParen) this.spec = Spec.Rest;
  }

  /** Follows a func declaration's signature over the token that began with `c` at `start`. */
  private signatureToken(c: number, start: number): void {
    switch (this.sig) {
      case Sig.Start:
        if (c === Char.LeftParen) {
          this.method = true;
          this.sig = Sig.Receiver;
        } else this.name(c, start);
        return;
      case Sig.Receiver:
        if (this.paren === 0) this.sig = Sig.MethodName;
        return;
      case Sig.MethodName:
        return this.name(c, start);
      case Sig.Name:
        // Type parameters come first, in brackets.
        if (c === Char.LeftParen && this.paren === 1 && this.bracket === 0) this.openList(Sig.Params);
        return;
      case Sig.Params:
        if (this.paren > 0) return this.listToken(c);
        this.params = this.listLength();
        this.sig = Sig.Results;
        return;
      case Sig.Results:
        if (c === Char.LeftParen && this.paren === 1) return this.openList(Sig.ResultList);
        this.results = 1;
        this.sig = Sig.Counted;
        return;
      case Sig.ResultList:
        if (this.paren > 0) return this.listToken(c);
        this.results = this.listLength();
        this.sig = Sig.Counted;
        return;
    }
  }

  private name(c: number, start: number): void {
    if (!isIdentStart(c)) {
      this.sig = Sig.Unknown;
      return;
    }
    this.funcName = this.text.slice(start, this.pos);
    this.funcNameStart = start;
    this.sig = Sig.Name;
  }

  private openList(sig: Sig): void {
    this.sig = sig;
    this.commas = 0;
    this.items = this.trailingComma = false;
  }

  /** Counts a token of a parameter or result list; only those outside nested brackets matter. */
  private listToken(c: number): void {
    if (this.paren !== 1 || this.bracket !== 0 || this.brace !== 0) return;
    this.trailingComma = c === Char.Comma;
    if (this.trailingComma) this.commas++;
    else this.items = true;
  }

  /** The number of elements of the list just closed: `a, b int` is two, as in go/types. */
  private listLength(): number {
    if (!this.items) return 0;
    return this.trailingComma ? this.commas : this.commas + 1;
  }

  /** Whether the signature is counted, taking a signature that ends after its parameters to have no results. */
  private countedWithoutResults(): boolean {
    if (this.sig === Sig.Results) {
      this.results = 0;
      this.sig = Sig.Counted;
    }
    return this.sig === Sig.Counted;
  }

  /**
   * Leaves out a counted func declaration from `func` to `open` (its body's `{`, or its end): for
   * good when no kind can match it, and for later when it is an unexported function that could be
   * a near miss; `main` (SPEC §4's programs) and exported functions that could match are kept.
   */
  private leaveOutFunc(open: number, close: number): void {
    const name = this.funcName;
    const reportable = couldBeReported(this.method, name, this.params, this.results);
    if (reportable && (this.method || name === 'main' || isExported(name))) return;
    this.leaveOut(open);
    if (open !== close) this.leftOutBraces.push(open, close);
    if (this.method) return;
    this.leftOut.push({ name, nameStart: this.funcNameStart, nameEnd: this.funcNameStart + name.length });
    if (!reportable || name === 'init') return;
    const text = this.text;
    const lineEnd = text.indexOf('\n', close);
    const end = lineEnd < 0 ? text.length : lineEnd + 1;
    if (open === close) this.deferred.push(this.declStart, end);
    else this.deferred.push(this.declStart, open + 1, close, end);
  }

  /** Leaves out the declaration from its start to `end`, the gaps inside it included. */
  private leaveOut(end: number): void {
    const gaps = this.gaps;
    let inside = this.declGaps;
    while (inside < gaps.length && gaps[inside]! < end) inside += 2;
    gaps.splice(this.declGaps, inside - this.declGaps, this.declStart, end);
  }

  /** Handles a `{`; returns false when the rest of the file must be kept as it is. */
  private openBrace(): boolean {
    const at = this.pos;
    const body = this.brace === 0 && !this.typeBrace && this.decl === Decl.Func && this.paren === 0 && this.bracket === 0;
    // A struct is data whatever its fields (SPEC §3), so a declared one needs none of them.
    const fields = this.decl === Decl.Type && this.structBrace;
    const value = this.brace === 0 && !this.typeBrace && (this.decl === Decl.Var || this.decl === Decl.Const) && this.assigned;
    const counted = body && this.countedWithoutResults();
    this.first = this.typeBrace = this.structBrace = this.semi = false;
    this.pos++;
    if (!body && !fields && !value) {
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
    this.pos = this.tokenEnd = block.end + 1;
    this.semi = true;
    if (block.damaged) this.damaged = true;
    else {
      // A declaration left out keeps its body's braces, as every body does (session/ranges.ts).
      if (counted) this.leaveOutFunc(at, block.end);
      this.gap(at + 1, block.end);
    }
    if (body) this.decl = Decl.None;
    return true;
  }

  private resetTopLevel(): void {
    this.decl = Decl.None;
    this.paren = this.bracket = this.brace = 0;
    this.semi = this.typeBrace = this.structBrace = this.assigned = this.first = this.group = false;
    this.spec = Spec.Names;
  }

  private gap(start: number, end: number): void {
    if (start < end) this.gaps.push(start, end);
  }
}

/** Whether only spaces and tabs stand between `i` and the end of its line (or of the text). */
function endsLine(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  while (c === Char.Space || c === Char.Tab) c = text.charCodeAt(++i);
  return c === Char.Newline || c === Char.CarriageReturn || i >= text.length;
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
    case Word.Type:
      return Decl.Type;
    default:
      return Decl.Other;
  }
}

/** The kept spans between the gaps, as start, end pairs: one at least, since tree-sitter wants a range. */
function keptSpans(length: number, gaps: readonly number[]): number[] {
  const spans: number[] = [];
  let start = 0;
  for (let i = 0; i < gaps.length; i += 2) {
    if (gaps[i]! > start) spans.push(start, gaps[i]!);
    start = gaps[i + 1]!;
  }
  if (length > start || spans.length === 0) spans.push(start, length);
  return spans;
}

/** Turns spans into ranges, with points found in one sweep over the newlines. */
function toRanges(text: string, spans: readonly number[]): DeclarationRange[] {
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
  const ranges: DeclarationRange[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    const startIndex = spans[i]!;
    const endIndex = spans[i + 1]!;
    ranges.push({ startIndex, endIndex, startPosition: pointAt(startIndex), endPosition: pointAt(endIndex) });
  }
  return ranges;
}
