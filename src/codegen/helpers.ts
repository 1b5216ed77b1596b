/**
 * Go helpers that more than one kind needs: reading a capped body, a JSON error reply, and the
 * media type of a Content-Type. A file serves one kind, so each helper is written at most once.
 */
import type { GoFile } from './gofile.js';

/** Writes `readBody(w, r, limit) ([]byte, int, error)`: the whole body, or 413 or 400 and why. */
export function writeReadBody(f: GoFile): void {
  const p = f.prefix;
  const [http, errors, fmt] = [f.use('net/http'), f.use('errors'), f.use('fmt')];
  f.block(`
    // ${p}ReadBody reads the whole body, up to limit bytes; on failure the status says why.
    func ${p}ReadBody(w ${http}.ResponseWriter, r *${http}.Request, limit int64) ([]byte, int, error) {
      body, err := ${f.ident('io', 'ReadAll')}(${http}.MaxBytesReader(w, r.Body, limit))
      var tooLarge *${http}.MaxBytesError
      if ${errors}.As(err, &tooLarge) {
        return nil, ${http}.StatusRequestEntityTooLarge, ${fmt}.Errorf("the body exceeds %d bytes", limit)
      }
      if err != nil {
        return nil, ${http}.StatusBadRequest, ${fmt}.Errorf("cannot read the body: %v", err)
      }
      return body, ${http}.StatusOK, nil
    }
  `);
}

/** Writes `writeError(w, status, msg)`: the reply `{"error": msg}` with that status. */
export function writeWriteError(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}WriteError answers status with the JSON body {"error": msg}.
    func ${p}WriteError(w ${http}.ResponseWriter, status int, msg string) {
      body, _ := ${f.ident('encoding/json', 'Marshal')}(map[string]string{"error": msg})
      w.Header().Set("Content-Type", "application/json")
      w.WriteHeader(status)
      w.Write(body)
    }
  `);
}

/** Writes `mediaType(header) string`: lower case, without parameters, "" when absent. */
export function writeMediaType(f: GoFile): void {
  const p = f.prefix;
  f.block(`
    // ${p}MediaType is the media type of a Content-Type header, in lower case and without
    // parameters; "" when the header is absent, and the header itself when it does not parse.
    func ${p}MediaType(header string) string {
      if ${f.ident('strings', 'TrimSpace')}(header) == "" {
        return ""
      }
      mediaType, _, err := ${f.ident('mime', 'ParseMediaType')}(header)
      if err != nil {
        return header
      }
      return mediaType
    }
  `);
}
