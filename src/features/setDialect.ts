/** A query set's own dialect as every report shows it, apart from the templating code (no parser behind it). */
import type { QuerySet } from './querySet.js';

/**
 * The dialect a set is written in, and where that is not the comparison's, how many of its queries
 * the transpiler rewrote into it and how many it could not (those were templated as written).
 */
export interface SetDialect {
  readonly dialect: string;
  readonly transpiled?: number;
  readonly transpileFailed?: number;
}

/** A set's dialect as the reports show it: its own, with how it was transpiled into the comparison's `dialect`. */
export function setDialect(set: QuerySet, dialect: string): SetDialect {
  const t = set.transpile;
  return t === undefined ? { dialect } : { dialect: t.from, transpiled: t.transpiled, transpileFailed: t.failed };
}
