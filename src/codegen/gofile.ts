/**
 * GoFile: a small builder for one generated Go file. It records imports as code asks for them
 * (`ident('net/http', 'Request')`) and renders gofmt-stable text, because there is no gofmt in a
 * browser: tabs for indentation, imports sorted with the standard library first, and no column
 * alignment that gofmt would redo.
 */
import { GenerateError } from './error.js';

/** The names Go predeclares; a package main that redeclares one the generated code uses cannot be joined. */
const predeclared = new Set([
  'any', 'append', 'bool', 'byte', 'cap', 'close', 'comparable', 'complex', 'complex64', 'complex128',
  'copy', 'delete', 'error', 'false', 'float32', 'float64', 'imag', 'int', 'int8', 'int16', 'int32',
  'int64', 'iota', 'len', 'make', 'new', 'nil', 'panic', 'print', 'println', 'real', 'recover', 'rune',
  'string', 'true', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);

/** The options of a GoFile: the package-level names it must not reuse, and the user package's import. */
export interface GoFileOptions {
  /** Package-level names of the package the file joins (package main served in place), else empty. */
  reserved: readonly string[];
  /** The user's package, imported under `alias`; absent when the file joins that package. */
  user?: { path: string; alias: string };
}

/** A GoFile collects imports, top-level sections and lines, and renders them as gofmt would. */
export class GoFile {
  /** The prefix of every top-level name the file declares (`gofn`, unless the package uses it). */
  readonly prefix: string;
  private readonly reserved: ReadonlySet<string>;
  private readonly user: GoFileOptions['user'];
  private readonly imports = new Map<string, string>();
  private readonly sections: string[] = [];

  constructor(options: GoFileOptions) {
    this.reserved = new Set(options.reserved);
    this.user = options.user;
    this.prefix = choosePrefix(options.reserved);
  }

  /** Records the standard-library import `path` and returns the name to qualify it with. */
  use(path: string): string {
    let name = this.imports.get(path);
    if (name === undefined) {
      const base = path.slice(path.lastIndexOf('/') + 1);
      // No package-level name starts with the prefix, so the prefixed form cannot collide.
      name = this.reserved.has(base) ? this.prefix + base : base;
      this.imports.set(path, name);
    }
    return name;
  }

  /** Records the import of `path` and returns `name` qualified by it (`http.Request`). */
  ident(path: string, name: string): string {
    return `${this.use(path)}.${name}`;
  }

  /** The name under which `path` is imported, or undefined when nothing asked for it. */
  importName(path: string): string | undefined {
    return this.imports.get(path);
  }

  /** Appends a top-level section: Go text indented with two spaces per level (see `goBlock`). */
  block(text: string): void {
    this.sections.push(goBlock(text));
  }

  /** Puts a top-level section before all others (for `main` and the guard, written last). */
  prepend(text: string): void {
    this.sections.unshift(goBlock(text));
  }

  /** Renders the file: `head` (comments and the package clause), imports, then the sections. */
  render(head: string): string {
    const parts = [head];
    const importBlock = this.renderImports();
    if (importBlock) parts.push(importBlock);
    parts.push(...this.sections);
    const text = parts.join('\n\n') + '\n';
    this.checkPredeclared(text);
    return text;
  }

  private renderImports(): string {
    const std = [...this.imports]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, name]) => (path.endsWith(`/${name}`) || path === name ? `"${path}"` : `${name} "${path}"`));
    const groups = [std.map((spec) => `\t${spec}`).join('\n')];
    if (this.user) groups.push(`\t${this.user.alias} "${this.user.path}"`);
    const body = groups.filter((group) => group !== '').join('\n\n');
    return body === '' ? '' : `import (\n${body}\n)`;
  }

  /** Throws when the joined package redeclares a predeclared name that the code relies on. */
  private checkPredeclared(text: string): void {
    const code = text.replace(/\/\/.*$/gm, '').replace(/"(?:[^"\\\n]|\\.)*"|`[^`]*`/g, '""');
    const used = new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g));
    const shadowed = [...this.reserved].filter((name) => predeclared.has(name) && used.has(name)).sort();
    if (shadowed.length > 0) {
      throw new GenerateError(`package main redeclares ${shadowed.join(', ')}, which the generated code needs`);
    }
  }
}

/** Picks `gofn`, or `gofn2`, `gofn3`, … when a package-level name already starts with it. */
function choosePrefix(reserved: readonly string[]): string {
  for (let n = 1; ; n++) {
    const prefix = n === 1 ? 'gofn' : `gofn${n}`;
    if (!reserved.some((name) => name.startsWith(prefix))) return prefix;
  }
}

/**
 * Turns a template-literal block into Go text: drops the first and last blank lines, removes the
 * common indentation of spaces, and turns each remaining two leading spaces into a tab, so
 * TypeScript sources stay readable and the output is indented the way gofmt indents. Tabs are kept.
 */
export function goBlock(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const spaces = (line: string) => line.length - line.replace(/^ +/, '').length;
  const common = Math.min(...lines.filter((line) => line.trim() !== '').map(spaces));
  return lines
    .map((line) => {
      if (line.trim() === '') return '';
      const rest = line.slice(common);
      const indent = spaces(rest);
      return '\t'.repeat(Math.floor(indent / 2)) + rest.slice(indent);
    })
    .join('\n');
}
