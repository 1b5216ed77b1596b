/**
 * Build constraint lines, ported from Go's `go/build/constraint` (expr.go) of the newest Go,
 * size limits included: `//go:build` expressions (`&&`, `||`, `!`, parentheses) and legacy
 * `// +build` lines (spaces OR, commas AND, `!` negates).
 */
import { fields, trimSpace } from './space.js';

/** An Expr is a parsed build constraint: a tag, or a negation, conjunction or disjunction. */
export type Expr =
  | { readonly op: 'tag'; readonly tag: string }
  | { readonly op: 'not'; readonly x: Expr }
  | { readonly op: 'and' | 'or'; readonly x: Expr; readonly y: Expr };

/** A ParseResult is a parsed expression, or the syntax error Go would report for it. */
export type ParseResult = { expr: Expr } | { error: string };

/** Go rejects `//go:build` expressions with more operands than this, so deep input cannot exhaust the stack. */
const maxSize = 1000;
/** Legacy lines allow far fewer operators; Go says old-syntax uses were always simple. */
const maxOldSize = 100;

const tagRun = /[\p{L}\p{Nd}_.]+/uy;

const tag = (name: string): Expr => ({ op: 'tag', tag: name });
const not = (x: Expr): Expr => ({ op: 'not', x });

/** Evaluates `x`, asking `ok` whether each tag is satisfied. */
export function evaluate(x: Expr, ok: (tag: string) => boolean): boolean {
  switch (x.op) {
    case 'tag':
      return ok(x.tag);
    case 'not':
      return !evaluate(x.x, ok);
    case 'and':
      return evaluate(x.x, ok) && evaluate(x.y, ok);
    case 'or':
      return evaluate(x.x, ok) || evaluate(x.y, ok);
  }
}

/**
 * Returns the expression text of a `//go:build` line, or undefined when `line` is not one
 * (`//go:buildx` is not; a bare `//go:build` is, with empty text).
 */
export function splitGoBuild(line: string): string | undefined {
  const single = oneLine(line);
  if (single === undefined || !single.startsWith('//go:build')) return undefined;
  return afterKeyword(trimSpace(single).slice('//go:build'.length));
}

/** Returns the expression text of a `// +build` line (the space is optional), or undefined. */
export function splitPlusBuild(line: string): string | undefined {
  const single = oneLine(line);
  if (single === undefined || !single.startsWith('//')) return undefined;
  const body = trimSpace(single.slice(2));
  if (!body.startsWith('+build')) return undefined;
  return afterKeyword(body.slice('+build'.length));
}

/** A single trailing newline is fine; more lines mean this is no constraint line. */
function oneLine(line: string): string | undefined {
  const single = line.endsWith('\n') ? line.slice(0, -1) : line;
  return single.includes('\n') ? undefined : single;
}

/** The keyword must be followed by space or nothing, else it is a longer word such as `+builder`. */
function afterKeyword(rest: string): string | undefined {
  const trimmed = trimSpace(rest);
  return trimmed.length === rest.length && rest !== '' ? undefined : trimmed;
}

/** Parses legacy `// +build` text; undefined when it is too complex, which makes Go skip the line. */
export function parsePlusBuildExpr(text: string): Expr | undefined {
  const clauses = fields(text).map((clause) => clause.split(',').map(plusBuildLiteral));
  // n literals are joined by n-1 operators; Go counts them one by one, with the same outcome.
  const operators = clauses.reduce((n, literals) => n + literals.length, 0) - 1;
  if (operators > maxOldSize) return undefined;
  // Go reads an empty `// +build` line as the tag `ignore`, so it normally excludes the file.
  if (clauses.length === 0) return tag('ignore');
  return clauses
    .map((literals) => literals.reduce((x, y): Expr => ({ op: 'and', x, y })))
    .reduce((x, y): Expr => ({ op: 'or', x, y }));
}

/** A malformed literal (`!!x`, `!`, `a-b`) stands for `ignore`, a tag builds leave unset unless asked. */
function plusBuildLiteral(lit: string): Expr {
  if (lit.startsWith('!!') || lit === '!') return tag('ignore');
  const negated = lit.startsWith('!');
  const name = negated ? lit.slice(1) : lit;
  const z = isValidTag(name) ? tag(name) : tag('ignore');
  return negated ? not(z) : z;
}

function isValidTag(word: string): boolean {
  tagRun.lastIndex = 0;
  return word !== '' && tagRun.exec(word)?.[0].length === word.length;
}

/** Thrown inside the recursive-descent parser and caught by `parseGoBuildExpr`, as Go panics and recovers. */
class ConstraintSyntaxError extends Error {}

/** Parses the text of a `//go:build` line (after the prefix) as Go's constraint.Parse does. */
export function parseGoBuildExpr(text: string): ParseResult {
  const p = new ExprParser(text);
  try {
    const expr = p.or();
    if (p.tok !== '') throw new ConstraintSyntaxError(`unexpected token ${p.tok}`);
    return { expr };
  } catch (error) {
    if (error instanceof ConstraintSyntaxError) return { error: error.message };
    throw error;
  }
}

/** ExprParser holds the lexer state; `tok` is the last token read, '' at the end. */
class ExprParser {
  tok = '';
  private isTag = false;
  private i = 0;
  private size = 0;

  constructor(private readonly s: string) {}

  or(): Expr {
    let x = this.and();
    while (this.tok === '||') x = { op: 'or', x, y: this.and() };
    return x;
  }

  private and(): Expr {
    let x = this.not();
    while (this.tok === '&&') x = { op: 'and', x, y: this.not() };
    return x;
  }

  private not(): Expr {
    if (++this.size > maxSize) throw new ConstraintSyntaxError('build expression too large');
    this.lex();
    if (this.tok !== '!') return this.atom();
    this.lex();
    if (this.tok === '!') throw new ConstraintSyntaxError('double negation not allowed');
    return not(this.atom());
  }

  private atom(): Expr {
    if (this.tok === '(') return this.parenthesized();
    if (!this.isTag) {
      throw new ConstraintSyntaxError(this.tok === '' ? 'unexpected end of expression' : `unexpected token ${this.tok}`);
    }
    const name = this.tok;
    this.lex();
    return tag(name);
  }

  private parenthesized(): Expr {
    let x: Expr;
    try {
      x = this.or();
    } catch (error) {
      // Running out of input inside parentheses is reported as the missing `)`, as Go does.
      if (error instanceof ConstraintSyntaxError && error.message === 'unexpected end of expression') {
        throw new ConstraintSyntaxError('missing close paren');
      }
      throw error;
    }
    if (this.tok !== ')') throw new ConstraintSyntaxError('missing close paren');
    this.lex();
    return x;
  }

  private lex(): void {
    const s = this.s;
    this.isTag = false;
    while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t')) this.i++;
    const c = s[this.i];
    if (c === undefined) {
      this.tok = '';
    } else if (c === '(' || c === ')' || c === '!') {
      this.take(1);
    } else if (c === '&' || c === '|') {
      if (s[this.i + 1] !== c) throw new ConstraintSyntaxError(`invalid syntax at ${c}`);
      this.take(2);
    } else {
      tagRun.lastIndex = this.i;
      const word = tagRun.exec(s)?.[0];
      if (word === undefined) throw new ConstraintSyntaxError(`invalid syntax at ${String.fromCodePoint(s.codePointAt(this.i)!)}`);
      this.take(word.length);
      this.isTag = true;
    }
  }

  private take(length: number): void {
    this.tok = this.s.slice(this.i, this.i + length);
    this.i += length;
  }
}
