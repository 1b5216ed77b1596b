/**
 * The server every kind shares (SPEC §5 "At run time"): listen on :$PORT, one ready line, drain on
 * SIGTERM or SIGINT, recover panics, and the GOFN_MAX_BODY_BYTES cap.
 */
import type { GoFile } from './gofile.js';

/** ServerOptions say which optional parts of the server a kind needs. */
export interface ServerOptions {
  /** The function receives the ResponseWriter itself, so it may hijack the connection. */
  exposesWriter: boolean;
  /** The kind caps bodies or lines at GOFN_MAX_BODY_BYTES. */
  usesLimit: boolean;
}

/** Writes the server's declarations into f. */
export function writeServer(f: GoFile, options: ServerOptions): void {
  writeServe(f);
  writeRecover(f);
  writeWriter(f, options.exposesWriter);
  if (options.usesLimit) writeMaxBodyBytes(f);
}

function writeServe(f: GoFile): void {
  const p = f.prefix;
  const [http, log, os] = [f.use('net/http'), f.use('log'), f.use('os')];
  const [context, time] = [f.use('context'), f.use('time')];
  f.block(`
    // ${p}Serve serves h on :$PORT (8080 when unset) until SIGTERM or SIGINT, then drains.
    func ${p}Serve(name string, h ${http}.Handler) {
      port := ${os}.Getenv("PORT")
      if port == "" {
        port = "8080"
      }
      srv := &${http}.Server{Addr: ":" + port, Handler: ${p}Recover(h)}
      // No read or write timeout: either would cut long streams and long runs.
      srv.ReadHeaderTimeout = 10 * ${time}.Second
      srv.IdleTimeout = 2 * ${time}.Minute
      ln, err := ${f.ident('net', 'Listen')}("tcp", srv.Addr)
      if err != nil {
        ${log}.Fatalf("gofn: %v", err)
      }
      ctx, stop := ${f.ident('os/signal', 'NotifyContext')}(${context}.Background(), ${f.ident('syscall', 'SIGTERM')}, ${os}.Interrupt)
      defer stop()
      served := make(chan error, 1)
      go func() {
        served <- srv.Serve(ln)
      }()
      ${log}.Printf("gofn: serving %s on %s", name, ln.Addr())
      select {
      case err := <-served:
        ${log}.Fatalf("gofn: %v", err)
      case <-ctx.Done():
      }
      ${p}Drain(srv)
    }
  `);
  f.block(`
    // ${p}Drain stops accepting, lets in-flight requests finish for up to 10 s, then closes the rest.
    func ${p}Drain(srv *${http}.Server) {
      timeout := 10 * ${time}.Second
      ctx, cancel := ${context}.WithTimeout(${context}.Background(), timeout)
      defer cancel()
      ${p}Draining.Store(true)
      if err := srv.Shutdown(ctx); err != nil {
        ${log}.Printf("gofn: %v; closing the connections left", err)
        srv.Close()
      }
      ${log}.Print("gofn: stopped")
    }
  `);
}

