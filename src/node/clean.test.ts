import { describe, expect, test } from 'vitest';
import { cleanDir } from './clean.js';

// The cases of Go's path.Clean tests (src/path/path_test.go), plus the CLI's own.
const cases: [string, string][] = [
  ['', '.'],
  ['abc', 'abc'],
  ['abc/def', 'abc/def'],
  ['.', '.'],
  ['..', '..'],
  ['../..', '../..'],
  ['../../abc', '../../abc'],
  ['/abc', '/abc'],
  ['/', '/'],
  ['abc/', 'abc'],
  ['a/b/c/', 'a/b/c'],
  ['../../abc/', '../../abc'],
  ['//abc', '/abc'],
  ['abc//def//ghi', 'abc/def/ghi'],
  ['abc/./def', 'abc/def'],
  ['/./abc/def', '/abc/def'],
  ['abc/.', 'abc'],
  ['abc/def/ghi/../jkl', 'abc/def/jkl'],
  ['abc/def/../ghi/../jkl', 'abc/jkl'],
  ['abc/def/..', 'abc'],
  ['abc/def/../..', '.'],
  ['/abc/def/../..', '/'],
  ['abc/def/../../..', '..'],
  ['/abc/def/../../..', '/'],
  ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
  ['abc/./../def', 'def'],
  ['abc//./../def', 'def'],
  ['abc/../../././../def', '../../def'],
  ['./fn', 'fn'],
  ['./fn/', 'fn'],
  ['fn/', 'fn'],
  ['./', '.'],
];

describe('cleanDir', () => {
  test.each(cases)('%j -> %j', (input, want) => {
    expect(cleanDir(input)).toBe(want);
  });

  test('never makes a path absolute', () => {
    expect(cleanDir('fn')).toBe('fn');
    expect(cleanDir('../fn')).toBe('../fn');
  });
});
