/**
 * Queries written for one engine made to run on another (`eval --transpile-from`, issue 17): the
 * parser's transpiler, after one rule it does not know. SQLite reads a double-quoted word that
 * names no column or table as a string ("legacy" double-quoted strings, which Spider's and BIRD's
 * gold queries use throughout: `WHERE name = "Aruba"`); the transpiler would keep it a name, so
 * such words are made '…' literals first, with the database's own names to tell them apart.
 */
import { dialectInfo } from './dialects.js';
import { type Lexical, SqlLexer, significantTokens } from './lexer.js';
import { type TranspileOutcome, transpileStatement } from './parser.js';

export type { TranspileOutcome } from './parser.js';

const SQLITE = dialectInfo('sqlite');

/**
 * `sql` in `from` rewritten for `to` (sqlalign dialect names). `names`: the lower-cased table and
 * column names of the query's database, which a SQLite double-quoted word must match to stay a name.
 * Two things the transpiler leaves as SQLite allows them are made right for servers after it: a
 * derived table gets an alias (PostgreSQL before 16 and MySQL require one), and on PostgreSQL a
 * `JOIN` without `ON` or `USING` becomes the `CROSS JOIN` it means in SQLite.
 */
export function transpileQuery(sql: string, from: string, to: string, names: ReadonlySet<string>): TranspileOutcome {
  const source = dialectInfo(from).parserName;
  const text = source === 'sqlite' ? doubleQuotedStringsAsLiterals(sql, names) : sql;
  const target = dialectInfo(to);
  const out = transpileStatement(text, source, target.parserName);
  if (!out.ok || (target.parserName !== 'postgresql' && target.parserName !== 'mysql')) return out;
  const aliased = aliasDerivedTables(out.sql, target);
  return { ok: true, sql: target.parserName === 'postgresql' ? crossJoinsWithoutOn(aliased, target) : aliased };
}

/** Words that end a table reference: after one of these, a derived table has no alias. */
const AFTER_TABLE = new Set([
  'WHERE',
  'GROUP',
  'ORDER',
  'LIMIT',
  'HAVING',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'ON',
  'USING',
  'WINDOW',
  'OFFSET',
  'FETCH',
  'FOR',
]);
const QUERY_WORDS = new Set(['SELECT', 'WITH', 'VALUES']);

interface Tok {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly word: string | null;
  readonly char: string;
}

function tokensOf(sql: string, lexical: Lexical): Tok[] {
  return significantTokens(sql, lexical).map((t) => ({
    kind: t.kind,
    start: t.start,
    end: t.end,
    word: t.kind === 'word' ? sql.slice(t.start, t.end).toUpperCase() : null,
    char: t.kind === 'punct' ? (sql[t.start] as string) : '',
  }));
}

/** The index of the `)` closing the `(` at `open`, or -1. */
function closing(tokens: readonly Tok[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const c = (tokens[k] as Tok).char;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

function applyEdits(sql: string, edits: { at: number; end: number; text: string }[]): string {
  let out = sql;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

/** `FROM (SELECT …)` without a name gets one: ` AS derived_1`. */
export function aliasDerivedTables(sql: string, lexical: Lexical): string {
  const tokens = tokensOf(sql, lexical);
  const edits: { at: number; end: number; text: string }[] = [];
  tokens.forEach((t, k) => {
    if ((t.word !== 'FROM' && t.word !== 'JOIN') || tokens[k + 1]?.char !== '(' || !QUERY_WORDS.has(tokens[k + 2]?.word ?? ''))
      return;
    const close = closing(tokens, k + 1);
    if (close < 0) return;
    const next = tokens[close + 1];
    if (
      next === undefined ||
      (next.kind === 'punct' && next.char !== '(') ||
      next.kind === 'semicolon' ||
      AFTER_TABLE.has(next.word ?? '')
    ) {
      const end = (tokens[close] as Tok).end;
      edits.push({ at: end, end, text: ` AS derived_${edits.length + 1}` });
    }
  });
  return applyEdits(sql, edits);
}

/** A plain or INNER `JOIN` whose table is followed by no `ON` or `USING` is SQLite's cross join. */
export function crossJoinsWithoutOn(sql: string, lexical: Lexical): string {
  const tokens = tokensOf(sql, lexical);
  const edits: { at: number; end: number; text: string }[] = [];
  tokens.forEach((t, k) => {
    if (t.word !== 'JOIN') return;
    const before = tokens[k - 1]?.word ?? '';
    if (['LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'NATURAL'].includes(before)) return;
    let depth = 0;
    let j = k + 1;
    for (; j < tokens.length; j++) {
      const u = tokens[j] as Tok;
      if (u.char === '(') depth++;
      else if (u.char === ')') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (u.char === ',' || u.kind === 'semicolon' || AFTER_TABLE.has(u.word ?? ''))) break;
    }
    const stop = tokens[j]?.word;
    if (stop === 'ON' || stop === 'USING') return;
    const from = before === 'INNER' ? (tokens[k - 1] as Tok).start : t.start;
    edits.push({ at: from, end: t.end, text: 'CROSS JOIN' });
  });
  return applyEdits(sql, edits);
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
