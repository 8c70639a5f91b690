/**
 * `select` as a library call: choose from candidate pools the fine-tuning subset whose structure
 * best matches the target, judge it on a held-out part of the target against the whole pool,
 * random subsets of the same size and each pool alone, and export it for SFT trainers.
 */

import { alignmentScore, coverage, klDivergence } from '../align/divergence.js';
import { seededRandom, shuffleInPlace } from '../align/random.js';
import { DataError, type DatasetInput, type QueryRecord, resolveDataset } from '../datasets/index.js';
import { ngramDistribution, TemplateCounter } from '../features/distribution.js';
import { buildQuerySet, requireSomeParsed } from '../features/querySet.js';
import { questionOf } from '../llm/predict.js';
import { createTemplater } from '../sql/templater.js';
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
  readonly randomSeeds?: number;
  readonly dialect?: string;
  readonly alpha?: number;
  readonly lmax?: number;
  readonly workers?: number;
  readonly onProgress?: (stage: string, done: number) => void;
}

export interface SelectedItem {
  readonly pool: string;
  readonly record: QueryRecord;
  readonly template: string;
}

export interface HeldOutRow {
  readonly name: string;
  readonly queries: number;
  readonly kl: number;
  readonly alignment: number;
  readonly coverage: number;
  /** For random subsets: the spread over seeds. */
  readonly kl_sd?: number;
}

export interface SelectResult {
  readonly method: SelectMethod;
  readonly budget: number;
  readonly selected: readonly SelectedItem[];
  readonly composition: Record<string, number>;
  /** Pool items left out because they have no question (they cannot be training examples). */
  readonly without_question: number;
  readonly target: { readonly queries: number; readonly selection_part: number; readonly held_out: number };
  /** D, A_KL and coverage of the held-out target against each candidate (c: the largest D listed). */
  readonly held_out: readonly HeldOutRow[];
  readonly beats_random: boolean;
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
  if (!(options.budget >= 1)) throw new DataError('--budget', 'must be at least 1');
  if (!(holdout > 0 && holdout < 1)) throw new DataError('--holdout', 'must lie between 0 and 1');

  const datasets = await Promise.all(
    [options.target, ...options.pools].map((d) => resolveDataset(d, { dialect: options.dialect })),
  );
  const templater = await createTemplater(options.dialect ?? 'sqlite', { workers: options.workers });
  const targetTemplates: string[] = [];
  const items: (PoolItem & { record: QueryRecord })[] = [];
  // A training example needs its question: items without one are not candidates.
  let withoutQuestion = 0;
  try {
    for (const [k, dataset] of datasets.entries()) {
      const set = await buildQuerySet(dataset, templater, {
        onProgress: (done) => options.onProgress?.(dataset.name, done),
        onRecord: (record, result) => {
          if (!('template' in result)) return;
          if (k === 0) targetTemplates.push(result.template);
          else if (questionOf(record) === null) withoutQuestion++;
          else items.push({ pool: dataset.name, i: record.i, template: result.template, record });
        },
      });
      requireSomeParsed(set);
    }
  } finally {
    await templater.close();
  }
  if (items.length === 0)
    throw new DataError(datasets[1]?.path ?? '--pool', 'the pools hold no parseable queries with a question');
  const budget = Math.min(options.budget, items.length);

  // Hold out part of the target: selection sees only the rest.
  const random = seededRandom(seed);
  const shuffled = shuffleInPlace([...targetTemplates], random);
  const heldCount = Math.max(1, Math.round(holdout * shuffled.length));
  const heldOut = shuffled.slice(0, heldCount);
  const selectionPart = shuffled.slice(heldCount);
  if (selectionPart.length === 0) throw new DataError(datasets[0]?.path ?? '--target', 'too few target queries to hold some out');

