/**
 * `align`'s inputs, target first, reduced to their templates: from the dataset cache where it holds
 * a file as it is now, else read and templated (transpiled first where a set is written in another
 * dialect), with what the analysis needs of the target's items (its entries, db_ids, overlap).
 */
import { createHash } from 'node:crypto';
import {
  type DatasetInput,
  estimateQueriesBy,
  parseDatasetSpec,
  resolveDataset,
  UsageError,
  withDistinctNames,
} from '../datasets/index.js';
import { ItemKeys } from '../datasets/overlap.js';
import { readDialectOf } from '../datasets/readDialects.js';
import type { Dataset, QueryRecord } from '../datasets/record.js';
import { weightFieldOf } from '../datasets/weights.js';
import { type QuerySet, requireSomeParsed, type Templater } from '../features/querySet.js';
import { dbIdsOf, type ItemFacts, type ReducedCache, type ReducedDataset, reduceDataset } from '../features/reducedCache.js';
import { stratumOf } from '../features/strata.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import { type NamesOf, schemaNames } from '../spider/schemaNames.js';
import { transpiledFrom } from '../sql/dialects.js';
import type { TemplateResult } from '../sql/template.js';
import { lazyTemplaters } from '../sql/templater.js';
import { beforeTranspiling } from '../sql/transpile.js';
import type { AlignParams } from './figures.js';
import { type AlignOptions, needsTargetEntries } from './options.js';
import type { TargetEntry } from './sample.js';

/** An input as opened: reduced already (from the cache), or a dataset still to read; named for this run. */
export type OpenedInput = {
  readonly name: string;
  readonly path: string;
  readonly field?: string;
  readonly arg: DatasetInput;
  readonly key: string | null;
} & ({ readonly reduced: ReducedDataset } | { readonly dataset: Dataset });

/**
 * Every input, target first: from the reduced-dataset cache where it holds the file as it is
 * now, else opened for reading (the parser then starts at once, overlapping the opening).
 */
export async function openInputs(
  options: AlignOptions,
  params: AlignParams,
  cache: ReducedCache | null,
): Promise<{ inputs: Promise<OpenedInput[]>; templater: ReturnType<typeof lazyTemplaters> }> {
  const inputs = [options.target, ...options.train, ...(options.pred ?? [])];
  const firstPred = 1 + options.train.length;
  // Read item by item whatever is cached: a target whose items are sampled, bootstrapped or
  // stratified, and training sets that leave out the target's items.
  const itemByItem = (k: number) => (k === 0 && needsTargetEntries(options)) || (k > 0 && k < firstPred && !!options.dropOverlap);
  const keys = await Promise.all(
    inputs.map((input, k) => (cache && !itemByItem(k) ? cache.keyOf(input, readSettingsOf(options, params, input)) : null)),
  );
  const hits = keys.map((key, k) => {
    if (key === null || cache === null) return null;
    const spec = parseDatasetSpec(inputs[k] as string);
    return cache.get(key, spec.name, spec.path);
  });
  const toRead = inputs.filter((_, k) => hits[k] === null);
  // Each dialect's parser (threads or this thread) is chosen on the number of its own queries.
  const estimates = await estimateQueriesBy(toRead, (input) =>
    transpiledFrom(readDialectOf(input, options.read), params.dialect),
  );
  const templater = lazyTemplaters(params.dialect, {
    workers: options.workers,
    expectedQueries: (from) => estimates.get(from),
    cache: options.cache,
  });
  // The parser starts only when some input is not reduced already, while the inputs are opened.
  for (const input of toRead) templater.get(readDialectOf(input, options.read)).catch(() => {});
  const opened = Promise.all(
    inputs.map(async (input, k): Promise<OpenedInput> => {
      const key = keys[k] ?? null;
      const hit = hits[k];
      if (hit) {
        for (const note of hit.dataset.notes ?? []) options.onNote?.(`${hit.set.path}: ${note}`);
        return { name: hit.set.name, path: hit.set.path, field: hit.dataset.field, arg: input, key, reduced: hit };
      }
      const dataset = await resolveDataset(input, { ...readSettingsOf(options, params, input), onNote: options.onNote });
      return { name: dataset.name, path: dataset.path, field: dataset.field, arg: input, key, dataset };
    }),
  ).then(withDistinctNames);
  // A file that cannot be opened stops the run (seen where it is awaited); align closes the parser.
  opened.catch(() => {});
  return { inputs: opened, templater };
}

