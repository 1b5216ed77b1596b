/**
 * A Kind is one signature kind of SPEC §3 in its own module. Its `match` reads a function's
 * signature only (eligibility — exported, not generic, not variadic, not a method — is the
 * classifier's business, so near-miss checks can ask "would this match?") and returns what it
 * found: a match, the near misses a person would want to hear about, or nothing.
 */
import type { FuncDecl } from '../parser/model.js';
import type { ClassifiedFunction, Diagnostic } from '../schema.js';
import type { Scope } from './scope.js';

type Location = 'name' | 'file' | 'range' | 'guard';

/** Classified is what a kind reports for a matching signature: kind, form and the types as written. */
export type Classified = ClassifiedFunction extends infer F ? (F extends unknown ? Omit<F, Location> : never) : never;

/** KindName is the name of one of the four kinds. */
export type KindName = ClassifiedFunction['kind'];

/** A MatchResult is a match, or the near misses found instead. */
export type MatchResult = { match: Classified } | { nearMisses: Diagnostic[] };

/** A Kind is a signature kind: its name, a one-line summary and its matcher. */
export interface Kind<K extends KindName = KindName> {
  kind: K;
  summary: string;
  match(fn: FuncDecl, scope: Scope): MatchResult | undefined;
}

/** defineKind declares a kind; it exists so each kind module has one typed, uniform shape. */
export function defineKind<K extends KindName>(kind: Kind<K>): Kind<K> {
  return kind;
}
