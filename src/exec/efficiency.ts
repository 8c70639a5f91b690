/**
 * BIRD's efficiency scores, as its official scripts compute them, so that a user's figures match the published ones.
 *
 * For an item whose prediction is correct, both queries run `repeats` times (the prediction, then
 * the gold query, each timed on its own); the time ratio is gold time / predicted time per run,
 * the ratios outside mean ± 3 standard deviations (population) are dropped, and the rest averaged.
 * A wrong or failed item has ratio 0.
 *
 * - VES (BIRD dev, `evaluation_ves.py`): mean over items of √ratio × 100.
 * - R-VES (BIRD mini-dev): the ratio binned into a reward (≥ 2: 1.25, [1, 2): 1, [0.5, 1): 0.75,
 *   [0.25, 0.5): 0.5, below: 0.25, 0 for a wrong item), then the mean of √reward × 100, as the
 *   mini-dev script does (it takes the square root of the reward too).
 *
 * One difference, on purpose: when every ratio is the same (always so with one repetition), the
 * official clean-up drops them all and the script divides by zero, which its catch-all turns into a
 * ratio of 0 for a correct item. Here nothing is an outlier of a sample without spread: the mean
 * of all of them is kept.
 */

/** The ratios within mean ± 3σ (strictly, σ of the population); a sample without spread is kept whole. */
export function withoutOutliers(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  const kept = values.filter((v) => v < mean + 3 * sd && v > mean - 3 * sd);
  return kept.length > 0 ? kept : [...values];
}

/** Gold time over predicted time per repetition, outliers dropped, averaged. */
export function timeRatio(goldMs: readonly number[], predMs: readonly number[]): number {
  if (goldMs.length !== predMs.length || goldMs.length === 0) {
    throw new RangeError(`time ratio needs as many gold as predicted timings, at least one (${goldMs.length}, ${predMs.length})`);
  }
  // A run too fast for the clock to see is taken as the clock's resolution, not as infinitely fast.
  const ratios = goldMs.map((g, k) => Math.max(g, MIN_MS) / Math.max(predMs[k] as number, MIN_MS));
  const kept = withoutOutliers(ratios);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

/** performance.now()'s resolution in Node, in milliseconds. */
const MIN_MS = 0.001;

/** Mini-dev's reward for a time ratio (0 for a wrong item). */
export function rewardOf(ratio: number): number {
  if (ratio === 0) return 0;
  if (ratio >= 2) return 1.25;
  if (ratio >= 1) return 1;
  if (ratio >= 0.5) return 0.75;
  if (ratio >= 0.25) return 0.5;
  return 0.25;
}

const meanOf = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** VES over items' time ratios (0 for the wrong ones), in percent; null without items. */
export const vesOf = (ratios: readonly number[]): number | null => meanOf(ratios.map((r) => Math.sqrt(r) * 100));

/** R-VES over items' time ratios, in percent; null without items. */
export const rvesOf = (ratios: readonly number[]): number | null => meanOf(ratios.map((r) => Math.sqrt(rewardOf(r)) * 100));
