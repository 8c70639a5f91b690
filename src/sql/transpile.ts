/**
 * Queries written for one engine made to run on another (`eval --transpile-from`; `--read` in the comparisons): the
 * parser's transpiler, after one rule it does not know. SQLite reads a double-quoted word that
 * names no column or table as a string ("legacy" double-quoted strings, which Spider's and BIRD's
 * gold queries use throughout: `WHERE name = "Aruba"`); the transpiler would keep it a name, so
 * such words are made '…' literals first, with the database's own names to tell them apart.
 */
import { dialectInfo, transpiledFrom } from './dialects.js';
import { type Lexical, significantTokens } from './lexer.js';
import { type TranspileOutcome, transpileStatement } from './parser.js';

export type { TranspileOutcome } from './parser.js';

const SQLITE = dialectInfo('sqlite');

/**
 * `sql` in `from` rewritten for `to` (sqlalign dialect names). `names`: the lower-cased table and
 * column names of the query's database, which a SQLite double-quoted word must match to stay a name
 * (null: no database at hand; a double-quoted word in a value position is a string).
 * Two things the transpiler leaves as SQLite allows them are made right for servers after it: a
 * derived table gets an alias (PostgreSQL before 16 and MySQL require one), and on PostgreSQL a
 * `JOIN` without `ON` or `USING` becomes the `CROSS JOIN` it means in SQLite.
 */
export function transpileQuery(sql: string, from: string, to: string, names: ReadonlySet<string> | null): TranspileOutcome {
  const source = dialectInfo(from).parserName;
  const text = source === 'sqlite' ? doubleQuotedStringsAsLiterals(sql, names) : sql;
  const target = dialectInfo(to);
  const out = transpileStatement(text, source, target.parserName);
  if (!out.ok || (target.parserName !== 'postgresql' && target.parserName !== 'mysql')) return out;
  const aliased = aliasDerivedTables(out.sql, target);
  return { ok: true, sql: target.parserName === 'postgresql' ? crossJoinsWithoutOn(aliased, target) : aliased };
}

/**
 * What a query written in `from` is made into before the transpiler rewrites it for `to`: in
 * SQLite, its double-quoted strings as '…' literals (with the names of its database where
 * `namesOf` knows them, else by position); undefined where nothing needs doing.
 */
export function beforeTranspiling(
  from: string | undefined,
  to: string,
  namesOf?: (dbId: string | undefined) => ReadonlySet<string> | undefined,
): ((sql: string, dbId: string | undefined) => string) | undefined {
  const source = transpiledFrom(from, to);
  if (source === undefined || dialectInfo(source).parserName !== 'sqlite') return undefined;
  return (sql, dbId) => (sql.includes('"') ? doubleQuotedStringsAsLiterals(sql, namesOf?.(dbId) ?? null) : sql);
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
 * Every `"word"` that SQLite reads as a string written as a '…' literal. With `names` (the
 * lower-case table and column names of the query's database), a word that is none of them, nor
 * an alias the query itself makes (`AS "word"`), is a string. Without them (no database at hand),
 * a word in a value position is one: after a comparison, `LIKE`, `GLOB`, `BETWEEN … AND`, `THEN`,
 * `ELSE`, `||`, or in an `IN (…)` list; anywhere else it stays the name it is written as.
 */
export function doubleQuotedStringsAsLiterals(sql: string, names: ReadonlySet<string> | null): string {
  const strings = names === null ? quotedWordsInValuePositions(sql) : quotedWordsNotNamed(sql, names);
  let out = '';
  let from = 0;
  for (const q of strings) {
    out += `${sql.slice(from, q.start)}'${q.inner.replaceAll("'", "''")}'`;
    from = q.end;
  }
  return out + sql.slice(from);
}

interface QuotedWord {
  readonly start: number;
  readonly end: number;
  readonly inner: string;
}

/** The closed `"…"` tokens of `sql`, each with its unescaped contents and its place among the tokens. */
function quotedWords(sql: string): { tokens: Tok[]; words: { word: QuotedWord; k: number }[] } {
  const tokens = tokensOf(sql, SQLITE);
  const words: { word: QuotedWord; k: number }[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'quoted' || sql[t.start] !== '"' || sql[t.end - 1] !== '"' || t.end - t.start < 2) return;
    words.push({ word: { start: t.start, end: t.end, inner: sql.slice(t.start + 1, t.end - 1).replaceAll('""', '"') }, k });
  });
  return { tokens, words };
}

function quotedWordsNotNamed(sql: string, names: ReadonlySet<string>): QuotedWord[] {
  const known = new Set(names);
  const { tokens, words } = quotedWords(sql);
  const afterAs = ({ k }: { k: number }) => tokens[k - 1]?.word === 'AS';
  for (const w of words) if (afterAs(w)) known.add(w.word.inner.toLowerCase());
  return words.filter((w) => !afterAs(w) && !known.has(w.word.inner.toLowerCase())).map((w) => w.word);
}

/** Words after which a value stands (a string there is no name). */
const BEFORE_VALUE = new Set(['LIKE', 'GLOB', 'BETWEEN', 'THEN', 'ELSE']);

function quotedWordsInValuePositions(sql: string): QuotedWord[] {
  const { tokens, words } = quotedWords(sql);
  return words.filter(({ k }) => tokens[k + 1]?.char !== '.' && isValuePosition(tokens, k)).map((w) => w.word);
}

/** Whether the token at `k` stands where a value does. */
function isValuePosition(tokens: readonly Tok[], k: number): boolean {
  const prev = tokens[k - 1];
  if (prev === undefined) return false;
  if (prev.kind === 'punct' && '=<>!|'.includes(prev.char)) return true;
  if (prev.word !== null && BEFORE_VALUE.has(prev.word)) return true;
  if (prev.word === 'AND') return openBetween(tokens, k - 1);
  if (prev.char === '(' || prev.char === ',') return insideInList(tokens, k);
  return false;
}

/**
 * The tokens before `k` at its own bracket depth, nearest first (a bracketed group before it is
 * stepped over); `opener` is then the index of the bracket that encloses `k`, or -1.
 */
function* backAtDepth(tokens: readonly Tok[], k: number): Generator<number, number> {
  let depth = 0;
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j] as Tok;
    if (t.char === ')') depth++;
    else if (t.char === '(') {
      if (depth === 0) return j;
      depth--;
    } else if (depth === 0) yield j;
  }
  return -1;
}

/** Whether the `AND` at `and` is a BETWEEN's second bound: a BETWEEN at its depth with no AND since. */
function openBetween(tokens: readonly Tok[], and: number): boolean {
  for (const j of backAtDepth(tokens, and)) {
    const word = (tokens[j] as Tok).word;
    if (word === 'AND') return false;
    if (word === 'BETWEEN') return true;
  }
  return false;
}

/** Whether the innermost bracket open before `k` is an `IN (` list of values (not a subquery). */
function insideInList(tokens: readonly Tok[], k: number): boolean {
  const walk = backAtDepth(tokens, k);
  let step = walk.next();
  while (!step.done) step = walk.next();
  const open = step.value;
  return open >= 0 && tokens[open - 1]?.word === 'IN' && !QUERY_WORDS.has(tokens[open + 1]?.word ?? '');
}
