/**
 * A comparison per stratum of the target: each stratum's queries against the whole training and
 * prediction sets (what the model must produce for that kind of question), with the comparison's
 * own c so strata can be compared with each other and with the whole, and bootstrap intervals
 * when asked. Strata with few queries are marked, not hidden.
 */
import { type Distribution, ngramDistribution, TemplateCounter } from '../features/distribution.js';
import { MIN_STRATUM_QUERIES } from '../features/strata.js';
import { alignmentRatio, alignmentScore, coverage, klDivergence } from '../metric/divergence.js';
import { seededRandom, shuffleInPlace } from '../stats/random.js';
import { type BootstrapResult, bootstrap } from './bootstrap.js';
import { type AlignParams, type Decision, decide } from './figures.js';
import { type TargetEntry, weightsOf } from './sample.js';

export interface StratumRow {
  readonly stratum: string;
  readonly queries: number;
  /** Where the target is weighted: the stratum's items' weights added up (the runs they stand for). */
  readonly weight?: number;
  /** The stratum's share of the target's n-gram mass (the shares of all strata add up to 1). */
  readonly massShare: number;
  /** Fewer queries than MIN_STRATUM_QUERIES: an unstable estimate. */
  readonly small: boolean;
  readonly rows: readonly { name: string; kl: number; alignment: number; coverage: number }[];
  /**
   * D of random subsets of the whole target with as many queries as the stratum, against each set
   * (mean and spread): D grows as a target shrinks, so a stratum's D means structure only where it
   * differs from this baseline.
   */
  readonly baseline: readonly { name: string; klMean: number; klSd: number }[];
  readonly ratios: readonly { train: string; pred: string; ar: number; decision: Decision; ci?: readonly [number, number] }[];
  readonly bootstrap: BootstrapResult | null;
}

export interface StrataResult {
  readonly key: string;
  readonly strata: readonly StratumRow[];
}

export interface StratifyInput {
  readonly key: string;
  readonly entries: readonly TargetEntry[];
  readonly others: readonly Distribution[];
  readonly train: readonly string[];
  readonly pred: readonly string[];
  readonly params: AlignParams & { scale: number };
  readonly targetTotal: number;
  readonly replicates: number;
  readonly seed: number;
}

/** How many random subsets make a stratum's size-matched baseline. */
export const BASELINE_SUBSETS = 20;

export function stratify(input: StratifyInput): StrataResult {
  const groups = new Map<string, TargetEntry[]>();
  const all: TargetEntry[] = [];
  for (const e of input.entries) {
    if (e.template === null) continue;
    all.push(e);
    const key = e.stratum ?? '(none)';
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const names = [...input.train, ...input.pred];
  const c = input.params.scale;
  const strata = [...groups.keys()].sort().map((stratum): StratumRow => {
    const entries = groups.get(stratum) as TargetEntry[];
    const templates = entries.map((e) => e.template as string);
    const counter = new TemplateCounter();
    for (const e of entries) if ((e.weight ?? 1) > 0) counter.add(e.template as string, e.weight ?? 1);
    const target = ngramDistribution(counter.counts, input.params.lmax);
    const kls = input.others.map((x) => (target.total === 0 ? 0 : klDivergence(target, x, input.params.alpha)));
    const rows = input.others.map((x, k) => ({
      name: names[k] as string,
      kl: kls[k] as number,
      alignment: alignmentScore(kls[k] as number, c),
      coverage: target.total === 0 ? 0 : coverage(target, x),
    }));
    const boot =
      input.replicates > 0 && target.total > 0
        ? bootstrap({
            targetTemplates: templates,
            targetWeights: weightsOf(entries),
            others: input.others,
            trainIndex: input.train.map((_, k) => k),
            predIndex: input.pred.map((_, k) => input.train.length + k),
            alpha: input.params.alpha,
            lmax: input.params.lmax,
            scale: c,
            replicates: input.replicates,
            seed: input.seed,
          })
        : null;
    const weighted = weightsOf(entries) !== undefined || weightsOf(all) !== undefined;
    const runs = weighted ? entries.reduce((sum, e) => sum + Math.round(e.weight ?? 1), 0) : templates.length;
    const baseline = sizeMatchedBaseline(weighted ? runsOf(all) : all, runs, input, names);
    let pair = 0;
    const ratios = input.train.flatMap((s, si) =>
      input.pred.map((p, pi) => {
        const ar = alignmentRatio(kls[si] as number, kls[input.train.length + pi] as number, c);
        const ci = boot?.ratios[pair++];
        return { train: s, pred: p, ar, decision: decide(ar), ...(ci ? { ci } : {}) };
      }),
    );
    return {
      stratum,
      queries: templates.length,
      ...(weighted ? { weight: entries.reduce((sum, e) => sum + (e.weight ?? 1), 0) } : {}),
      massShare: target.total / input.targetTotal,
      // A weighted stratum is as small as the runs it stands for (as the same target written out run by run).
      small: runs < MIN_STRATUM_QUERIES,
      rows,
      baseline,
      ratios,
      bootstrap: boot,
    };
  });
  return { key: input.key, strata };
}

/**
 * A weighted target's queries as runs, each query repeated as often as its (rounded) weight, so
 * that a baseline subset draws runs as it would from the target written out run by run.
 */
function runsOf(entries: readonly TargetEntry[]): TargetEntry[] {
  const out: TargetEntry[] = [];
  for (const e of entries) {
    const one = { ...e, weight: 1 };
    for (let k = Math.round(e.weight ?? 1); k > 0; k--) out.push(one);
  }
  return out;
}

/** D of BASELINE_SUBSETS random subsets of `size` target queries (each with its weight) against each set: mean and spread. */
function sizeMatchedBaseline(
  all: readonly TargetEntry[],
  size: number,
  input: StratifyInput,
  names: readonly string[],
): StratumRow['baseline'] {
  const random = seededRandom(input.seed + 7919 * size);
  const kls = input.others.map(() => [] as number[]);
  for (let r = 0; r < BASELINE_SUBSETS; r++) {
    const counter = new TemplateCounter();
    for (const e of shuffleInPlace([...all], random).slice(0, size))
      if ((e.weight ?? 1) > 0) counter.add(e.template as string, e.weight ?? 1);
    const target = ngramDistribution(counter.counts, input.params.lmax);
    input.others.forEach((x, k) => {
      kls[k]?.push(target.total === 0 ? 0 : klDivergence(target, x, input.params.alpha));
    });
  }
  return kls.map((values, k) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
    return { name: names[k] as string, klMean: mean, klSd: sd };
  });
}
