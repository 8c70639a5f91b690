/**
 * When two query results count as equal, under three rules:
 *  - spider: the official Spider / test-suite rule (`result_eq`): rows as a bag, in order only
 *    when the gold query has ORDER BY, and any permutation of the columns accepted;
 *  - bird: BIRD's `set(pred) == set(gold)`: row order and repeats ignored, column order kept;
 *  - ordered: the rows as a list, columns in order: the strict reading.
 */
import { type Row, rowKey, valueKey } from './values.js';

export type Semantics = 'spider' | 'bird' | 'ordered';
export const SEMANTICS: readonly Semantics[] = ['spider', 'bird', 'ordered'];

export const SEMANTICS_DESCRIPTION: Record<Semantics, string> = {
  spider:
    'spider (official test-suite rule: rows as a multiset, ordered only if the gold query has ORDER BY, columns matched up to a permutation; DISTINCT removed from both queries)',
  bird: 'bird (official BIRD rule: rows as a set, order and duplicates ignored, column order significant)',
  ordered: 'ordered (rows as an ordered list, column order significant)',
};

export function resultsEqual(semantics: Semantics, gold: readonly Row[], pred: readonly Row[], orderMatters: boolean): boolean {
  if (semantics === 'bird') return sameSet(gold.map(rowKey), pred.map(rowKey));
  if (semantics === 'ordered')
    return gold.length === pred.length && gold.every((row, k) => rowKey(row) === rowKey(pred[k] as Row));
  return spiderResultEq(gold, pred, orderMatters);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const k of sa) if (!sb.has(k)) return false;
  return true;
}

function sameBag(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const counts = new Map<string, number>();
  for (const k of a) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const k of b) {
    const n = counts.get(k);
    if (!n) return false;
    counts.set(k, n - 1);
  }
  return true;
}

/** test-suite's result_eq: is there a column permutation under which the results are equal? */
function spiderResultEq(gold: readonly Row[], pred: readonly Row[], orderMatters: boolean): boolean {
  if (gold.length === 0 && pred.length === 0) return true;
  if (gold.length !== pred.length) return false;
  const columns = (gold[0] as Row).length;
  if ((pred[0] as Row).length !== columns) return false;

  // Quick rejection: the rows with their values sorted must already agree (a necessary condition).
  const unordered = (row: Row) => row.map(valueKey).sort().join('\u0001');
  const g = gold.map(unordered);
  const p = pred.map(unordered);
  if (orderMatters ? g.some((k, i) => k !== p[i]) : !sameSet(g, p)) return false;

  // Candidate columns of the prediction for each gold column: those whose values all occur in it.
  const goldColumnValues = Array.from({ length: columns }, (_, c) => new Set(gold.map((row) => valueKey(row[c] as never))));
  const candidates = Array.from({ length: columns }, (_, c) =>
    Array.from({ length: columns }, (_, d) => d).filter((d) =>
      pred.every((row) => goldColumnValues[c]?.has(valueKey(row[d] as never))),
    ),
  );
  const goldKeys = gold.map(rowKey);
  const perm: number[] = [];
  const used = new Array<boolean>(columns).fill(false);
  const matches = (): boolean => {
    const permuted = pred.map((row) => perm.map((d) => valueKey(row[d] as never)).join('\u0001'));
    return orderMatters
      ? permuted.every((k, i) => k === goldKeys[i])
      : sameSet(goldKeys, permuted) && sameBag(goldKeys, permuted);
  };
  const search = (c: number): boolean => {
    if (c === columns) return matches();
    for (const d of candidates[c] as number[]) {
      if (used[d]) continue;
      used[d] = true;
      perm.push(d);
      if (search(c + 1)) return true;
      perm.pop();
      used[d] = false;
    }
    return false;
  };
  return search(0);
}
