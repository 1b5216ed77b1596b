/**
 * The `direct` kind: the request body becomes X by Content-Type, the function runs, and Y becomes
 * the reply by Accept (SPEC §5). Every form goes through one generic core, `Direct`, that takes
 * `func(X) (Y, error)`; a small generic adapter per form brings the user's function to that shape,
 * so X and Y are inferred by the compiler and never spelled here.
 */
import type { DirectForm } from '../schema.js';
import type { GoFile } from './gofile.js';
import { writeMediaType, writeReadBody } from './helpers.js';
import type { WriteKind } from './kind.js';

/** How one of SPEC §3's eight forms becomes the core's `func(X) (Y, error)`. */
interface FormAdapter {
  /** Suffix of the adapter's name (`Function`, `FunctionE`, …). */
  name: string;
  typeParams: string;
  /** The user function's type, in the adapter's type parameters. */
  param: string;
  /** The core's X and Y: struct{} where the form has none. */
  x: string;
  y: string;
  /** The statements of a `func(x X) (Y, error)` that calls f; null when f already has that type. */
  body: string[] | null;
}

/** The eight forms, keyed `form/returnsError`, in SPEC §3's order; a table, so each shape is one row. */
const forms: Record<`${DirectForm}/${boolean}`, FormAdapter> = {
  'function/false': { name: 'Function', typeParams: '[X, Y any]', param: 'func(X) Y', x: 'X', y: 'Y', body: ['return f(x), nil'] },
  'function/true': { name: 'FunctionE', typeParams: '[X, Y any]', param: 'func(X) (Y, error)', x: 'X', y: 'Y', body: null },
  'supplier/false': { name: 'Supplier', typeParams: '[Y any]', param: 'func() Y', x: 'struct{}', y: 'Y', body: ['return f(), nil'] },
  'supplier/true': { name: 'SupplierE', typeParams: '[Y any]', param: 'func() (Y, error)', x: 'struct{}', y: 'Y', body: ['return f()'] },
  'consumer/false': { name: 'Consumer', typeParams: '[X any]', param: 'func(X)', x: 'X', y: 'struct{}', body: ['f(x)', 'return struct{}{}, nil'] },
  'consumer/true': { name: 'ConsumerE', typeParams: '[X any]', param: 'func(X) error', x: 'X', y: 'struct{}', body: ['return struct{}{}, f(x)'] },
  'runnable/false': { name: 'Runnable', typeParams: '', param: 'func()', x: 'struct{}', y: 'struct{}', body: ['f()', 'return struct{}{}, nil'] },
  'runnable/true': { name: 'RunnableE', typeParams: '', param: 'func() error', x: 'struct{}', y: 'struct{}', body: ['return struct{}{}, f()'] },
};

/** Writes the form's adapter and the shared core, and returns the call that builds the handler. */
export const writeDirect: WriteKind<'direct'> = (f, fn, call) => {
  const form = forms[`${fn.form}/${fn.returnsError}`];
  writeAdapter(f, form);
  writeCore(f);
  writeDecode(f);
  writeEncode(f);
  writeNegotiate(f);
  writeMediaType(f);
  writeReadBody(f);
  return { handler: `${f.prefix}${form.name}(${call}, limit)`, usesLimit: true, exposesWriter: false };
};

function writeAdapter(f: GoFile, form: FormAdapter): void {
  const p = f.prefix;
  const hasX = form.x !== 'struct{}';
  const hasY = form.y !== 'struct{}';
  const lines: string[] = [];
  if (form.body !== null) {
    lines.push(`call := func(${hasX ? 'x X' : 'struct{}'}) (${form.y}, error) {`, ...form.body.map((s) => `  ${s}`), '}');
  }
  lines.push(`return ${p}Direct(${form.body === null ? 'f' : 'call'}, ${hasX}, ${hasY}, limit)`);
  f.block(`
    // ${p}${form.name} serves f, a ${form.param}, as a direct function.
    func ${p}${form.name}${form.typeParams}(f ${form.param}, limit int64) ${f.ident('net/http', 'Handler')} {
    ${lines.map((line) => `  ${line}`).join('\n    ')}
    }
  `);
}

