import { describe, expect, test } from 'vitest';
import { type BuildContext, defaultBuildContext, goodOSArchFile, knownArch, knownOS, matchTag } from './tags.js';

const ctx = (over: Partial<BuildContext>): BuildContext => ({ ...defaultBuildContext, ...over });

describe('defaultBuildContext', () => {
  test('is linux/amd64 without tags or cgo, and cannot be changed by accident', () => {
    expect(defaultBuildContext).toEqual({ goos: 'linux', goarch: 'amd64', tags: [], cgo: false });
    expect(Object.isFrozen(defaultBuildContext)).toBe(true);
    expect(Object.isFrozen(defaultBuildContext.tags)).toBe(true);
  });
});

describe('knownOS and knownArch', () => {
  test("are Go 1.19's lists", () => {
    expect(knownOS.size).toBe(17);
    expect(knownArch.size).toBe(24);
    expect(knownOS.has('wasip1')).toBe(false);
    expect(knownOS.has('unix')).toBe(false);
    for (const os of ['aix', 'android', 'illumos', 'ios', 'js', 'nacl', 'zos', 'hurd']) expect(knownOS.has(os)).toBe(true);
    for (const arch of ['386', 'amd64p32', 'loong64', 'mips64p32le', 'riscv', 'sparc64', 'wasm']) {
      expect(knownArch.has(arch)).toBe(true);
    }
  });
});

describe('matchTag', () => {
  test.each([
    ['linux', true],
    ['amd64', true],
    ['unix', true],
    ['gc', true],
    ['go1.1', true],
    ['go1.21', true],
    ['go1.99', true],
    ['go1.123', true],
    ['go1', false],
    ['go1.0', false],
    ['go1.21.3', false],
    ['go2.0', false],
    ['cgo', false],
    ['windows', false],
    ['darwin', false],
    ['arm64', false],
    ['ignore', false],
    ['gccgo', false],
    ['purego', false],
    ['race', false],
    ['boringcrypto', false],
    ['goexperiment.boringcrypto', false],
    ['goexperiment.loopvar', false],
    ['amd64.v1', false],
    ['', false],
    ['constructor', false],
  ])('%s is %s for the default context', (tag, expected) => {
    expect(matchTag(tag, defaultBuildContext)).toBe(expected);
  });

  test('cgo follows the context', () => {
    expect(matchTag('cgo', ctx({ cgo: true }))).toBe(true);
    expect(matchTag('cgo', ctx({ cgo: false }))).toBe(false);
  });

  test('custom tags are satisfied, cgo among them as in go/build', () => {
    const custom = ctx({ tags: ['purego', 'integration', 'cgo'] });
    expect(matchTag('purego', custom)).toBe(true);
    expect(matchTag('integration', custom)).toBe(true);
    expect(matchTag('cgo', custom)).toBe(true);
    expect(matchTag('race', custom)).toBe(false);
  });

  test('boringcrypto is an old spelling of goexperiment.boringcrypto', () => {
    expect(matchTag('boringcrypto', ctx({ tags: ['goexperiment.boringcrypto'] }))).toBe(true);
    expect(matchTag('boringcrypto', ctx({ tags: ['boringcrypto'] }))).toBe(false);
  });

  test.each([
    ['android', ['android', 'linux', 'unix'], ['darwin', 'ios']],
    ['ios', ['ios', 'darwin', 'unix'], ['linux']],
    ['illumos', ['illumos', 'solaris', 'unix'], ['linux']],
    ['linux', ['linux', 'unix'], ['android']],
    ['darwin', ['darwin', 'unix'], ['ios']],
    ['solaris', ['solaris', 'unix'], ['illumos']],
    ['hurd', ['hurd', 'unix'], []],
    ['windows', ['windows'], ['unix', 'linux']],
    ['js', ['js'], ['unix']],
    ['plan9', ['plan9'], ['unix']],
    ['zos', ['zos'], ['unix']],
  ])('goos=%s satisfies %j, not %j', (goos, yes, no) => {
    for (const tag of yes) expect(matchTag(tag, ctx({ goos }))).toBe(true);
    for (const tag of no) expect(matchTag(tag, ctx({ goos }))).toBe(false);
  });
});

describe('goodOSArchFile', () => {
  test.each([
    ['foo.go', true],
    ['linux.go', true], // no `_`: a bare GOOS name is no constraint since Go 1.4
    ['windows.go', true],
    ['foo_linux.go', true],
    ['foo_windows.go', false],
    ['foo_amd64.go', true],
    ['foo_arm64.go', false],
    ['foo_linux_amd64.go', true],
    ['a_linux_arm64.go', false],
    ['x_windows_amd64.go', false],
    ['windows_amd64.go', true], // only `amd64` follows the first `_`
    ['windows_arm64.go', false],
    ['linux_windows.go', false],
    ['foo_unix.go', true], // `unix` is not a file-name constraint
    ['foo_linux_test.go', true],
    ['foo_windows_test.go', false],
    ['foo_test.go', true],
    ['foo_windows.pb.go', false],
    ['foo_windows_test.pb.go', false],
    ['foo.windows.go', true],
    ['foo_wasip1.go', true], // not a Go 1.19 GOOS
    ['foo_wasip1_wasm.go', false], // but wasm is an arch
    ['foo_windows_x.go', true],
    ['foo_linux_test_test.go', true],
    ['foo_test_linux.go', true],
    ['foo_test_windows.go', false],
    ['foo_windows_test_test.go', true], // only one `_test` is dropped
    ['_windows.go', false],
    ['foo__windows.go', false],
    ['foo_windows_.go', true],
    ['foo_Windows.go', true], // tags are case-sensitive
    ['foo_nacl.go', false],
    ['foo_amd64p32.go', false],
    ['foo_linux_386_amd64.go', true], // the last two elements decide: 386_amd64 is not OS_ARCH
  ])('%s: %s on linux/amd64', (name, expected) => {
    expect(goodOSArchFile(name, defaultBuildContext)).toBe(expected);
  });

  test.each([
    ['foo_linux.go', 'android', 'arm64', true],
    ['foo_linux_arm64.go', 'android', 'arm64', true],
    ['foo_darwin.go', 'ios', 'arm64', true],
    ['foo_solaris.go', 'illumos', 'amd64', true],
    ['foo_android.go', 'linux', 'amd64', false],
    ['foo_windows_amd64.go', 'windows', 'amd64', true],
    ['foo_windows_amd64.go', 'windows', '386', false],
    ['foo_js_wasm.go', 'js', 'wasm', true],
  ])('%s on %s/%s: %s', (name, goos, goarch, expected) => {
    expect(goodOSArchFile(name, ctx({ goos, goarch }))).toBe(expected);
  });
});
