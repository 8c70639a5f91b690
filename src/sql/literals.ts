/**
 * Queries shown without their literals: a log of customer data must not reach a report, a counts
 * file or a cache through its examples. Every string and number becomes `?`, read by the lexer (so
 * it works on queries that do not parse); in SQLite a double-quoted word where a value stands is a
 * string too (Spider's `name = "Aruba"`).
 */
import { dialectInfo } from './dialects.js';
import { SqlLexer } from './lexer.js';
import { doubleQuotedStringsAsLiterals } from './transpile.js';

/**
 * `sql` with every string and number literal replaced by `?` (names, keywords and parameters kept).
 * `typed`: by a literal of its kind instead (`'?'` for a string, `0` or `0.0` for a number), for text
 * that is parsed again, and transpiled: a transpiler writes `LIMIT ?` as T-SQL's `TOP (?)` but
 * `LIMIT 3` as `TOP 3`, so a placeholder would change the structure a literal leaves.
 */
export function maskLiterals(sql: string, dialect: string, typed = false): string {
  const info = dialectInfo(dialect);
  const text = info.parserName === 'sqlite' && sql.includes('"') ? doubleQuotedStringsAsLiterals(sql, null) : sql;
  const lexer = new SqlLexer(text, info);
  let out = '';
  let from = 0;
  while (lexer.next()) {
    if (lexer.kind !== 'string' && lexer.kind !== 'number') continue;
    const stand = !typed ? '?' : lexer.kind === 'string' ? "'?'" : /[.eE]/.test(text.slice(lexer.start, lexer.end)) ? '0.0' : '0';
    out += `${text.slice(from, lexer.start)}${stand}`;
    from = lexer.end;
  }
  return out + text.slice(from);
}

/**
 * A parser's message about `sql` with the contents of its string literals masked wherever the
 * message repeats them (the parser's messages name token types, not values; this is the safety net).
 */
export function maskLiteralsIn(message: string, sql: string, dialect: string): string {
  const info = dialectInfo(dialect);
  const lexer = new SqlLexer(sql, info);
  let out = message;
  while (lexer.next()) {
    if (lexer.kind !== 'string') continue;
    const inner = sql.slice(lexer.start, lexer.end).replace(/^[^'"$]*['"]|['"]$/g, '');
    if (inner.length >= 3 && out.includes(inner)) out = out.split(inner).join('?');
  }
  return out;
}
