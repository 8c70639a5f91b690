/**
 * Bootstrap intervals for a comparison: the target's queries are resampled with replacement
 * and every D, A_KL, coverage and AR recomputed (with c recomputed too, unless it is fixed);
 * the intervals are percentile intervals. The n-grams of each distinct template are expanded
 * once and held as integer ids, so a replicate costs one pass over the target's n-grams.
 */
import type { Distribution } from '../features/distribution.js';
import { forEachNgram } from '../features/ngrams.js';
import { divergenceTerm, smoothedShare, smoothingDenominator } from '../metric/divergence.js';
import { type Interval, percentileInterval } from '../stats/interval.js';
import { seededRandom } from '../stats/random.js';

export { type Interval, percentileInterval };

export interface RowIntervals {
  readonly kl: Interval;
  readonly alignment: Interval;
  readonly coverage: Interval;
}

export interface BootstrapResult {
  readonly replicates: number;
  readonly level: number;
  readonly rows: readonly RowIntervals[];
  /** One per (train, pred) pair, in the order of the comparison's ratios. */
  readonly ratios: readonly Interval[];
}

export interface BootstrapInput {
  /** Templates of the target's parsed queries, one per query (repeats included). */
  readonly targetTemplates: readonly string[];
  /**
   * Each query's weight, where the target is weighted: a replicate then makes round(Σ weights)
   * draws, each query drawn with probability weight / Σ weights. With whole weights this is the
   * bootstrap of the target written out run by run (each query repeated as often as its weight,
   * in place), draw for draw.
   */
  readonly targetWeights?: readonly number[];
  readonly others: readonly Distribution[];
  /** Indices into `others` of the training sets and of the prediction sets. */
  readonly trainIndex: readonly number[];
  readonly predIndex: readonly number[];
  readonly alpha: number;
  readonly lmax: number;
  readonly scale?: number;
  readonly replicates: number;
  readonly seed: number;
  readonly level?: number;
}

/**
 * The target's templates as ids, and D and coverage against every other set for a replicate
 * given as how many times each distinct template was drawn. A replicate that draws every query
 * once is the whole target: its D is exactly compare's (a test holds them together).
 */
export function replicates(input: Pick<BootstrapInput, 'targetTemplates' | 'others' | 'alpha' | 'lmax'>) {
  const { perQuery, templates } = distinctOf(input.targetTemplates);
  // Distinct templates and their n-grams as ids over the target's vocabulary.
  const vocabulary = new Map<string, number>();
  const templateNgrams: Int32Array[] = templates.map((template) => {
    const ids: number[] = [];
    if (template !== '') {
      forEachNgram(template.split(' '), input.lmax, (g) => {
        let id = vocabulary.get(g);
        if (id === undefined) {
          id = vocabulary.size;
          vocabulary.set(g, id);
        }
        ids.push(id);
      });
    }
    return Int32Array.from(ids);
  });
  const others = input.others.map((x) => denseOver(vocabulary, x));
  const t = new Float64Array(vocabulary.size);
  /** D and coverage against each set, for `templateDraws[id]` draws of each distinct template. */
  const divergences = (templateDraws: Float64Array): { kl: number[]; coverage: number[] } => {
    t.fill(0);
    let total = 0;
    templateDraws.forEach((times, id) => {
      if (times === 0) return;
      const grams = templateNgrams[id] as Int32Array;
      for (let k = 0; k < grams.length; k++) {
        const g = grams[k] as number;
        t[g] = (t[g] as number) + times;
      }
      total += times * grams.length;
    });
    const coverage: number[] = [];
    const kl = others.map((x) => {
      const { d, covered } = divergenceOfDraw(t, total, x, input.alpha);
      coverage.push(covered);
      return d;
    });
    return { kl, coverage };
  };
  return { perQuery, distinctTemplates: templates.length, divergences };
}

/** Each query's template as an id, and the distinct templates in order of first occurrence. */
function distinctOf(targetTemplates: readonly string[]): { perQuery: number[]; templates: string[] } {
  const ids = new Map<string, number>();
  const perQuery = targetTemplates.map((t) => {
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    return id;
  });
  return { perQuery, templates: [...ids.keys()] };
}

