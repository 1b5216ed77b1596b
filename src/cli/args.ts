/**
 * The command line of gofn-detect (SPEC §4): flags anywhere, as `--flag value` or `--flag=value`;
 * everything else names a directory or a `dir/...` pattern. Pure, so every rule is unit-tested.
 */

/** CliArgs is a parsed command line. */
export interface CliArgs {
  /** Directories and `...` patterns, in the order given (`.` when none is named). */
  dirs: string[];
  /** The function to select (`--target`). */
  target?: string;
  /** Where to write main.go (`--emit`). */
  emit?: string;
  goos?: string;
  goarch?: string;
  tags?: string[];
  cgo: boolean;
  pretty: boolean;
  format: 'json' | 'text';
  help: boolean;
  version: boolean;
}

/** A UsageError is a command line that cannot be run (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

type ValueFlag = 'target' | 'emit' | 'goos' | 'goarch' | 'tags' | 'format';
type BoolFlag = 'cgo' | 'pretty' | 'help' | 'version';

const valueFlags: ReadonlySet<string> = new Set<ValueFlag>(['target', 'emit', 'goos', 'goarch', 'tags', 'format']);
const boolFlags: ReadonlySet<string> = new Set<BoolFlag>(['cgo', 'pretty', 'help', 'version']);

function parseBool(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new UsageError(`invalid value ${JSON.stringify(value)} for --${name}: want true or false`);
}

function setValue(args: CliArgs, name: ValueFlag, value: string): void {
  if (name === 'format') {
    if (value !== 'json' && value !== 'text') throw new UsageError(`invalid value ${JSON.stringify(value)} for --format: want json or text`);
    args.format = value;
  } else if (name === 'tags') {
    // go build takes comma-separated tags (and, historically, spaces).
    args.tags = value.split(/[,\s]+/).filter((tag) => tag !== '');
  } else if (value === '') {
    throw new UsageError(`--${name} needs a non-empty value`);
  } else {
    args[name] = value;
  }
}

/** Splits `--name=value`, `-name` and `-h` into a flag name and an inline value. */
function flagOf(arg: string): { name: string; inline: string | undefined } {
  const body = arg.replace(/^--?/, '');
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  return { name: name === 'h' ? 'help' : name, inline: eq < 0 ? undefined : body.slice(eq + 1) };
}

/**
 * parseArgs reads argv (without node and the script). `--` ends the flags; a lone `-` is an
 * argument (and later refused as not a directory). It throws a UsageError for an unknown flag, a
 * missing value or a bad one.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { dirs: [], cgo: false, pretty: false, format: 'json', help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      args.dirs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.dirs.push(arg);
      continue;
    }
    const { name, inline } = flagOf(arg);
    if (boolFlags.has(name)) {
      args[name as BoolFlag] = parseBool(name, inline);
    } else if (valueFlags.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`flag needs an argument: --${name}`);
      setValue(args, name as ValueFlag, value);
    } else {
      throw new UsageError(`unknown flag ${arg.split('=')[0]}`);
    }
  }
  // As go list does, no argument means the current directory.
  if (args.dirs.length === 0) args.dirs.push('.');
  return args;
}
