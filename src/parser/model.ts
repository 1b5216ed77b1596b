/**
 * The typed model of a Go package that the parser room hands to the signatures room.
 * It carries only what detection needs (imports, type declarations, function signatures),
 * every piece with its position, and never a web-tree-sitter node.
 */

/** A Position is a place in a file: 1-based line, 1-based column in UTF-8 bytes, 0-based UTF-8 byte offset (as go/token). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A Range is a half-open span of a file, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

interface TypeBase {
  /** The type as written, with gofmt spacing (parentheses kept). */
  text: string;
  range: Range;
}

/**
 * A TypeExpr is a type as written in the source. Parentheses are unwrapped (their text stays in
 * `text`). `unknown` stands for syntax tree-sitter could not read as a type.
 */
export type TypeExpr =
  | (TypeBase & { kind: 'name'; name: string })
  | (TypeBase & { kind: 'qualified'; qualifier: string; name: string })
  | (TypeBase & { kind: 'generic'; base: TypeExpr; args: TypeExpr[] })
  | (TypeBase & { kind: 'pointer'; elem: TypeExpr })
  | (TypeBase & { kind: 'slice'; elem: TypeExpr })
  | (TypeBase & { kind: 'array'; elem: TypeExpr })
  | (TypeBase & { kind: 'map'; key: TypeExpr; value: TypeExpr })
  | (TypeBase & { kind: 'chan'; dir: ChanDir; elem: TypeExpr })
  | (TypeBase & { kind: 'func'; params: Param[]; results: Param[]; variadic: boolean })
  /** `empty` is true for `interface{}`: no methods and no embedded elements. */
  | (TypeBase & { kind: 'interface'; empty: boolean })
  | (TypeBase & { kind: 'struct' })
  | (TypeBase & { kind: 'unknown' });

/** ChanDir is a channel's direction: `chan T`, `chan<- T` or `<-chan T`. */
export type ChanDir = 'both' | 'send' | 'recv';

/** A Param is one parameter or result; grouped names (`a, b string`) become one Param each. */
export interface Param {
  /** The name, or null when unnamed; `_` is kept as `_`. */
  name: string | null;
  type: TypeExpr;
  /** The span of the name and type (just the type when unnamed). */
  range: Range;
}

/** An Import is one import spec of a file. */
export interface Import {
  /** The explicit name (`nethttp`, `.`, `_`), or null when none is written. */
  name: string | null;
  path: string;
  range: Range;
}

/** A TypeDecl is one package-level type spec: a defined type or an alias. */
export interface TypeDecl {
  name: string;
  alias: boolean;
  /** Names of the type parameters, empty when not generic. */
  typeParams: string[];
  type: TypeExpr;
  file: string;
  range: Range;
}

/** A FuncDecl is a package-level function or method declaration. */
export interface FuncDecl {
  name: string;
  /** The receiver type for a method, null for a function. */
  receiver: TypeExpr | null;
  typeParams: string[];
  params: Param[];
  results: Param[];
  /** True when the last parameter is `...T` (its Param's type is T). */
  variadic: boolean;
  file: string;
  /** From `func` to just after the closing `}` (or the end of the signature when there is no body). */
  range: Range;
  nameRange: Range;
  /** The span of the parameter list, parentheses included. */
  paramsRange: Range;
  /** The span of the result (list or single type), or null when there is none. */
  resultsRange: Range | null;
}

/**
 * A LeftOutFunc is a package-level function whose signature no kind can match: the pre-scan
 * leaves it out of the parse, so only its name and where it stands are known.
 */
export interface LeftOutFunc {
  name: string;
  file: string;
  /** Where the name stands, worked out when asked: a package has many, and only `--target` asks. */
  nameRange: () => Range;
}

/** A GoFile is one selected file of the package. */
export interface GoFile {
  name: string;
  packageName: string;
  imports: Import[];
  /** Every name this file declares at package level (types, funcs, vars, consts; not methods). */
  declaredNames: string[];
}

/** A SyntaxProblem is a place tree-sitter could not parse (an ERROR or MISSING node). */
export interface SyntaxProblem {
  file: string;
  range: Range;
  /** The missing token's text for a MISSING node, else null. */
  missing: string | null;
}

/** A GoPackage is the model of the files that make one package. */
export interface GoPackage {
  /** The package clause shared by the files (the first file's when they disagree). */
  name: string;
  files: GoFile[];
  types: TypeDecl[];
  funcs: FuncDecl[];
  leftOutFuncs: LeftOutFunc[];
  /**
   * Reads the unexported functions that the pre-scan deferred (they are in leftOutFuncs too):
   * only a package without candidates needs them, to look for near misses.
   */
  deferredFuncs: () => FuncDecl[];
  syntaxProblems: SyntaxProblem[];
}

/** isExported is go/ast.IsExported: the first character is an upper-case letter (unicode.IsUpper). */
export function isExported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}
