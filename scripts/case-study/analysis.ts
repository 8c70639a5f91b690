/**
 * The case study's numbers, from measured runs: per-run alignment at one fixed c, AR before
 * fine-tuning against ΔEX after it per family, the study's correlations and decision record, the
 * size-matched AR beside the plain one, and how well small target samples keep the decisions and
 * the ranking. Every D, AR and statistic comes from sqlalign's library.
 */

import {
  compare,
  DEFAULT_ALPHA,
  DEFAULT_LMAX,
  type Distribution,
  decide,
  type Experiment,
  explain,
  klDivergence,
  ngramDistribution,
  pearson,
  percentileInterval,
  type QuerySet,
  type StudyResult,
  samplePerGroup,
  sizeMatchedRatios,
  spearman,
  studyStats,
  TemplateCounter,
  wilsonInterval,
} from '../../src/index.js';
import { seededRandom, shuffleInPlace } from '../../src/stats/random.js';
import { bootstrapInterval } from '../../src/study/stats.js';
import type { RunMeasure } from './measure.js';
import type { Run } from './runs.js';

/** One fixed c for every run (the issue's); α and l_max are the spec's defaults. */
export const SCALE = 5;
export const ALPHA = DEFAULT_ALPHA;
export const LMAX = DEFAULT_LMAX;

export interface Settings {
  /** Random N-subsets of Spider train per N (stand-ins for the unpublished training sets). */
  readonly subsetSeeds: number;
  /** Random draws behind each size-matched AR. */
  readonly sizeMatchReplicates: number;
  /** Target samples per k for the small-sample claim. */
  readonly sampleSeeds: number;
  readonly sampleSizes: readonly number[];
  readonly bootstrap: number;
}

export interface RunRow {
  readonly run: Run;
  readonly measure: RunMeasure;
  readonly d: number;
  readonly alignment: number;
  readonly coverage: number;
}

export interface ExperimentRow {
  readonly family: string;
  readonly series: string;
  readonly file: string;
  readonly nTrain: number;
  readonly exBefore: number;
  readonly exAfter: number;
  readonly deltaEx: number;
  readonly dPred: number;
  /** D(T‖S_N) over the subset seeds: mean and range. */
  readonly dTrain: Range;
  readonly ar: Range;
  readonly arSizeMatched: Range & { size: number };
}

/** Every input the analysis needs, already templated. */
export interface CaseInput {
  readonly target: QuerySet;
  /** The target's per-item templates (null: unparseable) and databases, in item order. */
  readonly targetItems: readonly { i: number; db_id: string; template: string | null }[];
  /** Spider train's per-query templates (null: unparseable). */
  readonly trainTemplates: readonly (string | null)[];
  readonly runs: readonly { run: Run; measure: RunMeasure }[];
}

export function runRows(input: CaseInput): RunRow[] {
  const comparison = compare(
    { target: input.target, train: [], pred: input.runs.map((r) => r.measure.set) },
    { dialect: 'sqlite', alpha: ALPHA, lmax: LMAX, scale: SCALE },
  );
  return input.runs.map((r, k) => {
    const row = comparison.rows[k];
    if (!row) throw new Error(`no comparison row for ${r.run.file}`);
    return { ...r, d: row.kl, alignment: row.alignment, coverage: row.coverage };
  });
}

/** A training subset's templates and, counted once, their n-gram distribution. */
export interface Subset {
  readonly templates: TemplateCounter;
  readonly distribution: Distribution;
}

/** Random N-subsets of the training templates, the same ones for every family (seeded by N and seed). */
export function trainSubsets(templates: readonly (string | null)[], sizes: readonly number[], seeds: number) {
  const out = new Map<number, Subset[]>();
  for (const n of sizes) {
    const subsets: Subset[] = [];
    // The whole set has one subset of its size: more seeds would repeat it.
    for (let seed = 0; seed < (n >= templates.length ? 1 : seeds); seed++) {
      const order = shuffleInPlace(
        templates.map((_, k) => k),
        seededRandom(n * 1000 + seed),
      );
      const counter = new TemplateCounter();
      for (const k of order.slice(0, n)) {
        const t = templates[k];
        if (t !== null && t !== undefined) counter.add(t);
      }
      subsets.push({ templates: counter, distribution: ngramDistribution(counter.counts, LMAX) });
    }
    out.set(n, subsets);
  }
  return out;
}

