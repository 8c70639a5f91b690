/**
 * Importance resampling in the spirit of DSIR (Xie et al., 2023): each pool item is weighted by
 * the likelihood ratio of its n-grams under the target and under the pool (both smoothed), and
 * items are drawn without replacement with probability proportional to the weight (Gumbel top-k).
 * The log ratio is averaged over the item's n-grams, so long queries do not dominate by length.
 */
import { seededRandom } from '../stats/random.js';
import type { TemplateGroup } from './candidates.js';

export interface ImportanceInput {
  readonly target: Float64Array;
  /** The pools' n-gram counts over the same vocabulary. */
  readonly pool: Float64Array;
  readonly groups: readonly TemplateGroup[];
  readonly budget: number;
  readonly alpha: number;
  readonly maxShare: number;
  readonly seed: number;
}

/** Chosen (group, item index within the group) pairs. */
export function importanceSelect(input: ImportanceInput): [number, number][] {
  const G = input.target.length;
  let poolTotal = 0;
  for (let g = 0; g < G; g++) poolTotal += input.pool[g] as number;
  const p = (g: number) => ((input.pool[g] as number) + input.alpha) / (poolTotal + input.alpha * G);
  const t = (g: number) => ((input.target[g] as number) + input.alpha / G) / (1 + input.alpha);
  const random = seededRandom(input.seed);
  const keys: [number, number, number][] = [];
  input.groups.forEach((group, k) => {
    let logRatio = 0;
    for (const [g, c] of group.ngrams) logRatio += c * (Math.log(t(g)) - Math.log(p(g)));
    const weight = group.length > 0 ? logRatio / group.length : Number.NEGATIVE_INFINITY;
    group.items.forEach((_, j) => {
      const gumbel = -Math.log(-Math.log(random() || Number.MIN_VALUE));
      keys.push([weight + gumbel, k, j]);
    });
  });
  keys.sort((a, b) => b[0] - a[0]);
  const cap = Math.max(1, Math.floor(input.maxShare * input.budget));
  const perGroup = new Map<number, number>();
  const chosen: [number, number][] = [];
  for (const [, k, j] of keys) {
    if (chosen.length >= input.budget) break;
    const n = perGroup.get(k) ?? 0;
    if (n >= cap) continue;
    perGroup.set(k, n + 1);
    chosen.push([k, j]);
  }
  return chosen;
}
