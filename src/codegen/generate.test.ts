import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { directFn, httpFn, mainResult, openwhiskFn, packageResult, streamingFn } from '../../test/e2e/results.js';
import type { ClassifiedFunction, DetectResult } from '../schema.js';
import { generate, GenerateError, generatedHeader } from './index.js';

const importPath = 'example.com/fn';
const one = (fn: ClassifiedFunction): DetectResult => packageResult(importPath, [fn], fn.name);

/** Every kind, every direct form, and the package-main cases; each has a golden file. */
const cases: Record<string, DetectResult> = {
  http: one(httpFn('Handle')),
  openwhisk: one(openwhiskFn('Action')),
  streaming: one(streamingFn('Upper', 'string', 'string', false, { text: 'func(<-chan string) <-chan string', imports: [] })),
  'streaming-errors': one(streamingFn('Sum', 'Point', 'int', true, null)),
  'direct-function': one(directFn('Upper', 'function', false, { input: 'string', output: 'string' }, { text: 'func(string) string', imports: [] })),
  'direct-function-error': one(directFn('Scale', 'function', true, { input: 'Point', output: 'Point' }, null)),
  'direct-supplier': one(directFn('Now', 'supplier', false, { output: 'time.Time' }, { text: 'func() time.Time', imports: ['time'] })),
  'direct-supplier-error': one(directFn('Blob', 'supplier', true, { output: '[]byte' }, { text: 'func() ([]byte, error)', imports: [] })),
  'direct-consumer': one(directFn('Record', 'consumer', false, { input: 'Point' }, null)),
  'direct-consumer-error': one(directFn('Check', 'consumer', true, { input: 'url.URL' }, { text: 'func(url.URL) error', imports: ['net/url'] })),
  'direct-runnable': one(directFn('Ping', 'runnable', false, {}, { text: 'func()', imports: [] })),
  'direct-runnable-error': one(directFn('Fail', 'runnable', true, {}, { text: 'func() error', imports: [] })),
  'main-openwhisk-colliding': mainResult([openwhiskFn('Main')], 'Main', ['Main', 'gofnServe', 'json', 'log']),
};

describe('generate', () => {
  test.each(Object.entries(cases))('%s matches its golden', async (name, result) => {
    await expect(generate(result).text).toMatchFileSnapshot(`./__goldens__/${name}.go.golden`);
  });

  test.each(Object.entries(cases))('%s begins with the generated header and imports only the standard library and the package', (_, result) => {
    const { text } = generate(result);
    expect(text.split('\n')[0]).toBe(generatedHeader);
    expect(text).toMatch(/^\/\/ Code generated .* DO NOT EDIT\.$/m);
    const block = /\nimport \(\n([\s\S]*?)\n\)\n/.exec(text)![1]!;
    const [std, user] = block.split('\n\n');
    const paths = std!.split('\n').map((line) => /"([^"]+)"$/.exec(line)![1]!);
    expect(paths).toEqual([...paths].sort());
    expect(paths.every((path) => !path.split('/')[0]!.includes('.'))).toBe(true);
    expect(user).toBe(result.package.name === 'main' ? undefined : `\tfn "${importPath}"`);
  });

  test.each(Object.entries(cases))('%s is tab-indented without trailing spaces or version stamps', (_, result) => {
    const { text } = generate(result);
    expect(text).not.toMatch(/^ +\S/m);
    expect(text).not.toMatch(/[ \t]$/m);
    expect(text).not.toMatch(/version|\d{4}-\d\d-\d\d/i);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('is deterministic, whatever the directory', () => {
    for (const result of Object.values(cases)) {
      const again = structuredClone(result);
      again.dir = '../somewhere/else';
      expect(generate(again)).toEqual(generate(result));
    }
  });

  test('the server sets the header and idle timeouts, no read or write timeout, and defaults to :8080', () => {
    const { text } = generate(cases.streaming!);
    expect(text).toContain('srv.ReadHeaderTimeout = 10 * time.Second');
    expect(text).toContain('srv.IdleTimeout = ');
    expect(text).not.toMatch(/srv\.(Read|Write)Timeout|\b(Read|Write)Timeout:/);
    expect(text).toContain('port = "8080"');
    expect(text).toContain('signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)');
    expect(text).toContain('return 10 << 20');
  });

  test('the http kind neither caps bodies nor reads GOFN_MAX_BODY_BYTES', () => {
    expect(generate(cases.http!).text).not.toContain('GOFN_MAX_BODY_BYTES');
  });

  test('names main.go for a package and gofn_main.go for a package main', () => {
    expect(generate(cases.http!).fileName).toBe('main.go');
    expect(generate(cases['main-openwhisk-colliding']!).fileName).toBe('gofn_main.go');
  });

  test('spells a guard only when the file imports its packages anyway', () => {
    expect(generate(cases['direct-function']!).text).toContain('var _ func(string) string = fn.Upper');
    expect(generate(cases['direct-supplier']!).text).toContain('var _ func() time.Time = fn.Now');
    const check = generate(cases['direct-consumer-error']!).text;
    expect(check).not.toContain('net/url');
    expect(check).not.toContain('var _ ');
    expect(check).toMatch(/\/\/ A compile error here means the signature of Check changed: run gofn-detect again\.\n\tgofnServe\("Check", gofnConsumerE\(fn\.Check, limit\)\)/);
  });

  test('in place, joins the package, calls the function directly and renames what collides', () => {
    const { text } = generate(cases['main-openwhisk-colliding']!);
    expect(text).toContain('\npackage main\n');
    expect(text).not.toContain('example.com/action');
    expect(text).toContain('gofn2OpenWhisk(Main, limit)');
    expect(text).toContain('\tgofn2json "encoding/json"\n');
    expect(text).toContain('\tgofn2log "log"\n');
    // The guard would spell json.RawMessage, which here names the package's own json: no guard.
    expect(text).not.toContain('var _ ');
    expect(text).not.toMatch(/\bgofn[A-Z]/);
  });

  test('throws a GenerateError when nothing can be generated', () => {
    const none = { ...cases.http!, selected: null };
    expect(() => generate(none)).toThrow(GenerateError);
    const missing = { ...cases.http!, selected: 'Other' };
    expect(() => generate(missing)).toThrow(/not among the classified functions/);
    const noPath = { ...cases.http!, package: { name: 'fn', importPath: null } };
    expect(() => generate(noPath)).toThrow(/no import path/);
    const program = mainResult([httpFn('Handle')], 'Handle', ['Handle', 'main']);
    expect(() => generate(program)).toThrow(/already declares main/);
    const shadowing = mainResult([httpFn('Handle')], 'Handle', ['Handle', 'any', 'true']);
    expect(() => generate(shadowing)).toThrow('package main redeclares any, true, which the generated code needs');
  });

  test('a package main without an import path is still served in place', () => {
    const result = mainResult([httpFn('Handle')], 'Handle', ['Handle']);
    result.package.importPath = null;
    expect(generate(result).fileName).toBe('gofn_main.go');
  });
});

describe('the codegen room', () => {
  test('imports nothing but its own modules and schema types, and no node: module', () => {
    const dir = new URL('./', import.meta.url);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      for (const [, kind, spec] of text.matchAll(/^import (type )?.* from '([^']+)';$/gm)) {
        const ok = spec!.startsWith('./') || (kind === 'type ' && spec === '../schema.js');
        expect(ok, `${name} imports ${spec}`).toBe(true);
      }
      expect(text).not.toMatch(/\bprocess\./);
    }
  });
});
