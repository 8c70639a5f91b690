/**
 * One comparison (docs/spec.md §3): the target against every training set and prediction set,
 * with D, A_KL, coverage per row, the scale c, and AR for every (train, pred) pair.
 */

import { type Distribution, ngramDistribution } from '../features/distribution.js';
import type { NgramIndex } from '../features/ngrams.js';
import type { QuerySet, WeightTotals } from '../features/querySet.js';
import { type SetDialect, setDialect } from '../features/setDialect.js';
import { alignmentRatio, alignmentScore, coverage, klDivergence } from '../metric/divergence.js';

export const DEFAULT_ALPHA = 0.01;

/** What every report says of a set beside its figures: its name and size, weights, origin and dialect. */
const setFacts = (set: QuerySet, dialect: string) => ({
  name: set.name,
  queries: set.queries,
  unparseable: set.unparseable,
  ...(set.weighted ? { weighted: set.weighted } : {}),
  ...(set.credit ? { credit: set.credit } : {}),
  ...setDialect(set, dialect),
});

export const DEFAULT_LMAX = 15;

export interface AlignParams {
  readonly dialect: string;
  readonly alpha: number;
  readonly lmax: number;
  /** A fixed c; by default the largest D of the comparison. */
  readonly scale?: number;
}

export type Role = 'train' | 'pred';

export interface AlignmentRow extends SetDialect {
  readonly role: Role;
  readonly name: string;
  readonly queries: number;
  readonly unparseable: number;
  /** Where the set's items are weighted: by which field, and the runs they stand for. */
  readonly weighted?: WeightTotals;
  /** A built-in public set's title, licence and citation (what a report must say of it). */
  readonly credit?: string;
  /** D(T‖X). */
  readonly kl: number;
  /** A_KL(T, X) = exp(−D/c). */
  readonly alignment: number;
  readonly coverage: number;
}

export type Decision = 'fine-tune' | 'no-gain';

export interface RatioRow {
  readonly train: string;
  readonly pred: string;
  readonly ar: number;
  /** D(T‖P) − D(T‖S): independent of c; positive exactly when AR > 1. */
  readonly klGap: number;
  readonly decision: Decision;
}

export interface Comparison {
  readonly params: { dialect: string; alpha: number; lmax: number; scale: number; scaleSource: 'max-kl' | 'fixed' };
  readonly target: { name: string; queries: number; unparseable: number; weighted?: WeightTotals; credit?: string } & SetDialect;
  readonly rows: readonly AlignmentRow[];
  readonly ratios: readonly RatioRow[];
}

export interface ComparisonInput {
  readonly target: QuerySet;
  readonly train: readonly QuerySet[];
  readonly pred: readonly QuerySet[];
}

export const decide = (ar: number): Decision => (ar > 1 ? 'fine-tune' : 'no-gain');

/** The n-gram distributions of a comparison's inputs at one l_max, computed once and shared. */
export interface Distributions {
  readonly target: Distribution;
  /** Training sets first, then prediction sets, in input order. */
  readonly others: readonly Distribution[];
}

export function distributionsOf(input: ComparisonInput, lmax: number, index?: NgramIndex): Distributions {
  return {
    target: ngramDistribution(input.target.templates.counts, lmax, index),
    others: [...input.train, ...input.pred].map((set) => ngramDistribution(set.templates.counts, lmax, index)),
  };
}

export function compare(
  input: ComparisonInput,
  params: AlignParams,
  distributions = distributionsOf(input, params.lmax),
): Comparison {
  const target = distributions.target;
  if (target.total === 0) throw new Error(`the target ${input.target.name} has no n-grams to compare`);
  const measured = [
    ...input.train.map((set) => ({ role: 'train' as const, set })),
    ...input.pred.map((set) => ({ role: 'pred' as const, set })),
  ].map(({ role, set }, k) => {
    const other = distributions.others[k] as Distribution;
    return {
      role,
      set,
      kl: klDivergence(target, other, params.alpha),
      coverage: coverage(target, other),
    };
  });
  const scale = params.scale ?? Math.max(0, ...measured.map((m) => m.kl));
  // With every D = 0 (all rows identical to the target) any c gives A_KL = 1; use c = 1.
  const c = scale > 0 ? scale : 1;
  const rows: AlignmentRow[] = measured.map((m) => ({
    role: m.role,
    ...setFacts(m.set, params.dialect),
    kl: m.kl,
    alignment: alignmentScore(m.kl, c),
    coverage: m.coverage,
  }));
  const trains = rows.filter((r) => r.role === 'train');
  const preds = rows.filter((r) => r.role === 'pred');
  const ratios: RatioRow[] = trains.flatMap((s) =>
    preds.map((p) => {
      const ar = alignmentRatio(s.kl, p.kl, c);
      return { train: s.name, pred: p.name, ar, klGap: p.kl - s.kl, decision: decide(ar) };
    }),
  );
  return {
    params: {
      dialect: params.dialect,
      alpha: params.alpha,
      lmax: params.lmax,
      scale: c,
      scaleSource: params.scale === undefined ? 'max-kl' : 'fixed',
    },
    target: setFacts(input.target, params.dialect),
    rows,
    ratios,
  };
}