function writeRecover(f: GoFile): void {
  const p = f.prefix;
  const [http, log] = [f.use('net/http'), f.use('log')];
  f.block(`
    // ${p}Recover answers 500 when h panics and keeps serving; when the response had begun, it
    // cuts that response short instead.
    func ${p}Recover(h ${http}.Handler) ${http}.Handler {
      return ${http}.HandlerFunc(func(w ${http}.ResponseWriter, r *${http}.Request) {
        if ${p}Draining.Load() {
          // Shutdown can close a kept-alive connection just after it read the next request
          // (golang.org/issue/65802): refusing what begins once draining keeps the function
          // from running for a client that would never hear back.
          w.Header().Set("Connection", "close")
          ${http}.Error(w, "the server is shutting down", ${http}.StatusServiceUnavailable)
          return
        }
        tw := &${p}Writer{ResponseWriter: w}
        defer func() {
          if v := recover(); v != nil {
            ${p}Panicked(tw, r, v)
          }
        }()
        h.ServeHTTP(tw, r)
      })
    }
  `);
  f.block(`
    // ${p}Draining is set when the server starts to drain: requests that begin afterwards get 503.
    var ${p}Draining ${f.ident('sync/atomic', 'Bool')}
  `);
  f.block(`
    // ${p}Panicked handles a panic recovered while serving r.
    func ${p}Panicked(w *${p}Writer, r *${http}.Request, v any) {
      if v == ${http}.ErrAbortHandler {
        panic(v)
      }
      ${p}LogPanic(r, v)
      if w.begun {
        // net/http then closes the connection without ending the response, so the client sees the cut.
        panic(${http}.ErrAbortHandler)
      }
      header := w.Header()
      for key := range header {
        // Connection: close stays, so the server does not wait to read the rest of a streamed body.
        if key != "Connection" {
          delete(header, key)
        }
      }
      ${http}.Error(w.ResponseWriter, "internal server error", ${http}.StatusInternalServerError)
    }
  `);
  f.block(`
    // ${p}LogPanic logs a panic with its stack; the stack never goes to the client.
    func ${p}LogPanic(r *${http}.Request, v any) {
      ${log}.Printf("gofn: panic serving %s %s: %v\\n%s", r.Method, r.URL.Path, v, ${f.ident('runtime/debug', 'Stack')}())
    }
  `);
}

function writeWriter(f: GoFile, exposesWriter: boolean): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}Writer remembers whether the response has begun, so a later panic cuts it short.
    type ${p}Writer struct {
      ${http}.ResponseWriter
      begun bool
    }
  `);
  f.block(`
    // WriteHeader marks the response begun once a final (not 1xx) status is sent.
    func (w *${p}Writer) WriteHeader(code int) {
      if code >= 200 {
        w.begun = true
      }
      w.ResponseWriter.WriteHeader(code)
    }
  `);
  f.block(`
    // Write marks the response begun.
    func (w *${p}Writer) Write(b []byte) (int, error) {
      w.begun = true
      return w.ResponseWriter.Write(b)
    }
  `);
  f.block(`
    // Flush sends what was written so far.
    func (w *${p}Writer) Flush() {
      w.begun = true
      if flusher, ok := w.ResponseWriter.(${http}.Flusher); ok {
        flusher.Flush()
      }
    }
  `);
  f.block(`
    // Unwrap lets http.ResponseController (Go 1.20 and newer) reach the server's own writer.
    func (w *${p}Writer) Unwrap() ${http}.ResponseWriter {
      return w.ResponseWriter
    }
  `);
  if (exposesWriter) writeHijack(f);
}

function writeHijack(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // Hijack hands the connection to the function, for protocols such as WebSocket.
    func (w *${p}Writer) Hijack() (${f.ident('net', 'Conn')}, *${f.ident('bufio', 'ReadWriter')}, error) {
      hijacker, ok := w.ResponseWriter.(${http}.Hijacker)
      if !ok {
        return nil, nil, ${f.ident('errors', 'New')}("gofn: the connection cannot be hijacked")
      }
      w.begun = true
      return hijacker.Hijack()
    }
  `);
}

function writeMaxBodyBytes(f: GoFile): void {
  const p = f.prefix;
  const os = f.use('os');
  f.block(`
    // ${p}MaxBodyBytes reads GOFN_MAX_BODY_BYTES, the cap on request bodies and stream lines
    // (10 MiB when unset).
    func ${p}MaxBodyBytes() int64 {
      v := ${os}.Getenv("GOFN_MAX_BODY_BYTES")
      if v == "" {
        return 10 << 20
      }
      n, err := ${f.ident('strconv', 'ParseInt')}(v, 10, 64)
      if err != nil || n <= 0 {
        ${f.ident('log', 'Fatalf')}("gofn: GOFN_MAX_BODY_BYTES=%q is not a positive number of bytes", v)
      }
      return n
    }
  `);
}
