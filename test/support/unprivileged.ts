/**
 * File modes for tests that run as root. As root, mode 000 means nothing. Dropping
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set makes root obey file modes,
 * while it still owns and reads the checkout wherever it lies (running as `nobody` instead fails
 * when the checkout is in a private directory).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, packageRoot } from './dist.js';
import { hasTool } from './tools.js';

export const isRoot = process.getuid?.() === 0;

/** setpriv's arguments before the command: the DAC capabilities dropped. */
export const withoutDac = ['--bounding-set=-dac_override,-dac_read_search', '--'];

/** Whether this process is root and setpriv can run node without the DAC capabilities. */
export const dropsDac =
  isRoot &&
  hasTool('setpriv') &&
  spawnSync('setpriv', [...withoutDac, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(packageRoot, 'package.json'))}, 4)`]).status === 0;

/** Whether a test can make a file unreadable to the code it tests: not root, or root without the DAC capabilities. */
export const canLock = !isRoot || dropsDac;

/**
 * evaluateWithoutDac evaluates `expression` in a node without the DAC capabilities and returns
 * its JSON value. The expression may use `await`, and `lib` (the built `gofn-detect/node`).
 */
export function evaluateWithoutDac(expression: string): unknown {
  ensureBuilt();
  const lib = pathToFileURL(join(packageRoot, 'dist/node/index.js')).href;
  const script = `const lib = await import(${JSON.stringify(lib)});\nprocess.stdout.write(JSON.stringify(await (${expression})));`;
  const child = spawnSync('setpriv', [...withoutDac, process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`node without DAC capabilities failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as unknown;
}
