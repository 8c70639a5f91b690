import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { forEachConcurrently } from '../concurrency.js';
import {
  DataError,
  type DatasetInput,
  inputHash,
  type QueryRecord,
  readAll,
  resolveDataset,
  UsageError,
} from '../datasets/index.js';
import type { SqlTextLayout } from '../datasets/readers/sqlText.js';
import type { ExecResult } from '../exec/protocol.js';
import type { Semantics } from '../exec/resultsEqual.js';
import { redact } from '../exec/server.js';
import { stratumOf } from '../features/strata.js';
import { type Fingerprint, openResumable, type ResumedFile, textHash } from '../io/resumableJsonl.js';
import { NO_JUDGEMENT, SpiderJudge } from '../spider/judge.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import { dialectInfo } from '../sql/dialects.js';
import type { TemplateResult } from '../sql/template.js';
import type { TemplateCacheOptions } from '../sql/templateCache.js';
import type { ClosableTemplater } from '../sql/templater.js';
import { sqlalignVersion } from '../version.js';
import { plural } from '../words.js';
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS } from './defaults.js';
import type { ItemResult } from './itemResult.js';
import { checkDatabases, checkSchemas, type ExecRunner, NOT_TRANSPILED, startRunners, transpiledItem } from './runners.js';
import { type EvalSummary, summarize } from './summary.js';

export interface EvalOptions {
  readonly gold: DatasetInput;
  readonly pred: DatasetInput;
  /** Folder of `<db_id>/<db_id>.sqlite` (Spider and BIRD layout); items with `sql_context` need none. */
  readonly dbDir?: string;
  /**
   * A server instead: PostgreSQL (`postgres://user@host/db`, each item's db_id names a schema of that database)
   * or MySQL/MariaDB (`mysql://user@host`, each db_id names a database).
   */
  readonly dbUrl?: string;
  /** Spider-style tables.json: foreign keys for exact set match (and schemas of missing databases). */
  readonly tables?: readonly TablesJsonEntry[];
  readonly semantics?: Semantics;
  readonly keepDistinct?: boolean;
  readonly timeoutSeconds?: number;
  readonly workers?: number;
  readonly maxRows?: number;
  readonly dialect?: string;
  /** Per-item results, one JSON object per line; items already there (from the same inputs and settings) are not run again. */
  readonly out?: string;
  /** Start `out` over even if it holds results of another run (other inputs or settings). */
  readonly restart?: boolean;
  /** How SQL text files are read (default: decided from each file). */
  readonly layout?: SqlTextLayout;
  /** Queries longer than this (UTF-16 code units) are refused as bad data. */
  readonly maxQueryLength?: number;
  /** Told how each input was read where that is worth knowing. */
  readonly onNote?: (message: string) => void;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The dialect the gold and predicted queries are written in, when it is not the server's: each is
   * transpiled to the server's dialect before it runs (the judgement and templates read the originals).
   */
  readonly transpileFrom?: string;
  /** BIRD's efficiency scores (VES, R-VES): each correct item's two queries timed this many times more (BIRD's scripts: 100). */
  readonly vesRepeats?: number;
  /** The persistent template cache for the template match (sql/templateCache.ts); default: none. */
  readonly cache?: false | TemplateCacheOptions;
  /** Report EX and EM per stratum too: length, joins, nesting, clauses (of the gold query), hardness, or a gold column. */
  readonly by?: string;
  /** Audit the gold answers (exec/audit.ts): each item carries `audit` codes, and `exTie` where the gold cuts at a tie. */
  readonly audit?: boolean;
}

export type { ItemResult } from './itemResult.js';

export interface EvalResult {
  readonly summary: EvalSummary;
  readonly items: readonly ItemResult[];
}

