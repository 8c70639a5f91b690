/**
 * n-gram count distributions that add up: shards, workers and streams combine by addition,
 * and a template's n-grams are expanded once however often the template occurs.
 */
import { forEachNgram, type NgramIndex } from './ngrams.js';

export interface Distribution {
  /** Occurrences of every kept n-gram. */
  readonly counts: ReadonlyMap<string, number>;
  /** Σ counts. */
  readonly total: number;
}

/** Counts templates (each as often as it occurs), for expanding into n-grams later. */
export class TemplateCounter {
  readonly counts = new Map<string, number>();

  add(template: string, times = 1): void {
    this.counts.set(template, (this.counts.get(template) ?? 0) + times);
  }
}

/**
 * The n-gram distribution of a multiset of templates. With an index (of this l_max) the counting
 * runs on ids and each n-gram is set once; the counts and their order are the same either way.
 */
export function ngramDistribution(templates: ReadonlyMap<string, number>, lmax: number, index?: NgramIndex): Distribution {
  // A template counted 0 times puts its n-grams in the support with count 0: only the Map form has that.
  if (index && index.lmax === lmax && [...templates.values()].every((times) => times > 0)) {
    return indexedDistribution(templates, index);
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const [template, times] of templates) {
    if (template === '') continue;
    forEachNgram(template.split(' '), lmax, (g) => {
      counts.set(g, (counts.get(g) ?? 0) + times);
      total += times;
    });
  }
  return { counts, total };
}

function indexedDistribution(templates: ReadonlyMap<string, number>, index: NgramIndex): IndexedDistribution {
  const seen: number[] = [];
  let sums = new Float64Array(Math.max(1024, index.size));
  let total = 0;
  for (const [template, times] of templates) {
    const ids = index.of(template);
    if (index.size > sums.length) {
      const larger = new Float64Array(index.size * 2);
      larger.set(sums);
      sums = larger;
    }
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (sums[id] === 0) seen.push(id);
      sums[id] = (sums[id] as number) + times;
    }
    total += times * ids.length;
  }
  // In the order the string counting makes: first occurrence, templates in order.
  const ids = Int32Array.from(seen);
  return new IndexedDistribution(
    index,
    ids,
    Float64Array.from(ids, (id) => sums[id] as number),
    total,
  );
}

/**
 * A distribution over a run's n-gram index: its support as ids (in the order of `counts`) with
 * their counts. Comparisons of two such distributions run on arrays (metric/divergence.ts); the
 * Map of n-gram strings is built only if something asks for it.
 */
export class IndexedDistribution implements Distribution {
  private map: Map<string, number> | undefined;
  private denseCounts: Float64Array | undefined;

  constructor(
    readonly index: NgramIndex,
    /** The support, in order. */
    readonly ids: Int32Array,
    /** Each id's count. */
    readonly values: Float64Array,
    readonly total: number,
  ) {}

  get counts(): ReadonlyMap<string, number> {
    if (!this.map) {
      this.map = new Map();
      for (let k = 0; k < this.ids.length; k++) this.map.set(this.index.gram(this.ids[k] as number), this.values[k] as number);
    }
    return this.map;
  }

  /** The count of an id (0 outside the support; an id numbered after this distribution is outside it). */
  countOf(id: number): number {
    if (!this.denseCounts) {
      this.denseCounts = new Float64Array(this.index.size);
      for (let k = 0; k < this.ids.length; k++) this.denseCounts[this.ids[k] as number] = this.values[k] as number;
    }
    return this.denseCounts[id] ?? 0;
  }

  /** The distribution of the n-grams of at most `lmax` tokens. */
  truncate(lmax: number): IndexedDistribution {
    const ids: number[] = [];
    const values: number[] = [];
    let total = 0;
    for (let k = 0; k < this.ids.length; k++) {
      const id = this.ids[k] as number;
      if (this.index.length(id) > lmax) continue;
      ids.push(id);
      values.push(this.values[k] as number);
      total += this.values[k] as number;
    }
    return new IndexedDistribution(this.index, Int32Array.from(ids), Float64Array.from(values), total);
  }
}

/** Two distributions over one index: comparable on arrays. */
export const sameIndex = (a: Distribution, b: Distribution): [IndexedDistribution, IndexedDistribution] | null =>
  a instanceof IndexedDistribution && b instanceof IndexedDistribution && a.index === b.index ? [a, b] : null;
