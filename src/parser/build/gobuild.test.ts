// Differential tests: our port against Go's own go/build Context.MatchFile (run by
// test/tools/matchfile), over every .go file of the installed GOROOT/src (testdata included), over
// the unit tests' tables, and over a seeded random corpus of constraint headers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { describeWith, goEnv } from '../../../test/support/tools.js';
import { defaultBuildContext } from './index.js';
import { type FileMatch, matchFile, matchGoSource } from './match.js';
import { goBuildErrorCases, headerCases, nameCases, withHeader } from './test-helpers.js';

interface GoAnswer {
  path: string;
  match: boolean;
  error?: string;
  importsC: boolean;
}

const tool = fileURLToPath(new URL('../../../test/tools/matchfile/main.go', import.meta.url));
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gofn-matchfile-'));
  temps.push(dir);
  return dir;
}

/** Runs the Go side from an empty temp dir, so no go.mod around the repo can change how it builds. */
function goAnswers(root: string): GoAnswer[] {
  const out = execFileSync('go', ['run', tool, root], { cwd: tempDir(), env: goEnv(), encoding: 'utf8', maxBuffer: 256 << 20 });
  return out.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as GoAnswer);
}

/** MatchFile keeps `_test.go` files, which SPEC §1 drops; compare those through the shared core. */
function ours(path: string, text: string): FileMatch {
  const name = basename(path);
  const byName = matchFile(name, text, defaultBuildContext);
  return !byName.include && byName.reason === 'test-file' ? matchGoSource(name, text, defaultBuildContext) : byName;
}

/** Describes a disagreement, or returns undefined when our answer is Go's (error messages included). */
function disagreement(go: GoAnswer, mine: FileMatch): string | undefined {
  if (go.error !== undefined) {
    const message = mine.include || mine.reason !== 'invalid-constraint' ? undefined : `${basename(go.path)}: ${mine.message}`;
    return message === go.error ? undefined : `${go.path}: go says error ${go.error}, we say ${JSON.stringify(mine)}`;
  }
  return go.match === mine.include ? undefined : `${go.path}: go says ${go.match}, we say ${JSON.stringify(mine)}`;
}

/** Compares every file under `root` with Go's answer, logs the counts, and returns the disagreements. */
function compare(label: string, root: string): string[] {
  const answers = goAnswers(root);
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM, as the contract says callers do
  const problemsIn = (list: GoAnswer[]) =>
    list.flatMap((go) => disagreement(go, ours(go.path, decoder.decode(readFileSync(join(root, go.path))))) ?? []);
  // go/build's Import (not MatchFile, in Go 1.19) drops `import "C"` files without cgo: not asserted.
  const compared = answers.filter((go) => !go.importsC);
  const cgo = answers.filter((go) => go.importsC);
  const problems = problemsIn(compared);
  const excluded = compared.filter((go) => !go.match).length;
  const errors = compared.filter((go) => go.error !== undefined).length;
  console.log(
    `${label}: ${compared.length - problems.length}/${compared.length} files agree with go/build MatchFile ` +
      `(${excluded} excluded by Go, ${errors} of them with constraint errors); ` +
      `importing "C", not asserted: ${cgo.length - problemsIn(cgo).length}/${cgo.length} agree`,
  );
  return problems;
}

