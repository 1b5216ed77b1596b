import { describe, expect, test } from 'vitest';
import { parseArgs, UsageError } from './args.js';

const defaults = { dirs: ['.'], cgo: false, pretty: false, format: 'json', help: false, version: false };

describe('parseArgs', () => {
  test('no arguments means the current directory', () => {
    expect(parseArgs([])).toEqual(defaults);
  });

  test('flags stand anywhere, as --flag value or --flag=value', () => {
    expect(parseArgs(['--target', 'Upper', './fn', '--goos=darwin', '--pretty', 'b/...', '--goarch', 'arm64'])).toEqual({
      ...defaults,
      dirs: ['./fn', 'b/...'],
      target: 'Upper',
      goos: 'darwin',
      goarch: 'arm64',
      pretty: true,
    });
  });

  test('--tags splits on commas (and spaces, as go build once did)', () => {
    expect(parseArgs(['--tags', 'a,b', '.']).tags).toEqual(['a', 'b']);
    expect(parseArgs(['--tags=a b,,c']).tags).toEqual(['a', 'b', 'c']);
    expect(parseArgs(['--tags=']).tags).toEqual([]);
  });

  test('boolean flags take an optional =true/=false', () => {
    expect(parseArgs(['--cgo']).cgo).toBe(true);
    expect(parseArgs(['--cgo=false']).cgo).toBe(false);
    expect(() => parseArgs(['--cgo=maybe'])).toThrow('invalid value "maybe" for --cgo: want true or false');
  });

  test('--format is json or text', () => {
    expect(parseArgs(['--format', 'text']).format).toBe('text');
    expect(() => parseArgs(['--format=yaml'])).toThrow('invalid value "yaml" for --format: want json or text');
  });

  test('--help, -h and --version', () => {
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['x', '--help']).help).toBe(true);
    expect(parseArgs(['--version']).version).toBe(true);
  });

  test('--emit takes a directory', () => {
    expect(parseArgs(['fn', '--emit', 'out']).emit).toBe('out');
  });

  test('- is an argument, and -- ends the flags', () => {
    expect(parseArgs(['-']).dirs).toEqual(['-']);
    expect(parseArgs(['--', '--pretty', '-x']).dirs).toEqual(['--pretty', '-x']);
  });

  test.each([
    [['--bogus'], 'unknown flag --bogus'],
    [['--bogus=1'], 'unknown flag --bogus'],
    [['-x'], 'unknown flag -x'],
    [['--target'], 'flag needs an argument: --target'],
    [['fn', '--emit'], 'flag needs an argument: --emit'],
    [['--target='], '--target needs a non-empty value'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
