/**
 * A size-matched AR: D depends on the compared set's size as well as on its structure,
 * because Lidstone smoothing weighs α·|V| against N_X. D(BIRD mini-dev‖Spider train) is 6.23 with
 * all 8,659 queries and 4.92 with 1,034 of them. AR sets a large training set against a prediction
 * set of the target's size, so in a domain-transfer case size can outweigh structure. Here the
 * larger of the two sets is drawn down, without replacement, to the smaller one's number of parsed
 * queries, several times with a seed, and AR is recomputed each time: the mean and spread go
 * beside AR in every report.
 */
import { type Distribution, IndexedDistribution, type TemplateCounter } from '../features/distribution.js';
import { NgramIndex } from '../features/ngrams.js';
import { alignmentRatio, divergenceTerm, smoothedShare, smoothingDenominator } from '../metric/divergence.js';
import { seededRandom } from '../stats/random.js';
import { type Decision, decide } from './figures.js';

export const DEFAULT_SIZE_MATCH_REPLICATES = 10;

export interface SizeMatchedRatio {
  readonly train: string;
  readonly pred: string;
  /** The number of parsed queries both sets are compared at. */
  readonly size: number;
  /** Which set was drawn down to that size ('none' when both already have it). */
  readonly subsampled: 'train' | 'pred' | 'none';
  readonly replicates: number;
  /** Mean AR over the replicates, at the comparison's c. */
  readonly ar: number;
  readonly arSd: number;
  readonly arMin: number;
  readonly arMax: number;
  /** Mean of D(T‖P) − D(T‖S) over the replicates (independent of c). */
  readonly klGap: number;
  readonly decision: Decision;
}

export interface SizeMatchInput {
  readonly target: Distribution;
  readonly train: readonly SizedSet[];
  readonly pred: readonly SizedSet[];
  readonly alpha: number;
  readonly lmax: number;
  /** The comparison's c. */
  readonly scale: number;
  /** The run's n-gram index (of this l_max), so that templates expanded already are not expanded again. */
  readonly index?: NgramIndex;
  readonly replicates?: number;
  readonly seed?: number;
}

export interface SizedSet {
  readonly name: string;
  readonly templates: TemplateCounter;
  /** D(T‖X) of the whole set, as compare computed it. */
  readonly kl: number;
}

/** One size-matched AR per (train, pred) pair, in compare's order: every pred for the first train, then the next. */
export function sizeMatchedRatios(input: SizeMatchInput): SizeMatchedRatio[] {
  const replicates = Math.max(1, input.replicates ?? DEFAULT_SIZE_MATCH_REPLICATES);
  const divergences = new DrawDivergence(input.target, input.lmax, input.alpha, input.index);
  const sizes = new Map([...input.train, ...input.pred].map((set) => [set, parsedCount(set.templates)]));
  return input.train.flatMap((s, si) =>
    input.pred.map((p, pi) => {
      const nS = sizes.get(s) as number;
      const nP = sizes.get(p) as number;
      const size = Math.min(nS, nP);
      const subsampled = nS > nP ? 'train' : nP > nS ? 'pred' : 'none';
      const drawn = subsampled === 'train' ? s : p;
      const random = seededRandom((input.seed ?? 0) * 1_000_003 + si * 1009 + pi);
      const draw = subsampled === 'none' ? null : drawer(drawn.templates);
      const ars: number[] = [];
      const gaps: number[] = [];
      for (let r = 0; r < (draw ? replicates : 1); r++) {
        const d = draw ? divergences.divergence(draw(size, random)) : drawn.kl;
        const dS = subsampled === 'train' ? d : s.kl;
        const dP = subsampled === 'pred' ? d : p.kl;
        gaps.push(dP - dS);
        ars.push(alignmentRatio(dS, dP, input.scale));
      }
      const ar = mean(ars);
      return {
        train: s.name,
        pred: p.name,
        size,
        subsampled,
        replicates: ars.length,
        ar,
        arSd: Math.sqrt(mean(ars.map((a) => (a - ar) ** 2))),
        arMin: Math.min(...ars),
        arMax: Math.max(...ars),
        klGap: mean(gaps),
        decision: decide(ar),
      };
    }),
  );
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Parsed queries of a set: its templates counted with repeats (an empty template has no n-grams and does not count). */
export function parsedCount(templates: TemplateCounter): number {
  let n = 0;
  for (const [template, times] of templates.counts) if (template !== '') n += Math.round(times);
  return n;
}

/** `size` of the set's parsed queries, drawn without replacement (a partial Fisher–Yates over template ids). */
export function drawDown(templates: TemplateCounter, size: number, random: () => number): Map<string, number> {
  return drawer(templates)(size, random);
}

/**
 * Draws from one set, its queries laid out as template ids once: each draw starts from a copy of
 * that layout (so a draw depends only on the seed, not on the draws before it).
 */
function drawer(templates: TemplateCounter): (size: number, random: () => number) => Map<string, number> {
  // Whole runs are drawn: a weighted set's fractional weight counts as its nearest whole number of runs.
  const distinct = [...templates.counts]
    .filter(([t]) => t !== '')
    .map(([t, times]) => [t, Math.round(times)] as [string, number]);
  const total = distinct.reduce((n, [, times]) => n + times, 0);
  if (total > LAYOUT_LIMIT) return sparseDrawer(distinct, total);
  const layout = new Int32Array(total);
  let at = 0;
  distinct.forEach(([, times], id) => {
    layout.fill(id, at, at + times);
    at += times;
  });
  const ids = new Int32Array(total);
  return (size, random) => {
    ids.set(layout);
    const drawn = new Map<string, number>();
    for (let k = 0; k < Math.min(size, total); k++) {
      const j = k + Math.floor(random() * (total - k));
      const id = ids[j] as number;
      ids[j] = ids[k] as number;
      ids[k] = id;
      const template = (distinct[id] as [string, number])[0];
      drawn.set(template, (drawn.get(template) ?? 0) + 1);
    }
    return drawn;
  };
}

/** Sets of more runs than this (a weighted export of a busy server) are drawn without laying every run out. */
const LAYOUT_LIMIT = 1 << 25;

/** Draws without replacement by position among the runs laid end to end, remembering the positions drawn. */
function sparseDrawer(distinct: readonly [string, number][], total: number) {
  const ends = new Float64Array(distinct.length);
  let sum = 0;
  distinct.forEach(([, times], id) => {
    sum += times;
    ends[id] = sum;
  });
  return (size: number, random: () => number): Map<string, number> => {
    const taken = new Set<number>();
    const drawn = new Map<string, number>();
    while (taken.size < Math.min(size, total)) {
      const position = Math.floor(random() * total);
      if (taken.has(position)) continue;
      taken.add(position);
      let lo = 0;
      let hi = distinct.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ends[mid] as number) > position) hi = mid;
        else lo = mid + 1;
      }
      const template = (distinct[lo] as [string, number])[0];
      drawn.set(template, (drawn.get(template) ?? 0) + 1);
    }
    return drawn;
  };
}

