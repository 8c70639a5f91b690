/** The whole `align` pipeline as one library call: load → template → features → compare. */
import { createHash } from 'node:crypto';
import {
  type DatasetInput,
  estimateQueries,
  parseDatasetSpec,
  resolveDataset,
  UsageError,
  withDistinctNames,
} from '../datasets/index.js';
import { ItemKeys } from '../datasets/overlap.js';
import { checkReadDialects, type ReadDialects, readDialectOf } from '../datasets/readDialects.js';
import type { SqlTextLayout } from '../datasets/readers/sqlText.js';
import type { Dataset, QueryRecord } from '../datasets/record.js';
import { type Distribution, TemplateCounter } from '../features/distribution.js';
import { NgramIndex } from '../features/ngrams.js';
import { type QuerySet, requireSomeParsed, type Templater } from '../features/querySet.js';
import { dbIdsOf, type ItemFacts, ReducedCache, type ReducedDataset, reduceDataset } from '../features/reducedCache.js';
import { stratumOf } from '../features/strata.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import { transpiledFrom } from '../sql/dialects.js';
import type { TemplateResult } from '../sql/template.js';
import type { TemplateCacheOptions } from '../sql/templateCache.js';
import { lazyTemplaters } from '../sql/templater.js';
import { beforeTranspiling } from '../sql/transpile.js';
import { replicatesProblem } from '../stats/interval.js';
import { type BootstrapResult, bootstrap } from './bootstrap.js';
import { type Explanation, explain } from './explain.js';
import {
  type AlignParams,
  type Comparison,
  compare,
  DEFAULT_ALPHA,
  DEFAULT_LMAX,
  distributionsOf,
  type RatioRow,
} from './figures.js';
import { samplePerGroup, type TargetEntry } from './sample.js';
import { type SensitivityRow, sensitivity } from './sensitivity.js';
import { DEFAULT_SIZE_MATCH_REPLICATES, type SizeMatchedRatio, sizeMatchedRatios } from './sizeMatched.js';
import { type StrataResult, stratify } from './stratify.js';

export interface AlignOptions {
  readonly target: DatasetInput;
  readonly train: readonly DatasetInput[];
  readonly pred?: readonly DatasetInput[];
  /** The dialect of the comparison: every set is templated in it (default sqlite). */
  readonly dialect?: string;
  /** The dialect each named dataset is written in, where it is not `dialect`: it is transpiled into `dialect` first. */
  readonly read?: ReadDialects;
  readonly alpha?: number;
  readonly lmax?: number;
  readonly scale?: number;
  /** Worker threads for parsing; default: threads only for large inputs. */
  readonly workers?: number;
  /** The persistent template cache (sql/templateCache.ts); false: none; default: the user's cache folder. */
  readonly cache?: false | TemplateCacheOptions;
  readonly maxQueryLength?: number;
  /** Progress: which dataset, and how many of its queries are done. */
  readonly onProgress?: (name: string, done: number) => void;
  /** Use only K target queries per database (or per `sampleBy` column), drawn with `seed`. */
  readonly targetSample?: number;
  readonly sampleBy?: string;
  readonly seed?: number;
  /** Bootstrap replicates for confidence intervals (default: 1000 with a sample, else none). */
  readonly bootstrap?: number;
  /** Which patterns make each row differ from the target. */
  readonly explain?: boolean;
  /** Random draws behind each size-matched AR (default 10; 0: no size-matched AR). */
  readonly sizeMatchReplicates?: number;
  /** Report every figure per stratum of the target too: a built-in key (length, joins, nesting, clauses) or a column. */
  readonly by?: string;
  /** Spider-style tables.json: with `by: 'hardness'`, each target query's Spider hardness is computed from it. */
  readonly tables?: readonly TablesJsonEntry[];
  /** How SQL text files are read (default: decided from each file). */
  readonly layout?: SqlTextLayout;
  /** Leave out of each training set the items that are target items (same question, or same SQL on the same database). */
  readonly dropOverlap?: boolean;
  /** Told how each input was read where that is worth knowing, and of the result's warnings as they arise. */
  readonly onNote?: (message: string) => void;
}

export interface AlignResult extends Comparison {
  /** Every input reduced to its templates, target first, for reports that need more than the numbers. */
  readonly querySets: { readonly target: QuerySet; readonly train: readonly QuerySet[]; readonly pred: readonly QuerySet[] };
  readonly sample: { readonly perGroup: number; readonly by: string; readonly seed: number; readonly from: number } | null;
  readonly bootstrap: BootstrapResult | null;
  /** Per ratio, what the bootstrap interval says: AR above 1, at most 1, or either. */
  readonly confidence: readonly Confidence[];
  /** Per ratio, AR with the larger of its two sets drawn down to the smaller one's size (empty when turned off). */
  readonly sizeMatched: readonly SizeMatchedRatio[];
  readonly sensitivity: readonly SensitivityRow[];
  readonly explanations: readonly Explanation[] | null;
  readonly strata: StrataResult | null;
  /** What makes a figure doubtful: predictions that cannot be for the target's questions. */
  readonly warnings: readonly string[];
}

