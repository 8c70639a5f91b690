/** Percentile intervals over bootstrap replicates, shared by align and study. */
/**
 * The fewest bootstrap replicates an interval is made from. At 95%, 100 replicates leave 2.5 beyond
 * each bound; with fewer a bound is a single replicate printed as if it were an interval
 * (`--bootstrap 1` gave "95% CI 0.781–0.781" beside a point estimate of 0.737).
 */
const MIN_BOOTSTRAP_REPLICATES = 100;

/** Null when `replicates` is 0 (no intervals) or enough; else why not, naming the `option`. */
export function replicatesProblem(replicates: number, option: string): string | null {
  if (replicates === 0 || replicates >= MIN_BOOTSTRAP_REPLICATES) return null;
  return `\`${option}\` must be 0 (no intervals) or at least ${MIN_BOOTSTRAP_REPLICATES} replicates: fewer make a 95% interval of a replicate or two (got ${replicates})`;
}

/** A [low, high] interval. */
export type Interval = readonly [number, number];

/** The (1−level)/2 and (1+level)/2 quantiles, linearly interpolated (NumPy's default). */
export function percentileInterval(values: Float64Array | readonly number[], level: number): Interval {
  const sorted = Float64Array.from(values).sort();
  const q = (p: number) => {
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
  };
  return [q((1 - level) / 2), q((1 + level) / 2)];
}

/**
 * Wilson score interval of a proportion k/n (z = 1.96 for 95%): unlike the normal approximation it
 * stays inside [0, 1] and is honest at k = 0 or k = n, where a handful of published runs often sits.
 */
export function wilsonInterval(k: number, n: number, z = 1.959963984540054): Interval {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding would print 99.99…%.
  return [k === 0 ? 0 : Math.max(0, centre - half), k === n ? 1 : Math.min(1, centre + half)];
}
