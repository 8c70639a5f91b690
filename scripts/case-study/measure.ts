/**
 * One run measured with sqlalign itself: EX (spider rule) and EM by `evaluate`, and the run's
 * templates by the same templater `align` uses, all on the Spider-dev items whose database exists.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildQuerySet,
  evaluate,
  type QueryRecord,
  type QuerySet,
  readAll,
  resolveDataset,
  type TablesJsonEntry,
  type Templater,
} from '../../src/index.js';
import type { Run } from './runs.js';

export interface Spider {
  readonly dev: string;
  readonly train: string;
  readonly tables: readonly TablesJsonEntry[];
  readonly dbDir: string;
}

/** The target: the gold queries of the Spider-dev items whose database is in the shared data. */
export interface Target {
  readonly records: readonly QueryRecord[];
  /** Item numbers (0-based, dev.json order) of those items. */
  readonly items: ReadonlySet<number>;
  readonly all: number;
}

export async function readTarget(spider: Spider): Promise<Target> {
  const records = await readAll(await resolveDataset(spider.dev));
  const kept = records.filter((r) => r.dbId && existsSync(join(spider.dbDir, r.dbId, `${r.dbId}.sqlite`)));
  return { records: kept, items: new Set(kept.map((r) => r.i)), all: records.length };
}

export interface RunMeasure {
  /** EX in percent over `ex_n` items (spider rule). */
  readonly ex: number;
  readonly ex_n: number;
  /** Exact set match in percent over `em_n` items. */
  readonly em: number;
  readonly em_n: number;
  /** Share (percent) of the items whose predicted template equals the gold's. */
  readonly template_match: number;
  readonly unparseable: number;
  /** Predictions the database refused (no such table or column, syntax): a schema-linking failure, not a structural one. */
  readonly errors: number;
  readonly set: QuerySet;
  /** The per-item EX results (item number → correct), for explaining differences between runs. */
  readonly correct: ReadonlyMap<number, boolean>;
}

export async function measureRun(
  run: Run,
  context: { spider: Spider; target: Target; templater: Templater; cacheDir: string },
): Promise<RunMeasure> {
  const { spider, target } = context;
  mkdirSync(context.cacheDir, { recursive: true });
  const { items } = await evaluate({
    gold: spider.dev,
    pred: run.path,
    dbDir: spider.dbDir,
    tables: spider.tables,
    semantics: 'spider',
    // Resumable per-item results: a second run of the case study re-executes nothing.
    out: join(context.cacheDir, `${run.file}.eval.jsonl`),
  });
  const kept = items.filter((item) => target.items.has(item.i));
  if (kept.length !== target.items.size) throw new Error(`${run.file}: ${kept.length} of ${target.items.size} items evaluated`);
  const judged = kept.filter((item) => item.ex !== null);
  const exact = kept.filter((item) => item.exact !== null);
  const predictions = (await readAll(await resolveDataset(run.path))).filter((r) => target.items.has(r.i));
  const set = await buildQuerySet(
    await resolveDataset({ name: run.file, queries: predictions.map((r) => ({ sql: r.sql ?? '', db_id: r.dbId })) }),
    context.templater,
  );
  return {
    ex: percentOf(judged.filter((i) => i.ex).length, judged.length),
    ex_n: judged.length,
    em: percentOf(exact.filter((i) => i.exact).length, exact.length),
    em_n: exact.length,
    template_match: percentOf(kept.filter((i) => i.templateMatch).length, kept.length),
    unparseable: set.unparseable,
    errors: kept.filter((i) => i.status === 'pred_error').length,
    set,
    correct: new Map(kept.map((i) => [i.i, i.ex === true])),
  };
}

const percentOf = (n: number, d: number) => (d === 0 ? Number.NaN : (100 * n) / d);
