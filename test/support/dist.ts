// The built package that CLI tests run. npm ci's prepare step builds dist/ before the tests, so
// a missing dist/ is built here only for a developer's convenience, and a stale one is reported,
// never rebuilt: tsup cleans dist/ first, which would pull it from under suites running it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI, `dist/cli.js`. */
export const cliPath = join(packageRoot, 'dist/cli.js');

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

/** ensureBuilt builds dist/ when it is missing and warns when it is older than src/. */
export function ensureBuilt(): void {
  if (existsSync(cliPath)) {
    if (statSync(cliPath).mtimeMs < newestSource(join(packageRoot, 'src'))) {
      process.stderr.write('warning: dist/cli.js is older than src/; run npm run build to test the current code\n');
    }
    return;
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: packageRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
}