/** Another set's counts over the target's vocabulary (ids), with which of them it has at all. */
interface DenseSet {
  readonly counts: Float64Array;
  readonly present: Uint8Array;
  readonly total: number;
  /** |supp X|. */
  readonly support: number;
}

function denseOver(vocabulary: ReadonlyMap<string, number>, x: Distribution): DenseSet {
  const counts = new Float64Array(vocabulary.size);
  const present = new Uint8Array(vocabulary.size);
  for (const [g, id] of vocabulary) {
    const c = x.counts.get(g);
    if (c !== undefined) {
      counts[id] = c;
      present[id] = 1;
    }
  }
  return { counts, present, total: x.total, support: x.counts.size };
}

/** D(T‖X) and coverage for a replicate's target counts `t` (of `total` n-grams). */
function divergenceOfDraw(t: Float64Array, total: number, x: DenseSet, alpha: number): { d: number; covered: number } {
  let onlyTarget = 0;
  for (let g = 0; g < t.length; g++) if ((t[g] as number) > 0 && !x.present[g]) onlyTarget++;
  const denominator = smoothingDenominator(x.total, alpha, x.support + onlyTarget);
  let d = 0;
  let covered = 0;
  for (let g = 0; g < t.length; g++) {
    const tg = t[g] as number;
    if (tg === 0) continue;
    const p = tg / total;
    d += divergenceTerm(p, smoothedShare(x.counts[g] as number, alpha, denominator));
    if (x.present[g]) covered += p;
  }
  return { d, covered };
}

/** How a replicate draws the target's queries: uniformly, or by weight (a position in the runs laid end to end). */
function drawer(perQuery: readonly number[], weights: readonly number[] | undefined) {
  const n = perQuery.length;
  if (weights === undefined) return { draws: n, next: (random: () => number) => perQuery[Math.floor(random() * n)] as number };
  const ends = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += weights[k] as number;
    ends[k] = total;
  }
  return {
    draws: Math.max(1, Math.round(total)),
    next(random: () => number): number {
      const u = random() * total;
      // The first query whose runs end after u.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ends[mid] as number) > u) hi = mid;
        else lo = mid + 1;
      }
      return perQuery[lo] as number;
    },
  };
}

export function bootstrap(input: BootstrapInput): BootstrapResult {
  const level = input.level ?? 0.95;
  const { perQuery, distinctTemplates, divergences } = replicates(input);
  const draw = drawer(perQuery, input.targetWeights);
  const n = draw.draws;
  const templateDraws = new Float64Array(distinctTemplates);
  const samples = {
    kl: input.others.map(() => new Float64Array(input.replicates)),
    alignment: input.others.map(() => new Float64Array(input.replicates)),
    coverage: input.others.map(() => new Float64Array(input.replicates)),
    ar: input.trainIndex.flatMap(() => input.predIndex.map(() => new Float64Array(input.replicates))),
  };

  const random = seededRandom(input.seed);
  for (let b = 0; b < input.replicates; b++) {
    templateDraws.fill(0);
    for (let k = 0; k < n; k++) {
      const id = draw.next(random);
      templateDraws[id] = (templateDraws[id] as number) + 1;
    }
    const { kl: kls, coverage } = divergences(templateDraws);
    coverage.forEach((covered, r) => {
      (samples.coverage[r] as Float64Array)[b] = covered;
    });
    const max = Math.max(...kls);
    const c = input.scale ?? (max > 0 ? max : 1);
    kls.forEach((d, r) => {
      (samples.kl[r] as Float64Array)[b] = d;
      (samples.alignment[r] as Float64Array)[b] = Math.exp(-d / c);
    });
    let pair = 0;
    for (const s of input.trainIndex) {
      for (const p of input.predIndex)
        (samples.ar[pair++] as Float64Array)[b] = Math.exp(((kls[p] as number) - (kls[s] as number)) / c);
    }
  }
  const interval = (values: Float64Array): Interval => percentileInterval(values, level);
  return {
    replicates: input.replicates,
    level,
    rows: input.others.map((_, r) => ({
      kl: interval(samples.kl[r] as Float64Array),
      alignment: interval(samples.alignment[r] as Float64Array),
      coverage: interval(samples.coverage[r] as Float64Array),
    })),
    ratios: samples.ar.map(interval),
  };
}
