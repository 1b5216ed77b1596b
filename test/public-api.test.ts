// The public surface is pinned (STYLE rule 11): adding or removing an export is a deliberate,
// reviewed change. The package is imported by its own name, as users import it (dist/ is built
// by npm ci's prepare step).
import { expect, test } from 'vitest';

test('gofn-detect exports exactly its public API', async () => {
  expect(Object.keys(await import('gofn-detect')).sort()).toEqual([
    'ClassifiedFunction',
    'CliOutput',
    'DetectResult',
    'Diagnostic',
    'DirError',
    'DirectForm',
    'GenerateError',
    'GuardSignature',
    'NoPackageError',
    'PackageInfo',
    'Position',
    'Range',
    'RelatedInformation',
    'SuggestedFix',
    'TextEdit',
    'createGoParser',
    'createSession',
    'detect',
    'diagnosticCodes',
    'diagnosticInfo',
    'fromLspPosition',
    'generate',
    'kinds',
    'toLspPosition',
    'toLspPositionAt',
    'toLspRange',
    'toLspTextEdit',
    'utf16Column',
    'utf16Offset',
  ]);
});

test('gofn-detect/node exports exactly the Node helpers', async () => {
  expect(Object.keys(await import('gofn-detect/node')).sort()).toEqual([
    'DirectoryError',
    'cleanDir',
    'detectDir',
    'expandPattern',
    'findModule',
    'isPattern',
    'parseModulePath',
    'readPackageDir',
  ]);
});

test('the library detects and generates through its public names', async () => {
  const { createGoParser, detect, generate } = await import('gofn-detect');
  const parser = await createGoParser();
  try {
    const text = 'package fn\n\nimport "net/http"\n\nfunc Handle(w http.ResponseWriter, r *http.Request) {}\n';
    const result = detect(parser, [{ name: 'fn.go', text }], { importPath: 'example.com/fn' });
    expect(result.selected).toBe('Handle');
    expect(generate(result).fileName).toBe('main.go');
  } finally {
    parser.dispose();
  }
});