export type Confidence = 'fine-tune' | 'no-gain' | 'uncertain';

export const DEFAULT_BOOTSTRAP_WITH_SAMPLE = 1000;

export async function align(options: AlignOptions): Promise<AlignResult> {
  const params: AlignParams = {
    dialect: options.dialect ?? 'sqlite',
    alpha: options.alpha ?? DEFAULT_ALPHA,
    lmax: options.lmax ?? DEFAULT_LMAX,
    scale: options.scale,
  };
  validateParams(params);
  checkReadDialects(options.read, [options.target, ...options.train, ...(options.pred ?? [])]);
  const tooFew = options.bootstrap === undefined ? null : replicatesProblem(options.bootstrap, 'bootstrap');
  if (tooFew !== null) throw new UsageError(tooFew, ['bootstrap']);
  const cache = ReducedCache.open(options.cache);
  const { inputs, templater } = await openInputs(options, params, cache);
  try {
    const templated = await templateInputs(await inputs, templater.get, cache, options, params);
    const warnings = inputWarnings(templated, options);
    for (const warning of warnings) options.onNote?.(warning);
    return analyze(templated, warnings, options, params);
  } finally {
    await templater.close().catch(() => {});
  }
}

/** An input as opened: reduced already (from the cache), or a dataset still to read; named for this run. */
type OpenedInput = {
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
async function openInputs(
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
  const estimates = await estimatesByDialect(toRead, (input) =>
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

/** The estimated queries to parse of each dialect the inputs are written in. */
async function estimatesByDialect(
  inputs: readonly DatasetInput[],
  dialectOf: (input: DatasetInput) => string | undefined,
): Promise<Map<string | undefined, number>> {
  const groups = new Map<string | undefined, DatasetInput[]>();
  for (const input of inputs) groups.set(dialectOf(input), [...(groups.get(dialectOf(input)) ?? []), input]);
  return new Map(await Promise.all([...groups].map(async ([from, list]) => [from, await estimateQueries(list)] as const)));
}

/** How the inputs are read: what the dataset cache's keys hold besides the files' bytes. */
const readSettingsOf = (options: AlignOptions, params: AlignParams, input: DatasetInput) => ({
  maxQueryLength: options.maxQueryLength,
  dialect: params.dialect,
  from: readDialectOf(input, options.read),
  quotedWords: options.tables === undefined ? undefined : tablesKey(options.tables),
  layout: options.layout,
});

/** Every input reduced to its templates, with what the analysis needs of the target's items. */
interface TemplatedInputs {
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
async function templateInputs(
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
  const prepare = beforeTranspiling(from, how.params.dialect, namesByDatabase(how.options.tables));
  const reduced = await reduceDataset(dataset, await how.templater(from), {
    dialect: how.params.dialect,
    from,
    prepare: prepare && ((sql, record) => prepare(sql, record.dbId)),
    onProgress: (done) => how.options.onProgress?.(dataset.name, done),
    onRecord: how.onRecord,
  });
  if (input.key && !how.without && !dataset.counts) {
    await how.cache?.putIfUnchanged(input.key, input.arg, readSettingsOf(how.options, how.params, input.arg), reduced);
  }
  return reduced;
}

/** The schemas' names as a key of the dataset cache (the same tables.json, the same key). */
const tablesKey = (tables: readonly TablesJsonEntry[]): string =>
  createHash('sha256')
    .update(JSON.stringify(tables.map((t) => [t.db_id, t.table_names_original, t.column_names_original])))
    .digest('hex')
    .slice(0, 16);

/** With a tables.json: the lower-case table and column names of each database, which SQLite's double-quoted words must match to stay names. */
function namesByDatabase(tables: readonly TablesJsonEntry[] | undefined) {
  if (tables === undefined) return undefined;
  const names = new Map<string, Set<string>>();
  for (const entry of tables) {
    names.set(
      entry.db_id,
      new Set([...entry.table_names_original, ...entry.column_names_original.map(([, c]) => c)].map((n) => n.toLowerCase())),
    );
  }
  return (dbId: string | undefined) => (dbId === undefined ? undefined : names.get(dbId));
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
    entries.push({ i: record.i, group: groupOf(record, by), template, stratum });
  };
}

/** Whether the target's queries are needed one by one: for a sample, a bootstrap or strata. */
const needsTargetEntries = (options: AlignOptions) => !!options.targetSample || bootstrapReplicates(options) > 0 || !!options.by;

const bootstrapReplicates = (options: AlignOptions) =>
  options.bootstrap ?? (options.targetSample ? DEFAULT_BOOTSTRAP_WITH_SAMPLE : 0);

/** What makes a figure doubtful: training sets holding target items, predictions that cannot be for the target. */
function inputWarnings(inputs: TemplatedInputs, options: AlignOptions): string[] {
  const { target, train, pred } = inputs;
  return [
    ...train.flatMap((set, k) => {
      const n = inputs.leaked[k] ?? 0;
      if (n === 0) return [];
      return options.dropOverlap
        ? [`${set.name}: left out ${n} items that are target items (--drop-overlap); ${set.queries} remain`]
        : [
            `${set.name} holds ${n} of the target's ${target.queries} items (the same question, or the same SQL on the same database): its low D measures leakage, not alignment; --drop-overlap leaves them out`,
          ];
    }),
    ...pred.flatMap((set, k) => predictionWarnings(target, set, inputs.targetDbIds, inputs.predDbIds[k] ?? [])),
  ];
}

/** Everything `align` computes from the templated inputs: the comparison, then what qualifies it. */
function analyze(inputs: TemplatedInputs, warnings: readonly string[], options: AlignOptions, params: AlignParams): AlignResult {
  const { train, pred, entries } = inputs;
  const fullTarget = inputs.target;
  const seed = options.seed ?? 0;
  const sampled = options.targetSample && entries ? samplePerGroup(entries, options.targetSample, seed) : null;
  const target = sampled ? sampleQuerySet(fullTarget, sampled) : fullTarget;
  if (sampled) requireSomeParsed(target);
  // Every template of the run expanded into n-grams once, for the distributions and the draws.
  const index = new NgramIndex(params.lmax);
  const distributions = distributionsOf({ target, train, pred }, params.lmax, index);
  const comparison = compare({ target, train, pred }, params, distributions);
  const run: Analysis = {
    target,
    train,
    pred,
    entries: sampled ?? entries,
    distributions,
    scale: comparison.params.scale,
    replicates: bootstrapReplicates(options),
    seed,
  };
  const boot = bootstrapOf(run, params);
  return {
    ...comparison,
    warnings,
    strata: options.by ? strataOf(run, options.by, params) : null,
    querySets: { target, train, pred },
    sample: sampled
      ? { perGroup: options.targetSample as number, by: options.sampleBy ?? 'db_id', seed, from: fullTarget.queries }
      : null,
    bootstrap: boot,
    confidence: confidenceOf(comparison.ratios, boot),
    sizeMatched: sizeMatchedOf(inputs, comparison, distributions.target, index, options, params),
    sensitivity: sensitivityOf(run, params),
    explanations: options.explain ? explanationsOf(run, params) : null,
  };
}

/** What the figures beyond the comparison are computed from: the (sampled) target and its entries, and the distributions. */
interface Analysis {
  readonly target: QuerySet;
  readonly train: readonly QuerySet[];
  readonly pred: readonly QuerySet[];
  /** The target's queries one by one (the sample's, if sampled); null when nothing asked for them. */
  readonly entries: readonly TargetEntry[] | null;
  readonly distributions: ReturnType<typeof distributionsOf>;
  /** The comparison's c. */
  readonly scale: number;
  readonly replicates: number;
  readonly seed: number;
}

function bootstrapOf(run: Analysis, params: AlignParams): BootstrapResult | null {
  if (run.replicates <= 0 || !run.entries) return null;
  return bootstrap({
    targetTemplates: run.entries.flatMap((e) => (e.template === null ? [] : [e.template])),
    others: run.distributions.others,
    trainIndex: run.train.map((_, k) => k),
    predIndex: run.pred.map((_, k) => run.train.length + k),
    alpha: params.alpha,
    lmax: params.lmax,
    scale: params.scale,
    replicates: run.replicates,
    seed: run.seed,
  });
}

function strataOf(run: Analysis, key: string, params: AlignParams): StrataResult | null {
  if (!run.entries) return null;
  return stratify({
    key,
    entries: run.entries,
    others: run.distributions.others,
    train: run.train.map((set) => set.name),
    pred: run.pred.map((set) => set.name),
    params: { ...params, scale: run.scale },
    targetTotal: run.distributions.target.total,
    replicates: run.replicates,
    seed: run.seed,
  });
}

function sensitivityOf(run: Analysis, params: AlignParams): SensitivityRow[] {
  if (run.pred.length === 0) return [];
  const named = (list: readonly QuerySet[]) => list.map((set) => ({ name: set.name, templates: set.templates }));
  return sensitivity({
    target: run.target.templates,
    train: named(run.train),
    pred: named(run.pred),
    scale: params.scale,
    // Shorter l_max are cut from the distributions already made, not counted again.
    distributions: { lmax: params.lmax, target: run.distributions.target, others: run.distributions.others },
  });
}

function explanationsOf(run: Analysis, params: AlignParams): Explanation[] {
  return [...run.train, ...run.pred].map((other, k) =>
    explain({
      role: k < run.train.length ? 'train' : 'pred',
      target: run.target,
      other,
      targetDistribution: run.distributions.target,
      otherDistribution: run.distributions.others[k] as Distribution,
      alpha: params.alpha,
    }),
  );
}

/** Per ratio, what its bootstrap interval says (without one, the point decision). */
function confidenceOf(ratios: readonly RatioRow[], boot: BootstrapResult | null): Confidence[] {
  return ratios.map((r, k) => {
    const ci = boot?.ratios[k];
    if (!ci) return r.decision;
    return ci[0] > 1 ? 'fine-tune' : ci[1] <= 1 ? 'no-gain' : 'uncertain';
  });
}

/** Each AR again with the larger of its two sets drawn down to the smaller one's size. */
function sizeMatchedOf(
  inputs: TemplatedInputs,
  comparison: Comparison,
  target: Distribution,
  index: NgramIndex,
  options: AlignOptions,
  params: AlignParams,
): SizeMatchedRatio[] {
  const replicates = options.sizeMatchReplicates ?? DEFAULT_SIZE_MATCH_REPLICATES;
  if (replicates <= 0) return [];
  const sized = (list: readonly QuerySet[], role: 'train' | 'pred') =>
    list.map((set) => ({
      name: set.name,
      templates: set.templates,
      kl: comparison.rows.find((r) => r.role === role && r.name === set.name)?.kl as number,
    }));
  return sizeMatchedRatios({
    target,
    train: sized(inputs.train, 'train'),
    pred: sized(inputs.pred, 'pred'),
    alpha: params.alpha,
    lmax: params.lmax,
    scale: comparison.params.scale,
    replicates,
    seed: options.seed ?? 0,
    index,
  });
}

/** Spider hardness needs the database's schema: from tables.json (the target's own column wins if it has one). */
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
function sampleQuerySet(full: QuerySet, sampled: readonly TargetEntry[]): QuerySet {
  const templates = new TemplateCounter();
  for (const e of sampled) if (e.template !== null) templates.add(e.template);
  return {
    ...full,
    queries: sampled.length,
    unparseable: sampled.filter((e) => e.template === null).length,
    templates,
  };
}

function validateParams(params: AlignParams): void {
  if (!(params.alpha > 0) || !Number.isFinite(params.alpha))
    throw new UsageError(`alpha must be a positive number (got ${params.alpha})`);
  if (!Number.isInteger(params.lmax) || params.lmax < 1)
    throw new UsageError(`lmax must be a whole number ≥ 1 (got ${params.lmax})`);
  if (params.scale !== undefined && !(params.scale > 0 && Number.isFinite(params.scale))) {
    throw new UsageError(`scale must be a positive number (got ${params.scale})`);
  }
}

/**
 * Predictions are the base model's answers to the target's own questions: a prediction set of
 * another size, or whose db_ids differ from the target's item by item, answers other questions,
 * and its D (and every AR built on it) compares unrelated workloads.
 */
function predictionWarnings(
  target: QuerySet,
  pred: QuerySet,
  targetDbIds: readonly (string | undefined)[],
  predDbIds: readonly (string | undefined)[],
): string[] {
  if (pred.queries !== target.queries) {
    return [
      `${pred.name} has ${pred.queries} items but the target ${target.name} has ${target.queries}: predictions for another question set make its AR meaningless`,
    ];
  }
  let mismatches = 0;
  let first = -1;
  for (let k = 0; k < predDbIds.length; k++) {
    const a = targetDbIds[k];
    const b = predDbIds[k];
    if (a !== undefined && b !== undefined && a !== b) {
      mismatches++;
      if (first < 0) first = k;
    }
  }
  if (mismatches === 0) return [];
  return [
    `${pred.name}: ${mismatches} of its ${pred.queries} items name another database than the target's item at the same place (first: item ${first}, ${predDbIds[first]} vs ${targetDbIds[first]}): are they predictions for the target's questions, in order?`,
  ];
}

/** A training set without the target's items (counted into `left[k]`), read after the target. */
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
export function ratioFromDatasets(options: { dialect?: string; scale?: number } = {}) {
  return async (paths: { target: string; train: string; pred: string }): Promise<{ ar: number; klGap: number }> => {
    const result = await align({
      target: paths.target,
      train: [paths.train],
      pred: [paths.pred],
      sizeMatchReplicates: 0,
      ...options,
    });
    const ratio = result.ratios[0] as RatioRow;
    return { ar: ratio.ar, klGap: ratio.klGap };
  };
}
