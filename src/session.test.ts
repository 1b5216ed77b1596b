// A session must answer exactly what detect() answers over the same texts, after any edits,
// and must free every tree it replaces.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Tree } from 'web-tree-sitter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createGoParser, type GoParser } from './parser/index.js';
import { detect, NoPackageError, type DetectOptions } from './detect.js';
import { createSession, type Session, type TextChange } from './session.js';
import { random } from '../test/support/random.js';

const fixturesDir = new URL('../fixtures/', import.meta.url);
const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function fixtureFiles(name: string): Map<string, string> {
  const dir = new URL(`${name}/`, fixturesDir);
  const files = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) if (file.endsWith('.go')) files.set(file, readFileSync(new URL(file, dir), 'utf8'));
  return files;
}

function fixtureOptions(name: string): DetectOptions {
  const file = new URL(`${name}/options.json`, fixturesDir);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

let parser: GoParser;
let live = 0;
let parses = 0;
const originalDelete = Tree.prototype.delete;
beforeAll(async () => {
  parser = await createGoParser();
  const parse = parser.treeSitter.parse.bind(parser.treeSitter);
  // Count trees alive: every tree tree-sitter hands out must be deleted exactly once.
  parser.treeSitter.parse = ((...args: Parameters<typeof parse>) => {
    const tree = parse(...args);
    parses++;
    if (tree) live++;
    return tree;
  }) as typeof parse;
  Tree.prototype.delete = function (this: Tree) {
    live--;
    originalDelete.call(this);
  };
});
afterAll(() => {
  Tree.prototype.delete = originalDelete;
  parser.dispose();
});

/** What detect() says about the texts, or the NoPackageError it throws. */
function expected(files: Map<string, string>, options: DetectOptions): unknown {
  try {
    return detect(parser, [...files].map(([name, text]) => ({ name, text })), options);
  } catch (error) {
    if (error instanceof NoPackageError) return { error: error.message };
    throw error;
  }
}

function actual(session: Session): unknown {
  try {
    return session.detect();
  } catch (error) {
    if (error instanceof NoPackageError) return { error: error.message };
    throw error;
  }
}

const snippets = [
  'x', ' ', '\n', '\t', '{', '}', '(', ')', '"', '`', '/*', '*/', '// c\n', ';', 'é', '😀', '\ud83d', '\r\n', '\0',
  'return nil\n', 'if x {\n', 'func F() {}\n', 'func Handle(w http.ResponseWriter, r *http.Request) {}\n',
  'func Up(s string) (string, error) { return s, nil }\n', 'package q\n', '//go:build ignore\n\n', 'import "C"\n',
  'type T = string\n', '*', '\uFEFF', '\\', "'", '[', ']', '\nfunc G() {\n', '\nfunc (T) M() {}\n', '\nvar v = T{\n', '\n}\n',
];

/** Typing inside a body: what most edits are, and what must not reparse. */
const typed = ['x', 'y', ' ', '\n\t', 'é', '_ = 1\n\t'];

/** One random edit of `text`: an insertion, a deletion or a replacement, mostly small. */
function randomChange(next: () => number, text: string): TextChange {
  // Half the edits land just inside a block (most often a body), where the pre-scan leaves text out.
  const open = next() < 0.5 ? text.indexOf('{', Math.floor(next() * text.length)) : -1;
  const start = open === -1 ? Math.floor(next() * (text.length + 1)) : Math.min(text.length, open + 1 + Math.floor(next() * 10));
  const end = next() < 0.5 ? start : Math.min(text.length, start + Math.floor(next() * 8));
  const pool = next() < 0.3 ? typed : snippets;
  const insert = next() < 0.3 && end > start ? '' : pool[Math.floor(next() * pool.length)]!;
  return { start, end, text: insert };
}

function apply(text: string, changes: TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.start) + c.text + t.slice(c.end), text);
}

