/**
 * Helpers for tests that need an external tool (go, gofmt, …): skip with a printed reason where
 * it is missing, fail in CI, and run go offline with a writable cache.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, test } from 'vitest';

const found = new Map<string, boolean>();
const announced = new Set<string>();

/** Whether an executable named `name` is on PATH; the answer is cached per name. */
export function hasTool(name: string): boolean {
  let known = found.get(name);
  if (known === undefined) {
    known = onPath(name);
    found.set(name, known);
  }
  return known;
}

function onPath(name: string): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  return dirs.some((dir) =>
    exts.some((ext) => {
      const candidate = join(dir, name + ext);
      try {
        return existsSync(candidate) && statSync(candidate).isFile();
      } catch {
        return false;
      }
    }),
  );
}

/**
 * `describe(name, fn)` when `tool` is installed. Without it, CI gets a failing test (a missing
 * tool must not turn a red suite green there); elsewhere the suite is skipped with one line on
 * stderr saying why.
 */
export function describeWith(tool: string, name: string, fn: () => void): void {
  if (hasTool(tool)) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      test(`${tool} is required in CI`, () => {
        throw new Error(`${name} needs ${tool}, which is required in CI but not installed`);
      });
    });
    return;
  }
  const key = `${tool}\0${name}`;
  if (!announced.has(key)) {
    announced.add(key);
    process.stderr.write(`skipped: ${name} needs ${tool}, which is not installed\n`);
  }
  describe.skip(name, fn);
}

/**
 * The environment for running `go` in tests: offline (no module proxy exists here), no cgo, the
 * installed toolchain only, and a writable cache even when HOME is unset or read-only.
 */
export function goEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GOPROXY: 'off',
    GOFLAGS: '-mod=mod',
    CGO_ENABLED: '0',
    GOTOOLCHAIN: 'local',
  };
  if (!homeUsable()) {
    env.GOCACHE ??= join(tmpdir(), 'gofn-detect-gocache');
    env.GOPATH ??= join(tmpdir(), 'gofn-detect-gopath');
  }
  return env;
}

/** Whether go can put its default cache and GOPATH under HOME. */
function homeUsable(): boolean {
  const home = process.env.HOME;
  if (!home) return false;
  try {
    accessSync(home, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
