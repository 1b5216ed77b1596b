/**
 * The build context, which tags it satisfies, and file-name GOOS/GOARCH suffixes, after
 * go/build's matchTag and goodOSArchFile. The lists are Go 1.19's (go/build/syslist.go).
 */

/** A BuildContext is the target a package is selected for: GOOS, GOARCH, custom tags and cgo. */
export interface BuildContext {
  goos: string;
  goarch: string;
  tags: string[];
  cgo: boolean;
}

const noTags: string[] = [];
Object.freeze(noTags);

/** The defaultBuildContext is SPEC §1's target: linux/amd64, no custom tags, cgo off. */
export const defaultBuildContext: BuildContext = Object.freeze({ goos: 'linux', goarch: 'amd64', tags: noTags, cgo: false });

/**
 * knownOS is the set of GOOS values a file-name suffix can name (Go 1.19's list, so no `wasip1`).
 * Go never removes from it, because file names keep meaning what they meant.
 */
export const knownOS: ReadonlySet<string> = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(' '),
);

/** knownArch is the set of GOARCH values a file-name suffix can name (Go 1.19's list). */
export const knownArch: ReadonlySet<string> = new Set(
  (
    '386 amd64 amd64p32 arm armbe arm64 arm64be loong64 mips mipsle mips64 mips64le mips64p32 mips64p32le ' +
    'ppc ppc64 ppc64le riscv riscv64 s390 s390x sparc sparc64 wasm'
  ).split(' '),
);

/** The GOOS values that satisfy the `unix` tag (Go 1.19's unixOS); `unix` is never a file-name suffix. */
const unixOS: ReadonlySet<string> = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios linux netbsd openbsd solaris'.split(' '),
);

/** GOOS values that also satisfy an older GOOS tag, as go/build's matchTag special-cases them. */
const impliedOS: ReadonlyMap<string, string> = new Map([
  ['android', 'linux'],
  ['ios', 'darwin'],
  ['illumos', 'solaris'],
]);

/** Every `go1.N` is satisfied (the newest Go's release tags); `go1.0` never was a release tag. */
const releaseTag = /^go1\.[1-9][0-9]*$/;

/**
 * Reports whether `ctx` satisfies the build tag `name`. The compiler is always `gc`. Tool tags
 * (`goexperiment.*`, `amd64.v1`) are not set: SPEC §1 builds for a target, not for a toolchain.
 */
export function matchTag(name: string, ctx: BuildContext): boolean {
  if (name === 'cgo') return ctx.cgo || ctx.tags.includes(name);
  if (name === ctx.goos || name === ctx.goarch || name === 'gc') return true;
  if (impliedOS.get(ctx.goos) === name) return true;
  if (name === 'unix' && unixOS.has(ctx.goos)) return true;
  if (releaseTag.test(name)) return true;
  // go/build renames the old spelling before looking at the custom tags.
  const lookup = name === 'boringcrypto' ? 'goexperiment.boringcrypto' : name;
  return ctx.tags.includes(lookup);
}

/**
 * Reports whether a file name's GOOS/GOARCH suffix, if it has one, is satisfied by `ctx`
 * (go/build goodOSArchFile). Only what follows the first `_` of the stem counts, so `linux.go`
 * and `windows_amd64.go`'s `windows` put no constraint on the OS.
 */
export function goodOSArchFile(name: string, ctx: BuildContext): boolean {
  const stem = name.split('.', 1)[0]!;
  const underscore = stem.indexOf('_');
  if (underscore < 0) return true;
  // The part before the first `_` becomes an empty first element, as in Go.
  const parts = stem.slice(underscore).split('_');
  if (parts[parts.length - 1] === 'test') parts.pop();
  const last = parts[parts.length - 1] ?? '';
  const previous = parts[parts.length - 2] ?? '';
  if (parts.length >= 2 && knownOS.has(previous) && knownArch.has(last)) {
    return matchTag(last, ctx) && matchTag(previous, ctx);
  }
  if (knownOS.has(last) || knownArch.has(last)) return matchTag(last, ctx);
  return true;
}
