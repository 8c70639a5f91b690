/**
 * `select` as a library call: choose from candidate pools the fine-tuning subset whose structure
 * best matches the target, judge it on a held-out part of the target against the whole pool,
 * random subsets of the same size and each pool alone, and export it for SFT trainers.
 */

import { isBuiltin } from '../datasets/builtin.js';
import {
  DataError,
  type Dataset,
  type DatasetInput,
  estimateQueriesBy,
  type QueryRecord,
  resolveDataset,
  UsageError,
  withDistinctNames,
} from '../datasets/index.js';
import { ItemKeys } from '../datasets/overlap.js';
import { questionOf } from '../datasets/question.js';
import { checkReadDialects, type ReadDialects, readDialectOf } from '../datasets/readDialects.js';
import { trainingTurnsOf } from '../datasets/readers/sftRecords.js';
import { checkWeightFields, type WeightFields, weightFieldOf } from '../datasets/weights.js';
import { ngramDistribution, TemplateCounter } from '../features/distribution.js';
import { buildQuerySet, requireSomeParsed } from '../features/querySet.js';
import { type SetDialect, setDialect } from '../features/setDialect.js';
import { alignmentScore, coverage, klDivergence } from '../metric/divergence.js';
import type { NamesOf } from '../spider/schemaNames.js';
import { transpiledFrom } from '../sql/dialects.js';
import type { TemplateCacheOptions } from '../sql/templateCache.js';
import { lazyTemplaters } from '../sql/templater.js';
import { beforeTranspiling } from '../sql/transpile.js';
import { seededRandom, shuffleInPlace } from '../stats/random.js';
import { count } from '../words.js';
import { denseCounts, groupByTemplate, type PoolItem, Vocabulary } from './candidates.js';
import { greedySelect } from './greedy.js';
import { importanceSelect } from './importance.js';

export type SelectMethod = 'greedy' | 'importance';

export interface SelectOptions {
  readonly target: DatasetInput;
  readonly pools: readonly DatasetInput[];
  readonly budget: number;
  readonly method?: SelectMethod;
  readonly seed?: number;
  /** Share of the target held out from the selection, to judge it (default 0.3). */
  readonly holdout?: number;
  /** Largest share of the budget any one template may take (default 0.05). */
  readonly maxTemplateShare?: number;
  /** Keep pool items that duplicate a target item (same question, or same SQL on the same database). */
  readonly allowOverlap?: boolean;
  readonly randomSeeds?: number;
  /** The comparison's dialect: the target's, unless `read` names the target too (default sqlite). */
  readonly dialect?: string;
  /** The dialect each named dataset (target or pool) is written in, where it is not `dialect`: transpiled into it first. */
  readonly read?: ReadDialects;
  /**
   * The field the target's items are weighted by ('none': each once; by default a `calls` column):
   * a weighted target is selected for as the same target written out run by run. Pools are not weighted.
   */
  readonly weights?: WeightFields;
  /** Told how each input was read where that is worth knowing (a weighted target, a layout that could have gone the other way). */
  readonly onNote?: (message: string) => void;
  /** The names of each database (schemaNames), which SQLite's double-quoted words must match to stay names; default: by position. */
  readonly namesOf?: NamesOf;
  readonly alpha?: number;
  readonly lmax?: number;
  readonly workers?: number;
  /** The persistent template cache; false: none; default: the user's cache folder. */
  readonly cache?: false | TemplateCacheOptions;
  readonly onProgress?: (stage: string, done: number) => void;
}

export interface SelectedItem {
  readonly pool: string;
  readonly record: QueryRecord;
  readonly template: string;
  /** The dialect the item's SQL is written in (its pool's). */
  readonly dialect: string;
}

export interface HeldOutRow {
  readonly name: string;
  readonly queries: number;
  readonly kl: number;
  readonly alignment: number;
  readonly coverage: number;
  /** For random subsets: the spread over seeds. */
  readonly klSd?: number;
  /** Whether the row has as many queries as the selection (D depends on a set's size, too). */
  readonly sizeMatched: boolean;
}

