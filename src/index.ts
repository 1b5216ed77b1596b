/**
 * gofn-detect: find the Go function a package exports for a function platform, and generate the
 * main.go that serves it. Everything here is pure over file contents and runs in a browser too.
 */
export { createGoParser, type GoParser, type GoParserOptions, type WasmSource } from './parser/index.js';
export { detect, NoPackageError, type DetectOptions, type SourceFile } from './detect.js';
export { createSession, type Session, type TextChange } from './session.js';
export { generate, GenerateError, type GeneratedFile } from './codegen/index.js';
export { kinds } from './signatures/index.js';
export {
  fromLspPosition,
  toLspPosition,
  toLspPositionAt,
  toLspRange,
  toLspTextEdit,
  utf16Column,
  utf16Offset,
  type LspPosition,
  type LspRange,
  type LspTextEdit,
} from './lsp.js';
export { diagnosticCodes, diagnosticInfo, type DiagnosticCode, type DiagnosticInfo, type Severity } from './diagnostic-codes.js';
export {
  CliOutput,
  ClassifiedFunction,
  DetectResult,
  Diagnostic,
  DirError,
  DirectForm,
  GuardSignature,
  PackageInfo,
  Position,
  Range,
  RelatedInformation,
  SuggestedFix,
  TextEdit,
} from './schema.js';