export async function evaluate(options: EvalOptions): Promise<EvalResult> {
  const semantics = options.semantics ?? 'spider';
  const started = performance.now();
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const timeoutMs = 1000 * (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  if (options.transpileFrom !== undefined) {
    dialectInfo(options.transpileFrom);
    if (!options.dbUrl)
      throw new UsageError('queries are transpiled only for a server: give a server URL, or run them as written');
  }
  // The processes (or the server's connections) start, and the templater opens, while the inputs are read.
  const runners = startRunners(options, workers, timeoutMs);
  let inputs: EvalInputs;
  try {
    inputs = await readInputs(options, semantics, runners.pool);
  } catch (err) {
    await (await runners.pool).close();
    await (await runners.templater.catch(() => null))?.close();
    throw err;
  }
  const pool = await runners.pool;
  // The processes run items while this thread templates the queries: an item waits for the
  // templates only to be judged, and none is judged (or written to --out) before the predictions
  // have been found to parse. Items to be transpiled need the parser first.
  const templates = runners.templater
    .then((templater) => templatesOf(inputs.gold, inputs.pred, templater))
    .then((found) => {
      requireSomePrediction(options.pred, inputs.pred, found);
      return found;
    });
  let failed = false; // then no further item is started
  templates.catch(() => {
    failed = true;
  });
  try {
    await Promise.all([
      templates,
      runners.parser.then(() => runItems(inputs, options, semantics, pool, templates, workers, () => failed)),
    ]);
  } finally {
    await pool.close();
  }
  const items = [...inputs.done.values()].sort((a, b) => a.i - b.i);
  inputs.resumed?.rewrite(items);
  const seconds = (performance.now() - started) / 1000;
  const transpile = options.transpileFrom && pool.dialect ? { from: options.transpileFrom, to: pool.dialect } : undefined;
  return {
    summary: summarize(items, semantics, seconds, {
      by: options.by,
      vesRepeats: options.vesRepeats,
      transpile,
      audit: options.audit,
    }),
    items,
  };
}

/** The items paired up and checked against their databases, and what an earlier run of the same settings finished. */
interface EvalInputs {
  readonly gold: readonly QueryRecord[];
  readonly pred: readonly QueryRecord[];
  readonly resumed: ResumedFile<ItemResult> | null;
  /** Items done, by index: the resumed ones, then this run's as they finish. */
  readonly done: Map<number, ItemResult>;
}

async function readInputs(options: EvalOptions, semantics: Semantics, pool: Promise<ExecRunner>): Promise<EvalInputs> {
  const load = {
    dialect: options.dialect,
    layout: options.layout,
    onNote: options.onNote,
    maxQueryLength: options.maxQueryLength,
  };
  const [goldSet, predSet] = await Promise.all([resolveDataset(options.gold, load), resolveDataset(options.pred, load)]);
  const [gold, pred] = pairUp(goldSet.path, await readAll(goldSet), predSet.path, await readAll(predSet));
  if (options.dbUrl) checkSchemas(options.dbUrl, (await pool).locate, gold);
  else checkDatabases(options.dbDir, gold);
  const resumed = options.out
    ? openResumable(options.out, await fingerprintOf(options, semantics), { isItem: isItemResult, restart: options.restart })
    : null;
  return { gold, pred, resumed, done: resumed?.done ?? new Map<number, ItemResult>() };
}

/** Every item not done yet, a few in flight per process, each appended to the results file as it finishes. */
async function runItems(
  inputs: EvalInputs,
  options: EvalOptions,
  semantics: Semantics,
  pool: ExecRunner,
  templates: Promise<TemplatesOf>,
  workers: number,
  stop: () => boolean,
): Promise<void> {
  const { gold, pred, done, resumed } = inputs;
  const todo = gold.map((_, i) => i).filter((i) => !done.has(i));
  const tables = new Map((options.tables ?? []).map((t) => [t.db_id, t]));
  let finished = done.size;
  options.onProgress?.(finished, gold.length);
  const runItem = async (i: number) => {
    const item = await evaluateItem(
      i,
      gold[i] as QueryRecord,
      pred[i] as QueryRecord,
      options,
      semantics,
      pool,
      tables,
      templates,
    );
    done.set(i, item);
    await resumed?.append(item);
    options.onProgress?.(++finished, gold.length);
  };
  // A few items in flight per process keep every process busy without queueing the whole dataset.
  await forEachConcurrently(todo, 4 * workers, runItem, stop);
}

async function evaluateItem(
  i: number,
  gold: QueryRecord,
  pred: QueryRecord,
  options: EvalOptions,
  semantics: Semantics,
  runner: ExecRunner,
  tables: ReadonlyMap<string, TablesJsonEntry>,
  templatesFound: Promise<TemplatesOf>,
): Promise<ItemResult> {
  const item = itemFacts(gold, pred, options, runner);
  const { goldSql, predSql, dbId, hasDb, missing, noPrediction } = item;
  const transpiled =
    options.transpileFrom && runner.transpile && dbId !== null && hasDb && !noPrediction
      ? await transpiledItem(runner.transpile, options.transpileFrom, dbId, goldSql, predSql ?? '')
      : null;
  // Every item goes to a process, which judges exact set match and runs the queries where it can.
  const result = await runner.run({
    id: i,
    db: hasDb ? (item.found?.handle ?? null) : null,
    context: hasDb ? undefined : item.context,
    gold: goldSql,
    pred: semantics === 'spider' && predSql ? predSql.replace(/ value /g, ' 1 ') : (predSql ?? ''),
    semantics,
    keepDistinct: options.keepDistinct ?? false,
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    execute: !missing && !noPrediction,
    timeRepeats: options.vesRepeats ?? 0,
    ...(options.audit ? { audit: { dialect: runner.dialect ?? 'sqlite' } } : {}),
    ...(transpiled ? { run: { gold: transpiled.goldRunSql, pred: transpiled.predRunSql ?? '' } } : {}),
    spider: dbId === null ? null : { dbId, tables: tables.get(dbId) ?? null },
  });
  // A process stopped mid-item (a time-out) could not report its judgement: judge here instead.
  const judgement =
    result.judgement ??
    (dbId === null
      ? NO_JUDGEMENT
      : localJudge().judge(dbId, hasDb && !options.dbUrl ? item.dbPath : null, tables.get(dbId) ?? null, goldSql, predSql));
  const templates = await templatesFound;
  const goldTemplate = templates(goldSql);
  const predTemplate = predSql === null ? null : templates(predSql);
  const base = {
    i,
    dbId: dbId,
    exact: judgement.exact,
    templateMatch: predTemplate !== null && sameTemplate(goldTemplate, predTemplate),
    hardness: judgement.hardness,
    difficulty: typeof gold.fields?.difficulty === 'string' ? (gold.fields.difficulty as string) : null,
    ...(options.by && options.by !== 'hardness'
      ? { stratum: stratumOf(options.by, gold, 'template' in goldTemplate ? goldTemplate.template : null) }
      : {}),
    goldSql: goldSql,
    predSql: predSql,
    predParsed: judgement.predParsed,
    predUnparseable: predTemplate === null || 'error' in predTemplate,
    ...(options.transpileFrom ? (transpiled ?? NOT_TRANSPILED) : {}),
  };
  return { ...base, ...outcomeOf(item, result, options) };
}

/** An item's queries as they run, its database and whether it can run at all. */
function itemFacts(gold: QueryRecord, pred: QueryRecord, options: EvalOptions, runner: ExecRunner) {
  const goldSql = (gold.sql ?? '').trim();
  // As the official scripts read prediction files: one line, stripped.
  const predSql = pred.sql === null ? null : pred.sql.trim();
  const dbId = gold.dbId ?? pred.dbId ?? null;
  // A Gretel-style item builds its own SQLite database; on a server there is none to build it in.
  const context =
    typeof gold.fields?.sql_context === 'string' && !options.dbUrl ? (gold.fields.sql_context as string) : undefined;
  const found = dbId ? runner.locate(dbId) : null;
  const hasDb = found?.exists ?? false;
  return {
    goldSql,
    predSql,
    dbId,
    context,
    found,
    dbPath: found?.where ?? null,
    hasDb,
    missing: !hasDb && context === undefined,
    noPrediction: predSql === null || predSql === '',
  };
}

/** The execution fields of an item's result: from its process, or why it did not run. */
function outcomeOf(item: ReturnType<typeof itemFacts>, result: ExecResult, options: EvalOptions) {
  // With --ves every item has a time ratio; one that did not run has 0, as BIRD's scripts give it.
  const untimed = options.vesRepeats ? { timeRatio: 0 } : {};
  if (item.missing) {
    const { dbId, dbPath } = item;
    const why = dbId === null ? 'the item has no db_id' : `no database at ${dbPath ?? `<db-dir>/${dbId}/${dbId}.sqlite`}`;
    return { ex: null, status: 'missing_db' as const, goldRows: null, predRows: null, error: why, ms: 0, ...untimed };
  }
  if (item.noPrediction) {
    const error = 'no prediction for this item';
    return { ex: false, status: 'pred_error' as const, goldRows: null, predRows: null, error, ms: 0, ...untimed };
  }
  const ex = result.status === 'gold_error' ? null : result.ex;
  const { status, goldRows, predRows, error, ms } = result;
  const timed = options.vesRepeats ? { timeRatio: result.timeRatio ?? 0 } : {};
  const audited = result.audit ? { audit: result.audit, ...(result.exTie === undefined ? {} : { exTie: result.exTie }) } : {};
  return { ex, status, goldRows, predRows, error, ms, ...timed, ...audited };
}

let judge: SpiderJudge | undefined;
const localJudge = () => {
  judge ??= new SpiderJudge();
  return judge;
};

const sameTemplate = (a: TemplateResult, b: TemplateResult) => 'template' in a && 'template' in b && a.template === b.template;

/**
 * Gold and predictions pair up item by item. Where both are blank (the separators of an
 * interaction file such as SParC's), the pair is no item; a blank on one side only is an empty
 * query on that side (an empty prediction is scored wrong).
 */
function pairUp(goldPath: string, gold: QueryRecord[], predPath: string, pred: QueryRecord[]): [QueryRecord[], QueryRecord[]] {
  if (gold.length !== pred.length) {
    throw new DataError(
      predPath,
      `has ${plural(pred.length, 'prediction')} for ${plural(gold.length, 'gold item')} in ${goldPath}: they must pair up one to one`,
    );
  }
  // Folders of SQL files pair by position too: the same file names, or the numbers would pair wrong items.
  const fileOf = (r: QueryRecord | undefined) => r?.fields?.file as string | undefined;
  const unlike = gold.findIndex(
    (g, k) => fileOf(g) !== undefined && fileOf(pred[k]) !== undefined && fileOf(g) !== fileOf(pred[k]),
  );
  if (unlike >= 0) {
    throw new DataError(
      predPath,
      `${fileOf(pred[unlike])} stands where ${goldPath} has ${fileOf(gold[unlike])}: the two folders must hold the same file names`,
    );
  }
  const blank = (r: QueryRecord) => r.sql !== null && r.sql.trim() === '';
  const keep = gold.map((g, k) => !(blank(g) && blank(pred[k] as QueryRecord)));
  if (keep.every(Boolean)) return [gold, pred];
  const renumber = (records: QueryRecord[]) => records.filter((_, k) => keep[k]).map((r, i) => ({ ...r, i }));
  return [renumber(gold), renumber(pred)];
}

/** Every query's template, looked up by its text (the items' texts as the evaluator trims them). */
type TemplatesOf = (sql: string) => TemplateResult;

async function templatesOf(
  gold: readonly QueryRecord[],
  pred: readonly QueryRecord[],
  templater: ClosableTemplater,
): Promise<TemplatesOf> {
  try {
    // The texts as they are looked up: items trimmed (evaluateItem), predictions also as read
    // (requireSomePrediction); '' for an item without SQL (the engine's answer to an empty query).
    const trimmed = (r: QueryRecord) => (r.sql === null ? [] : [r.sql.trim()]);
    const asRead = (r: QueryRecord) => (r.sql === null ? [] : [r.sql]);
    const texts = [...new Set(['', ...gold.flatMap(trimmed), ...pred.flatMap(trimmed), ...pred.flatMap(asRead)])];
    const results = await templater.templateAll(texts);
    const byText = new Map(texts.map((t, k) => [t, results[k] as TemplateResult]));
    return (sql) => byText.get(sql) as TemplateResult;
  } finally {
    await templater.close();
  }
}

/** Predictions of which not one parses are a wrong file or a wrong --dialect, not a score of 0. */
function requireSomePrediction(input: DatasetInput, pred: readonly QueryRecord[], templates: TemplatesOf): void {
  let first: string | null = null;
  for (const record of pred) {
    const result = record.sql === null ? { error: 'no SQL for this item' } : templates(record.sql);
    if ('template' in result) return;
    first ??= `${record.where}: ${result.error}`;
  }
  const name = typeof input === 'string' ? input : input.name;
  throw new DataError(
    name,
    `not one of its ${plural(pred.length, 'prediction')} parses (first: ${first}); is \`dialect\` right?`,
    undefined,
    ['dialect'],
  );
}

/** Everything a verdict depends on: a results file made with any of it different is not resumed. */
async function fingerprintOf(options: EvalOptions, semantics: Semantics): Promise<Fingerprint> {
  return {
    sqlalign: sqlalignVersion(),
    gold: await inputHash(options.gold),
    pred: await inputHash(options.pred),
    db_dir: options.dbDir === undefined ? null : resolve(options.dbDir),
    // Only where given, so that results files of SQLite runs keep their record.
    ...(options.dbUrl ? { db_url: redact(options.dbUrl) } : {}),
    tables: options.tables ? textHash(JSON.stringify(options.tables)) : null,
    semantics,
    keep_distinct: options.keepDistinct ?? false,
    timeout_seconds: options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    max_rows: options.maxRows ?? DEFAULT_MAX_ROWS,
    dialect: options.dialect ?? 'sqlite',
    layout: options.layout ?? null,
    by: options.by ?? null,
    ...(options.transpileFrom ? { transpile_from: options.transpileFrom } : {}),
    ...(options.vesRepeats ? { ves_repeats: options.vesRepeats } : {}),
    ...(options.audit ? { audit: true } : {}),
  };
}

function isItemResult(value: unknown): value is ItemResult {
  const v = value as Partial<ItemResult> | null;
  return v !== null && typeof v === 'object' && typeof v.i === 'number' && typeof v.status === 'string';
}