  const vocabulary = new Vocabulary();
  const targetCounts = denseCounts(selectionPart, vocabulary, lmax);
  const groups = groupByTemplate(items, vocabulary, lmax);
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
  for (const group of groups) shuffleInPlace(group.items, random);
  const maxShare = options.maxTemplateShare ?? 0.05;
  let chosen: PoolItem[];
  if (method === 'greedy') {
    const next = new Array<number>(groups.length).fill(0);
    chosen = greedySelect({ target, groups, budget, alpha, maxShare }).map((k) => {
      const n = next[k] as number;
      next[k] = n + 1;
      return (groups[k] as (typeof groups)[number]).items[n] as PoolItem;
    });
  } else {
    const pool = new Float64Array(G);
    for (const group of groups) for (const [g, c] of group.ngrams) pool[g] = (pool[g] as number) + c * group.items.length;
    chosen = importanceSelect({ target, pool, groups, budget, alpha, maxShare, seed }).map(
      ([k, j]) => groups[k]?.items[j] as PoolItem,
    );
  }
  const selected = chosen as (PoolItem & { record: QueryRecord })[];

  // Judge on the held-out target.
  const T = ngramDistribution(count(heldOut), lmax);
  const measure = (templates: readonly string[]) => {
    const X = ngramDistribution(count(templates), lmax);
    return { kl: klDivergence(T, X, alpha), coverage: coverage(T, X), queries: templates.length };
  };
  const rows: Omit<HeldOutRow, 'alignment'>[] = [{ name: `selected (${method})`, ...measure(selected.map((s) => s.template)) }];
  const seeds = options.randomSeeds ?? 10;
  const randoms = Array.from({ length: seeds }, (_, s) => {
    const r = seededRandom(seed + 1000 + s);
    const picked = new Set<number>();
    while (picked.size < budget) picked.add(Math.floor(r() * items.length));
    return measure([...picked].map((k) => (items[k] as PoolItem).template));
  });
  const randomMean = randoms.reduce((a, b) => a + b.kl, 0) / seeds;
  const randomSd = Math.sqrt(randoms.reduce((a, b) => a + (b.kl - randomMean) ** 2, 0) / Math.max(1, seeds - 1));
  rows.push({
    name: `random subsets of ${budget} (${seeds} seeds)`,
    kl: randomMean,
    kl_sd: randomSd,
    coverage: randoms.reduce((a, b) => a + b.coverage, 0) / seeds,
    queries: budget,
  });
  rows.push({ name: 'whole pool', ...measure(items.map((i) => i.template)) });
  for (const dataset of datasets.slice(1))
    rows.push({ name: `pool ${dataset.name}`, ...measure(items.filter((i) => i.pool === dataset.name).map((i) => i.template)) });
  const c = Math.max(...rows.map((r) => r.kl)) || 1;
  const held = rows.map((r) => ({ ...r, alignment: alignmentScore(r.kl, c) }));
  const sel = held[0] as HeldOutRow;
  const beats = sel.kl < randomMean - 2 * randomSd;
  const verdict = beats
    ? `worth it: on the held-out target the selection's D is ${sel.kl.toFixed(4)}, below random subsets of the same size (${randomMean.toFixed(4)} ± ${randomSd.toFixed(4)}).`
    : `not worth it: on the held-out target the selection's D is ${sel.kl.toFixed(4)}, not clearly below random subsets of the same size (${randomMean.toFixed(4)} ± ${randomSd.toFixed(4)}); train on a random subset instead.`;
  const composition: Record<string, number> = {};
  for (const s of selected) composition[s.pool] = (composition[s.pool] ?? 0) + 1;
  return {
    method,
    budget,
    selected: selected.map((s) => ({ pool: s.pool, record: s.record, template: s.template })),
    composition,
    without_question: withoutQuestion,
    target: { queries: targetTemplates.length, selection_part: selectionPart.length, held_out: heldOut.length },
    held_out: held,
    beats_random: beats,
    verdict,
    seconds: (performance.now() - started) / 1000,
  };
}

function count(templates: readonly string[]): Map<string, number> {
  const counter = new TemplateCounter();
  for (const t of templates) counter.add(t);
  return counter.counts;
}
