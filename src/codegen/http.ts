/** The `http` kind: every request goes to the function, untouched. */
import type { WriteKind } from './kind.js';

/** Serves a `func(http.ResponseWriter, *http.Request)` as it is; it needs no adapter of its own. */
export const writeHttp: WriteKind<'http'> = (f, _fn, call) => ({
  handler: `${f.ident('net/http', 'HandlerFunc')}(${call})`,
  usesLimit: false,
  exposesWriter: true,
});
