// Hostile inputs to the gofn-detect command, one table row each: what is on disk, the command
// line, the exit code and the message. Every row also checks that stdout holds nothing but one
// JSON document the schema accepts (or nothing at all), that stderr holds no stack trace, and
// that every position in the JSON is consistent with the bytes on disk. When the tests run as
// root, the CLI runs without the capabilities that let root ignore file modes, so that mode-000
// files are unreadable to it.
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliPath as cli, ensureBuilt } from './support/dist.js';
import { CliOutput, type DetectResult } from '../src/schema.js';
import { checkResult } from './fuzz/check.js';
import { diskFiles, makeHostileTree, removeHostileTree } from './hostile/tree.js';
import { canLock, dropsDac, isRoot, withoutDac } from './support/unprivileged.js';

let root = '';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI in the tree, without root's power over file modes when the tests run as root. */
function runCli(args: string[]): Promise<Run> {
  const command = dropsDac ? 'setpriv' : process.execPath;
  const argv = dropsDac ? [...withoutDac, process.execPath, cli, ...args] : [cli, ...args];
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** What a row expects of one diagnostic: its code and, where given, file, `line:column` and message. */
interface Expected {
  code: string;
  file?: string;
  at?: string;
  message?: string | RegExp;
}

/** A HostileCase is one row of the table. */
interface HostileCase {
  name: string;
  args: string[];
  exit: 0 | 1 | 2;
  /** For exit 2 without output: the one line on stderr. */
  stderr?: string;
  selected?: string | null;
  diagnostics?: Expected[];
  /** Needs an unreadable file, so the CLI must not run as root. */
  needsLock?: boolean;
  /** A further check of the output. */
  check?: (output: CliOutput) => void;
}

const table: HostileCase[] = [
  { name: 'a missing directory', args: ['missing'], exit: 2, stderr: 'gofn-detect: missing: no such directory' },
  { name: 'a file instead of a directory', args: ['ok/fn.go'], exit: 2, stderr: 'gofn-detect: ok/fn.go is not a directory' },
  { name: '- (stdin) instead of a directory', args: ['-'], exit: 2, stderr: 'gofn-detect: - is not a directory' },
  { name: 'an unknown flag', args: ['ok', '--bogus'], exit: 2, stderr: 'gofn-detect: unknown flag --bogus' },
  { name: 'no Go files', args: ['empty'], exit: 2, stderr: 'gofn-detect: no Go files in empty' },
  { name: 'only _test.go files', args: ['onlytest'], exit: 2, stderr: 'gofn-detect: no non-test Go files in onlytest' },
  { name: 'a directory named x.go and no Go file', args: ['onlydirgo'], exit: 2, stderr: 'gofn-detect: no Go files in onlydirgo' },
  { name: 'a directory that cannot be listed', args: ['lockeddir'], exit: 2, stderr: 'gofn-detect: lockeddir: permission denied', needsLock: true },
  { name: 'an only Go file that cannot be read', args: ['onlyunreadable'], exit: 2, stderr: 'gofn-detect: onlyunreadable: cannot read x.go: permission denied', needsLock: true },
  { name: 'a 10 MB file', args: ['big'], exit: 0, selected: 'Handle', diagnostics: [] },
  {
    name: 'a binary .go file',
    args: ['binary'],
    exit: 1,
    selected: null,
    diagnostics: [
      { code: 'syntax-error', file: 'blob.go', at: '1:1', message: 'syntax error: missing package clause' },
      { code: 'invalid-utf8', file: 'blob.go', message: 'invalid UTF-8 encoding' },
      { code: 'nul-byte', file: 'blob.go', message: 'invalid NUL character' },
      { code: 'no-candidates', message: 'no exported function has a signature that can be served' },
    ],
  },
  { name: 'invalid UTF-8 in a comment', args: ['invalid'], exit: 0, selected: 'Upper', diagnostics: [{ code: 'invalid-utf8', file: 'fn.go', at: '3:7', message: 'invalid UTF-8 encoding' }] },
  { name: 'an empty .go file', args: ['emptyfile'], exit: 1, selected: null, diagnostics: [{ code: 'syntax-error', file: 'fn.go', at: '1:1', message: 'syntax error: missing package clause' }, { code: 'no-candidates' }] },
  {
    name: 'two package clauses in two files',
    args: ['twopkg'],
    exit: 0,
    selected: 'A',
    diagnostics: [{ code: 'package-clause-mismatch', file: 'b.go', at: '1:1', message: 'found package b, expected package a' }],
  },
  { name: 'two package clauses in one file', args: ['twoclause'], exit: 0, selected: 'A', diagnostics: [{ code: 'syntax-error', file: 'a.go', at: '2:1', message: 'syntax error' }] },
  {
    name: 'an unreadable .go file beside readable ones',
    args: ['unreadable'],
    exit: 0,
    selected: 'Handle',
    diagnostics: [{ code: 'unreadable-file', file: 'secret.go', message: 'cannot read secret.go: permission denied' }],
    needsLock: true,
  },
  {
    name: '.go symlinks to a FIFO and to /dev/zero',
    args: ['special'],
    exit: 0,
    selected: 'Handle',
    diagnostics: [
      { code: 'unreadable-file', file: 'fifo.go', message: 'cannot read fifo.go: not a regular file' },
      { code: 'unreadable-file', file: 'zero.go', message: 'cannot read zero.go: not a regular file' },
    ],
  },
  {
    name: 'symlink loops under ./...',
    args: ['./loops/...'],
    exit: 0,
    check: (output) => expect((output as DetectResult[]).map((r) => [r.dir, r.selected])).toEqual([['loops/a', 'Handle']]),
  },
  {
    name: 'an unreadable directory under ./...',
    args: ['./...'],
    exit: 0,
    needsLock: true,
    check: (output) => expect(output).toContainEqual({ dir: 'lockeddir', error: 'lockeddir: permission denied' }),
  },
  { name: 'a directory named x.go beside a Go file', args: ['dirgo'], exit: 0, selected: 'Handle', check: (output) => expect((output as DetectResult).files).toEqual(['fn.go']) },
  {
    name: 'a malformed go.mod',
    args: ['badmod'],
    exit: 0,
    selected: 'Handle',
    diagnostics: [{ code: 'no-import-path', message: /^no import path for badmod: \S*badmod\/go\.mod has no module line$/ }],
    check: (output) => expect((output as DetectResult).package.importPath).toBeNull(),
  },
  {
    name: '--target naming a missing function',
    args: ['ok', '--target', 'Nope'],
    exit: 1,
    selected: null,
    diagnostics: [{ code: 'target-not-found', message: 'no function Nope in the package; candidates: Handle' }],
  },
  {
    name: '--target naming an unclassifiable function',
    args: ['unclassified', '--target', 'Helper'],
    exit: 1,
    selected: null,
    diagnostics: [{ code: 'target-not-classified', file: 'fn.go', at: '3:6', message: 'function Helper cannot be served: its signature matches no kind' }],
  },
];

/** Asserts SPEC §4's stream rules: stdout is one JSON document or nothing, stderr no stack trace. */
function checkStreams(run: Run): CliOutput | null {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (run.stdout === '') return null;
  expect(run.stdout.endsWith('\n')).toBe(true);
  const parsed = CliOutput.safeParse(JSON.parse(run.stdout));
  if (!parsed.success) throw new Error(`stdout is not the schema's JSON: ${parsed.error.message}`);
  return parsed.data;
}

function checkPositions(output: CliOutput): void {
  for (const entry of Array.isArray(output) ? output : [output]) {
    if ('package' in entry) checkResult(entry, diskFiles(root, entry.dir));
  }
}

function checkDiagnostics(result: DetectResult, expected: Expected[]): void {
  const seen = result.diagnostics.map((d) => ({
    code: d.code,
    ...(d.file === undefined ? {} : { file: d.file }),
    ...(d.range ? { at: `${d.range.start.line}:${d.range.start.column}` } : {}),
    message: d.message,
  }));
  if (expected.length === 0) expect(seen).toEqual([]);
  for (const want of expected) {
    const message = want.message instanceof RegExp ? { message: expect.stringMatching(want.message) } : {};
    expect(seen).toContainEqual(expect.objectContaining({ ...want, ...message }));
  }
}

/** Measured times of the rows, printed once so that slow inputs are noticed. */
const timings: string[] = [];

beforeAll(() => {
  ensureBuilt();
  root = makeHostileTree();
  if (isRoot && !dropsDac) process.stderr.write('cli-hostile: running as root, and setpriv cannot drop the DAC capabilities, so the unreadable-file rows are skipped\n');
});
afterAll(() => {
  if (timings.length) process.stdout.write(`cli-hostile timings: ${timings.join(', ')}\n`);
  if (root) removeHostileTree(root);
});

describe.concurrent('gofn-detect on hostile input', () => {
  for (const row of table) {
    const skip = row.needsLock === true && !canLock && !process.env.CI;
    test.skipIf(skip)(`${row.name}: exit ${row.exit}`, async () => {
      const run = await runCli(row.args);
      timings.push(`${row.args[0]} ${Math.round(run.ms)} ms`);
      const output = checkStreams(run);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: row.exit, ...(row.stderr === undefined ? {} : { stderr: `${row.stderr}\n` }) });
      if (row.stderr !== undefined) expect(run.stdout).toBe('');
      if (row.stderr === undefined && output === null) throw new Error(`no JSON on stdout; stderr: ${run.stderr}`);
      if (output === null) return;
      checkPositions(output);
      if (row.selected !== undefined) expect((output as DetectResult).selected).toBe(row.selected);
      if (row.diagnostics) checkDiagnostics(output as DetectResult, row.diagnostics);
      row.check?.(output);
    }, 60_000);
  }
});