function writeCore(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}Direct decodes the body into X by Content-Type, calls call, and encodes Y by Accept.
    // Without X the body is ignored; without Y the reply is 204 and Accept is not consulted.
    func ${p}Direct[X, Y any](call func(X) (Y, error), hasX, hasY bool, limit int64) ${http}.Handler {
      return ${http}.HandlerFunc(func(w ${http}.ResponseWriter, r *${http}.Request) {
        var x X
        var y Y
        mediaType, ok := "", true
        if hasY {
          // Before the call, so an unmet Accept has no side effects.
          if mediaType, ok = ${p}Negotiate(r.Header.Get("Accept"), ${p}IsRaw(&y)); !ok {
            ${http}.Error(w, "cannot reply in any media type that Accept allows", ${http}.StatusNotAcceptable)
            return
          }
        }
        if hasX {
          if status, err := ${p}Decode(w, r, &x, limit); err != nil {
            ${http}.Error(w, err.Error(), status)
            return
          }
        }
        y, err := call(x)
        if err != nil {
          ${http}.Error(w, err.Error(), ${http}.StatusInternalServerError)
          return
        }
        if !hasY {
          w.WriteHeader(${http}.StatusNoContent)
          return
        }
        ${p}Encode(w, mediaType, y)
      })
    }
  `);
  f.block(`
    // ${p}IsRaw says whether p points to a string or a []byte, aliases included: those may travel
    // as raw text or bytes. Defined types such as json.RawMessage go as JSON.
    func ${p}IsRaw(p any) bool {
      switch p.(type) {
      case *string, *[]byte:
        return true
      }
      return false
    }
  `);
}

function writeDecode(f: GoFile): void {
  const p = f.prefix;
  const [http, fmt] = [f.use('net/http'), f.use('fmt')];
  f.block(`
    // ${p}Decode fills x, a pointer, from the body as Content-Type says; on failure the status
    // says why: 415 for a media type x cannot take, 413 or 400 for the body.
    func ${p}Decode(w ${http}.ResponseWriter, r *${http}.Request, x any, limit int64) (int, error) {
      mediaType := ${p}MediaType(r.Header.Get("Content-Type"))
      raw := mediaType == "text/plain" || mediaType == "application/octet-stream"
      if mediaType != "" && mediaType != "application/json" && !(raw && ${p}IsRaw(x)) {
        return ${http}.StatusUnsupportedMediaType, ${fmt}.Errorf("cannot decode %s into the function's input", mediaType)
      }
      body, status, err := ${p}ReadBody(w, r, limit)
      if err != nil {
        return status, err
      }
      switch v := x.(type) {
      case *string:
        if raw {
          *v = string(body)
          return ${http}.StatusOK, nil
        }
      case *[]byte:
        if raw {
          *v = body
          return ${http}.StatusOK, nil
        }
      }
      if len(${f.ident('bytes', 'TrimSpace')}(body)) == 0 {
        return ${http}.StatusBadRequest, ${f.ident('errors', 'New')}("the body is empty; expected JSON")
      }
      if err := ${f.ident('encoding/json', 'Unmarshal')}(body, x); err != nil {
        return ${http}.StatusBadRequest, ${fmt}.Errorf("cannot decode the body: %v", err)
      }
      return ${http}.StatusOK, nil
    }
  `);
}

function writeEncode(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}Encode writes y as mediaType: JSON, or the bytes of a string or []byte with nothing added.
    func ${p}Encode(w ${http}.ResponseWriter, mediaType string, y any) {
      var body []byte
      switch v := y.(type) {
      case string:
        body = []byte(v)
      case []byte:
        body = v
      }
      contentType := mediaType
      if mediaType == "text/plain" {
        contentType = "text/plain; charset=utf-8"
      }
      if mediaType == "application/json" {
        var err error
        if body, err = ${f.ident('encoding/json', 'Marshal')}(y); err != nil {
          ${http}.Error(w, ${f.ident('fmt', 'Sprintf')}("cannot encode the reply: %v", err), ${http}.StatusInternalServerError)
          return
        }
      }
      w.Header().Set("Content-Type", contentType)
      w.Write(body)
    }
  `);
}

function writeNegotiate(f: GoFile): void {
  const p = f.prefix;
  const [strings, mime] = [f.use('strings'), f.use('mime')];
  f.block(`
    // ${p}Negotiate picks the reply's media type by Accept: JSON by default, raw text or bytes
    // when Y is a string or []byte and the client prefers them; false when nothing is acceptable.
    func ${p}Negotiate(accept string, raw bool) (string, bool) {
      offers := []string{"application/json"}
      if raw {
        offers = append(offers, "text/plain", "application/octet-stream")
      }
      if ${strings}.TrimSpace(accept) == "" {
        return offers[0], true
      }
      best, bestQ := "", 0.0
      for _, offer := range offers {
        if q := ${p}Quality(accept, offer); q > bestQ {
          best, bestQ = offer, q
        }
      }
      return best, best != ""
    }
  `);
  f.block(`
    // ${p}Quality is the q value that the most specific range of accept matching offer gives it,
    // or 0 when none matches.
    func ${p}Quality(accept, offer string) float64 {
      q, specificity := 0.0, 0
      for _, part := range ${strings}.Split(accept, ",") {
        mediaRange, params, err := ${mime}.ParseMediaType(part)
        s := ${p}Specificity(mediaRange, offer)
        if err != nil || s <= specificity {
          continue
        }
        q, specificity = 1.0, s
        if v, err := ${f.ident('strconv', 'ParseFloat')}(params["q"], 64); err == nil {
          q = v
        }
      }
      return q
    }
  `);
  f.block(`
    // ${p}Specificity says how closely mediaRange matches offer: 3 exactly, 2 as type/*, 1 as */*,
    // 0 not at all.
    func ${p}Specificity(mediaRange, offer string) int {
      switch {
      case mediaRange == offer:
        return 3
      case ${strings}.HasSuffix(mediaRange, "/*") && ${strings}.HasPrefix(offer, ${strings}.TrimSuffix(mediaRange, "*")):
        return 2
      case mediaRange == "*/*":
        return 1
      }
      return 0
    }
  `);
}
