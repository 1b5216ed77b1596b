/** What each kind's body module gives the generator. */
import type { ClassifiedFunction } from '../schema.js';
import type { GoFile } from './gofile.js';

/** A KindBody is what a kind module wrote: the handler expression and the server parts it needs. */
export interface KindBody {
  /** The Go expression that builds the http.Handler; it may use the local `limit`. */
  handler: string;
  /** Whether `handler` uses `limit`, the GOFN_MAX_BODY_BYTES cap. */
  usesLimit: boolean;
  /** Whether the function receives the ResponseWriter itself (and may hijack the connection). */
  exposesWriter: boolean;
}

/** A WriteKind writes one kind's adapter into f and says how to call it on `call` (`fn.F` or `F`). */
export type WriteKind<K extends ClassifiedFunction['kind']> = (
  f: GoFile,
  fn: Extract<ClassifiedFunction, { kind: K }>,
  call: string,
) => KindBody;
