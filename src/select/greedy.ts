/**
 * Greedy selection: add, one at a time, the pool template whose next occurrence lowers
 * D(T‖subset) the most (in small batches for large budgets: the best few templates of a round). No template may exceed `maxShare` of the budget, so
 * the subset cannot collapse onto one shape. D is minimised through its only subset-dependent
 * part, −Σ_g T(g)·ln X̃(g), with X̃ smoothed as in the spec.
 */
import { smoothingDenominator } from '../metric/divergence.js';
import type { TemplateGroup } from './candidates.js';

export interface GreedyInput {
  /** The target's n-gram distribution as shares over the vocabulary (sums to 1). */
  readonly target: Float64Array;
  readonly groups: readonly TemplateGroup[];
  readonly budget: number;
  readonly alpha: number;
  readonly maxShare: number;
}

/** How many occurrences of each group to take, in the order they were chosen. */
export function greedySelect(input: GreedyInput): number[] {
  const { target, groups, alpha } = input;
  const G = target.length;
  const counts = new Float64Array(G);
  let total = 0;
  let vocabulary = 0; // |supp T ∪ supp X|
  for (let g = 0; g < G; g++) if ((target[g] as number) > 0) vocabulary++;
  const inX = new Uint8Array(G);
  const cap = Math.max(1, Math.floor(input.maxShare * input.budget));
  const available = groups.map((gr) => gr.items.length);
  const taken = new Array<number>(groups.length).fill(0);

  const gain = (k: number): number => {
    const group = groups[k] as TemplateGroup;
    let newWords = 0;
    let sum = 0;
    for (const [g, c] of group.ngrams) {
      const t = target[g] as number;
      if (t > 0) sum += t * (Math.log((counts[g] as number) + c + alpha) - Math.log((counts[g] as number) + alpha));
      else if (!inX[g]) newWords++;
    }
    // D's change when the group's n-grams join the subset: the smoothed shares' numerators
    // (count + α, above) and denominators (the metric's own, metric/divergence.ts) before and after.
    const before = smoothingDenominator(total, alpha, vocabulary);
    const after = smoothingDenominator(total + group.length, alpha, vocabulary + newWords);
    return sum - (Math.log(after) - Math.log(before));
  };

  // Gains are recomputed for every template each round, and the best `batch` templates of the round
  // taken (one occurrence each). Lazy evaluation would be cheaper but is not sound here: the
  // normalisation term makes gains grow as well as shrink when the subset grows.
  const batch = Math.max(1, Math.ceil(input.budget / 200));
  const order: number[] = [];
  while (order.length < input.budget) {
    const scored: [number, number][] = [];
    for (let k = 0; k < groups.length; k++) {
      if ((taken[k] as number) < Math.min(cap, available[k] as number)) scored.push([gain(k), k]);
    }
    if (scored.length === 0) break;
    scored.sort((x, y) => y[0] - x[0]);
    for (const [, k] of scored.slice(0, Math.min(batch, input.budget - order.length))) {
      const group = groups[k] as TemplateGroup;
      for (const [g, c] of group.ngrams) {
        if (!inX[g]) {
          inX[g] = 1;
          if ((target[g] as number) === 0) vocabulary++;
        }
        counts[g] = (counts[g] as number) + c;
      }
      total += group.length;
      taken[k] = (taken[k] as number) + 1;
      order.push(k);
    }
  }
  return order;
}
