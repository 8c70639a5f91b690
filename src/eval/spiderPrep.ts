/**
 * How the official Spider evaluator rewrites both queries before running them
 * (test-suite `eval_exec_match`): `> =` and friends joined, every DISTINCT token removed
 * (its default, keep_distinct=False, which also turns COUNT(DISTINCT x) into COUNT(x)),
 * `YEAR(CURDATE())` replaced by 2020; and whether row order counts.
 */
export function spiderExecutionSql(sql: string, keepDistinct: boolean): string {
  let out = sql.replace(/> =/g, '>=').replace(/< =/g, '<=').replace(/! =/g, '!=');
  if (!keepDistinct) out = removeDistinct(out);
  return out.replace(/YEAR\s*\(\s*CURDATE\s*\(\s*\)\s*\)\s*/gi, '2020');
}

/** Spider compares rows in order exactly when the (rewritten) gold query contains "order by". */
export const spiderOrderMatters = (goldSql: string): boolean => goldSql.toLowerCase().includes('order by');

/** Removes every DISTINCT keyword token (not inside strings, quoted names or comments), as sqlparse splits them. */
export function removeDistinct(sql: string): string {
  let out = '';
  let k = 0;
  while (k < sql.length) {
    const c = sql[k] as string;
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let end = sql.indexOf(close, k + 1);
      while (end >= 0 && close !== ']' && sql[end + 1] === close) end = sql.indexOf(close, end + 2);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(k, stop);
      k = stop;
    } else if (c === '-' && sql[k + 1] === '-') {
      const end = sql.indexOf('\n', k);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(k, stop);
      k = stop;
    } else if (/[A-Za-z_]/.test(c)) {
      let end = k + 1;
      while (end < sql.length && /[A-Za-z0-9_$]/.test(sql[end] as string)) end++;
      const word = sql.slice(k, end);
      if (word.toLowerCase() !== 'distinct') out += word;
      k = end;
    } else {
      out += c;
      k++;
    }
  }
  return out;
}
