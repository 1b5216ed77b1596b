import { describe, expect, test } from 'vitest';
import { type BuildContext, defaultBuildContext, type FileMatch, matchFile } from './index.js';
import { goBuildErrorCases, headerCases, nameCases, withHeader } from './test-helpers.js';

const pkg = 'package p\n';
const ctx = (over: Partial<BuildContext>): BuildContext => ({ ...defaultBuildContext, ...over });
const reason = (m: FileMatch) => (m.include ? 'include' : m.reason);

describe('matchFile by name', () => {
  test.each(nameCases)('%s: %s', (name, expected) => {
    expect(reason(matchFile(name, pkg, defaultBuildContext))).toBe(expected);
  });

  test('goos=android satisfies _linux file names', () => {
    expect(matchFile('a_linux.go', pkg, ctx({ goos: 'android' }))).toEqual({ include: true });
    expect(reason(matchFile('a_android.go', pkg, defaultBuildContext))).toBe('file-name');
  });
});

describe('matchFile by content', () => {
  test.each(headerCases)('%s', (_, text, expected) => {
    expect(reason(matchFile('f.go', text, defaultBuildContext))).toBe(expected);
  });
});

describe('matchFile with a context', () => {
  test.each([
    ['//go:build cgo\n\npackage p\n', { cgo: true }, 'include'],
    ['//go:build !cgo\n\npackage p\n', { cgo: true }, 'build-constraint'],
    ['// +build linux,!cgo darwin\n\npackage p\n', { cgo: true }, 'build-constraint'],
    ['// +build linux,!cgo darwin\n\npackage p\n', { goos: 'darwin', cgo: true }, 'include'],
    ['//go:build integration\n\npackage p\n', { tags: ['integration'] }, 'include'],
    ['//go:build integration && !purego\n\npackage p\n', { tags: ['integration', 'purego'] }, 'build-constraint'],
    ['// +build integration\n\npackage p\n', { tags: ['integration'] }, 'include'],
    ['//go:build linux\n\npackage p\n', { goos: 'android', goarch: 'arm64' }, 'include'],
    ['//go:build android\n\npackage p\n', { goos: 'linux' }, 'build-constraint'],
    ['//go:build darwin && arm64\n\npackage p\n', { goos: 'ios', goarch: 'arm64' }, 'include'],
    ['//go:build solaris\n\npackage p\n', { goos: 'illumos' }, 'include'],
    ['//go:build unix\n\npackage p\n', { goos: 'windows' }, 'build-constraint'],
    ['//go:build windows\n\npackage p\n', { goos: 'windows' }, 'include'],
  ] as [string, Partial<BuildContext>, string][])('%j with %j: %s', (text, over, expected) => {
    expect(reason(matchFile('f.go', text, ctx(over)))).toBe(expected);
  });

  test('a custom tag naming a GOOS satisfies that file-name suffix too, as in go/build', () => {
    expect(reason(matchFile('f_windows.go', pkg, ctx({ tags: ['windows'] })))).toBe('include');
    expect(reason(matchFile('f_windows.go', pkg, ctx({ tags: ['integration'] })))).toBe('file-name');
  });
});

describe('matchFile with an unreadable constraint', () => {
  /** Expects invalid-constraint with `message` on the range of `line` in `text`. */
  function expectInvalid(text: string, message: string, line: string) {
    const start = text.lastIndexOf(line);
    expect(matchFile('f.go', text, defaultBuildContext)).toEqual({
      include: false,
      reason: 'invalid-constraint',
      message,
      start,
      end: start + line.length,
    });
  }

  test('two //go:build lines: the second is reported', () => {
    expectInvalid('//go:build linux\n//go:build linux\n\npackage p\n', 'multiple //go:build comments', '//go:build linux');
  });

  test('two //go:build lines apart, one after a /* */ comment', () => {
    expectInvalid('//go:build linux\n\n/* c */\n  //go:build amd64  \npackage p\n', 'multiple //go:build comments', '//go:build amd64');
  });

  test.each(goBuildErrorCases)('%j: %s', (line, error) => {
    expectInvalid(withHeader(line), `parsing //go:build line: ${error}`, line);
  });

  test('the range counts UTF-16 units and skips indentation', () => {
    expectInvalid('// ©😀 header\n\n\t//go:build ü &&\n\npackage p\n', 'parsing //go:build line: unexpected end of expression', '//go:build ü &&');
  });

  test('an error wins even when the file name already says no', () => {
    expect(reason(matchFile('f_windows.go', '//go:build (\npackage p\n', defaultBuildContext))).toBe('file-name');
    expect(reason(matchFile('f.go', '//go:build (\n//go:build windows\npackage p\n', defaultBuildContext))).toBe(
      'invalid-constraint',
    );
  });
});
