import { expect, test } from 'vitest';
import { unquote } from './literal.js';

test.each([
  ['"net/http"', 'net/http'],
  ['`net/http`', 'net/http'],
  ['`a\r\nb`', 'a\nb'],
  ['"net\\x2fhttp"', 'net/http'],
  ['"net\\057http"', 'net/http'],
  ['"\\u00e9\\U0001F389"', 'é🎉'],
  ['"\\xc3\\xa9"', 'é'],
  ['"a\\tb\\\\c\\"d"', 'a\tb\\c"d'],
  ['"cut short', 'cut short'],
  ['"bad \\q escape"', 'bad \\q escape'],
  ['"\\x4"', '\\x4'],
  ['"', ''],
  ['fmt', 'fmt'],
])('unquote(%j) is %j', (literal, value) => {
  expect(unquote(literal)).toBe(value);
});
