/**
 * Why a set is far from the target: the n-grams that contribute most to D(T‖X)
 * (T(g)·ln(T(g)/X̃(g))), split into what the target needs and X lacks, and what X has far more
 * of than the target; near-duplicate n-grams grouped into one pattern; and the whole templates
 * most under- and over-represented. Each pattern comes with a real example query from each side.
 */
import type { Distribution } from '../features/distribution.js';
import type { QuerySet } from '../features/querySet.js';
import { divergenceTerm, smoothedShare, smoothingDenominator, vocabularySize } from '../metric/divergence.js';

export interface Pattern {
  /** The pattern (the longest n-gram of its group). */
  readonly ngram: string;
  /** Other n-grams of the group, folded into this one. */
  readonly variants: number;
  readonly shareTarget: number;
  readonly shareOther: number;
  /** Contribution to D(T‖X) for what the target needs; to the reverse D(X‖T) for what X has in excess. */
  readonly contribution: number;
  readonly exampleTarget: string | null;
  readonly exampleOther: string | null;
}

export interface TemplateShare {
  readonly template: string;
  readonly shareTarget: number;
  readonly shareOther: number;
}

export interface Explanation {
  readonly role: 'train' | 'pred';
  readonly name: string;
  readonly missing: readonly Pattern[];
  readonly excess: readonly Pattern[];
  readonly templatesUnder: readonly TemplateShare[];
  readonly templatesOver: readonly TemplateShare[];
}

export interface ExplainInput {
  readonly role: 'train' | 'pred';
  readonly target: QuerySet;
  readonly other: QuerySet;
  readonly targetDistribution: Distribution;
  readonly otherDistribution: Distribution;
  readonly alpha: number;
  readonly top?: number;
}

export function explain(input: ExplainInput): Explanation {
  const { targetDistribution: T, otherDistribution: X, alpha } = input;
  const top = input.top ?? 10;
  const toPattern = (group: Group): Pattern => ({
    ngram: group.head.g,
    variants: group.size - 1,
    shareTarget: group.head.t,
    shareOther: group.head.x,
    contribution: group.head.contribution,
    exampleTarget: exampleWith(input.target, group.head.g),
    exampleOther: exampleWith(input.other, group.head.g),
  });
  const templateShares = templateSharesOf(input.target, input.other);
  return {
    role: input.role,
    name: input.other.name,
    missing: group(needsOf(T, X, alpha), (e) => e.t, top).map(toPattern),
    excess: group(excessOf(T, X, alpha), (e) => e.x, top).map(toPattern),
    templatesUnder: [...templateShares].sort((a, b) => b.shareTarget - b.shareOther - (a.shareTarget - a.shareOther)).slice(0, 5),
    templatesOver: [...templateShares].sort((a, b) => b.shareOther - b.shareTarget - (a.shareOther - a.shareTarget)).slice(0, 5),
  };
}

const shareOf = (d: Distribution, g: string) => (d.total === 0 ? 0 : (d.counts.get(g) ?? 0) / d.total);

/** The target's n-grams by their term of D, where X has less than half the target's share. */
function needsOf(T: Distribution, X: Distribution, alpha: number): Entry[] {
  const denominator = smoothingDenominator(X.total, alpha, vocabularySize(T, X));
  return (
    [...T.counts.keys()]
      .map((g) => {
        const t = (T.counts.get(g) ?? 0) / T.total;
        return {
          g,
          t,
          x: shareOf(X, g),
          contribution: divergenceTerm(t, smoothedShare(X.counts.get(g) ?? 0, alpha, denominator)),
        };
      })
      // What X lacks: less than half the target's share there (shared scaffolding such as SELECT or FROM
      // contributes too, through normalisation, but says nothing about what is missing).
      .filter((e) => e.contribution > 0 && e.x < e.t / 2)
      .sort((a, b) => b.contribution - a.contribution)
  );
}

/** The reverse direction, X(g)·ln(X(g)/T̃(g)): large for what X has often and the target rarely or never. */
function excessOf(T: Distribution, X: Distribution, alpha: number): Entry[] {
  const targetDenominator = smoothingDenominator(T.total, alpha, vocabularySize(X, T));
  return [...X.counts.keys()]
    .map((g) => {
      const x = shareOf(X, g);
      return {
        g,
        t: (T.counts.get(g) ?? 0) / T.total,
        x,
        contribution: divergenceTerm(x, smoothedShare(T.counts.get(g) ?? 0, alpha, targetDenominator)),
      };
    })
    .filter((e) => e.x > 2 * e.t)
    .sort((a, b) => b.contribution - a.contribution);
}

/** Every template of either set with its share of each set's parsed queries. */
function templateSharesOf(target: QuerySet, other: QuerySet) {
  const share = (set: QuerySet, template: string) =>
    (set.templates.counts.get(template) ?? 0) / Math.max(1, set.queries - set.unparseable);
  return [...new Set([...target.templates.counts.keys(), ...other.templates.counts.keys()])].map((template) => ({
    template,
    shareTarget: share(target, template),
    shareOther: share(other, template),
  }));
}

interface Entry {
  g: string;
  t: number;
  x: number;
  contribution: number;
}
interface Group {
  head: Entry;
  size: number;
}

/**
 * Folds n-grams that are parts of one another and occur about as often (they come from the same
 * queries: `ORDER BY DESC`, `ORDER BY DESC LIMIT`, `BY DESC LIMIT` ...) into one group, named by
 * its longest member, so the list reads as patterns.
 */
function group(ranked: readonly Entry[], share: (e: Entry) => number, top: number): Group[] {
  const groups: Group[] = [];
  for (const entry of ranked) {
    const home = groups.find((gr) => {
      const a = share(gr.head);
      const b = share(entry);
      return Math.max(a, b) <= 1.25 * Math.min(a, b) && overlapping(gr.head.g, entry.g);
    });
    if (home) {
      home.size++;
      if (entry.g.split(' ').length > home.head.g.split(' ').length) home.head = entry;
    } else if (groups.length < top * 3) groups.push({ head: entry, size: 1 });
  }
  return groups.slice(0, top);
}

/**
 * Two n-grams are views of one pattern when one contains the other, or when they share a run of
 * tokens covering most (60%) of the shorter one (`FROM INNER JOIN ON =` and `INNER JOIN ON = WHERE`).
 */
function overlapping(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  let longest = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = 0; j < y.length; j++) {
      let k = 0;
      while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
      longest = Math.max(longest, k);
    }
  }
  const shorter = Math.min(x.length, y.length);
  return longest === shorter || (longest >= 2 && longest >= 0.6 * shorter);
}

/** A real query of the set whose template contains the n-gram (the most common such template). */
function exampleWith(set: QuerySet, ngram: string): string | null {
  const padded = ` ${ngram} `;
  let best: string | null = null;
  let bestCount = 0;
  for (const [template, count] of set.templates.counts) {
    if (count > bestCount && ` ${template} `.includes(padded)) {
      best = template;
      bestCount = count;
    }
  }
  return best === null ? null : (set.examples.get(best) ?? null);
}
