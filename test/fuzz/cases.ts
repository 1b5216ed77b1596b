/**
 * The fuzz cases: fixtures mutated byte by byte, generated Go sources (mutated or not), random
 * bytes and strings, and directories of several such files, each with random build options.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { DetectOptions, SourceFile } from '../../src/detect.js';
import { withDescription, type FuzzCase } from './check.js';
import { goSource, ident } from './generate.js';
import { applyAll, mutated, mutations } from './mutate.js';

const fixturesDir = new URL('../../fixtures/', import.meta.url);

/** Every fixture directory's Go files: the seeds for mutation. */
export const fixtureDirs: SourceFile[][] = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) =>
    readdirSync(new URL(`${entry.name}/`, fixturesDir))
      .filter((name) => name.endsWith('.go'))
      .sort()
      .map((name) => ({ name, text: new Uint8Array(readFileSync(new URL(`${entry.name}/${name}`, fixturesDir))) })),
  )
  .filter((files) => files.length > 0);

const oddNames = [
  'fn_test.go', 'x_windows.go', 'y_linux_amd64.go', 'z_unix.go', 'w_windows_test.pb.go', '_hidden.go', '.dot.go',
  'gofn_main.go', 'doc.go', 'd.pb.go', 'é.go', 'constructor.go', 'README.md', 'go.mod',
];

/** Mostly plain names, so that most directories make a package. */
const fileName = fc.oneof({ arbitrary: fc.constantFrom('fn.go', 'a.go', 'b.go'), weight: 3 }, fc.constantFrom(...oddNames));

const options: fc.Arbitrary<DetectOptions> = fc.record(
  {
    goos: fc.constantFrom('linux', 'windows', 'darwin', 'android', 'plan9', 'wasip1', ''),
    goarch: fc.constantFrom('amd64', 'arm64', '386', 'wasm', 'bogus'),
    tags: fc.array(fc.constantFrom('ignore', 'cgo', 'purego', 'custom', ''), { maxLength: 2 }),
    cgo: fc.boolean(),
    target: fc.oneof(fc.constantFrom('Handle', 'F', 'main', 'Upper', '', '__proto__'), ident),
    dir: fc.constantFrom('fn', '.', 'a/b'),
    importPath: fc.constantFrom('example.com/fn', null),
  },
  { requiredKeys: [] },
);

/** The text as detect may receive it: the bytes, or a string (decoded, or with lone surrogates). */
function asInput(bytes: Uint8Array, form: number): string | Uint8Array {
  if (form === 0) return new TextDecoder().decode(bytes);
  if (form === 1) return String.fromCharCode(0xd800) + new TextDecoder().decode(bytes) + String.fromCharCode(0xdfff);
  return bytes;
}

const inputForm = fc.constantFrom(0, 1, 2, 2, 2, 2);

const encoded = goSource.map((text) => new TextEncoder().encode(text));

/** One file's bytes: a generated source, mutated or not, or plain random bytes. */
const fileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: encoded, weight: 4 },
  { arbitrary: mutated(encoded), weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 400 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)), weight: 1 },
);

const caseOf = (files: SourceFile[], opts: DetectOptions): FuzzCase => withDescription({ files, options: opts });

/** A fixture directory with one file mutated. */
export const mutatedFixture: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...fixtureDirs), fc.nat(), mutations, inputForm, fc.option(options, { nil: {} }))
  .map(([files, pick, edits, form, opts]) => {
    const index = pick % files.length;
    const bytes = applyAll(files[index]!.text as Uint8Array, edits);
    return caseOf(files.map((f, i) => (i === index ? { name: f.name, text: asInput(bytes, form) } : f)), opts);
  });

/** One generated (maybe mutated) file named fn.go. */
export const generatedFile: fc.Arbitrary<FuzzCase> = fc
  .tuple(fileBytes, inputForm, fc.option(options, { nil: {} }))
  .map(([bytes, form, opts]) => caseOf([{ name: 'fn.go', text: asInput(bytes, form) }], opts));

/** A directory of up to five files under build-relevant names, fixtures' files among them. */
export const directory: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.uniqueArray(
      fc.tuple(fileName, fc.oneof(fileBytes, fc.constantFrom(...fixtureDirs.flat().map((f) => f.text as Uint8Array))), inputForm),
      { minLength: 1, maxLength: 5, selector: ([name]) => name },
    ),
    fc.option(options, { nil: {} }),
  )
  .map(([files, opts]) => caseOf(files.map(([name, bytes, form]) => ({ name, text: asInput(bytes, form) })), opts));