/** How the inputs are read: what the dataset cache's keys hold besides the files' bytes. */
const readSettingsOf = (options: AlignOptions, params: AlignParams, input: DatasetInput) => ({
  maxQueryLength: options.maxQueryLength,
  dialect: params.dialect,
  from: readDialectOf(input, options.read),
  quotedWords: options.tables === undefined ? undefined : tablesKey(options.tables),
  showLiterals: options.showLiterals,
  layout: options.layout,
  weight: weightFieldOf(input, options.weights),
});

/** Every input reduced to its templates, with what the analysis needs of the target's items. */
export interface TemplatedInputs {
  readonly target: QuerySet;
  readonly train: readonly QuerySet[];
  readonly pred: readonly QuerySet[];
  /** Per target query: its template, sampling group and stratum; null when no sample, bootstrap or strata need them. */
  readonly entries: readonly TargetEntry[] | null;
  /** The target's db_ids, then each prediction set's, in item order. */
  readonly targetDbIds: readonly (string | undefined)[];
  readonly predDbIds: readonly (readonly (string | undefined)[])[];
  /** Per training set, how many of its items are target items. */
  readonly leaked: readonly number[];
}

/** Templates every input not reduced already, in order (target first), noting the target's items as it goes. */
export async function templateInputs(
  inputs: readonly OpenedInput[],
  templater: (from?: string) => Promise<Templater>,
  cache: ReducedCache | null,
  options: AlignOptions,
  params: AlignParams,
): Promise<TemplatedInputs> {
  const sets: QuerySet[] = [];
  // Per-query templates of the target, kept only when a sample or a bootstrap needs them.
  const entries: TargetEntry[] | null = needsTargetEntries(options) ? [] : null;
  const onTargetRecord = entries ? await targetEntryRecorder(entries, options) : undefined;
  const firstPred = 1 + options.train.length;
  // The target's and each prediction set's db_ids, in order: predictions must answer the target's questions.
  const dbIds: (string | undefined)[][] = inputs.map(() => []);
  // Target items a training set holds verbatim: its D then measures leakage, not alignment.
  const targetKeys = new ItemKeys();
  const leaked = inputs.map(() => 0);
  for (const [k, input] of inputs.entries()) {
    const isTrain = k > 0 && k < firstPred;
    const reduced =
      'reduced' in input
        ? fromCache(input, input.reduced, options)
        : await reduceInput(input, input.dataset, {
            // A training set without the target's items is this run's reduction, not the file's.
            without: isTrain && options.dropOverlap ? { keys: targetKeys, left: leaked, k } : null,
            onRecord: k === 0 ? onTargetRecord : undefined,
            needsQueries: k === 0 && entries !== null,
            templater,
            cache,
            options,
            params,
          });
    requireSomeParsed(reduced.set);
    sets.push(reduced.set);
    const items = reduced.items;
    if (k === 0) targetKeys.addAllHashes(items.questionHashes, items.queryHashes);
    else if (isTrain && !options.dropOverlap) leaked[k] = leakedItems(targetKeys, items);
    if ((k === 0 && (options.pred?.length ?? 0) > 0) || k >= firstPred) dbIds[k] = dbIdsOf(items);
  }
  const [target, ...rest] = sets as [QuerySet, ...QuerySet[]];
  return {
    target,
    train: rest.slice(0, options.train.length),
    pred: rest.slice(options.train.length),
    entries,
    targetDbIds: dbIds[0] ?? [],
    predDbIds: dbIds.slice(firstPred),
    leaked: leaked.slice(1, firstPred),
  };
}

/** An input the cache held, named for this run. */
function fromCache(input: OpenedInput, reduced: ReducedDataset, options: AlignOptions): ReducedDataset {
  options.onProgress?.(input.name, reduced.set.queries);
  return { ...reduced, set: { ...reduced.set, name: input.name } };
}

/** An input read and templated; stored in the cache unless it was read without the target's items. */
async function reduceInput(
  input: OpenedInput,
  opened: Dataset,
  how: {
    readonly without: { keys: ItemKeys; left: number[]; k: number } | null;
    readonly onRecord?: (record: QueryRecord, result: TemplateResult) => void;
    readonly needsQueries: boolean;
    readonly templater: (from?: string) => Promise<Templater>;
    readonly cache: ReducedCache | null;
    readonly options: AlignOptions;
    readonly params: AlignParams;
  },
): Promise<ReducedDataset> {
  const named = { ...opened, name: input.name };
  const dataset = how.without ? withoutItemsOf(named, how.without.keys, how.without.left, how.without.k) : named;
  if (dataset.counts && how.needsQueries) {
    throw new UsageError(
      `${dataset.path} is a counts file: \`targetSample\`, \`bootstrap\` and \`by\` need the target's own queries`,
      ['targetSample', 'bootstrap', 'by'],
    );
  }
  const from = readDialectOf(input.arg, how.options.read);
  const prepare = beforeTranspiling(from, how.params.dialect, namesOfTables(how.options.tables));
  const reduced = await reduceDataset(dataset, await how.templater(from), {
    dialect: how.params.dialect,
    from,
    showLiterals: how.options.showLiterals,
    prepare: prepare && ((sql, record) => prepare(sql, record.dbId)),
    onProgress: (done) => how.options.onProgress?.(dataset.name, done),
    onRecord: how.onRecord,
  });
  if (input.key && !how.without && !dataset.counts) {
    await how.cache?.putIfUnchanged(input.key, input.arg, readSettingsOf(how.options, how.params, input.arg), reduced);
  }
  return reduced;
}

