/**
 * A dataset's template counts as a file (`sqlalign count`): what alignment needs of a query set
 * (how many queries, which could not be parsed, how often each template occurs, one query per
 * template), without the queries. Counts of shards add up exactly, so a log too big for one
 * machine is counted in parts (by DuckDB, Spark or a shell loop over partitions) and merged.
 * Read back wherever a dataset is expected (align, select's target, profile).
 */
import { DataError } from './errors.js';

export const COUNTS_FORMAT = 1;

export interface TemplateCountsFile {
  /** The format's version; also how a counts file is told from other JSON. */
  readonly sqlalign_counts: number;
  /** What made the templates: counts made by other rules or another parser do not mix. */
  readonly template_version: string;
  readonly parser: string;
  /** The dialect the templates were made in (the comparison's). */
  readonly dialect: string;
  /** The dialect the queries are written in, where it is not `dialect` (they were transpiled into it). */
  readonly read_dialect?: string;
  /** With `read_dialect`: how many queries the transpiler rewrote, and how many it could not (templated as written). */
  readonly transpiled?: number;
  readonly transpile_failed?: number;
  /**
   * 'shown' where the examples keep the queries' literals (asked for); absent, they hold `?` (or,
   * from an older sqlalign, the literals, masked when read). 'masked': a built-in set's, whose
   * examples were masked when it was built, are shown as they are.
   */
  readonly literals?: 'shown' | 'masked';
  readonly name: string;
  /** Where items were weighted (`--weight`, or a `calls` column): the field, and the weights' sums; `templates` then counts by weight. */
  readonly weight_field?: string;
  readonly weight_total?: number;
  readonly weight_unparseable?: number;
  readonly queries: number;
  readonly unparseable: number;
  readonly unparseable_examples: readonly { i: number; where: string; sql: string; error: string }[];
  /** [template, how many queries have it], most frequent first. */
  readonly templates: readonly (readonly [string, number])[];
  /** [template, one real query with it]. */
  readonly examples: readonly (readonly [string, string])[];
}

/** Whether parsed JSON is a counts file (checked field by field: a damaged one is an error, not another format). */
export function isCountsFile(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'sqlalign_counts' in value;
}

export function checkCountsFile(path: string, value: Record<string, unknown>): TemplateCountsFile {
  if (value.sqlalign_counts !== COUNTS_FORMAT) {
    throw new DataError(
      path,
      `a counts file of format ${String(value.sqlalign_counts)}; this sqlalign reads format ${COUNTS_FORMAT}`,
    );
  }
  const numbers = ['queries', 'unparseable'] as const;
  for (const key of numbers) {
    if (typeof value[key] !== 'number') throw new DataError(path, `a counts file without '${key}'`);
  }
  for (const key of ['template_version', 'parser', 'dialect', 'name'] as const) {
    if (typeof value[key] !== 'string') throw new DataError(path, `a counts file without '${key}'`);
  }
  if (value.weight_field !== undefined) {
    if (typeof value.weight_field !== 'string') throw new DataError(path, "a counts file whose 'weight_field' is not a name");
    for (const key of ['weight_total', 'weight_unparseable'] as const) {
      if (typeof value[key] !== 'number') throw new DataError(path, `a counts file with 'weight_field' but without '${key}'`);
    }
  }
  if (value.read_dialect !== undefined) {
    if (typeof value.read_dialect !== 'string') throw new DataError(path, "a counts file whose 'read_dialect' is not a name");
    for (const key of ['transpiled', 'transpile_failed'] as const) {
      if (typeof value[key] !== 'number') throw new DataError(path, `a counts file with 'read_dialect' but without '${key}'`);
    }
  }
  const pairs = (key: string, second: 'number' | 'string') => {
    const list = value[key];
    if (!Array.isArray(list) || !list.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === second)) {
      throw new DataError(path, `a counts file whose '${key}' is not a list of [template, ${second}] pairs`);
    }
  };
  pairs('templates', 'number');
  pairs('examples', 'string');
  if (!Array.isArray(value.unparseable_examples)) throw new DataError(path, "a counts file without 'unparseable_examples'");
  return value as unknown as TemplateCountsFile;
}

/** Counts of several shards as one: every figure added, made by the same rules or refused. */
export function mergeCounts(parts: readonly { path: string; counts: TemplateCountsFile }[], name: string): TemplateCountsFile {
  const first = parts[0];
  if (!first) throw new DataError(name, 'nothing to merge');
  for (const { path, counts } of parts) {
    for (const key of ['template_version', 'parser', 'dialect', 'read_dialect'] as const) {
      if (counts[key] !== first.counts[key]) {
        throw new DataError(
          path,
          `made with ${key} ${counts[key]}, not ${first.counts[key]} as ${first.path}: counts of other rules do not add up`,
        );
      }
    }
  }
  const templates = new Map<string, number>();
  const examples = new Map<string, string>();
  const unparseableExamples: TemplateCountsFile['unparseable_examples'][number][] = [];
  let queries = 0;
  let unparseable = 0;
  let transpiled = 0;
  let transpileFailed = 0;
  // Shards weighted and not add up too: an unweighted item weighs 1.
  const weighted = parts.find((p) => p.counts.weight_field !== undefined)?.counts.weight_field;
  let weightTotal = 0;
  let weightUnparseable = 0;
  for (const { counts } of parts) {
    weightTotal += counts.weight_total ?? counts.queries;
    weightUnparseable += counts.weight_unparseable ?? counts.unparseable;
    queries += counts.queries;
    unparseable += counts.unparseable;
    transpiled += counts.transpiled ?? 0;
    transpileFailed += counts.transpile_failed ?? 0;
    for (const [t, n] of counts.templates) templates.set(t, (templates.get(t) ?? 0) + n);
    for (const [t, sql] of counts.examples) if (!examples.has(t)) examples.set(t, sql);
    for (const e of counts.unparseable_examples) if (unparseableExamples.length < 5) unparseableExamples.push(e);
  }
  return {
    ...first.counts,
    name,
    queries,
    unparseable,
    unparseable_examples: unparseableExamples,
    templates: sortedCounts(templates),
    examples: [...examples],
    ...(first.counts.read_dialect === undefined ? {} : { transpiled, transpile_failed: transpileFailed }),
    ...(weighted === undefined
      ? {}
      : { weight_field: weighted, weight_total: weightTotal, weight_unparseable: weightUnparseable }),
  };
}

/** Most frequent first, then by template: one order for the same counts, however they were added. */
export function sortedCounts(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
