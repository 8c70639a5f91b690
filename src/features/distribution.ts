/**
 * n-gram count distributions that add up: shards, workers and streams combine by addition,
 * and a template's n-grams are expanded once however often the template occurs.
 */
import { forEachNgram } from './ngrams.js';

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

/** The n-gram distribution of a multiset of templates. */
export function ngramDistribution(templates: ReadonlyMap<string, number>, lmax: number): Distribution {
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
