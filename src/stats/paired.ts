/**
 * Paired tests of two runs on the same items: what decides whether one beats the other is the
 * items where they disagree, not the difference of two accuracies.
 */
import { type Interval, percentileInterval } from './interval.js';
import { seededRandom } from './random.js';

/** ln(n!) for n = 0…: summed once (exact to the last digits for the item counts evaluations have). */
const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials.push((logFactorials[k - 1] as number) + Math.log(k));
  return logFactorials[n] as number;
}

/** P(X = k) for X ~ Binomial(n, 1/2). */
const halfBinomial = (k: number, n: number) => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) - n * Math.LN2);

/**
 * The exact two-sided McNemar test: `b` of the `a + b` discordant items went one way, tested
 * against a fair coin (SciPy's `binomtest(b, a + b, 0.5)`: the outcomes no likelier than `b`,
 * which for p = ½ are the two tails). 1 when nothing is discordant.
 */
export function mcnemarExact(a: number, b: number): number {
  const n = a + b;
  if (n === 0) return 1;
  const k = Math.min(a, b);
  let tail = 0;
  for (let j = 0; j <= k; j++) tail += halfBinomial(j, n);
  // The middle outcome (a = b) is both tails at once.
  return Math.min(1, a === b ? 1 : 2 * tail);
}

/**
 * A percentile interval of mean(b) − mean(a) over items drawn with replacement, the pairs kept
 * together: `replicates` draws from `seed`. The items are given as 0/1 outcomes of each run.
 */
export function pairedBootstrapDelta(
  a: readonly number[],
  b: readonly number[],
  options: { readonly replicates: number; readonly seed: number; readonly level?: number },
): Interval {
  const n = a.length;
  if (n === 0) return [0, 0];
  const diff = Float64Array.from(a, (x, k) => (b[k] as number) - x);
  const random = seededRandom(options.seed);
  const deltas = new Float64Array(options.replicates);
  for (let r = 0; r < options.replicates; r++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += diff[Math.floor(random() * n)] as number;
    deltas[r] = sum / n;
  }
  return percentileInterval(deltas, options.level ?? 0.95);
}

/** Holm's step-down adjustment of several p-values (in the order given): each at most 1, never below a smaller one's. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, k) => [p, k] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, k], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[k] = running;
  });
  return adjusted;
}
