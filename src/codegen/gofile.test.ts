import { expect, test } from 'vitest';
import { goBlock, GoFile } from './gofile.js';

test('goBlock removes common indentation, turns two spaces into a tab and keeps tabs', () => {
  const text = goBlock(`
    func f() {
      if x {
        \tg()
      }

    }
  `);
  expect(text).toBe('func f() {\n\tif x {\n\t\t\tg()\n\t}\n\n}');
});

test('imports are recorded once, sorted, standard library first, then the user package', () => {
  const file = new GoFile({ reserved: [], user: { path: 'example.com/fn', alias: 'fn' } });
  expect(file.ident('net/http', 'Request')).toBe('http.Request');
  expect(file.use('bufio')).toBe('bufio');
  expect(file.use('net/http')).toBe('http');
  file.block('var _ = 1');
  expect(file.render('package main')).toBe(
    'package main\n\nimport (\n\t"bufio"\n\t"net/http"\n\n\tfn "example.com/fn"\n)\n\nvar _ = 1\n',
  );
});

test('a file without imports has no import block', () => {
  const file = new GoFile({ reserved: [] });
  file.block('var _ = 1');
  expect(file.render('package main')).toBe('package main\n\nvar _ = 1\n');
});

test('names the package already uses are avoided: the prefix moves on, imports are renamed', () => {
  expect(new GoFile({ reserved: ['gofnX'] }).prefix).toBe('gofn2');
  expect(new GoFile({ reserved: ['gofnX', 'gofn2Y'] }).prefix).toBe('gofn3');
  expect(new GoFile({ reserved: ['gofn'] }).prefix).toBe('gofn2');
  const file = new GoFile({ reserved: ['http', 'Main'] });
  expect(file.prefix).toBe('gofn');
  expect(file.ident('net/http', 'Handler')).toBe('gofnhttp.Handler');
  expect(file.importName('net/http')).toBe('gofnhttp');
  file.block('var _ gofnhttp.Handler');
  expect(file.render('package main')).toContain('\tgofnhttp "net/http"\n');
});

test('a redeclared predeclared name is an error only when the code uses it', () => {
  const file = new GoFile({ reserved: ['len', 'string'] });
  file.block('// len is only mentioned here, "len" too\nvar _ string');
  expect(() => file.render('package main')).toThrow('package main redeclares string, which the generated code needs');
});
