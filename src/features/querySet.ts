/**
 * A dataset reduced to what alignment needs: how many queries, which could not be parsed
 * (with the first errors), and how often each template occurs.
 */
import { COUNTS_FORMAT, sortedCounts, type TemplateCountsFile } from '../datasets/counts.js';
import { DataError } from '../datasets/errors.js';
import type { Dataset, QueryRecord } from '../datasets/record.js';
import { transpiledFrom } from '../sql/dialects.js';
import { maskLiterals, maskLiteralsIn } from '../sql/literals.js';
import { parserVersion } from '../sql/parser.js';
import type { TemplateResult } from '../sql/template.js';
import { TEMPLATE_VERSION } from '../sql/templateResult.js';
import type { Templater } from '../sql/templater.js';
import { TemplateCounter } from './distribution.js';

export interface UnparseableExample {
  readonly i: number;
  readonly where: string;
  readonly sql: string;
  readonly error: string;
}

export interface QuerySet {
  readonly name: string;
  readonly path: string;
  readonly queries: number;
  readonly unparseable: number;
  /** The first few unparseable queries with their errors. */
  readonly unparseableExamples: readonly UnparseableExample[];
  readonly templates: TemplateCounter;
  /** One real query per template (its first), for explanations. */
  readonly examples: ReadonlyMap<string, string>;
  /** Where the set is written in another dialect than the comparison's: how its queries were transpiled into it. */
  readonly transpile?: TranspileCounts;
  /** Whether the examples keep their literals (asked for); by default they hold `?` for every string and number. */
  readonly literalsShown?: boolean;
  /** Where each item counts as often as its weight says: the field, and the weights' sums (templates are counted by weight). */
  readonly weighted?: WeightTotals;
  /** A built-in public set's title, licence and citation (reports name it with them). */
  readonly credit?: string;
}

/** A weighted set's weights: `queries` items stand for `total` runs (`unparseable` of them of unparseable items). */
export interface WeightTotals {
  readonly field: string;
  readonly total: number;
  readonly unparseable: number;
}

/** A set read in dialect `from` and compared in `to`: how many queries the transpiler rewrote, and how many it could not. */
export interface TranspileCounts {
  readonly from: string;
  readonly to: string;
  readonly transpiled: number;
  /** Templated as written, in `from`: counted, never dropped. */
  readonly failed: number;
}

export const EXAMPLES_KEPT = 5;

export type { Templater } from '../sql/templater.js';

export interface QuerySetOptions {
  /** The dialect the templates are made in: a counts file made in another is refused. */
  dialect?: string;
  /**
   * The dialect the dataset is written in, where it is not `dialect`: the templater transpiles its
   * queries (it must be made for this pair, sql/templater.ts) and the set counts how many were.
   */
  from?: string;
  /**
   * Keep the literals of the examples (unparseable queries, one query per template) as they are:
   * by default every string and number is `?`, so that no customer data reaches a report, a counts
   * file or a cache.
   */
  showLiterals?: boolean;
  /** The text sent to the templater for a record's SQL (default: as read); e.g. SQLite's "strings" made literals. */
  prepare?: (sql: string, record: QueryRecord) => string;
  /** Called after each batch with the number of queries done so far; awaited (for output back-pressure). */
  onProgress?: (done: number) => void | Promise<void>;
  /** Called with each record and its template, in order (for per-query output and sampling). */
  onRecord?: (record: QueryRecord, result: TemplateResult) => void;
}

