/**
 * findModule for many directories in one run: the CLI over `./...` or the standard library asks
 * for hundreds of directories under one go.mod, and walking up to it with a stat per level, then
 * reading it again, for each of them costs more than detecting a small package. The answers are
 * findModule's: both hand what they found to moduleInfo.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { moduleInfo, type GoModRead, type ModuleInfo } from '../node/module.js';

/** A ModuleLookup answers findModule's question synchronously, from what it has seen before. */
export type ModuleLookup = (dir: string) => ModuleInfo;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readGoMod(goModFile: string): GoModRead {
  try {
    return { text: readFileSync(goModFile, 'utf8') };
  } catch (error) {
    return { error: error as Error };
  }
}

/** createModuleLookup returns a lookup that remembers each directory's nearest go.mod and each go.mod's text. */
export function createModuleLookup(): ModuleLookup {
  const nearest = new Map<string, string | null>();
  const reads = new Map<string, GoModRead>();
  const findGoMod = (absolute: string): string | null => {
    const known = nearest.get(absolute);
    if (known !== undefined) return known;
    const candidate = join(absolute, 'go.mod');
    const parent = dirname(absolute);
    const found = isFile(candidate) ? candidate : parent === absolute ? null : findGoMod(parent);
    nearest.set(absolute, found);
    return found;
  };
  return (dir) => {
    const goModFile = findGoMod(resolve(dir));
    if (goModFile === null) return moduleInfo(dir, null, null);
    let read = reads.get(goModFile);
    if (read === undefined) reads.set(goModFile, (read = readGoMod(goModFile)));
    return moduleInfo(dir, goModFile, read);
  };
}
