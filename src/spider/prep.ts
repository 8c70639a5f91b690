import { dialectInfo } from '../sql/dialects.js';
import { SqlLexer } from '../sql/lexer.js';

const SQLITE = dialectInfo('sqlite');

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
  let from = 0;
  const lexer = new SqlLexer(sql, SQLITE);
  while (lexer.next()) {
    if (
      lexer.kind === 'word' &&
      lexer.end - lexer.start === 8 &&
      sql.slice(lexer.start, lexer.end).toLowerCase() === 'distinct'
    ) {
      out += sql.slice(from, lexer.start);
      from = lexer.end;
    }
  }
  return out + sql.slice(from);
}