export interface SelectResult {
  readonly method: SelectMethod;
  readonly budget: number;
  readonly selected: readonly SelectedItem[];
  readonly composition: Record<string, number>;
  /** The comparison's dialect, and each set (target first) with its own dialect and how it was transpiled into it. */
  readonly dialect: string;
  readonly sets: readonly ({ readonly role: 'target' | 'pool'; readonly name: string; readonly credit?: string } & SetDialect)[];
  /** Pool items left out because they have no question (they cannot be training examples). */
  readonly withoutQuestion: number;
  /** Pool items left out because they duplicate a target item (per pool), unless allowOverlap. */
  readonly overlap: Readonly<Record<string, number>>;
  readonly target: { readonly queries: number; readonly selectionPart: number; readonly heldOut: number };
  /** D, A_KL and coverage of the held-out target against each candidate (c: the largest D listed). */
  readonly heldOut: readonly HeldOutRow[];
  readonly beatsRandom: boolean;
  /** The pool whose random subsets of the selection's size come closest to the held-out target. */
  readonly bestPool: { readonly name: string; readonly kl: number; readonly klSd: number } | null;
  /**
   * `selection`: worth it; `pool`: just use the best pool; `random`: no better than random;
   * `unjudged`: no held-out part, or a budget that takes every candidate (nothing to choose).
   */
  readonly decision: 'selection' | 'pool' | 'random' | 'unjudged';
  readonly verdict: string;
  readonly seconds: number;
}

