/**
 * The `streaming` kind: newline-delimited JSON in, one X per line fed to the input channel as it
 * arrives; each Y written as one JSON line and flushed at once (full duplex); an error, or an
 * input line that does not decode, becomes a final `{"error": …}` line (SPEC §5).
 */
import type { GoFile } from './gofile.js';
import { writeMediaType, writeWriteError } from './helpers.js';
import type { WriteKind } from './kind.js';

/** Writes the streaming adapter and returns the call that builds the handler. */
export const writeStreaming: WriteKind<'streaming'> = (f, fn, call) => {
  if (!fn.returnsError) writeWithoutErrors(f);
  writeCore(f);
  writeReadLines(f);
  writeLines(f);
  writeForward(f);
  writeMediaType(f);
  writeWriteError(f);
  const adapter = fn.returnsError ? 'StreamingE' : 'Streaming';
  return { handler: `${f.prefix}${adapter}(${call}, limit)`, usesLimit: true, exposesWriter: false };
};

function writeWithoutErrors(f: GoFile): void {
  const p = f.prefix;
  f.block(`
    // ${p}Streaming serves f, which has no error channel, as ${p}StreamingE does.
    func ${p}Streaming[X, Y any](f func(<-chan X) <-chan Y, limit int64) ${f.ident('net/http', 'Handler')} {
      withErrors := func(in <-chan X) (<-chan Y, <-chan error) {
        return f(in), nil
      }
      return ${p}StreamingE(withErrors, limit)
    }
  `);
}

function writeCore(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}StreamingE feeds each JSON line of the body to f as it arrives and writes each result as
    // a JSON line at once. The input channel closes at the end of the body.
    func ${p}StreamingE[X, Y any](f func(<-chan X) (<-chan Y, <-chan error), limit int64) ${http}.Handler {
      return ${http}.HandlerFunc(func(w ${http}.ResponseWriter, r *${http}.Request) {
        switch ${p}MediaType(r.Header.Get("Content-Type")) {
        case "", "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
        default:
          ${p}WriteError(w, ${http}.StatusUnsupportedMediaType, "the body must be newline-delimited JSON")
          return
        }
        // Go 1.19's server reads the rest of the body before it writes the reply's header unless
        // the connection is to close (golang.org/issue/15527); full duplex needs both at once.
        w.Header().Set("Connection", "close")
        in := make(chan X)
        bad := make(chan error, 1)
        done := make(chan struct{})
        defer close(done)
        go ${p}ReadLines(r, limit, in, bad, done)
        out, errs := f(in)
        forwarded := false
        defer func() {
          // A panic while writing a result (a MarshalJSON that panics) must not leave f blocked on a send.
          if !forwarded {
            go ${p}Discard(out)
          }
        }()
        lines := &${p}Lines{ResponseWriter: w}
        err := ${p}Forward(lines, out, errs)
        forwarded = true
        if err == nil {
          // A bad input line closed the input; it is reported after the results before it.
          select {
          case err = <-bad:
          default:
          }
        }
        lines.finish(err)
      })
    }
  `);
}

function writeReadLines(f: GoFile): void {
  const p = f.prefix;
  const [bufio, fmt] = [f.use('bufio'), f.use('fmt')];
  f.block(`
    // ${p}ReadLines decodes each non-blank line of r's body into in and closes in at the end. A
    // line that does not decode or is longer than limit ends the input and goes to bad.
    func ${p}ReadLines[X any](r *${f.ident('net/http', 'Request')}, limit int64, in chan<- X, bad chan<- error, done <-chan struct{}) {
      defer close(in)
      defer func() {
        // A panic in X's UnmarshalJSON happens in this goroutine, where the handler's recovery
        // cannot see it: it ends the input like a line that does not decode.
        if v := recover(); v != nil {
          ${p}LogPanic(r, v)
          bad <- ${f.ident('errors', 'New')}("internal server error while decoding an input line")
        }
      }()
      size := int(limit)
      if size < ${f.ident('math', 'MaxInt')} {
        size++ // room for the newline
      }
      scanner := ${bufio}.NewScanner(r.Body)
      scanner.Buffer(nil, size)
      for scanner.Scan() {
        line := ${f.ident('bytes', 'TrimSpace')}(scanner.Bytes())
        if len(line) == 0 {
          continue
        }
        var x X
        if err := ${f.ident('encoding/json', 'Unmarshal')}(line, &x); err != nil {
          bad <- ${fmt}.Errorf("cannot decode an input line: %v", err)
          return
        }
        select {
        case in <- x:
        case <-done:
          return
        }
      }
      if err := scanner.Err(); ${f.ident('errors', 'Is')}(err, ${bufio}.ErrTooLong) {
        bad <- ${fmt}.Errorf("an input line exceeds %d bytes: %w", limit, err)
      } else if err != nil {
        bad <- err
      }
    }
  `);
}

function writeLines(f: GoFile): void {
  const p = f.prefix;
  const http = f.use('net/http');
  f.block(`
    // ${p}Lines writes the reply's JSON lines; the first one starts the 200 reply.
    type ${p}Lines struct {
      ${http}.ResponseWriter
      begun bool
    }
  `);
  f.block(`
    // line writes v as one JSON line and flushes it, so the client has it at once.
    func (l *${p}Lines) line(v any) error {
      b, err := ${f.ident('encoding/json', 'Marshal')}(v)
      if err != nil {
        return err
      }
      if !l.begun {
        l.Header().Set("Content-Type", "application/x-ndjson")
        l.begun = true
      }
      if _, err := l.Write(append(b, '\\n')); err != nil {
        return err
      }
      if flusher, ok := l.ResponseWriter.(${http}.Flusher); ok {
        flusher.Flush()
      }
      return nil
    }
  `);
  f.block(`
    // finish ends the reply: with a final {"error": …} line when err is set, or 413 when a line
    // was too long before anything was sent.
    func (l *${p}Lines) finish(err error) {
      if err == nil {
        if !l.begun {
          l.Header().Set("Content-Type", "application/x-ndjson")
          l.WriteHeader(${http}.StatusOK)
        }
        return
      }
      if !l.begun && ${f.ident('errors', 'Is')}(err, ${f.ident('bufio', 'ErrTooLong')}) {
        ${p}WriteError(l.ResponseWriter, ${http}.StatusRequestEntityTooLarge, err.Error())
        return
      }
      l.line(map[string]string{"error": err.Error()})
    }
  `);
}

function writeForward(f: GoFile): void {
  const p = f.prefix;
  f.block(`
    // ${p}Forward writes each Y from out until out closes, and returns the first error from errs
    // or from writing. After an error it drains out, so f is not left blocked on a send.
    func ${p}Forward[Y any](lines *${p}Lines, out <-chan Y, errs <-chan error) error {
      for {
        select {
        case y, ok := <-out:
          if !ok {
            return ${p}Pending(errs)
          }
          if err := lines.line(y); err != nil {
            go ${p}Discard(out)
            return err
          }
        case err, ok := <-errs:
          if !ok {
            errs = nil
          } else if err != nil {
            go ${p}Discard(out)
            return err
          }
        }
      }
    }
  `);
  f.block(`
    // ${p}Pending returns an error already waiting on errs once the results have ended, if any.
    func ${p}Pending(errs <-chan error) error {
      select {
      case err := <-errs:
        return err
      default:
        return nil
      }
    }
  `);
  f.block(`
    // ${p}Discard drains out.
    func ${p}Discard[Y any](out <-chan Y) {
      for range out {
      }
    }
  `);
}
