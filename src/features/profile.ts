/**
 * A dataset's structure at a glance: distinct templates and n-grams, the most common
 * templates, how often each clause or construct occurs, and template lengths.
 */
import { ngramDistribution } from './distribution.js';
import type { QuerySet, WeightTotals } from './querySet.js';

/** Constructs looked for in a template, each a test on its token list. */
const CONSTRUCTS: readonly [string, (tokens: readonly string[], text: string) => boolean][] = [
  ['JOIN', (t) => t.includes('JOIN')],
  ['WHERE', (t) => t.includes('WHERE')],
  ['GROUP BY', (_, s) => / GROUP BY\b/.test(s)],
  ['HAVING', (t) => t.includes('HAVING')],
  ['ORDER BY', (_, s) => /\bORDER BY\b/.test(s)],
  ['LIMIT', (t) => t.includes('LIMIT') || t.includes('TOP') || t.includes('FETCH')],
  ['DISTINCT', (t) => t.includes('DISTINCT')],
  ['subquery', (_, s) => s.includes(' ( SELECT ') || s.includes(' ( WITH ')],
  ['set operation', (t) => t.includes('UNION') || t.includes('INTERSECT') || t.includes('EXCEPT') || t.includes('MINUS')],
  ['WITH (CTE)', (t) => t[0] === 'WITH'],
  ['CASE', (t) => t.includes('CASE')],
  ['CAST', (t) => t.includes('CAST') || t.includes('::')],
  ['window (OVER)', (t) => t.includes('OVER')],
  ['aggregate', (t) => t.some((x) => x === 'COUNT' || x === 'SUM' || x === 'AVG' || x === 'MIN' || x === 'MAX')],
  ['LIKE', (t) => t.includes('LIKE') || t.includes('ILIKE')],
  ['IN', (t) => t.includes('IN')],
  ['BETWEEN', (t) => t.includes('BETWEEN')],
  ['EXISTS', (t) => t.includes('EXISTS')],
  ['IS NULL / IS NOT NULL', (_, s) => /\bIS (NOT )?NULL\b/.test(s)],
  [
    'arithmetic',
    (t) =>
      t.some(
        (x, k) =>
          x === '+' || x === '-' || x === '/' || (x === '*' && t[k - 1] !== '(' && t[k - 1] !== 'SELECT' && t[k - 1] !== ','),
      ),
  ],
];

export interface Profile {
  readonly name: string;
  readonly queries: number;
  readonly unparseable: number;
  /** Where the set is weighted: its field and the runs its queries stand for (template and construct counts are of runs). */
  readonly weighted?: WeightTotals;
  /** A built-in public set's title, licence and citation. */
  readonly credit?: string;
  readonly distinctTemplates: number;
  readonly ngrams: { readonly distinct: number; readonly total: number };
  readonly topTemplates: readonly { template: string; count: number; share: number }[];
  /** Share of parsed queries in which each construct occurs. */
  readonly constructs: readonly { construct: string; queries: number; share: number }[];
  readonly templateLength: {
    readonly min: number;
    readonly median: number;
    readonly mean: number;
    readonly p90: number;
    readonly max: number;
    readonly histogram: readonly { from: number; to: number; queries: number }[];
  };
  readonly unparseableExamples: readonly { i: number; where: string; error: string }[];
}

export function profileQuerySet(set: QuerySet, lmax: number, top = 10): Profile {
  // Shares are of the parsed queries as counted: by weight where the set is weighted.
  const parsed = set.weighted ? set.weighted.total - set.weighted.unparseable : set.queries - set.unparseable;
  const entries = [...set.templates.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const constructCounts = new Map<string, number>(CONSTRUCTS.map(([name]) => [name, 0]));
  const lengths: [number, number][] = [];
  for (const [template, times] of entries) {
    const tokens = template === '' ? [] : template.split(' ');
    lengths.push([tokens.length, times]);
    for (const [name, test] of CONSTRUCTS)
      if (test(tokens, ` ${template} `)) constructCounts.set(name, (constructCounts.get(name) ?? 0) + times);
  }
  const distribution = ngramDistribution(set.templates.counts, lmax);
  return {
    name: set.name,
    queries: set.queries,
    unparseable: set.unparseable,
    ...(set.weighted ? { weighted: set.weighted } : {}),
    ...(set.credit ? { credit: set.credit } : {}),
    distinctTemplates: entries.length,
    ngrams: { distinct: distribution.counts.size, total: distribution.total },
    topTemplates: entries.slice(0, top).map(([template, n]) => ({ template, count: n, share: n / parsed })),
    constructs: [...constructCounts]
      .map(([construct, n]) => ({ construct, queries: n, share: n / parsed }))
      .sort((a, b) => b.queries - a.queries),
    templateLength: lengthSummary(lengths),
    unparseableExamples: set.unparseableExamples.map(({ i, where, error }) => ({ i, where, error })),
  };
}

/** Weighted order statistics and a histogram of template lengths (in tokens). */
function lengthSummary(lengths: [number, number][]): Profile['templateLength'] {
  const sorted = [...lengths].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  const quantile = (q: number) => {
    let seen = 0;
    for (const [len, n] of sorted) {
      seen += n;
      if (seen >= q * total) return len;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  const mean = total === 0 ? 0 : sorted.reduce((s, [len, n]) => s + len * n, 0) / total;
  const max = sorted.at(-1)?.[0] ?? 0;
  const histogram = lengthHistogram(sorted, lengthBinWidth(max), max);
  return { min: sorted[0]?.[0] ?? 0, median: quantile(0.5), mean, p90: quantile(0.9), max, histogram };
}

/** The bin width for template lengths up to `max` tokens. */
export const lengthBinWidth = (max: number) => (max <= 40 ? 5 : max <= 100 ? 10 : 25);

/** Template lengths in bins of `bin` tokens from 0 to `max`: sets binned with one width and bound compare bar by bar. */
export function lengthHistogram(
  lengths: readonly (readonly [number, number])[],
  bin: number,
  max: number,
): { from: number; to: number; queries: number }[] {
  const histogram: { from: number; to: number; queries: number }[] = [];
  for (let from = 0; from <= max; from += bin) {
    const queries = lengths.filter(([len]) => len >= from && len < from + bin).reduce((s, [, n]) => s + n, 0);
    histogram.push({ from, to: from + bin - 1, queries });
  }
  return histogram;
}

/** A set's template lengths (in tokens) with how many queries have each. */
export function templateLengths(set: QuerySet): [number, number][] {
  return [...set.templates.counts].map(([template, n]) => [template === '' ? 0 : template.split(' ').length, n]);
}

/** A set's profile beside the others': its template-length histogram on bins shared by every set. */
export interface ComparedProfile {
  readonly label: string;
  readonly profile: Profile;
  readonly lengths: readonly { readonly from: number; readonly to: number; readonly queries: number }[];
}

/** Profiles of sets to be shown side by side (the first labelled as the target), on one set of length bins. */
export function compareProfiles(sets: readonly QuerySet[], lmax: number): ComparedProfile[] {
  const profiles = sets.map((set) => profileQuerySet(set, lmax));
  // One set of bins for every set, so that the bars compare.
  const maxLength = Math.max(0, ...profiles.map((profile) => profile.templateLength.max));
  const bin = lengthBinWidth(maxLength);
  return sets.map((set, k) => ({
    label: k === 0 ? `${set.name} (target)` : set.name,
    profile: profiles[k] as Profile,
    lengths: lengthHistogram(templateLengths(set), bin, maxLength),
  }));
}
