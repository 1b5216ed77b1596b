/**
 * Builds the servers under test: each fixture is copied into a temp module with its probe file,
 * detected with detectDir, generated with generate, and built offline. The fixture's own function
 * is served as `plain`; each probe target gets its own binary. The goroutine hook joins every
 * main package.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../src/codegen/index.js';
import { detectDir } from '../../src/node/index.js';
import type { GoParser } from '../../src/parser/index.js';
import { run, writeModule } from '../e2e/harness.js';
import { directProbe, goroutineHook, httpProbe, openwhiskProbe, streamingProbe } from './probes.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A server kind under test: which fixture, which probe source and which probe targets. */
export interface KindCase {
  kind: 'http' | 'direct' | 'streaming' | 'openwhisk';
  fixture: string;
  probe: string;
  targets: string[];
  /** The fixture is package main, served in place by gofn_main.go. */
  inPlace: boolean;
}

/** The four kinds, one fixture each. */
export const kindCases: KindCase[] = [
  { kind: 'http', fixture: 'http-handler', probe: httpProbe, targets: ['Probe'], inPlace: false },
  { kind: 'direct', fixture: 'direct-function-error', probe: directProbe, targets: ['Probe'], inPlace: false },
  { kind: 'streaming', fixture: 'streaming', probe: streamingProbe, targets: ['Probe', 'Panics', 'Ticks', 'Late'], inPlace: false },
  { kind: 'openwhisk', fixture: 'openwhisk-action', probe: openwhiskProbe, targets: ['Probe'], inPlace: true },
];

/** A built module: its dir and the path of each binary by name (`plain` or a probe target). */
export interface BuiltKind {
  dir: string;
  bins: Record<string, string>;
}

/**
 * Copies c's fixture into a new temp module, writes a generated server for the fixture's own
 * selection and for each probe target, and builds them all. Throws with go's output on failure.
 */
export async function buildKind(parser: GoParser, c: KindCase): Promise<BuiltKind> {
  const dir = await writeModule({});
  const fixture = join(fixturesDir, c.fixture);
  const names = ['plain', ...c.targets];
  const pkgDirs = c.inPlace ? names.map((name) => join(dir, name)) : [dir];
  for (const pkgDir of pkgDirs) await copyGoFiles(fixture, pkgDir);
  await cp(join(fixture, 'go.mod'), join(dir, 'go.mod'));
  for (const [i, name] of names.entries()) {
    const pkgDir = c.inPlace ? pkgDirs[i]! : dir;
    const mainDir = c.inPlace ? pkgDir : join(dir, 'cmd', name);
    await mkdir(mainDir, { recursive: true });
    if (name !== 'plain') await writeFile(join(pkgDir, 'zz_probe.go'), c.probe);
    await writeFile(join(mainDir, 'zz_goroutine_hook.go'), goroutineHook);
    const plain = name === 'plain';
    const result = await detectDir(parser, plain ? fixture : pkgDir, plain ? {} : { target: name });
    if (result.selected === null || (!plain && result.selected !== name)) {
      throw new Error(`${c.fixture}: nothing selected for ${name}: ${JSON.stringify(result.diagnostics)}`);
    }
    const out = generate(result);
    await writeFile(join(mainDir, out.fileName), out.text);
  }
  const pkgs = names.map((name) => (c.inPlace ? `./${name}` : `./cmd/${name}`));
  const build = await run('go', ['build', '-o', join(dir, 'bin') + '/', ...pkgs], dir);
  if (build.code !== 0) throw new Error(`go build in ${dir} failed:\n${build.stderr}`);
  return { dir, bins: Object.fromEntries(names.map((name) => [name, join(dir, 'bin', name)])) };
}

/** Copies the Go source files of a fixture (not its goldens or detect.json) into dest. */
async function copyGoFiles(fixture: string, dest: string): Promise<void> {
  await mkdir(dest, { recursive: true });
  await cp(fixture, dest, {
    recursive: true,
    filter: (src) => src === fixture || (src.endsWith('.go') && !src.endsWith('gofn_main.go')),
  });
}
