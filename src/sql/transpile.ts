/**
 * Queries written for one engine made to run on another (`eval --transpile-from`, issue 17): the
 * parser's transpiler, after one rule it does not know. SQLite reads a double-quoted word that
 * names no column or table as a string ("legacy" double-quoted strings, which Spider's and BIRD's
 * gold queries use throughout: `WHERE name = "Aruba"`); the transpiler would keep it a name, so
 * such words are made '…' literals first, with the database's own names to tell them apart.
 */
import { dialectInfo } from './dialects.js';
import { SqlLexer } from './lexer.js';
import { type TranspileOutcome, transpileStatement } from './parser.js';

export type { TranspileOutcome } from './parser.js';

const SQLITE = dialectInfo('sqlite');

/**
 * `sql` in `from` rewritten for `to` (sqlalign dialect names). `names`: the lower-cased table and
 * column names of the query's database, which a SQLite double-quoted word must match to stay a name.
 */
export function transpileQuery(sql: string, from: string, to: string, names: ReadonlySet<string>): TranspileOutcome {
  const source = dialectInfo(from).parserName;
  const text = source === 'sqlite' ? doubleQuotedStringsAsLiterals(sql, names) : sql;
  return transpileStatement(text, source, dialectInfo(to).parserName);
}

/**
 * Every `"word"` that is not one of `names` (lower-case), nor an alias the query itself makes
 * (`AS "word"`), written as a '…' string, as SQLite reads it.
 */
export function doubleQuotedStringsAsLiterals(sql: string, names: ReadonlySet<string>): string {
  const quoted: { start: number; end: number; inner: string }[] = [];
  const known = new Set(names);
  let afterAs = false;
  const lexer = new SqlLexer(sql, SQLITE);
  while (lexer.next()) {
    if (lexer.kind === 'space' || lexer.kind === 'comment') continue;
    if (lexer.kind === 'quoted' && sql[lexer.start] === '"' && lexer.closed) {
      const inner = sql.slice(lexer.start + 1, lexer.end - 1).replaceAll('""', '"');
      if (afterAs) known.add(inner.toLowerCase());
      else quoted.push({ start: lexer.start, end: lexer.end, inner });
    }
    afterAs = lexer.kind === 'word' && sql.slice(lexer.start, lexer.end).toUpperCase() === 'AS';
  }
  let out = '';
  let from = 0;
  for (const q of quoted) {
    if (known.has(q.inner.toLowerCase())) continue;
    out += `${sql.slice(from, q.start)}'${q.inner.replaceAll("'", "''")}'`;
    from = q.end;
  }
  return out + sql.slice(from);
}