describe('a session answers what detect() answers', () => {
  test.each(fixtures)('random edits of fixtures/%s', (name) => {
    const options = fixtureOptions(name);
    const files = fixtureFiles(name);
    const session = createSession(parser, options);
    for (const [file, text] of files) session.setFile(file, text);
    expect(actual(session)).toEqual(expected(files, options));
    const next = random([...name].reduce((h, c) => h * 31 + c.charCodeAt(0), 7) >>> 0);
    for (let step = 0; step < 100; step++) {
      const names = [...files.keys()];
      const roll = next();
      if (roll < 0.03 && names.length > 0) {
        const gone = names[Math.floor(next() * names.length)]!;
        files.delete(gone);
        session.removeFile(gone);
      } else if (roll < 0.06) {
        files.set('extra.go', 'package ' + (next() < 0.5 ? 'q' : 'main') + '\n\nfunc Extra() error { return nil }\n');
        session.setFile('extra.go', files.get('extra.go')!);
      } else if (names.length > 0) {
        const file = names[Math.floor(next() * names.length)]!;
        const changes: TextChange[] = [];
        let text = files.get(file)!;
        for (let k = next() < 0.8 ? 1 : 3; k > 0; k--) {
          const change = randomChange(next, text);
          changes.push(change);
          text = apply(text, [change]);
        }
        files.set(file, text);
        session.editFile(file, changes);
      }
      expect(session.text(names[0] ?? '')).toBe(files.get(names[0] ?? ''));
      expect(actual(session), `${name} step ${step}`).toEqual(expected(files, options));
    }
    session.dispose();
  });
});

const twoFuncs = 'package fn\n\n// é before\nfunc A(s string) string {\n\treturn s\n}\n\nfunc B(s string) string {\n\treturn "ü" + s\n}\n';

