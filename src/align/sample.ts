/**
 * Small samples of the target (docs/spec.md §4): K queries per database (or per any column), drawn
 * with a seed. The paper reports that 1–2 queries per database already keep the ordering.
 */
import { seededRandom, shuffleInPlace } from '../stats/random.js';

export interface TargetEntry {
  readonly i: number;
  /** The sampling group: db_id or the --sample-by column; null where the item has none. */
  readonly group: string | null;
  /** null for an unparseable query. */
  readonly template: string | null;
  /** Its stratum, where --by asks for strata. */
  readonly stratum?: string | null;
  /** How many times it counts (1 unless the set is weighted): a sample draws items, each keeping its weight. */
  readonly weight?: number;
}

/** K entries per group, each group shuffled with the seed; entries keep their input order. */
export function samplePerGroup(entries: readonly TargetEntry[], k: number, seed: number): TargetEntry[] {
  const groups = new Map<string, TargetEntry[]>();
  for (const e of entries) {
    const key = e.group ?? '\u0000none';
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const random = seededRandom(seed);
  const picked: TargetEntry[] = [];
  for (const key of [...groups.keys()].sort()) {
    picked.push(...shuffleInPlace([...(groups.get(key) as TargetEntry[])], random).slice(0, k));
  }
  return picked.sort((a, b) => a.i - b.i);
}

/** The entries' weights, or undefined where every one is 1 (an unweighted target draws as it always has). */
export function weightsOf(entries: readonly TargetEntry[]): number[] | undefined {
  return entries.every((e) => (e.weight ?? 1) === 1) ? undefined : entries.map((e) => e.weight ?? 1);
}
