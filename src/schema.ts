/**
 * The JSON contract of gofn-detect (SPEC §4), as zod schemas. The TypeScript types are inferred
 * from them. The hot path never calls `parse`: tests validate fixtures and fuzz output with these,
 * and the build writes `dist/detect.schema.json` from `DetectResult` for buildpacks in other languages.
 */
import { z } from 'zod';
import { diagnosticCodes } from './diagnostic-codes.js';

const int = z.number().int();

/** A Position is 1-based line, 1-based column in UTF-8 bytes and 0-based UTF-8 byte offset. */
export const Position = z.object({ line: int.min(1), column: int.min(1), offset: int.min(0) });
/** A Range runs from start to end, end exclusive. */
export const Range = z.object({ start: Position, end: Position });

/** A TextEdit replaces the UTF-8 bytes [start, end) of file with newText (as go vet -json). */
export const TextEdit = z.object({ file: z.string(), start: int.min(0), end: int.min(0), newText: z.string() });
/** A SuggestedFix is one alternative way to fix a diagnostic. */
export const SuggestedFix = z.object({ message: z.string(), edits: z.array(TextEdit) });
/** A RelatedInformation points at another place that explains a diagnostic. */
export const RelatedInformation = z.object({ file: z.string(), range: Range, message: z.string() });

/** A Diagnostic is a finding with a stable code, a severity fixed by that code and, mostly, a place. */
export const Diagnostic = z.object({
  code: z.enum(diagnosticCodes),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** Relative to dir, `/`-separated; absent for findings about the package as a whole. */
  file: z.string().optional(),
  range: Range.optional(),
  fixes: z.array(SuggestedFix).optional(),
  related: z.array(RelatedInformation).optional(),
  /** The facts behind the message (actual, expected, candidates, …), so editors never parse text. */
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A GuardSignature is the function's type spelled with predeclared and standard-library types
 * only (default package names), with the import paths it needs; codegen's compile-time guard.
 */
export const GuardSignature = z.object({ text: z.string(), imports: z.array(z.string()) });

const functionBase = {
  name: z.string(),
  file: z.string(),
  range: Range,
  /** null when a type in the signature is declared outside the standard library. */
  guard: GuardSignature.nullable(),
};

/** The eight direct forms' names (SPEC §3). */
export const DirectForm = z.enum(['function', 'supplier', 'consumer', 'runnable']);

/** A ClassifiedFunction is an exported function whose signature matches one of the four kinds. */
export const ClassifiedFunction = z.discriminatedUnion('kind', [
  z.object({ ...functionBase, kind: z.literal('http'), returnsError: z.literal(false) }),
  z.object({
    ...functionBase,
    kind: z.literal('openwhisk'),
    returnsError: z.literal(true),
    input: z.string(),
    output: z.string(),
  }),
  z.object({
    ...functionBase,
    kind: z.literal('streaming'),
    returnsError: z.boolean(),
    input: z.string(),
    output: z.string(),
  }),
  z.object({
    ...functionBase,
    kind: z.literal('direct'),
    form: DirectForm,
    returnsError: z.boolean(),
    input: z.string().optional(),
    output: z.string().optional(),
  }),
]);

/** A PackageInfo names the package and where it is imported from. */
export const PackageInfo = z.object({
  name: z.string(),
  importPath: z.string().nullable(),
  /** Present for package main only: its package-level names, which generated code must not reuse. */
  declarations: z.array(z.string()).optional(),
});

/** A DetectResult is what detection reports for one package. */
export const DetectResult = z.object({
  dir: z.string(),
  package: PackageInfo,
  /** The Go files that make the package (SPEC §1), relative to dir, sorted. */
  files: z.array(z.string()),
  functions: z.array(ClassifiedFunction),
  selected: z.string().nullable(),
  diagnostics: z.array(Diagnostic),
});

/** A DirError is the entry for a directory that could not be read among several. */
export const DirError = z.object({ dir: z.string(), error: z.string() });

/** The CLI's output: one result, or an array when several directories or a `...` pattern were named. */
export const CliOutput = z.union([DetectResult, z.array(z.union([DetectResult, DirError]))]);

export type Position = z.infer<typeof Position>;
export type Range = z.infer<typeof Range>;
export type TextEdit = z.infer<typeof TextEdit>;
export type SuggestedFix = z.infer<typeof SuggestedFix>;
export type RelatedInformation = z.infer<typeof RelatedInformation>;
export type Diagnostic = z.infer<typeof Diagnostic>;
export type GuardSignature = z.infer<typeof GuardSignature>;
export type DirectForm = z.infer<typeof DirectForm>;
export type ClassifiedFunction = z.infer<typeof ClassifiedFunction>;
export type PackageInfo = z.infer<typeof PackageInfo>;
export type DetectResult = z.infer<typeof DetectResult>;
export type DirError = z.infer<typeof DirError>;
export type CliOutput = z.infer<typeof CliOutput>;
