/**
 * The `openwhisk` kind: the OpenWhisk action protocol (SPEC §5). `POST /init` once, then
 * `POST /run` per activation, one at a time; string members of the activation become `__OW_…`
 * variables for its duration; the end of each activation's logs is marked on stdout and stderr.
 */
import type { GoFile } from './gofile.js';
import { writeReadBody, writeWriteError } from './helpers.js';
import type { WriteKind } from './kind.js';

/** Writes the OpenWhisk adapter and returns the call that builds the handler. */
export const writeOpenWhisk: WriteKind<'openwhisk'> = (f, _fn, call) => {
  writeProtocol(f);
  writeRun(f);
  writeSetEnv(f);
  writeEndActivation(f);
  writeReadBody(f);
  writeWriteError(f);
  return { handler: `${f.prefix}OpenWhisk(${call}, limit)`, usesLimit: true, exposesWriter: false };
};

function writeProtocol(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}OpenWhisk serves f by the OpenWhisk action protocol: POST /init once, then POST /run for
    // each activation, one at a time. A /run before any /init still runs.
    func ${p}OpenWhisk(f func(${f.ident('encoding/json', 'RawMessage')}) (any, error), limit int64) ${http}.Handler {
      var mu ${f.ident('sync', 'Mutex')}
      initialized := false
      mux := ${http}.NewServeMux()
      mux.HandleFunc("/init", func(w ${http}.ResponseWriter, r *${http}.Request) {
        if r.Method != ${http}.MethodPost {
          ${p}WriteError(w, ${http}.StatusMethodNotAllowed, "/init takes POST")
          return
        }
        mu.Lock()
        defer mu.Unlock()
        if initialized {
          ${p}WriteError(w, ${http}.StatusForbidden, "the action has already been initialized")
          return
        }
        initialized = true
        w.Header().Set("Content-Type", "application/json")
        ${f.ident('io', 'WriteString')}(w, \`{"ok":true}\`)
      })
      mux.HandleFunc("/run", func(w ${http}.ResponseWriter, r *${http}.Request) {
        if r.Method != ${http}.MethodPost {
          ${p}WriteError(w, ${http}.StatusMethodNotAllowed, "/run takes POST")
          return
        }
        mu.Lock()
        defer mu.Unlock()
        defer ${p}EndActivation()
        ${p}Run(w, r, f, limit)
      })
      return mux
    }
  `);
}

function writeRun(f: GoFile): void {
  const p = f.prefix;
  const [http, json, fmt] = [f.use('net/http'), f.use('encoding/json'), f.use('fmt')];
  f.block(`
    // ${p}Run runs one activation. Its result is answered 200 as JSON and a returned error 200
    // {"error": …}, which OpenWhisk counts as the action's own error; a panic is 502.
    func ${p}Run(w ${http}.ResponseWriter, r *${http}.Request, f func(${json}.RawMessage) (any, error), limit int64) {
      body, status, err := ${p}ReadBody(w, r, limit)
      if err != nil {
        ${p}WriteError(w, status, err.Error())
        return
      }
      var activation map[string]${json}.RawMessage
      if err := ${json}.Unmarshal(body, &activation); err != nil {
        ${p}WriteError(w, ${http}.StatusBadRequest, ${fmt}.Sprintf("cannot decode the activation: %v", err))
        return
      }
      value, ok := activation["value"]
      if !ok {
        value = ${json}.RawMessage("{}")
      }
      defer ${p}SetEnv(activation)()
      defer func() {
        // Recovered here, not by the server, so the log has the panic before the end markers.
        if v := recover(); v != nil {
          ${p}LogPanic(r, v)
          ${p}WriteError(w, ${http}.StatusBadGateway, ${fmt}.Sprintf("the action panicked: %v", v))
        }
      }()
      result, err := f(value)
      if err != nil {
        ${p}WriteError(w, ${http}.StatusOK, err.Error())
        return
      }
      reply, err := ${json}.Marshal(result)
      if err != nil {
        ${p}WriteError(w, ${http}.StatusBadGateway, ${fmt}.Sprintf("cannot encode the result: %v", err))
        return
      }
      w.Header().Set("Content-Type", "application/json")
      w.Write(reply)
    }
  `);
}

function writeSetEnv(f: GoFile): void {
  const p = f.prefix;
  const os = f.use('os');
  f.block(`
    // ${p}SetEnv sets __OW_NAME for each top-level string member name other than value, and
    // returns the func that puts the environment back when the activation ends.
    func ${p}SetEnv(activation map[string]${f.ident('encoding/json', 'RawMessage')}) func() {
      var undo []func()
      for name, raw := range activation {
        var s string
        if name == "value" || len(raw) == 0 || raw[0] != '"' || ${f.ident('encoding/json', 'Unmarshal')}(raw, &s) != nil {
          continue
        }
        key := "__OW_" + ${f.ident('strings', 'ToUpper')}(name)
        old, had := ${os}.LookupEnv(key)
        ${os}.Setenv(key, s)
        undo = append(undo, func() {
          if had {
            ${os}.Setenv(key, old)
          } else {
            ${os}.Unsetenv(key)
          }
        })
      }
      return func() {
        for _, restore := range undo {
          restore()
        }
      }
    }
  `);
}

function writeEndActivation(f: GoFile): void {
  const p = f.prefix;
  const [fmt, os] = [f.use('fmt'), f.use('os')];
  f.block(`
    // ${p}EndActivation marks the end of an activation's logs on stdout and stderr, as OpenWhisk
    // expects.
    func ${p}EndActivation() {
      const marker = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX"
      ${fmt}.Fprintln(${os}.Stdout, marker)
      ${fmt}.Fprintln(${os}.Stderr, marker)
    }
  `);
}