export async function select(options: SelectOptions): Promise<SelectResult> {
  const started = performance.now();
  const method = options.method ?? 'greedy';
  const seed = options.seed ?? 0;
  const alpha = options.alpha ?? 0.01;
  const lmax = options.lmax ?? 15;
  const holdout = options.holdout ?? 0.3;
  if (!(options.budget >= 1)) throw new UsageError(`budget must be at least 1 (got ${options.budget})`);
  if (!(holdout >= 0 && holdout < 1)) throw new UsageError(`holdout must lie in [0, 1) (got ${holdout})`);

  checkReadDialects(options.read, [options.target, ...options.pools]);
  checkWeightFields(options.weights, [options.target, ...options.pools]);
  const poolWeighted = options.pools.find((pool) => ![undefined, 'none'].includes(weightFieldOf(pool, options.weights)));
  if (poolWeighted !== undefined) {
    throw new UsageError(`\`weight\` weighs the target only: a pool's items are examples to choose, not runs to count`, [
      'weight',
    ]);
  }
  const { datasets, candidates } = await loadCandidates(options);
  const { items, targetTemplates } = candidates;
  const budget = Math.min(options.budget, items.length);

  const random = seededRandom(seed);
  const { heldOut, selectionPart } = splitTarget(targetTemplates, holdout, random, datasets[0]?.path ?? '`target`');

  const selected = choose(selectionPart, items, {
    method,
    budget,
    alpha,
    lmax,
    seed,
    random,
    maxShare: options.maxTemplateShare ?? 0.05,
  });
  const judged =
    heldOut.length > 0
      ? judge(
          heldOut,
          selected,
          items,
          datasets.slice(1).map((d) => d.name),
          method,
          {
            alpha,
            lmax,
            seed,
            seeds: options.randomSeeds ?? 10,
          },
        )
      : null;
  // A budget that takes every candidate leaves nothing to choose: "random subsets" are the whole pool then.
  const everything =
    options.budget >= items.length
      ? `not judged: the budget (${count(options.budget)}) is at least the pools' ${count(items.length)} candidate items, so there is nothing to choose between; ${
          selected.length === items.length
            ? 'the selection is all of them.'
            : `the selection is ${count(selected.length)} of them (the cap on any one template's share, --max-template-share, leaves out the rest).`
        }`
      : null;
  return {
    method,
    budget,
    selected: selected.map((s) => ({ pool: s.pool, record: s.record, template: s.template, dialect: s.dialect })),
    composition: compositionOf(selected),
    dialect: comparisonDialect(options),
    sets: candidates.sets,
    withoutQuestion: candidates.withoutQuestion,
    overlap: candidates.overlap,
    target: { queries: targetTemplates.length, selectionPart: selectionPart.length, heldOut: heldOut.length },
    heldOut: judged?.rows ?? [],
    beatsRandom: everything === null ? (judged?.beatsRandom ?? false) : false,
    bestPool: everything === null ? (judged?.bestPool ?? null) : null,
    decision: everything === null ? (judged?.decision ?? 'unjudged') : 'unjudged',
    verdict:
      everything ??
      judged?.verdict ??
      'not judged: with no held-out part of the target (--holdout 0) nothing tells the selection from a random subset.',
    seconds: (performance.now() - started) / 1000,
  };
}

/** The target and pools read and templated; pools without one usable query are an error. */
async function loadCandidates(options: SelectOptions) {
  const datasets = withDistinctNames(
    await Promise.all(
      [options.target, ...options.pools].map((d, k) =>
        resolveDataset(d, {
          dialect: options.dialect,
          weight: k === 0 ? weightFieldOf(d, options.weights) : 'none',
          onNote: options.onNote,
        }),
      ),
    ),
  );
  const candidates = await templateCandidates(datasets, options);
  if (candidates.items.length === 0)
    throw new DataError(datasets[1]?.path ?? '`pools`', 'the pools hold no parseable queries with a question', undefined, [
      'pools',
    ]);
  return { datasets, candidates };
}

/** Part of the target held out (shuffled with the run's seed): the selection sees only the rest. */
function splitTarget(
  targetTemplates: readonly string[],
  holdout: number,
  random: () => number,
  path: string,
): { heldOut: string[]; selectionPart: string[] } {
  const shuffled = shuffleInPlace([...targetTemplates], random);
  const heldCount = holdout === 0 ? 0 : Math.max(1, Math.round(holdout * shuffled.length));
  const heldOut = shuffled.slice(0, heldCount);
  const selectionPart = shuffled.slice(heldCount);
  if (selectionPart.length === 0) throw new DataError(path, 'too few target queries to hold some out', undefined, ['target']);
  return { heldOut, selectionPart };
}

/** How many selected examples come from each pool. */
function compositionOf(selected: readonly { pool: string }[]): Record<string, number> {
  const composition: Record<string, number> = {};
  for (const s of selected) composition[s.pool] = (composition[s.pool] ?? 0) + 1;
  return composition;
}

type Candidate = PoolItem & { record: QueryRecord; dialect: string };

const comparisonDialect = (options: SelectOptions) => options.dialect ?? 'sqlite';

/** The target's templates and every pool item that can be a training example (a question, not a target item). */
async function templateCandidates(
  datasets: readonly Dataset[],
  options: SelectOptions,
): Promise<{
  targetTemplates: string[];
  items: Candidate[];
  withoutQuestion: number;
  overlap: Record<string, number>;
  sets: SelectResult['sets'];
}> {
  const dialect = comparisonDialect(options);
  const inputs = [options.target, ...options.pools];
  const fromOf = (k: number) => readDialectOf(inputs[k] as DatasetInput, options.read);
  const estimates = await estimateQueriesBy(inputs, (input) => transpiledFrom(readDialectOf(input, options.read), dialect));
  const templaters = lazyTemplaters(dialect, {
    workers: options.workers,
    cache: options.cache,
    expectedQueries: (from) => estimates.get(from),
  });
  const sets: SelectResult['sets'][number][] = [];
  const targetTemplates: string[] = [];
  const items: Candidate[] = [];
  // A training example needs its question (or is a training record already): items without one are not candidates.
  let withoutQuestion = 0;
  // A pool item that is a target item (BIRD mini-dev inside BIRD dev) would be trained on the test.
  const targetKeys = new ItemKeys();
  const overlap: Record<string, number> = {};
  try {
    for (const [k, dataset] of datasets.entries()) {
      if (k > 0 && isBuiltin(dataset.path))
        throw new DataError(dataset.path, 'a built-in set holds no questions: it cannot be a pool');
      if (k > 0 && dataset.counts) throw new DataError(dataset.path, 'a counts file has no questions: it cannot be a pool');
      const from = fromOf(k);
      const prepare = beforeTranspiling(from, dialect, options.namesOf);
      const written = from ?? dialect;
      const set = await buildQuerySet(dataset, await templaters.get(from), {
        dialect,
        from,
        prepare: prepare && ((sql, record) => prepare(sql, record.dbId)),
        onProgress: (done) => options.onProgress?.(dataset.name, done),
        onRecord: (record, result) => {
          if (k === 0) targetKeys.add(record);
          if (!('template' in result)) return;
          // A weighted target item stands for its runs (a fractional weight for the nearest whole number of them).
          if (k === 0) for (let j = Math.round(record.weight ?? 1); j > 0; j--) targetTemplates.push(result.template);
          else if (questionOf(record) === null && trainingTurnsOf(record) === null) withoutQuestion++;
          else if (!options.allowOverlap && targetKeys.has(record)) overlap[dataset.name] = (overlap[dataset.name] ?? 0) + 1;
          else items.push({ pool: dataset.name, i: record.i, template: result.template, record, dialect: written });
        },
      });
      requireSomeParsed(set);
      sets.push({
        role: k === 0 ? 'target' : 'pool',
        name: dataset.name,
        ...setDialect(set, dialect),
        ...(set.credit ? { credit: set.credit } : {}),
      });
      // A target given as counts: its templates, each as often as it occurs.
      if (k === 0 && dataset.counts)
        for (const [t, n] of dataset.counts.templates) for (let j = Math.round(n); j > 0; j--) targetTemplates.push(t);
    }
  } finally {
    await templaters.close();
  }
  return { targetTemplates, items, withoutQuestion, overlap, sets };
}

/** The budget's items, chosen by the method to bring the pool's n-gram distribution close to the target part's. */
function choose(
  selectionPart: readonly string[],
  items: readonly Candidate[],
  o: {
    method: SelectMethod;
    budget: number;
    alpha: number;
    lmax: number;
    seed: number;
    random: () => number;
    maxShare: number;
  },
): Candidate[] {
  const vocabulary = new Vocabulary();
  const targetCounts = denseCounts(selectionPart, vocabulary, o.lmax);
  const groups = groupByTemplate(items, vocabulary, o.lmax);
  const G = vocabulary.ids.size;
  const target = new Float64Array(G);
  let targetTotal = 0;
  targetCounts.forEach((c) => {
    targetTotal += c;
  });
  targetCounts.forEach((c, g) => {
    target[g] = c / targetTotal;
  });
  // Items of a template are taken in a seeded order.
  for (const group of groups) shuffleInPlace(group.items, o.random);
  const { budget, alpha, maxShare } = o;
  if (o.method === 'greedy') {
    const next = new Array<number>(groups.length).fill(0);
    return greedySelect({ target, groups, budget, alpha, maxShare }).map((k) => {
      const n = next[k] as number;
      next[k] = n + 1;
      return (groups[k] as (typeof groups)[number]).items[n] as Candidate;
    });
  }
  const pool = new Float64Array(G);
  for (const group of groups) for (const [g, c] of group.ngrams) pool[g] = (pool[g] as number) + c * group.items.length;
  return importanceSelect({ target, pool, groups, budget, alpha, maxShare, seed: o.seed }).map(
    ([k, j]) => groups[k]?.items[j] as Candidate,
  );
}

interface Judgement {
  readonly rows: HeldOutRow[];
  readonly beatsRandom: boolean;
  readonly bestPool: { name: string; kl: number; klSd: number } | null;
  readonly decision: 'selection' | 'pool' | 'random';
  readonly verdict: string;
}

interface Measured {
  readonly kl: number;
  readonly coverage: number;
  readonly queries: number;
}

/**
 * The selection against what a user could do instead, on the held-out target: random subsets of
 * all pools and of each pool alone, each of the selection's size (D depends on a set's size as
 * well as its structure), and, for reference, the whole pools (other sizes, labelled so).
 */
function judge(
  heldOut: readonly string[],
  selected: readonly PoolItem[],
  items: readonly PoolItem[],
  pools: readonly string[],
  method: SelectMethod,
  { alpha, lmax, seed, seeds }: { alpha: number; lmax: number; seed: number; seeds: number },
): Judgement {
  // The selection's own size, which the template cap can make smaller than the budget.
  const size = selected.length;
  const T = ngramDistribution(counted(heldOut), lmax);
  const measure = (templates: readonly string[]): Measured => {
    const X = ngramDistribution(counted(templates), lmax);
    return { kl: klDivergence(T, X, alpha), coverage: coverage(T, X), queries: templates.length };
  };
  /** Mean and spread of D over random subsets of the selection's size drawn from `from` (all of it, if smaller). */
  const randomSubsets = (from: readonly PoolItem[], salt: number) => {
    const n = Math.min(size, from.length);
    const runs = Array.from({ length: seeds }, (_, s) => {
      const picked = shuffleInPlace([...from], seededRandom(seed + salt + s)).slice(0, n);
      return measure(picked.map((p) => p.template));
    });
    const kl = runs.reduce((a, b) => a + b.kl, 0) / seeds;
    const klSd = Math.sqrt(runs.reduce((a, b) => a + (b.kl - kl) ** 2, 0) / Math.max(1, seeds - 1));
    return { kl, klSd, coverage: runs.reduce((a, b) => a + b.coverage, 0) / seeds, queries: n };
  };
  const rows: Omit<HeldOutRow, 'alignment'>[] = [
    { name: `selected (${method})`, ...measure(selected.map((s) => s.template)), sizeMatched: true },
  ];
  const random = randomSubsets(items, 1000);
  rows.push({ name: `random subsets of all pools (${seeds} seeds)`, ...random, sizeMatched: true });
  const perPool = pools.map((name, k) => {
    const members = items.filter((i) => i.pool === name);
    return { name, members, ...randomSubsets(members, 2000 + 100 * k) };
  });
  // A pool no larger than the selection has no subsets of its size: its whole-pool row below stands for it.
  for (const p of perPool.filter((q) => q.members.length > size)) {
    const { name, members: _m, ...r } = p;
    rows.push({ name: `random subsets of pool ${name} (${seeds} seeds)`, ...r, sizeMatched: r.queries === size });
  }
  rows.push({
    name: `whole pools (${items.length} queries${items.length === size ? '' : ': another size'})`,
    ...measure(items.map((i) => i.template)),
    sizeMatched: items.length === size,
  });
  for (const name of pools) {
    const members = items.filter((i) => i.pool === name).map((i) => i.template);
    const sizeMatched = members.length === size;
    if (members.length > 0)
      rows.push({ name: `whole pool ${name}${sizeMatched ? '' : ' (another size)'}`, ...measure(members), sizeMatched });
  }
  const c = Math.max(...rows.map((r) => r.kl)) || 1;
  const held = rows.map((r) => ({ ...r, alignment: alignmentScore(r.kl, c) }));
  const best = perPool.filter((p) => p.members.length >= size).sort((a, b) => a.kl - b.kl)[0];
  const bestPool = best ? { name: best.name, kl: best.kl, klSd: best.klSd } : null;
  return { rows: held, ...decide(held[0] as HeldOutRow, random, bestPool, pools.length, size) };
}

/**
 * Worth it only when the selection comes clearly (two spreads) closer to the held-out target than
 * random subsets of all pools and of the best single pool; otherwise which of those to use instead.
 */
function decide(
  sel: HeldOutRow,
  random: { kl: number; klSd: number },
  bestPool: { name: string; kl: number; klSd: number } | null,
  pools: number,
  size: number,
): Omit<Judgement, 'rows'> {
  const fmt = (x: number) => x.toFixed(4);
  const beatsRandom = sel.kl < random.kl - 2 * random.klSd;
  const beatsBest = bestPool === null || sel.kl < bestPool.kl - 2 * bestPool.klSd;
  if (bestPool && bestPool.kl <= sel.kl && pools > 1) {
    return {
      beatsRandom,
      bestPool,
      decision: 'pool',
      verdict: `not worth it: just use pool ${bestPool.name}. On the held-out target, random subsets of it of the same size (${size}) come as close or closer (D ${fmt(bestPool.kl)} ± ${fmt(bestPool.klSd)}) than the selection (D ${fmt(sel.kl)}).`,
    };
  }
  if (beatsRandom && beatsBest) {
    const pool =
      bestPool && pools > 1
        ? ` and random subsets of the best single pool, ${bestPool.name} (${fmt(bestPool.kl)} ± ${fmt(bestPool.klSd)})`
        : '';
    return {
      beatsRandom,
      bestPool,
      decision: 'selection',
      verdict: `worth it: on the held-out target the selection's D is ${fmt(sel.kl)}, below random subsets of the same size from all pools (${fmt(random.kl)} ± ${fmt(random.klSd)})${pool}.`,
    };
  }
  const against =
    beatsRandom && bestPool
      ? `random subsets of pool ${bestPool.name} of the same size (${fmt(bestPool.kl)} ± ${fmt(bestPool.klSd)}); train on a random subset of ${bestPool.name} instead`
      : `random subsets of the same size (${fmt(random.kl)} ± ${fmt(random.klSd)}); train on a random subset instead`;
  return {
    beatsRandom,
    bestPool,
    decision: beatsRandom && bestPool ? 'pool' : 'random',
    verdict: `not worth it: on the held-out target the selection's D is ${fmt(sel.kl)}, not clearly below ${against}.`,
  };
}

function counted(templates: readonly string[]): Map<string, number> {
  const counter = new TemplateCounter();
  for (const t of templates) counter.add(t);
  return counter.counts;
}