function writeFiles(files: Iterable<[string, string]>): string {
  const root = tempDir();
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A small seeded generator (mulberry32), so a failing random case can be reproduced. */
function random(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const tags = ['linux', 'windows', 'amd64', 'arm64', 'unix', 'cgo', 'gc', 'gccgo', 'go1.18', 'go1.21', 'ignore', 'android', 'x.y', '386'];
const junk = ['!!', ',', '&', '|', '(', ')', '-', '//', '\u00a0'];
const spaces = ['', ' ', '  ', '\t'];
const suffixes = ['', '_linux', '_windows', '_amd64', '_arm64', '_linux_arm64', '_test', '_windows_test', '_unix', '_x_windows', '.pb'];

/** A random //go:build expression, now and then with a token that makes it a syntax error. */
function expression(pick: (n: number) => number, depth: number): string {
  const sp = () => spaces[pick(spaces.length)]!;
  const r = pick(depth > 2 ? 2 : 6);
  if (pick(40) === 0) return junk[pick(junk.length)]!;
  if (r <= 1) return (pick(4) === 0 ? '!' : '') + tags[pick(tags.length)]!;
  if (r === 2) return `!(${expression(pick, depth + 1)})`;
  if (r === 3) return `(${sp()}${expression(pick, depth + 1)}${sp()})`;
  return `${expression(pick, depth + 1)}${sp()}${r === 4 ? '&&' : '||'}${sp()}${expression(pick, depth + 1)}`;
}

function plusBuild(pick: (n: number) => number): string {
  const literal = () => (pick(3) === 0 ? '!' : '') + (pick(15) === 0 ? junk[pick(junk.length)]! : tags[pick(tags.length)]!);
  const clause = () => Array.from({ length: 1 + pick(3) }, literal).join(',');
  return Array.from({ length: pick(4) }, clause).join(' ');
}

function headerLine(pick: (n: number) => number): string {
  const lines = [
    () => '',
    () => spaces[pick(spaces.length)]!,
    () => '// comment',
    () => `${spaces[pick(spaces.length)]}//go:build ${expression(pick, 0)}`,
    () => `//go:build ${expression(pick, 0)}`,
    () => `// +build ${plusBuild(pick)}`,
    () => `//+build ${plusBuild(pick)}`,
    () => ['/* c */', '/*', 'x */', '*/', '/* a */ /* b', '/* a */ // b', '/* a */ x'][pick(7)]!,
    () => ['\u00a0', '\u0085', '\ufeff', '// +buildx', '//go:buildx', '//go:build', '// +build'][pick(7)]!,
    () => ['package p', 'import "fmt"', '/* c */ package p', 'func f() {}'][pick(4)]!,
  ];
  return lines[pick(lines.length)]!();
}

/** Yields `count` random files: names with and without GOOS/GOARCH suffixes, headers of mixed lines. */
function* randomFiles(count: number): Generator<[string, string]> {
  const pick = random(20240611);
  for (let i = 0; i < count; i++) {
    const lines = Array.from({ length: 1 + pick(7) }, () => headerLine(pick));
    if (pick(5) > 0) lines.push('package p');
    yield [`r${i}${suffixes[pick(suffixes.length)]}.go`, lines.join(pick(6) === 0 ? '\r\n' : '\n') + '\n'];
  }
}

/** Whether this Go limits expression sizes (CVE-2024-34158: fixed in 1.22.7, 1.23.1 and later). */
function hasSizeLimits(): boolean {
  const version = execFileSync('go', ['env', 'GOVERSION'], { env: goEnv(), encoding: 'utf8' });
  const [, minor = 0, patch = 0] = (/^go1\.(\d+)(?:\.(\d+))?/.exec(version) ?? []).map(Number);
  return minor > 23 || (minor === 23 && patch >= 1) || (minor === 22 && patch >= 7);
}

function* tableFiles(): Generator<[string, string]> {
  const limits = hasSizeLimits();
  for (const [name] of nameCases) if (name.endsWith('.go')) yield [`names/${name}`, 'package p\n'];
  for (const [i, [what, text]] of headerCases.entries()) {
    if (limits || !what.includes('too complex')) yield [`headers/h${i}.go`, text];
  }
  for (const [i, [line]] of goBuildErrorCases.entries()) yield [`errors/e${i}.go`, withHeader(line)];
  yield ['errors/twice.go', '//go:build linux\n//go:build linux\n\npackage p\n'];
}

describeWith('go', 'matchFile agrees with go/build MatchFile', () => {
  test('on every .go file of GOROOT/src', { timeout: 60_000 }, () => {
    const goroot = execFileSync('go', ['env', 'GOROOT'], { env: goEnv(), encoding: 'utf8' }).trim();
    expect(compare('GOROOT/src', join(goroot, 'src')).slice(0, 20)).toEqual([]);
  });

  test("on the unit tests' tables", { timeout: 30_000 }, () => {
    expect(compare('tables', writeFiles(tableFiles())).slice(0, 20)).toEqual([]);
  });

  test('on 4000 random constraint headers', { timeout: 30_000 }, () => {
    expect(compare('random', writeFiles(randomFiles(4000))).slice(0, 20)).toEqual([]);
  });
});