export async function buildQuerySet(dataset: Dataset, templater: Templater, options: QuerySetOptions = {}): Promise<QuerySet> {
  const from = options.dialect === undefined ? undefined : transpiledFrom(options.from, options.dialect);
  if (dataset.counts) return querySetOfCounts(dataset, dataset.counts, options, from);
  const templates = new TemplateCounter();
  const examples = new Map<string, string>();
  const unparseableExamples: UnparseableExample[] = [];
  let queries = 0;
  let unparseable = 0;
  const weights = { total: 0, unparseable: 0 };
  const transpile = { transpiled: 0, failed: 0 };
  // Examples are written in the set's own dialect (the original text, not the transpiled one).
  const written = from ?? options.dialect ?? 'generic';
  const shown = (sql: string) => (options.showLiterals ? sql : maskLiterals(sql, written));
  for await (const [batch, results] of templatedBatches(dataset, templater, options.prepare)) {
    for (let k = 0; k < batch.length; k++) {
      const record = batch[k] as QueryRecord;
      const result = record.sql === null ? { error: 'no SQL for this item' } : (results[k] as TemplateResult);
      queries++;
      const weight = record.weight ?? 1;
      weights.total += weight;
      if (result.transpiled === true) transpile.transpiled++;
      else if (result.transpiled === false) transpile.failed++;
      if ('template' in result) {
        // An item that never ran (weight 0) counts nothing: not even its n-grams' place in the support.
        if (weight > 0) templates.add(result.template, weight);
        if (!examples.has(result.template)) examples.set(result.template, shown(record.sql ?? ''));
      } else {
        unparseable++;
        weights.unparseable += weight;
        if (unparseableExamples.length < EXAMPLES_KEPT) {
          const sql = record.sql ?? '';
          const error = options.showLiterals ? result.error : maskLiteralsIn(result.error, sql, written);
          unparseableExamples.push({ i: record.i, where: record.where, sql: shown(sql), error });
        }
      }
      options.onRecord?.(record, result);
    }
    await options.onProgress?.(queries);
  }
  return {
    name: dataset.name,
    path: dataset.path,
    queries,
    unparseable,
    unparseableExamples: unparseableExamples,
    templates,
    examples,
    ...(from === undefined ? {} : { transpile: { from, to: options.dialect as string, ...transpile } }),
    ...(options.showLiterals ? { literalsShown: true } : {}),
    ...(dataset.weightField === undefined ? {} : { weighted: { field: dataset.weightField, ...weights } }),
    ...(dataset.credit === undefined ? {} : { credit: dataset.credit }),
  };
}

/**
 * The dataset's batches with their templates, one batch ahead: the next batch is read and handed
 * to the templater while this one is counted, so parser threads never wait between batches.
 */
async function* templatedBatches(
  dataset: Dataset,
  templater: Templater,
  prepare?: (sql: string, record: QueryRecord) => string,
): AsyncGenerator<[readonly QueryRecord[], TemplateResult[]]> {
  const batches = dataset.batches()[Symbol.asyncIterator]();
  const textOf = prepare ? (r: QueryRecord) => (r.sql === null ? '' : prepare(r.sql, r)) : (r: QueryRecord) => r.sql ?? '';
  const send = (batch: readonly QueryRecord[]) => {
    const templating = templater.templateAll(batch.map(textOf));
    // Awaited below; until then a failure must not count as unhandled.
    templating.catch(() => {});
    return templating;
  };
  try {
    let next = await batches.next();
    let templating = next.done ? null : send(next.value);
    while (!next.done && templating) {
      const batch = next.value;
      const results = templating;
      next = await batches.next();
      templating = next.done ? null : send(next.value);
      yield [batch, await results];
    }
  } finally {
    await batches.return?.();
  }
}

/** A set of which not one query parses is a wrong file, field or --dialect: no figure is made from it. */
export function requireSomeParsed(set: QuerySet): void {
  if (set.unparseable === set.queries) {
    const first = set.unparseableExamples[0];
    const detail = first ? ` (first: ${first.where}: ${first.error})` : '';
    throw new DataError(
      set.path,
      `every one of its ${set.queries} queries is unparseable${detail}; is \`dialect\` right?`,
      undefined,
      ['dialect'],
    );
  }
}

/**
 * A counts file as a query set: made by these template rules, this parser and this dialect, from
 * queries written in `from` (transpiled) or in that dialect itself, or refused.
 */
