/** The Go files of the installed toolchain's source tree, for differential tests over real code. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { goEnv } from './tools.js';

/** Every non-test .go file under GOROOT/src, with `testdata` and `vendor` files apart. */
export function gorootFiles(): { plain: string[]; odd: string[] } {
  const root = join(execFileSync('go', ['env', 'GOROOT'], { env: goEnv() }).toString().trim(), 'src');
  const out = { plain: [] as string[], odd: [] as string[] };
  const walk = (dir: string, odd: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, odd || entry.name === 'testdata' || entry.name === 'vendor');
      else if (entry.name.endsWith('.go') && !entry.name.endsWith('_test.go')) (odd ? out.odd : out.plain).push(path);
    }
  };
  walk(root, false);
  return out;
}
