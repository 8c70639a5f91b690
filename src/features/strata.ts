/**
 * Strata of a query set: built-in ones read off the template (length, joins, nesting, clauses),
 * which need no column and work on any SQL, or any column of the dataset (BIRD's difficulty,
 * Gretel's domain or sql_complexity, db_id, ...).
 */
import type { QueryRecord } from '../datasets/record.js';

export const BUILT_IN_STRATA = ['length', 'joins', 'nesting', 'clauses'] as const;
export type BuiltInStratum = (typeof BUILT_IN_STRATA)[number];

/** Strata with fewer target queries than this are marked as unstable, not hidden. */
export const MIN_STRATUM_QUERIES = 30;

export function builtInStratum(kind: BuiltInStratum, template: string): string {
  const tokens = template === '' ? [] : template.split(' ');
  switch (kind) {
    case 'length': {
      const n = tokens.length;
      return n <= 10 ? '01–10 tokens' : n <= 20 ? '11–20 tokens' : n <= 30 ? '21–30 tokens' : '31+ tokens';
    }
    case 'joins': {
      const joins = tokens.filter((t) => t === 'JOIN').length;
      return joins === 0 ? '0 joins' : joins === 1 ? '1 join' : '2+ joins';
    }
    case 'nesting':
      return `depth ${subqueryDepth(tokens)}`;
    case 'clauses': {
      const s = ` ${template} `;
      const present = [
        s.includes(' GROUP BY ') && 'GROUP BY',
        s.includes(' ORDER BY ') && 'ORDER BY',
        s.includes(' HAVING ') && 'HAVING',
        /\b(UNION|INTERSECT|EXCEPT|MINUS)\b/.test(s) && 'set operation',
        s.includes(' OVER ') && 'window',
        s.includes(' CASE ') && 'CASE',
      ].filter(Boolean);
      return present.length === 0 ? 'none of these' : present.join(' + ');
    }
  }
}

/** The deepest nesting of a SELECT inside parentheses. */
export function subqueryDepth(tokens: readonly string[]): number {
  const stack: boolean[] = []; // per open parenthesis: does it hold a SELECT?
  let depth = 0;
  let max = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === '(') {
      const sub = tokens[k + 1] === 'SELECT' || tokens[k + 1] === 'WITH';
      stack.push(sub);
      if (sub) max = Math.max(max, ++depth);
    } else if (t === ')' && stack.pop()) depth--;
  }
  return max;
}

/** The stratum of a record: a built-in key from its template, else the value of the named column. */
export function stratumOf(key: string, record: QueryRecord, template: string | null): string | null {
  if ((BUILT_IN_STRATA as readonly string[]).includes(key))
    return template === null ? null : builtInStratum(key as BuiltInStratum, template);
  const value = key === 'db_id' ? (record.dbId ?? record.fields?.db_id) : record.fields?.[key];
  return value === undefined || value === null || value === '' ? '(none)' : String(value);
}
