/**
 * The template's fail-safe (spec §1): where the parser's tree does not place a token (a node it
 * keeps as raw text, a name without a position, an alias it drops), a token the tokenizer reads
 * as a name is dropped, never kept as if it were syntax. And the few tokens that are syntax
 * although the parser files them as names (date parts, named-argument keys) are kept.
 */
import { SPECIAL_WORDS } from './keywords.js';
import { type Lexical, SqlLexer } from './lexer.js';
import type { ParsedQuery, Token } from './parser.js';

const NAME_TYPES = new Set(['VAR', 'QUOTED_IDENTIFIER']);

/** Words the parser files as names without a position although they are syntax (SQLite's `INDEXED BY`). */
const MORE_KEYWORDS = new Set(['INDEXED']);
/** The words of an expression that are syntax: operators and the like. */
const RAW_SYNTAX = new Set(
  (
    'NOT LIKE ILIKE RLIKE REGEXP GLOB MATCH SIMILAR TO ESCAPE IN IS NULL BETWEEN AND OR XOR EXISTS ANY ALL SOME CASE ' +
    'WHEN THEN ELSE END TRUE FALSE DISTINCT FROM COLLATE INTERVAL'
  ).split(' '),
);
const isKeyword = (word: string) => SPECIAL_WORDS.has(word.toUpperCase()) || MORE_KEYWORDS.has(word.toUpperCase());

/** Units that date functions take as a bare word first (`TIMESTAMPDIFF(MINUTE, a, b)`, `DATEADD(day, 1, d)`). */
const DATE_PARTS = new Set(
  (
    'YEAR YEARS QUARTER QUARTERS MONTH MONTHS WEEK WEEKS DAY DAYS HOUR HOURS MINUTE MINUTES SECOND SECONDS ' +
    'MILLISECOND MILLISECONDS MICROSECOND MICROSECONDS NANOSECOND NANOSECONDS DAYOFYEAR DAYOFWEEK WEEKDAY ISOWEEK ' +
    'YY YYYY QQ Q MM M WK WW DD D DY HH MI N SS S MS MCS NS'
  ).split(' '),
);
const DATE_FUNCTIONS = new Set(
  'TIMESTAMPDIFF TIMESTAMPADD DATEDIFF DATEADD DATEPART DATENAME DATE_PART DATETRUNC DATEDIFF_BIG TIMESTAMP_DIFF'.split(' '),
);

export function markUnplaced(sql: string, tokens: readonly Token[], parsed: ParsedQuery, lexical: Lexical, drop: Uint8Array) {
  const inComment = commentRegions(sql, lexical);
  const raw = rawRegions(sql, parsed.rawTexts);
  const within = (regions: readonly [number, number][], at: number) => regions.some(([a, b]) => at >= a && at < b);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    // Text the lexer reads as a comment (an optimizer hint, a MySQL `#` comment) is not a token at all.
    if (within(inComment, t.start)) {
      drop[i] = 1;
      continue;
    }
    // Inside an expression the parser kept as raw text, only operators and function names are syntax.
    if (within(raw.expressions, t.start) && !drop[i] && /^[A-Za-z_"`[]/.test(t.text) && next?.type !== 'L_PAREN') {
      if (!RAW_SYNTAX.has(t.text.toUpperCase())) drop[i] = 1;
      continue;
    }
    if (!NAME_TYPES.has(t.type) || drop[i]) continue;
    const call = next?.type === 'L_PAREN';
    if (t.type === 'QUOTED_IDENTIFIER' && !call) drop[i] = 1;
    else if (call) continue;
    else if (within(raw.statements, t.start) && t.type === 'VAR') drop[i] = 1;
    else if (parsed.unplacedNames.has(t.text.toUpperCase()) && !isKeyword(t.text)) drop[i] = 1;
  }
  markColumnAliasLists(tokens, drop);
  markAliasesAfterAs(tokens, drop);
  markStructFields(tokens, drop);
  markDdlNames(tokens, drop);
  markPlaceholders(sql, tokens, drop);
  keepSyntax(tokens, drop);
}

