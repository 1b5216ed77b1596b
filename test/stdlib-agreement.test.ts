/**
 * The differential test against the real Go type checker. test/tools/gotypes selects each
 * package's files with go/build pinned to SPEC §1, resolves names with go/types and applies
 * SPEC §3; gofn-detect's CLI must agree with it on every package directory of the installed
 * Go's own source tree (std and cmd): same package name and, for every function, the same
 * kind, form and returnsError.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeWith, goEnv } from './support/tools.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const toolDir = join(repo, 'test', 'tools', 'gotypes');
// GOFN_DETECT_CLI points the test at another build (a packed or installed one, say).
const cli = process.env.GOFN_DETECT_CLI ?? join(repo, 'dist', 'cli.js');
const minutes = 60_000;

/** What both sides say about a function: the fields the two must agree on. */
interface Fn {
  name: string;
  kind: string;
  form?: string;
  returnsError: boolean;
}

/** One directory's entry, in the union of both outputs' shapes. */
interface Entry {
  dir: string;
  package?: string | { name: string };
  files?: string[];
  functions?: Fn[];
  error?: string;
  typeErrors?: string[];
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** run executes a command to the end, feeding it input, and never rejects on an exit code. */
function run(cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(options.input ?? '');
  });
}

function mustSucceed(what: string, ran: Ran, ok: (code: number | null) => boolean = (code) => code === 0): string {
  if (!ok(ran.code)) throw new Error(`${what} exited ${ran.code}: ${ran.stderr.trim().slice(0, 2000)}`);
  return ran.stdout;
}

/**
 * packageDirs lists every directory under root, relative and `/`-separated, as `go list`
 * would walk it: symlinks are not followed, and testdata, vendor and `.`/`_` names are skipped.
 */
function packageDirs(root: string, rel = ''): string[] {
  const dirs: string[] = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const name = entry.name;
    if (!entry.isDirectory() || name === 'testdata' || name === 'vendor' || /^[._]/.test(name)) continue;
    const sub = rel === '' ? name : `${rel}/${name}`;
    dirs.push(sub, ...packageDirs(root, sub));
  }
  return dirs.sort();
}

function packageName(entry: Entry): string | undefined {
  return typeof entry.package === 'string' ? entry.package : entry.package?.name;
}

function describeFn(fn: Fn | undefined): string {
  if (!fn) return 'unclassified';
  return `${fn.kind}${fn.form ? ` ${fn.form}` : ''}${fn.returnsError ? ' with error' : ''}`;
}

function sameFn(a: Fn | undefined, b: Fn | undefined): boolean {
  return describeFn(a) === describeFn(b);
}

/** A Tally counts what was compared and lists where the two sides differ. */
interface Tally {
  packages: number;
  functions: number;
  agreed: number;
  kinds: Map<string, number>;
  diffs: string[];
}

/** comparePackage compares one directory's two entries, adding to the tally. */
function comparePackage(ref: Entry, ours: Entry | undefined, tally: Tally): void {
  if (!ours) {
    tally.diffs.push(`${ref.dir}: missing from gofn-detect's output`);
    return;
  }
  if (ref.error !== undefined || ours.error !== undefined) {
    // Both sides find no package there: nothing to compare, and not counted.
    if (ref.error === undefined || ours.error === undefined) {
      tally.diffs.push(`${ref.dir}: go/build says ${ref.error ?? 'a package'}, gofn-detect says ${ours.error ?? 'a package'}`);
    }
    return;
  }
  tally.packages++;
  if (packageName(ref) !== packageName(ours)) {
    tally.diffs.push(`${ref.dir}: package ${packageName(ref)} by go/build, ${packageName(ours)} by gofn-detect`);
  }
  compareFiles(ref, ours, tally);
  const theirs = new Map((ref.functions ?? []).map((fn) => [fn.name, fn]));
  const mine = new Map((ours.functions ?? []).map((fn) => [fn.name, fn]));
  for (const name of new Set([...theirs.keys(), ...mine.keys()])) {
    const [a, b] = [theirs.get(name), mine.get(name)];
    tally.functions++;
    if (a) tally.kinds.set(a.kind, (tally.kinds.get(a.kind) ?? 0) + 1);
    if (sameFn(a, b)) tally.agreed++;
    else tally.diffs.push(`${ref.dir}: ${name}: go/types says ${describeFn(a)}, gofn-detect says ${describeFn(b)}`);
  }
}