/** The schemas' names as a key of the dataset cache (the same tables.json, the same key): hashed once per tables.json. */
const tablesKeys = new WeakMap<readonly TablesJsonEntry[], string>();
function tablesKey(tables: readonly TablesJsonEntry[]): string {
  let key = tablesKeys.get(tables);
  if (key === undefined) {
    key = createHash('sha256')
      .update(JSON.stringify(tables.map((t) => [t.db_id, t.table_names_original, t.column_names_original])))
      .digest('hex')
      .slice(0, 16);
    tablesKeys.set(tables, key);
  }
  return key;
}

/** The names of each database of a tables.json, one lookup per tables.json (each database's names made once). */
const namesLookups = new WeakMap<readonly TablesJsonEntry[], NamesOf | undefined>();
function namesOfTables(tables: readonly TablesJsonEntry[] | undefined): NamesOf | undefined {
  if (tables === undefined) return undefined;
  if (!namesLookups.has(tables)) namesLookups.set(tables, schemaNames({ tables }));
  return namesLookups.get(tables);
}

/** How many items of a training set are target items (items without SQL aside). */
function leakedItems(targetKeys: ItemKeys, items: ItemFacts): number {
  let n = 0;
  for (let i = 0; i < items.hasSql.length; i++) {
    if (items.hasSql[i] && targetKeys.hasHashes(items.questionHashes[i] as number, items.queryHashes[i] as number)) n++;
  }
  return n;
}

/** Notes each target query's template, sampling group and stratum into `entries`. */
async function targetEntryRecorder(
  entries: TargetEntry[],
  options: AlignOptions,
): Promise<(record: QueryRecord, result: TemplateResult) => void> {
  const by = options.sampleBy ?? 'db_id';
  const hardnessOf = options.by === 'hardness' ? await hardnessStratum(options.tables) : null;
  const stratumOfTarget = (key: string, record: QueryRecord, template: string | null) =>
    hardnessOf && record.fields?.hardness === undefined ? hardnessOf(record) : stratumOf(key, record, template);
  return (record, result) => {
    const template = 'template' in result ? result.template : null;
    const stratum = options.by ? stratumOfTarget(options.by, record, template) : undefined;
    entries.push({ i: record.i, group: groupOf(record, by), template, stratum, weight: record.weight ?? 1 });
  };
}

async function hardnessStratum(tables: readonly TablesJsonEntry[] | undefined): Promise<(record: QueryRecord) => string> {
  const entries = new Map((tables ?? []).map((t) => [t.db_id, t]));
  // Spider's evaluator is loaded only for hardness strata.
  const { SpiderJudge } = await import('../spider/judge.js');
  const judge = new SpiderJudge();
  return (record) => {
    const entry = record.dbId ? entries.get(record.dbId) : undefined;
    if (!entry || record.sql === null) return '(no schema)';
    return judge.judge(record.dbId as string, null, entry, record.sql, null).hardness ?? '(not parsed by the Spider evaluator)';
  };
}

function groupOf(record: QueryRecord, by: string): string | null {
  const value = by === 'db_id' ? (record.dbId ?? record.fields?.db_id) : record.fields?.[by];
  return value === undefined || value === null ? null : String(value);
}

/** The target reduced to the sampled queries. */
function withoutItemsOf(dataset: Dataset, keys: ItemKeys, left: number[], k: number): Dataset {
  return {
    ...dataset,
    async *batches() {
      for await (const batch of dataset.batches()) {
        const kept = batch.filter((record) => !(record.sql !== null && keys.has(record)));
        left[k] = (left[k] ?? 0) + batch.length - kept.length;
        if (kept.length > 0) yield kept;
      }
    },
  };
}

/**
 * AR(train, pred) against a target, from three dataset arguments: what `study` needs for an
 * experiment that names its datasets instead of giving its AR.
 */
