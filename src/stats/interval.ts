/** Percentile intervals over bootstrap replicates, shared by align and study. */
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
