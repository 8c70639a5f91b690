/**
 * The statistics of a study: Pearson's r and Spearman's ρ with their two-sided p-values (from
 * Student's t with n − 2 degrees of freedom, exact for Pearson under normality; as SciPy's
 * pearsonr and spearmanr compute them), ranks with ties averaged, and bootstrap intervals.
 * Checked against SciPy in test/fixtures/stats.
 */
import { percentileInterval } from '../stats/interval.js';
import { seededRandom } from '../stats/random.js';

export interface Correlation {
  /** r or ρ; null where undefined (fewer than 2 points, or a constant variable). */
  readonly value: number | null;
  readonly p: number | null;
}

export function pearson(x: readonly number[], y: readonly number[]): Correlation {
  const n = x.length;
  if (n < 2 || y.length !== n) return { value: null, p: null };
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = (x[k] as number) - mx;
    const dy = (y[k] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { value: null, p: null };
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  return { value: r, p: correlationP(r, n) };
}

export function spearman(x: readonly number[], y: readonly number[]): Correlation {
  return pearson(ranks(x), ranks(y));
}

/** Two-sided p of a correlation r from n points: P(|T| ≥ |t|), t = r·√((n−2)/(1−r²)), T ~ t(n−2). */
export function correlationP(r: number, n: number): number {
  if (n <= 2) return 1;
  const df = n - 2;
  if (Math.abs(r) >= 1) return 0;
  const t2 = (r * r * df) / (1 - r * r);
  // P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).
  return regularizedBeta(df / (df + t2), df / 2, 0.5);
}

/** Ranks 1..n, ties given the average of the ranks they span (scipy.stats.rankdata 'average'). */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, k) => [v, k] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (
      end + 1 < order.length &&
      (order[end + 1] as readonly [number, number])[0] === (order[start] as readonly [number, number])[0]
    )
      end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[(order[k] as readonly [number, number])[1]] = rank;
    start = end + 1;
  }
  return out;
}

export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Percentile bootstrap interval of a statistic of paired data (pairs resampled together). */
export function bootstrapInterval(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: number[], y: number[]) => number | null,
  replicates: number,
  seed: number,
  level = 0.95,
): [number, number] | null {
  const n = x.length;
  if (n < 3) return null;
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let b = 0; b < replicates; b++) {
    const bx: number[] = [];
    const by: number[] = [];
    for (let k = 0; k < n; k++) {
      const j = Math.floor(random() * n);
      bx.push(x[j] as number);
      by.push(y[j] as number);
    }
    const v = statistic(bx, by);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  // No replicates (`bootstrap: 0`) or too few statistics defined: no interval, never [NaN, NaN].
  if (values.length === 0 || values.length < replicates / 2) return null;
  const [lo, hi] = percentileInterval(values, level);
  return [lo, hi];
}

// ---- the regularized incomplete beta function (continued fraction, Numerical Recipes §6.4) ----

function logGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9): about 15 significant digits.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = c[0] as number;
  const t = x + 7.5;
  for (let k = 1; k < 9; k++) a += (c[k] as number) / (x + k);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}