/** A mean with the smallest and largest value it averages. */
export interface Range {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

const range = (xs: readonly number[]): Range => ({
  mean: xs.reduce((a, b) => a + b, 0) / xs.length,
  min: Math.min(...xs),
  max: Math.max(...xs),
});

export function experiments(
  rows: readonly RunRow[],
  subsets: ReadonlyMap<number, readonly Subset[]>,
  target: Distribution,
  settings: Settings,
): ExperimentRow[] {
  const subsetKl = new Map([...subsets].map(([n, list]) => [n, list.map((x) => klDivergence(target, x.distribution, ALPHA))]));
  const out: ExperimentRow[] = [];
  for (const before of rows.filter((r) => r.run.kind === 'pretrained' && !r.run.sameAs)) {
    const family = before.run.family;
    const after = rows.filter(
      (r) => r.run.family === family && r.run.kind === 'fine-tuned' && r.run.nTrain !== null && !r.run.sameAs,
    );
    for (const a of after) {
      const n = a.run.nTrain as number;
      const dTrain = subsetKl.get(n);
      const list = subsets.get(n);
      if (!dTrain || !list) throw new Error(`no training subsets of size ${n}`);
      const matched = list.flatMap(({ templates }, seed) =>
        sizeMatchedRatios({
          target,
          train: [{ name: `train-${n}`, templates, kl: dTrain[seed] as number }],
          pred: [{ name: before.run.file, templates: before.measure.set.templates, kl: before.d }],
          alpha: ALPHA,
          lmax: LMAX,
          scale: SCALE,
          replicates: settings.sizeMatchReplicates,
          seed,
        }),
      );
      out.push({
        family,
        series: a.run.series,
        file: a.run.file,
        nTrain: n,
        exBefore: before.measure.ex,
        exAfter: a.measure.ex,
        deltaEx: a.measure.ex - before.measure.ex,
        dPred: before.d,
        dTrain: range(dTrain),
        ar: range(dTrain.map((d) => Math.exp((before.d - d) / SCALE))),
        arSizeMatched: { ...range(matched.map((m) => m.ar)), size: matched[0]?.size ?? 0 },
      });
    }
  }
  return out;
}

export function studyOf(rows: readonly ExperimentRow[], which: 'ar' | 'arSizeMatched', settings: Settings): StudyResult {
  const list: Experiment[] = rows.map((e) => ({
    model: e.file,
    family: e.family,
    train: `Spider train, N = ${e.nTrain}`,
    target: 'Spider dev (972 items with a database)',
    ar: e[which].mean,
    exBefore: e.exBefore,
    exAfter: e.exAfter,
    emBefore: null,
    emAfter: null,
  }));
  return studyStats(list, { bootstrap: settings.bootstrap, seed: 0 });
}

export interface DecisionRecord {
  readonly n: number;
  readonly right: number;
  readonly rate: number;
  readonly ci: readonly [number, number];
}

/** How often "AR > 1 ⇒ gain, AR ≤ 1 ⇒ no gain" was right, with a Wilson interval. */
export function decisionRecord(rows: readonly ExperimentRow[], which: 'ar' | 'arSizeMatched'): DecisionRecord {
  const right = rows.filter((e) => e[which].mean > 1 === e.deltaEx > 0).length;
  return { n: rows.length, right, rate: rows.length ? right / rows.length : Number.NaN, ci: wilsonInterval(right, rows.length) };
}

export interface Correlation {
  readonly group: string;
  readonly n: number;
  readonly pearson: number | null;
  readonly pearsonCi: readonly [number, number] | null;
  readonly pearsonP: number | null;
  readonly spearman: number | null;
  readonly spearmanCi: readonly [number, number] | null;
  readonly spearmanP: number | null;
}

/** D against EX across runs (distinct files), pooled and per family. */
export function dAgainstEx(rows: readonly RunRow[], settings: Settings): Correlation[] {
  const distinct = rows.filter((r) => !r.run.sameAs);
  const groups = new Map<string, RunRow[]>([['all runs', distinct]]);
  for (const r of distinct) groups.set(r.run.family, [...(groups.get(r.run.family) ?? []), r]);
  return [...groups]
    .filter(([, list]) => list.length >= 3)
    .map(([group, list]) =>
      correlation(
        group,
        list.map((r) => r.d),
        list.map((r) => r.measure.ex),
        settings,
      ),
    );
}

export function correlation(group: string, x: readonly number[], y: readonly number[], settings: Settings): Correlation {
  const p = pearson(x, y);
  const s = spearman(x, y);
  const interval = (stat: (a: number[], b: number[]) => number | null) =>
    x.length < 8 ? null : bootstrapInterval(x, y, stat, settings.bootstrap, 0);
  return {
    group,
    n: x.length,
    pearson: p.value,
    pearsonP: p.p,
    pearsonCi: interval((a, b) => pearson(a, b).value),
    spearman: s.value,
    spearmanP: s.p,
    spearmanCi: interval((a, b) => spearman(a, b).value),
  };
}

/** A median over seeds with the range that holds 95% of them. */
export interface Spread {
  readonly median: number;
  readonly low: number;
  readonly high: number;
}

export interface SampleAgreement {
  readonly k: number;
  readonly seeds: number;
  readonly meanQueries: number;
  /** Share of (seed, experiment) pairs whose AR decision equals the whole target's. */
  readonly decisions: DecisionRecord;
  /** Per seed, Spearman's ρ between the sampled and the whole target's D over the distinct runs: median and 95% range. */
  readonly rankRho: Spread;
  /** Per seed, the share of run pairs the sample orders as the whole target does: median and 95% range. */
  readonly pairsAgree: Spread;
  /** Share of seeds where the whole target's best-aligned run (lowest D) is among the sample's 5 best. */
  readonly sameBest: DecisionRecord;
}

/** The paper's small-sample claim (spec §4) on these runs: k target queries per database, many seeds. */
export function sampleAgreement(
  input: CaseInput,
  rows: readonly RunRow[],
  experimentsList: readonly ExperimentRow[],
  subsets: ReadonlyMap<number, readonly Subset[]>,
  settings: Settings,
): SampleAgreement[] {
  const distinct = rows.filter((r) => !r.run.sameAs);
  const runDistributions = distinct.map((r) => ngramDistribution(r.measure.set.templates.counts, LMAX));
  const byFile = new Map(distinct.map((r, k) => [r.run.file, k]));
  const pretrained = new Map(distinct.filter((r) => r.run.kind === 'pretrained').map((r) => [r.run.family, r.run.file]));
  const fullD = distinct.map((r) => r.d);
  const fullBest = argMin(fullD);
  const entries = input.targetItems.map((t) => ({ i: t.i, group: t.db_id, template: t.template }));
  return settings.sampleSizes.map((k) => {
    let agree = 0;
    let total = 0;
    let best = 0;
    let queries = 0;
    const rhos: number[] = [];
    const pairs: number[] = [];
    for (let seed = 0; seed < settings.sampleSeeds; seed++) {
      const sampled = samplePerGroup(entries, k, seed);
      queries += sampled.length;
      const counter = new TemplateCounter();
      for (const e of sampled) if (e.template !== null) counter.add(e.template);
      const target = ngramDistribution(counter.counts, LMAX);
      const d = runDistributions.map((x) => klDivergence(target, x, ALPHA));
      rhos.push(spearman(d, fullD).value ?? Number.NaN);
      pairs.push(pairAgreement(d, fullD));
      if (rankOf(d, fullBest) < 5) best++;
      // D of each subset against this sample, once per N (every family's experiment at N shares them).
      const subsetD = new Map([...subsets].map(([n, list]) => [n, list.map((x) => klDivergence(target, x.distribution, ALPHA))]));
      for (const e of experimentsList) {
        const dPred = d[byFile.get(pretrained.get(e.family) as string) as number] as number;
        const dTrain = subsetD.get(e.nTrain) ?? [];
        const ar = dTrain.reduce((a, dt) => a + Math.exp((dPred - dt) / SCALE), 0) / dTrain.length;
        total++;
        if (decide(ar) === decide(e.ar.mean)) agree++;
      }
    }
    const summary = (xs: number[]): Spread => {
      const sorted = [...xs].sort((a, b) => a - b);
      const [low, high] = percentileInterval(sorted, 0.95);
      return { median: sorted[Math.floor(sorted.length / 2)] as number, low, high };
    };
    return {
      k,
      seeds: settings.sampleSeeds,
      meanQueries: queries / settings.sampleSeeds,
      decisions: { n: total, right: agree, rate: agree / total, ci: wilsonInterval(agree, total) },
      rankRho: summary(rhos),
      pairsAgree: summary(pairs),
      sameBest: {
        n: settings.sampleSeeds,
        right: best,
        rate: best / settings.sampleSeeds,
        ci: wilsonInterval(best, settings.sampleSeeds),
      },
    };
  });
}

/** How many entries are strictly below entry k (0: it is the smallest). */
function rankOf(xs: readonly number[], k: number): number {
  return xs.filter((x) => x < (xs[k] as number)).length;
}

function argMin(xs: readonly number[]): number {
  let best = 0;
  xs.forEach((x, k) => {
    if (x < (xs[best] as number)) best = k;
  });
  return best;
}

/** Share of pairs (a, b) ordered the same way by both lists (ties in either count as disagreement unless tied in both). */
function pairAgreement(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  let all = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      all++;
      if (Math.sign((a[i] as number) - (a[j] as number)) === Math.sign((b[i] as number) - (b[j] as number))) same++;
    }
  }
  return all === 0 ? Number.NaN : same / all;
}

/** Where the decision was wrong: which patterns the fine-tuned predictions gained or lost against the pretrained ones. */
export function whyWrong(input: CaseInput, rows: readonly RunRow[], wrong: readonly ExperimentRow[]) {
  const target = ngramDistribution(input.target.templates.counts, LMAX);
  const byFile = new Map(rows.map((r) => [r.run.file, r]));
  const pretrained = new Map(rows.filter((r) => r.run.kind === 'pretrained' && !r.run.sameAs).map((r) => [r.run.family, r]));
  return wrong.map((e) => {
    const after = byFile.get(e.file) as RunRow;
    const before = pretrained.get(e.family) as RunRow;
    const missing = (row: RunRow) =>
      explain({
        role: 'pred',
        target: input.target,
        other: row.measure.set,
        targetDistribution: target,
        otherDistribution: ngramDistribution(row.measure.set.templates.counts, LMAX),
        alpha: ALPHA,
        top: 5,
      }).missing;
    return {
      experiment: e,
      missingBefore: missing(before),
      missingAfter: missing(after),
      dAfter: after.d,
      errorsBefore: before.measure.errors,
      errorsAfter: after.measure.errors,
    };
  });
}