/** Words after which an alias ends. */
const ALIAS_ENDS = new Set(['COMMA', 'R_PAREN', 'R_BRACKET', 'SEMICOLON']);
const CLAUSE_WORDS = new Set([
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'JOIN',
  'ON',
  'WINDOW',
]);

/** `expr AS name` where the tree left the alias without a position (`STRUCT('x' AS name)`). */
function markAliasesAfterAs(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (drop[i] || t.type !== 'VAR' || tokens[i - 1]?.type !== 'AS') continue;
    if (tokens[i - 2]?.text.toUpperCase() === 'EXECUTE') continue; // T-SQL's EXECUTE AS OWNER: a keyword
    const next = tokens[i + 1];
    if (next === undefined || ALIAS_ENDS.has(next.type) || CLAUSE_WORDS.has(next.text.toUpperCase())) drop[i] = 1;
  }
}

/** Field names of struct types: `STRUCT<a INT64, b STRUCT<c STRING>>` keeps the types, not `a`, `b`, `c`. */
function markStructFields(tokens: readonly Token[], drop: Uint8Array) {
  let depth = 0; // open `STRUCT<`
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'LT' && tokens[i - 1]?.text.toUpperCase() === 'STRUCT') depth++;
    else if (t.type === 'GT' && depth > 0) depth--;
    else if (t.type === 'GT_GT' && depth > 0) depth = Math.max(0, depth - 2);
    else if (depth > 0 && t.type === 'VAR' && (tokens[i - 1]?.type === 'LT' || tokens[i - 1]?.type === 'COMMA')) {
      const next = tokens[i + 1];
      if (next && /^[A-Za-z_]/.test(next.text) && next.type !== 'COMMA') drop[i] = 1;
    }
  }
}

/**
 * Names in DDL clauses the tree keeps without positions: `MODIFY [COLUMN] c`, `CHANGE [COLUMN] a b`,
 * `AFTER c`, `RENAME INDEX|KEY|COLUMN a TO b`, `FORCE|USE|IGNORE INDEX (i, ...)`.
 */
function markDdlNames(tokens: readonly Token[], drop: Uint8Array) {
  const word = (k: number) => tokens[k]?.text.toUpperCase() ?? '';
  const dropVar = (k: number) => {
    if (tokens[k]?.type === 'VAR') drop[k] = 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = word(i);
    if (w === 'MODIFY' || w === 'CHANGE') {
      let j = i + 1;
      if (word(j) === 'COLUMN') j++;
      if (word(j) === 'IF' && word(j + 1) === 'EXISTS') j += 2;
      dropVar(j);
      if (w === 'CHANGE') dropVar(j + 1);
    } else if (w === 'AFTER') dropVar(i + 1);
    else if (w === 'RENAME' && ['INDEX', 'KEY', 'COLUMN'].includes(word(i + 1)) && word(i + 3) === 'TO') {
      dropVar(i + 2);
      dropVar(i + 4);
    } else if (
      ['FORCE', 'USE', 'IGNORE'].includes(w) &&
      ['INDEX', 'KEY'].includes(word(i + 1)) &&
      tokens[i + 2]?.type === 'L_PAREN'
    ) {
      for (let j = i + 3; j < tokens.length && tokens[j]?.type !== 'R_PAREN'; j++) dropVar(j);
    }
  }
}

/** `AS s(a, b)`: a table alias with its column names, which the parser may leave out of its tree. */
function markColumnAliasLists(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (tokens[i - 1]?.type !== 'AS' || t.type !== 'VAR' || tokens[i + 1]?.type !== 'L_PAREN') continue;
    let j = i + 2;
    const names: number[] = [];
    while (j < tokens.length && (tokens[j]?.type === 'VAR' || tokens[j]?.type === 'QUOTED_IDENTIFIER')) {
      names.push(j);
      if (tokens[j + 1]?.type === 'COMMA') j += 2;
      else break;
    }
    if (names.length === 0 || tokens[(names.at(-1) as number) + 1]?.type !== 'R_PAREN') continue;
    drop[i] = 1;
    for (const k of names) drop[k] = 1;
  }
}