describe('edits', () => {
  test('an edit inside a body reuses the classification and moves later ranges', () => {
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    const before = session.detect();
    const at = twoFuncs.indexOf('return "ü"');
    const parsed = parses;
    session.editFile('fn.go', [{ start: at, end: at, text: 'x := "😀é"\n\t_ = x\n\t' }]);
    const after = session.detect();
    // The pre-scan leaves the body out, so tree-sitter would see the same text: no parse at all.
    expect(parses).toBe(parsed);
    expect(after).toEqual(expected(new Map([['fn.go', session.text('fn.go')!]]), {}));
    // A's entry did not move, so it is the very object the cache held: nothing was re-analysed.
    expect(after.functions[0]).toBe(before.functions[0]);
    expect(after.functions[1]!.range.end.line).toBe(before.functions[1]!.range.end.line + 2);
    session.dispose();
  });

  test('several changes in one body, as one LSP notification, keep the classification too', () => {
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    const before = session.detect();
    const at = twoFuncs.indexOf('return "ü"');
    const changes = [
      { start: at, end: at, text: '_ = 1\n\t' },
      { start: at + 9, end: at + 9, text: 'é' },
      { start: at, end: at + 1, text: '' },
    ];
    session.editFile('fn.go', changes);
    const after = session.detect();
    expect(session.text('fn.go')).toBe(apply(twoFuncs, changes));
    expect(after).toEqual(expected(new Map([['fn.go', session.text('fn.go')!]]), {}));
    expect(after.functions[0]).toBe(before.functions[0]);
    session.dispose();
  });

  test('non-ASCII text before an edit on the same line keeps tree-sitter points in UTF-16 columns', () => {
    const text = 'package fn\n\nfunc A() string {\n\ts := "é😀"; return s\n}\n';
    const session = createSession(parser);
    session.setFile('fn.go', text);
    const at = text.indexOf('return');
    session.editFile('fn.go', [{ start: at, end: at, text: 'é' }]);
    session.editFile('fn.go', [{ start: at, end: at + 1, text: '' }]);
    expect(session.detect()).toEqual(expected(new Map([['fn.go', text]]), {}));
    session.dispose();
  });

  test('edits inside a body after a byte order mark, at the body\'s first unit and up to its `}`, need no parse', () => {
    const text = '\uFEFFpackage fn\n\nfunc A() string {\n\treturn "é"\n}\n\nfunc B() {}\n';
    const session = createSession(parser);
    session.setFile('fn.go', text);
    session.detect();
    const parsed = parses;
    const open = text.indexOf('{') + 1;
    const close = text.indexOf('}');
    session.editFile('fn.go', [{ start: open, end: open, text: ' x := 1\n' }]);
    session.editFile('fn.go', [{ start: open + 2, end: close + 8, text: 'y' }]);
    expect(parses).toBe(parsed);
    expect(session.detect()).toEqual(expected(new Map([['fn.go', session.text('fn.go')!]]), {}));
    // A `{` inside the body changes what the pre-scan leaves out: that edit parses.
    session.editFile('fn.go', [{ start: open, end: open, text: '{' }]);
    expect(parses).toBeGreaterThan(parsed);
    expect(session.detect()).toEqual(expected(new Map([['fn.go', session.text('fn.go')!]]), {}));
    session.dispose();
  });

  test('breaking and fixing syntax', () => {
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    const clean = session.detect();
    const at = twoFuncs.indexOf('return s\n}');
    session.editFile('fn.go', [{ start: at, end: at, text: 'if (' }]);
    const broken = session.detect();
    expect(broken.diagnostics.some((d) => d.code === 'syntax-error')).toBe(true);
    expect(broken).toEqual(expected(new Map([['fn.go', session.text('fn.go')!]]), {}));
    session.editFile('fn.go', [{ start: at, end: at + 4, text: '' }]);
    expect(session.detect()).toEqual(clean);
    session.dispose();
  });

  test('a build constraint added by an edit leaves the file out, and removing every file is no package', () => {
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    session.setFile('other.go', 'package fn\n\nfunc C() {}\n');
    session.editFile('fn.go', [{ start: 0, end: 0, text: '//go:build windows\n\n' }]);
    expect(session.detect().files).toEqual(['other.go']);
    session.editFile('fn.go', [{ start: 0, end: '//go:build windows\n\n'.length, text: '' }]);
    expect(session.detect().files).toEqual(['fn.go', 'other.go']);
    session.removeFile('other.go');
    session.editFile('fn.go', [{ start: 0, end: 0, text: '//go:build ignore\n\n' }]);
    expect(() => session.detect()).toThrow('build constraints exclude all Go files in .');
    session.removeFile('fn.go');
    expect(() => session.detect()).toThrow(NoPackageError);
    expect(() => session.detect()).toThrow('no Go files in .');
    session.dispose();
  });

  test('a change outside the text is refused before anything changes', () => {
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    const before = session.detect();
    expect(() => session.editFile('fn.go', [{ start: 0, end: 0, text: 'x' }, { start: 0, end: twoFuncs.length + 5, text: '' }])).toThrow(RangeError);
    expect(session.text('fn.go')).toBe(twoFuncs);
    expect(session.detect()).toEqual(before);
    expect(() => session.editFile('none.go', [])).toThrow('no file none.go');
    session.dispose();
  });
});

describe('trees', () => {
  test('one tree per parsed file, none after dispose, flat over 10,000 edits', () => {
    const start = live;
    const session = createSession(parser);
    session.setFile('fn.go', twoFuncs);
    session.setFile('fn_test.go', 'package fn\n');
    session.setFile('README.md', '# fn\n');
    expect(live - start).toBe(1);
    const at = twoFuncs.indexOf('return s');
    for (let i = 0; i < 10_000; i++) {
      // Alternate a body edit, its undo and, now and then, a signature edit (a full reload).
      const change = i % 2 === 0 ? { start: at, end: at, text: i % 100 === 0 ? '}' : 'y' } : { start: at, end: at + 1, text: '' };
      session.editFile('fn.go', [change]);
      if (i % 50 === 0) session.detect();
    }
    expect(session.text('fn.go')).toBe(twoFuncs);
    expect(live - start).toBe(1);
    session.setFile('fn.go', twoFuncs);
    expect(live - start).toBe(1);
    session.removeFile('fn.go');
    expect(live - start).toBe(0);
    session.setFile('fn.go', twoFuncs);
    session.dispose();
    expect(live - start).toBe(0);
    expect(() => session.detect()).toThrow('disposed');
  });
});