/** SPEC §1's file selection, compared where gofn-detect reports it (`files` is an extra field). */
function compareFiles(ref: Entry, ours: Entry, tally: Tally): void {
  if (!ours.files) return;
  const mine = new Set(ours.files);
  const theirs = new Set(ref.files ?? []);
  const onlyRef = [...theirs].filter((file) => !mine.has(file));
  const onlyOurs = [...mine].filter((file) => !theirs.has(file));
  if (onlyRef.length + onlyOurs.length > 0) {
    tally.diffs.push(`${ref.dir}: files only go/build selects: [${onlyRef.join(' ')}]; only gofn-detect: [${onlyOurs.join(' ')}]`);
  }
}

function summary(tally: Tally): string {
  const kinds = [...tally.kinds].map(([kind, count]) => `${kind} ${count}`).join(', ');
  return `stdlib agreement: ${tally.agreed}/${tally.functions} functions in ${tally.packages} packages (${kinds})`;
}

/**
 * compareRuns runs the reference and gofn-detect over dirs (relative to cwd) and compares them.
 * builtin redeclares the predeclared types, which go/types rejects; anywhere else a type error
 * means go/types could not resolve everything, and the comparison would be weaker.
 */
async function compareRuns(tool: string, dirs: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Tally> {
  const [refOut, ourOut] = await Promise.all([
    run(tool, [], { cwd, env, input: `${dirs.join('\n')}\n` }),
    run(process.execPath, [cli, ...dirs], { cwd, env }),
  ]);
  const ref = JSON.parse(mustSucceed('gotypes', refOut)) as Entry[];
  // SPEC §4: 0 when some package has a selection, 1 when none does; 2 is a usage error.
  const ours = JSON.parse(mustSucceed('gofn-detect', ourOut, (code) => code === 0 || code === 1)) as Entry[];
  expect(ref.filter((e) => e.typeErrors && e.dir !== 'builtin').map((e) => `${e.dir}: ${e.typeErrors?.[0]}`)).toEqual([]);
  const byDir = new Map(ours.map((entry) => [entry.dir, entry]));
  const tally: Tally = { packages: 0, functions: 0, agreed: 0, kinds: new Map(), diffs: [] };
  for (const entry of ref) comparePackage(entry, byDir.get(entry.dir), tally);
  return tally;
}

function expectAgreement(tally: Tally): void {
  expect(tally.diffs.slice(0, 30), `${tally.diffs.length} disagreements; the first 30:`).toEqual([]);
}

describeWith('go', 'agreement with go/types', () => {
  let work = '';
  let tool = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gofn-gotypes-'));
    tool = join(work, 'gotypes');
    mustSucceed('go build gotypes', await run('go', ['build', '-o', tool, '.'], { cwd: toolDir, env: goEnv() }));
  }, 5 * minutes);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  test('the reference classifier passes its own fixtures', async () => {
    mustSucceed('go test (test/tools/gotypes)', await run('go', ['test', './...'], { cwd: toolDir, env: goEnv() }));
  }, 5 * minutes);

  test('gofn-detect classifies the reference fixtures as go/types does', async () => {
    expect(existsSync(cli), `${cli} is missing: run npm run build first`).toBe(true);
    const dirs = packageDirs(join(toolDir, 'testdata')).map((dir) => `testdata/${dir}`);
    const tally = await compareRuns(tool, dirs, toolDir, { ...goEnv(), PWD: toolDir });
    expect(tally.packages).toBe(dirs.length);
    expectAgreement(tally);
  }, 5 * minutes);

  test('gofn-detect classifies every std and cmd package as go/types does', async () => {
    expect(existsSync(cli), `${cli} is missing: run npm run build first`).toBe(true);
    warnIfStale();
    const goroot = mustSucceed('go env GOROOT', await run('go', ['env', 'GOROOT'], { cwd: repo, env: goEnv() })).trim();
    const srcRoot = join(goroot, 'src');
    // The cwd and PWD are GOROOT/src as go env names it (a symlink on Debian), so both sides
    // see the same paths.
    const tally = await compareRuns(tool, packageDirs(srcRoot), srcRoot, { ...goEnv(), PWD: srcRoot });
    process.stderr.write(`${summary(tally)}\n`);
    expect(tally.packages).toBeGreaterThan(300);
    expectAgreement(tally);
  }, 10 * minutes);
});

/** A dist/ older than src/ would test yesterday's code: say so, since the test cannot tell. */
function warnIfStale(): void {
  const built = statSync(cli).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
        entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
      ),
    );
  if (newest(join(repo, 'src')) > built) {
    process.stderr.write('warning: dist/cli.js is older than src/; run npm run build for a fair comparison\n');
  }
}