/**
 * D(T‖X) for draws of one set, fast: every n-gram has an integer id (the run's index), each
 * distinct template's n-grams are expanded once, and a draw is a sum over small integer arrays.
 * The sum runs over the target's n-grams in the order `klDivergence` uses, so a draw of the whole
 * set gives its D to the last digit.
 */
export class DrawDivergence {
  private readonly targetIds: Int32Array;
  private readonly targetShares: Float64Array;
  private inTarget = new Uint8Array(0);
  private counts = new Float64Array(0);

  private readonly index: NgramIndex;

  constructor(
    target: Distribution,
    lmax: number,
    private readonly alpha: number,
    index?: NgramIndex,
  ) {
    this.index = index && index.lmax === lmax ? index : new NgramIndex(lmax);
    this.targetIds =
      target instanceof IndexedDistribution && target.index === this.index
        ? target.ids
        : Int32Array.from(target.counts.keys(), (g) => this.index.intern(g));
    this.targetShares =
      target instanceof IndexedDistribution
        ? target.values.map((c) => c / target.total)
        : Float64Array.from(target.counts.values(), (c) => c / target.total);
  }

  divergence(templates: ReadonlyMap<string, number>): number {
    // Expanded first, so that the arrays can be sized to every n-gram the draw holds.
    const drawn = Array.from(templates, ([template, times]) => ({ grams: this.index.of(template), times }));
    this.fit();
    const touched: number[] = [];
    let total = 0;
    for (const { grams, times } of drawn) {
      for (let k = 0; k < grams.length; k++) {
        const g = grams[k] as number;
        const before = this.counts[g] as number;
        if (before === 0) touched.push(g);
        this.counts[g] = before + times;
      }
      total += times * grams.length;
    }
    let onlyOther = 0;
    for (const g of touched) if (this.inTarget[g] === 0) onlyOther++;
    const denominator = smoothingDenominator(total, this.alpha, this.targetIds.length + onlyOther);
    let d = 0;
    for (let k = 0; k < this.targetIds.length; k++) {
      const count = this.counts[this.targetIds[k] as number] as number;
      d += divergenceTerm(this.targetShares[k] as number, smoothedShare(count, this.alpha, denominator));
    }
    for (const g of touched) this.counts[g] = 0;
    return d;
  }

  /** Arrays as long as the index (which grows as new templates are expanded). */
  private fit(): void {
    if (this.counts.length >= this.index.size) return;
    const size = Math.max(1024, this.index.size * 2);
    const counts = new Float64Array(size);
    counts.set(this.counts);
    this.counts = counts;
    this.inTarget = new Uint8Array(size);
    for (const id of this.targetIds) this.inTarget[id] = 1;
  }
}