function querySetOfCounts(dataset: Dataset, counts: TemplateCountsFile, options: QuerySetOptions, from?: string): QuerySet {
  const dialect = options.dialect;
  const now = { template_version: TEMPLATE_VERSION, parser: parserVersion(), dialect: dialect ?? counts.dialect };
  for (const key of ['template_version', 'parser'] as const) {
    if (counts[key] !== now[key]) {
      throw new DataError(dataset.path, `counted with ${key} ${counts[key]}, not ${now[key]}: count the dataset again`);
    }
  }
  const written = counts.read_dialect ?? counts.dialect;
  if (counts.dialect !== now.dialect || (from !== undefined && from !== written)) {
    const read = from ?? written;
    throw new DataError(
      dataset.path,
      `counted in dialect ${counts.dialect}${counts.read_dialect ? ` (read as ${counts.read_dialect})` : ''}, not ${now.dialect}` +
        `${from !== undefined ? ` from ${from}` : ''}: count it again with \`dialect\` ${now.dialect} and \`read\` ${counts.name}=${read}`,
      undefined,
      ['dialect', 'read'],
    );
  }
  const templates = new TemplateCounter();
  for (const [t, n] of counts.templates) templates.add(t, n);
  return {
    name: dataset.name,
    path: dataset.path,
    queries: counts.queries,
    unparseable: counts.unparseable,
    templates,
    ...(dataset.credit === undefined ? {} : { credit: dataset.credit }),
    ...(counts.weight_field === undefined
      ? {}
      : {
          weighted: {
            field: counts.weight_field,
            total: counts.weight_total ?? counts.queries,
            unparseable: counts.weight_unparseable ?? counts.unparseable,
          },
        }),
    // A file whose examples keep their literals (made with them shown, or by an older sqlalign) is
    // masked here unless this run asks for them too.
    ...examplesOfCounts(counts, options.showLiterals === true),
    ...(counts.read_dialect === undefined
      ? {}
      : {
          transpile: {
            from: counts.read_dialect,
            to: counts.dialect,
            transpiled: counts.transpiled ?? 0,
            failed: counts.transpile_failed ?? 0,
          },
        }),
  };
}

/** A counts file's examples as this run shows them: masked unless literals are asked for. */
function examplesOfCounts(counts: TemplateCountsFile, showLiterals: boolean) {
  const written = counts.read_dialect ?? counts.dialect;
  if (counts.literals === 'masked')
    return { examples: new Map(counts.examples), unparseableExamples: counts.unparseable_examples };
  if (showLiterals)
    return { examples: new Map(counts.examples), unparseableExamples: counts.unparseable_examples, literalsShown: true };
  return {
    examples: new Map(counts.examples.map(([t, sql]) => [t, maskLiterals(sql, written)] as const)),
    unparseableExamples: counts.unparseable_examples.map((e) => ({
      ...e,
      sql: maskLiterals(e.sql, written),
      error: maskLiteralsIn(e.error, e.sql, written),
    })),
  };
}

/** A query set as a counts file (`sqlalign count`). */
export function countsOfQuerySet(set: QuerySet, dialect: string): TemplateCountsFile {
  return {
    sqlalign_counts: COUNTS_FORMAT,
    template_version: TEMPLATE_VERSION,
    parser: parserVersion(),
    dialect,
    name: set.name,
    queries: set.queries,
    unparseable: set.unparseable,
    unparseable_examples: set.unparseableExamples,
    templates: sortedCounts(set.templates.counts),
    examples: [...set.examples],
    ...(set.transpile === undefined
      ? {}
      : { read_dialect: set.transpile.from, transpiled: set.transpile.transpiled, transpile_failed: set.transpile.failed }),
    // Said in the file: its examples hold the queries' own literals (by default they hold `?`).
    ...(set.literalsShown ? { literals: 'shown' as const } : {}),
    // Templates counted by weight: the items' weights, said so that a reader knows what the counts are.
    ...(set.weighted === undefined
      ? {}
      : { weight_field: set.weighted.field, weight_total: set.weighted.total, weight_unparseable: set.weighted.unparseable }),
  };
}
