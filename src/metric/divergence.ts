/**
 * Divergence of a target distribution T from another X (docs/spec.md §3): KL with Lidstone
 * smoothing of X over V = supp T ∪ supp X, and coverage (T's mass on n-grams X has).
 */
import { type Distribution, sameIndex } from '../features/distribution.js';

/** |supp T ∪ supp X|. */
export function vocabularySize(target: Distribution, other: Distribution): number {
  const indexed = sameIndex(target, other);
  let onlyTarget = 0;
  if (indexed) {
    const [t, x] = indexed;
    for (const id of t.ids) if (x.countOf(id) === 0) onlyTarget++;
    return x.ids.length + onlyTarget;
  }
  for (const g of target.counts.keys()) if (!other.counts.has(g)) onlyTarget++;
  return other.counts.size + onlyTarget;
}

/**
 * The metric's two pieces, written once and used by every computation of D (compare, bootstrap,
 * explain, sensitivity, select): the smoothed share X̃(g) = (count_X(g) + α) / (N_X + α|V|), whose
 * denominator is `smoothingDenominator`, and one term of D, T(g) ln(T(g) / X̃(g)).
 */
export const smoothingDenominator = (total: number, alpha: number, vocabulary: number): number => total + alpha * vocabulary;
export const smoothedShare = (count: number, alpha: number, denominator: number): number => (count + alpha) / denominator;
export const divergenceTerm = (t: number, smoothed: number): number => t * Math.log(t / smoothed);

/** D(T‖X) = Σ_{g∈supp T} T(g) ln(T(g) / X̃(g)), X̃(g) = (count_X(g)+α) / (N_X + α|V|). Natural log. */
export function klDivergence(target: Distribution, other: Distribution, alpha: number): number {
  if (target.total === 0) throw new Error('the target distribution is empty');
  const denominator = smoothingDenominator(other.total, alpha, vocabularySize(target, other));
  let d = 0;
  const indexed = sameIndex(target, other);
  if (indexed) {
    // The same sum in the same order, on arrays.
    const [t, x] = indexed;
    for (let k = 0; k < t.ids.length; k++) {
      d += divergenceTerm((t.values[k] as number) / t.total, smoothedShare(x.countOf(t.ids[k] as number), alpha, denominator));
    }
    return d;
  }
  for (const [g, count] of target.counts) {
    d += divergenceTerm(count / target.total, smoothedShare(other.counts.get(g) ?? 0, alpha, denominator));
  }
  return d;
}

/** Σ_{g∈supp T, count_X(g)>0} T(g). */
export function coverage(target: Distribution, other: Distribution): number {
  let covered = 0;
  const indexed = sameIndex(target, other);
  if (indexed) {
    const [t, x] = indexed;
    for (let k = 0; k < t.ids.length; k++) if (x.countOf(t.ids[k] as number) > 0) covered += t.values[k] as number;
    return covered / t.total;
  }
  for (const [g, count] of target.counts) if (other.counts.has(g)) covered += count;
  return covered / target.total;
}

/** A_KL = exp(−D / c). */
export const alignmentScore = (divergence: number, scale: number): number => Math.exp(-divergence / scale);

/** AR(S, P) = A_KL(T,S) / A_KL(T,P) = exp((D(T‖P) − D(T‖S)) / c). */
export const alignmentRatio = (dTrain: number, dPred: number, scale: number): number => Math.exp((dPred - dTrain) / scale);