/** Python DB-API placeholders in query logs: `%s` and `%(name)s`, which tokenizers split into pieces. */
function markPlaceholders(sql: string, tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type !== 'PERCENT' && t.text !== '%') continue;
    const glued = (k: number) => tokens[k] !== undefined && (tokens[k] as Token).start === (tokens[k - 1] as Token).end;
    const s = tokens[i + 1];
    if (s && glued(i + 1) && s.text === 's' && !/[A-Za-z0-9_]/.test(sql[s.end] ?? '')) {
      drop.fill(1, i, i + 2);
    } else if (
      tokens[i + 1]?.type === 'L_PAREN' &&
      glued(i + 1) &&
      glued(i + 2) &&
      tokens[i + 3]?.type === 'R_PAREN' &&
      glued(i + 3) &&
      glued(i + 4) &&
      tokens[i + 4]?.text === 's'
    ) {
      drop.fill(1, i, i + 5);
    }
  }
}

/** Functions called without parentheses: syntax wherever they stand, even where the parser files them as a column. */
const NILADIC = new Set([
  'SYSDATE',
  'SYSTIMESTAMP',
  'CURRENT_DATE',
  'CURRENT_TIME',
  'CURRENT_TIMESTAMP',
  'CURRENT_DATETIME',
  'LOCALTIME',
  'LOCALTIMESTAMP',
]);

/** Words before `(` whose parenthesised `key = value` pairs are options: the keys are syntax. */
const OPTION_OPENERS = new Set(['OPTIONS', 'WITH', 'TBLPROPERTIES', 'PROPERTIES', 'SETTINGS', '=']);

/**
 * Syntax the parser files as names: date parts as a date function's first argument, keys of
 * named arguments (`input => x`) and of option lists (`OPTIONS (description = 'x')`), the name
 * of a qualified function (`ML.PREDICT(`), BigQuery's `SAFE.` prefix.
 */
function keepSyntax(tokens: readonly Token[], drop: Uint8Array) {
  const openers: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'L_PAREN') openers.push((tokens[i - 1]?.text ?? '').toUpperCase());
    else if (t.type === 'R_PAREN') openers.pop();
    if (!drop[i] || !/^[A-Za-z_]/.test(t.text)) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (next?.type === 'F_ARROW' || next?.text === '=>') drop[i] = 0;
    else if (
      next?.type === 'EQ' &&
      OPTION_OPENERS.has(openers.at(-1) ?? '') &&
      (prev?.type === 'L_PAREN' || prev?.type === 'COMMA')
    ) {
      drop[i] = 0;
    } else if (t.type !== 'VAR') continue;
    else if (prev?.type === 'DOT' && next?.type === 'L_PAREN' && next.start === t.end) drop[i] = 0;
    else if (t.text.toUpperCase() === 'SAFE' && next?.type === 'DOT' && tokens[i + 3]?.type === 'L_PAREN') drop[i] = 0;
    else if (NILADIC.has(t.text.toUpperCase()) && prev?.type !== 'DOT' && next?.type !== 'DOT') drop[i] = 0;
    else if (
      DATE_PARTS.has(t.text.toUpperCase()) &&
      tokens[i - 1]?.type === 'L_PAREN' &&
      DATE_FUNCTIONS.has((tokens[i - 2]?.text ?? '').toUpperCase()) &&
      next?.type === 'COMMA'
    ) {
      drop[i] = 0;
    }
  }
}

function commentRegions(sql: string, lexical: Lexical): [number, number][] {
  if (!sql.includes('/*') && !sql.includes('--') && !sql.includes('#')) return [];
  const out: [number, number][] = [];
  const lexer = new SqlLexer(sql, lexical);
  while (lexer.next()) if (lexer.kind === 'comment') out.push([lexer.start, lexer.end]);
  return out;
}

/** Where each raw sub-tree's text stands in the query (the first place it occurs): whole statements apart. */
function rawRegions(sql: string, texts: readonly string[]): { statements: [number, number][]; expressions: [number, number][] } {
  const out = { statements: [] as [number, number][], expressions: [] as [number, number][] };
  for (const text of texts) {
    const at = sql.indexOf(text);
    if (at < 0) continue;
    const whole = sql.slice(0, at).trim() === '' && /^\s*;?\s*$/.test(sql.slice(at + text.length));
    (whole ? out.statements : out.expressions).push([at, at + text.length]);
  }
  return out;
}
