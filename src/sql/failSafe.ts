/**
 * The template's fail-safe (docs/spec.md §1): where the parser's tree does not place a token (a node it
 * keeps as raw text, a name without a position, an alias it drops), a token the tokenizer reads
 * as a name is dropped, never kept as if it were syntax. And the few tokens that are syntax
 * although the parser files them as names (date parts, named-argument keys) are kept.
 */
import { DEFINING, markNamesByRule } from './clauseRules.js';
import type { DialectInfo } from './dialects.js';
import { BUILTIN_TYPES, DATA_TYPES, DATE_FUNCTIONS, DATE_PARTS, SPECIAL_WORDS, UNIT_FIRST_FUNCTIONS } from './keywords.js';
import { type Lexical, SqlLexer } from './lexer.js';
import type { ParsedQuery, Token } from './parser.js';

const NAME_TYPES = new Set(['VAR', 'QUOTED_IDENTIFIER']);

/** The words of an expression that are syntax: operators and the like. */
const RAW_SYNTAX = new Set(
  (
    'NOT LIKE ILIKE RLIKE REGEXP GLOB MATCH SIMILAR TO ESCAPE IN IS NULL BETWEEN AND OR XOR EXISTS ANY ALL SOME CASE ' +
    'WHEN THEN ELSE END TRUE FALSE DISTINCT FROM COLLATE INTERVAL ARRAY'
  ).split(' '),
);
/** A keyword, or a word the parser reads as syntax although its tokenizer calls it a name (SQLite's `INDEXED BY`). */
const isKeyword = (word: string) => SPECIAL_WORDS.has(word.toUpperCase());
/** A word the tokenizer itself reads as a keyword (its own token type, not a name's). */
const isKeywordToken = (t: Token | undefined) => t !== undefined && /^[A-Za-z_]/.test(t.text) && !NAME_TYPES.has(t.type);
/** A word token of any type: a name, a keyword, a function's name. */
const isWordToken = (t: Token | undefined) => t !== undefined && /^[A-Za-z_]/.test(t.text) && !t.type.endsWith('STRING');

const isDateUnitArgument = (tokens: readonly Token[], i: number): boolean => {
  const word = (tokens[i] as Token).text.toUpperCase();
  const fn = (tokens[i - 2]?.text ?? '').toUpperCase();
  if (!DATE_PARTS.has(word) || tokens[i - 1]?.type !== 'L_PAREN' || tokens[i + 1]?.type !== 'COMMA') return false;
  return DATE_FUNCTIONS.has(fn) || (UNIT_FIRST_FUNCTIONS.has(fn) && word.length > 2);
};

export function markUnplaced(sql: string, tokens: readonly Token[], parsed: ParsedQuery, dialect: DialectInfo, drop: Uint8Array) {
  const inComment = commentRegions(sql, dialect);
  const raw = rawRegions(sql, parsed.rawTexts);
  const within = (regions: readonly [number, number][], at: number) => regions.some(([a, b]) => at >= a && at < b);
  let leading = false; // in a raw expression's opening run of keywords
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    // Text the lexer reads as a comment (an optimizer hint, a MySQL `#` comment) is not a token at all.
    if (within(inComment, t.start)) {
      drop[i] = 1;
      continue;
    }
    // Inside an expression the parser kept as raw text, only operators, function names and the
    // keywords it opens with (`CLUSTER BY (a)`, `PARTITION BY HASH(a)`) are syntax.
    const inRaw = within(raw.expressions, t.start);
    // Asked only inside raw text: the word's upper case is not made for every token of every query.
    const opens = () => !within(raw.expressions, tokens[i - 1]?.start ?? -1) && !RAW_SYNTAX.has(t.text.toUpperCase());
    leading = inRaw && (leading || opens()) && isKeywordToken(t);
    if (inRaw && !drop[i] && /^[A-Za-z_"`]/.test(t.text) && !leading && next?.type !== 'L_PAREN') {
      if (!RAW_SYNTAX.has(t.text.toUpperCase())) drop[i] = 1;
      continue;
    }
    // The part of a qualified name after a `.` is a name whatever word it is (`ANALYZE CLUSTER db.cluster`),
    // and so is a ClickHouse subcolumn after `.^` (`col.^nested`).
    if (!drop[i] && afterDot(tokens, i) && isWordToken(t) && next?.type !== 'L_PAREN') {
      drop[i] = 1;
      continue;
    }
    if (!NAME_TYPES.has(t.type) || drop[i]) {
      if (!drop[i] && parsed.unplacedAliases.size > 0 && isLoneKeywordAlias(tokens, i, parsed.unplacedAliases, drop)) {
        drop[i] = 1;
      }
      continue;
    }
    if (isPseudoColumn(tokens, i)) {
      drop[i] = 1;
      continue;
    }
    const call = next?.type === 'L_PAREN';
    // A quoted name is a name even when called (a user's function: `` `p.d.udf`(x) ``), unless a
    // known word (`"sum"(x)`, T-SQL's `[varchar](10)`).
    if (t.type === 'QUOTED_IDENTIFIER' && (!call || !isKeyword(t.text))) drop[i] = 1;
    else if (call) {
      // An alias with its column list right after a `)` (`(VALUES (0) foo(bar))`) is no call.
      if (tokens[i - 1]?.type === 'R_PAREN' && parsed.unplacedAliases.has(t.text.toUpperCase())) drop[i] = 1;
    } else if (within(raw.statements, t.start) && t.type === 'VAR' && !(isKeyword(t.text) && isKeywordToken(next))) {
      drop[i] = 1;
    } else if (parsed.unplacedNames.has(t.text.toUpperCase()) && (!isKeyword(t.text) || isAliasAfterCall(tokens, i))) {
      drop[i] = 1;
    } else if (dialect.userTypes && isUserType(t.text, parsed)) {
      drop[i] = 1;
    }
  }
  markByPattern(sql, tokens, parsed, dialect, drop);
}

/** A type of the user's own (`SET DATA TYPE mood`): a type the parser does not know, neither built in nor a keyword. */
function isUserType(word: string, parsed: ParsedQuery): boolean {
  const upper = word.toUpperCase();
  return parsed.customTypes.has(upper) && !BUILTIN_TYPES.has(upper) && !isKeyword(upper);
}

/** The rules that read the token sequence, not the tree: names in known places, then syntax kept. */
function markByPattern(sql: string, tokens: readonly Token[], parsed: ParsedQuery, dialect: DialectInfo, drop: Uint8Array) {
  markColumnAliasLists(tokens, drop);
  markAliasesAfterAs(tokens, parsed.unplacedNames, drop);
  markStructFields(tokens, drop);
  markDefinitionNames(tokens, drop);
  markPathKeys(tokens, drop);
  markNamesByRule(tokens, drop, dialect.parserName);
  markPlaceholders(sql, tokens, drop);
  markLocations(tokens, dialect, drop);
  markAggregateStateArguments(tokens, drop);
  keepSyntax(tokens, drop);
}

/**
 * ClickHouse's `AggregateFunction(any(c), String)` names a function and a type; the parser keeps
 * the whole type as text, so a name inside the function's own parentheses has no place: dropped.
 */
function markAggregateStateArguments(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!/^(Simple)?AggregateFunction$/i.test((tokens[i] as Token).text) || tokens[i + 1]?.type !== 'L_PAREN') continue;
    for (let j = i + 2, depth = 1; j < tokens.length && depth > 0; j++) {
      const t = tokens[j] as Token;
      if (t.type === 'L_PAREN') depth++;
      else if (t.type === 'R_PAREN') depth--;
      else if (depth >= 2 && NAME_TYPES.has(t.type) && tokens[j + 1]?.type !== 'L_PAREN') drop[j] = 1;
    }
  }
}

/**
 * An unquoted URL (`PUT file:///dir/tmp.csv @s`) or a Snowflake stage path (`@s/dir/file.gz`) is one
 * location, a value like a string: every token of it, to its first blank, is dropped.
 */
function markLocations(tokens: readonly Token[], lexical: Lexical, drop: Uint8Array) {
  const glued = (k: number) => (tokens[k + 1] as Token).start === (tokens[k] as Token).end;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    const url = t.type === 'VAR' && tokens[i + 1]?.type === 'COLON' && tokens[i + 2]?.type === 'SLASH';
    const stage = lexical.stagePaths && t.text.startsWith('@') && ['SLASH', 'PERCENT'].includes(tokens[i + 1]?.type ?? '');
    if (!(url || stage) || !glued(i)) continue;
    let j = i;
    while (j + 1 < tokens.length && glued(j)) j++;
    drop.fill(1, i, j + 1);
    i = j;
  }
}

/**
 * A keyword the tree holds as a name without a position (an alias `OFFSET` in `ASOF JOIN y OFFSET
 * MATCH_CONDITION (…)`, Redshift's `AT index`) is that name when no other token of the query is that
 * word, names the tree places aside: a word used both as syntax and as a name cannot be told apart, and stays.
 */
function isLoneKeywordAlias(tokens: readonly Token[], i: number, unplaced: ReadonlySet<string>, drop: Uint8Array) {
  const t = tokens[i] as Token;
  if (!isKeywordToken(t) || tokens[i + 1]?.type === 'L_PAREN') return false;
  return unplaced.has(t.text.toUpperCase()) && isLoneWord(tokens, i, drop);
}

/** Whether no other token of the query is this word, names the tree places aside. */
function isLoneWord(tokens: readonly Token[], i: number, drop: Uint8Array): boolean {
  const word = (tokens[i] as Token).text.toUpperCase();
  return tokens.every((other, k) => k === i || drop[k] || other.text.toUpperCase() !== word);
}

const afterDot = (tokens: readonly Token[], i: number) =>
  tokens[i - 1]?.type === 'DOT' || (tokens[i - 1]?.type === 'CARET' && tokens[i - 2]?.type === 'DOT');

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

/** Oracle's pseudo-columns, which the parser files as special words and the reference as columns. */
const PSEUDO_COLUMNS = new Set(['ROWNUM', 'ROWID', 'LEVEL']);
function isPseudoColumn(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return (
    t.type === 'VAR' &&
    PSEUDO_COLUMNS.has(t.text.toUpperCase()) &&
    tokens[i + 1]?.type !== 'L_PAREN' &&
    (tokens[i - 1]?.text ?? '').toUpperCase() !== 'ISOLATION'
  );
}

/**
 * `FLATTEN(x) abs`, `SUM(x) total`: a word right after `)` where an alias ends is the alias, even
 * when it is also a keyword or a function's name elsewhere.
 */
function isAliasAfterCall(tokens: readonly Token[], i: number): boolean {
  return tokens[i - 1]?.type === 'R_PAREN' && endsAlias(tokens[i + 1]);
}

/** Whether an alias can end before this token: the end, a separator, a closing bracket or a clause's word. */
const endsAlias = (next: Token | undefined) =>
  next === undefined || ALIAS_ENDS.has(next.type) || CLAUSE_WORDS.has(next.text.toUpperCase());

/** `expr AS name` where the tree left the alias without a position (`STRUCT('x' AS name)`). */
function markAliasesAfterAs(tokens: readonly Token[], unplaced: ReadonlySet<string>, drop: Uint8Array) {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (drop[i] || tokens[i - 1]?.type !== 'AS') continue;
    // A keyword as an alias (`STRUCT('x' AS type)`) counts where the tree holds that name without a place.
    if (t.type !== 'VAR' && !(isWordToken(t) && unplaced.has(t.text.toUpperCase()))) continue;
    if (tokens[i - 2]?.text.toUpperCase() === 'EXECUTE') continue; // T-SQL's EXECUTE AS OWNER: a keyword
    if (endsAlias(tokens[i + 1])) drop[i] = 1;
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
    else if (depth > 0 && isWordToken(t) && (tokens[i - 1]?.type === 'LT' || tokens[i - 1]?.type === 'COMMA')) {
      const next = tokens[i + 1];
      if (next && /^[A-Za-z_]/.test(next.text) && next.type !== 'COMMA') drop[i] = 1;
    }
  }
}

/** Words before a type that are not the name being defined (`VARIADIC ARRAY[…]`). */
const NOT_NAMES = new Set(['VARIADIC', 'DISTINCT', 'ALL', 'LIKE']);

/** A name right before a data type, as a list element of a definition: `(x INT, y STRING)`. */
function markDefinitionNames(tokens: readonly Token[], drop: Uint8Array) {
  const starts = new Set(['L_PAREN', 'LT', 'COMMA']);
  const isType = (k: number) => DATA_TYPES.has((tokens[k]?.text ?? '').toUpperCase()) && tokens[k]?.type !== 'L_PAREN';
  // Each open ( or < around the token, and whether it belongs to a cast's target type (dropped whole).
  const open: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'L_PAREN' || t.type === 'LT') {
      const castTarget = ['AS', 'DCOLON'].includes(tokens[i - 2]?.type ?? '') || open.at(-1) === true;
      open.push(castTarget);
    } else if ((t.type === 'R_PAREN' || t.type === 'GT') && open.length > 0) open.pop();
    if (open.length === 0 || t.type !== 'VAR' || !starts.has(tokens[i - 1]?.type ?? '')) continue;
    if (NOT_NAMES.has(t.text.toUpperCase())) continue;
    // A type or keyword word is the name only when a type follows it (`time DATETIME`, `value VARCHAR2(9)`).
    if ((isType(i) || isKeyword(t.text)) && !isType(i + 1)) continue;
    if (isType(i + 1) || (tokens[i + 1]?.type === 'COLON' && isType(i + 2))) {
      drop[i] = 1;
      // Spark's `a: INT` keeps its type, except in a cast's target, which goes whole.
      if (tokens[i + 1]?.type === 'COLON' && open.at(-1) !== true) drop[i + 2] = 0;
    }
  }
}

/**
 * Reserved words, which the reference keeps even as a path key (`v:from`, `v:values`); any other
 * word there is the data's name (`v:type`, `v:date`).
 */
const RESERVED = new Set(
  (
    'SELECT FROM WHERE VALUES TABLE ORDER GROUP BY HAVING LIMIT JOIN ON AND OR NOT NULL IN IS AS CASE WHEN THEN ' +
    'ELSE END UNION ALL DISTINCT INTO INSERT UPDATE DELETE CREATE DROP WITH TRUE FALSE'
  ).split(' '),
);

/**
 * Keys of semi-structured paths: Snowflake's `v:a.b[0].c`, `$1:a.b`; a bind parameter `:name`.
 * The keys are names of the data, never syntax.
 */
function markPathKeys(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.type !== 'COLON' || tokens[i - 1]?.type === 'COLON' || tokens[i + 1]?.type === 'COLON') continue;
    // A struct literal's `'key': value` and ClickHouse's `{name: Type}` parameter are no paths.
    if (tokens[i - 1]?.type.endsWith('STRING') || tokens[i - 2]?.type === 'L_BRACE') continue;
    // `STRUCT<a: INT>` (a field's type, kept by markDefinitionNames) or a type after a kept word.
    const fieldStart = ['LT', 'COMMA'].includes(tokens[i - 2]?.type ?? '') && tokens[i - 1]?.type === 'VAR';
    if (DATA_TYPES.has((tokens[i + 1]?.text ?? '').toUpperCase()) && (!drop[i - 1] || fieldStart)) continue;
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j] as Token;
      const key = t.type === 'VAR' || (isWordToken(t) && !RESERVED.has(t.text.toUpperCase()));
      if (key && tokens[j + 1]?.type !== 'L_PAREN') drop[j] = 1;
      else if (t.type === 'QUOTED_IDENTIFIER') drop[j] = 1;
      else if (!/^[A-Za-z_]/.test(t.text)) break;
      j++;
      if (tokens[j]?.type === 'L_BRACKET') j = afterBrackets(tokens, j);
      const joiner = tokens[j]?.type;
      if ((joiner === 'DOT' || joiner === 'COLON') && /^[A-Za-z_"]/.test(tokens[j + 1]?.text ?? '')) j++;
      else break;
    }
  }
}

function afterBrackets(tokens: readonly Token[], at: number): number {
  let depth = 0;
  for (let j = at; j < tokens.length; j++) {
    if (tokens[j]?.type === 'L_BRACKET') depth++;
    else if (tokens[j]?.type === 'R_BRACKET' && --depth === 0) {
      return tokens[j + 1]?.type === 'L_BRACKET' ? afterBrackets(tokens, j + 1) : j + 1;
    }
  }
  return tokens.length;
}

/** `AS s(a, b)`: a table alias with its column names, which the parser may leave out of its tree. */
function markColumnAliasLists(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (tokens[i - 1]?.type !== 'AS' || t.type !== 'VAR' || tokens[i + 1]?.type !== 'L_PAREN') continue;
    let j = i + 2;
    const names: number[] = [];
    // Every element is a name, keywords included (`AS elem(value, ordinality)`).
    while (j < tokens.length && (isWordToken(tokens[j]) || tokens[j]?.type === 'QUOTED_IDENTIFIER')) {
      names.push(j);
      if (tokens[j + 1]?.type === 'COMMA') j += 2;
      else break;
    }
    if (names.length === 0 || tokens[(names.at(-1) as number) + 1]?.type !== 'R_PAREN') continue;
    drop[i] = 1;
    for (const k of names) drop[k] = 1;
  }
}

/** A drop mark for a token that goes with everything it carries (a placeholder's `##` is no temporary table's). */
export const DROPPED_WHOLE = 2;

/**
 * Stack Exchange Data Explorer's parameters, in the T-SQL of its query logs: `##UserId##`,
 * `##UserId:int##`, `##Limit:int?100##` (with a default, which the parser cannot read: see template.ts).
 */
export const SEDE_PARAMETER = /##[A-Za-z_]\w*(?::[A-Za-z_]\w*)?(?:\?[^#\r\n]*)?##/g;

/**
 * Placeholders of query logs, which tokenizers split into pieces: SEDE's parameters (dropped whole,
 * `#` markers too) and Python DB-API's `%s` and `%(name)s`.
 */
function markPlaceholders(sql: string, tokens: readonly Token[], drop: Uint8Array) {
  if (sql.includes('##')) {
    for (const m of sql.matchAll(SEDE_PARAMETER)) {
      const end = m.index + m[0].length;
      tokens.forEach((t, k) => {
        if (t.start >= m.index && t.start < end) drop[k] = DROPPED_WHOLE;
      });
    }
  }
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

/** Words that start a join: ClickHouse's `foo GLOBAL ANY JOIN bla` is not an alias `GLOBAL`. */
const JOIN_WORDS = new Set('ANY ALL ASOF SEMI ANTI LEFT RIGHT INNER FULL CROSS JOIN OUTER ARRAY'.split(' '));

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
    if (!drop[i] || !isWordToken(t)) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    // A setting's value `ON` (MySQL's `SET autocommit = ON`) is the keyword, not a name.
    if (t.type === 'ON' && prev?.type === 'EQ' && (tokens[0] as Token).type === 'SET') {
      drop[i] = 0;
      continue;
    }
    if (next?.type === 'F_ARROW' || next?.text === '=>') drop[i] = 0;
    else if (
      next?.type === 'EQ' &&
      OPTION_OPENERS.has(openers.at(-1) ?? '') &&
      (prev?.type === 'L_PAREN' || prev?.type === 'COMMA')
    ) {
      drop[i] = 0;
    } else if (isAppliedFunction(tokens, i)) drop[i] = 0;
    // T-SQL's `OPENJSON(…) WITH (o NVARCHAR(MAX) AS JSON)`: a column's option, not a cast's type.
    else if (t.text.toUpperCase() === 'JSON' && prev?.type === 'AS' && openers.at(-1) === 'WITH') drop[i] = 0;
    else if (t.type !== 'VAR') continue;
    else if (prev?.type === 'DOT' && next?.type === 'L_PAREN' && next.start === t.end && !isRoutineDefined(tokens, i)) {
      drop[i] = 0;
    } else if (t.text.toUpperCase() === 'SAFE' && next?.type === 'DOT' && tokens[i + 3]?.type === 'L_PAREN') drop[i] = 0;
    else if (NILADIC.has(t.text.toUpperCase()) && prev?.type !== 'DOT' && next?.type !== 'DOT') drop[i] = 0;
    else if (isDateUnitArgument(tokens, i)) drop[i] = 0;
    else if (DATA_TYPES.has(t.text.toUpperCase()) && prev?.type === 'L_PAREN' && /^CONVERT$/i.test(tokens[i - 2]?.text ?? '')) {
      drop[i] = 0; // `CONVERT(INT, x)`: the target type comes first
    } else if (t.text.toUpperCase() === 'GLOBAL' && JOIN_WORDS.has((next?.text ?? '').toUpperCase())) drop[i] = 0;
  }
}

/**
 * ClickHouse's column transformer `* APPLY(sum)`, `COLUMNS('a') APPLY(toString)` names a function,
 * which the parser files as a column. After `*` or `)` only: T-SQL's `CROSS APPLY (…)` follows a word.
 */
function isAppliedFunction(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 3]?.type;
  return (
    tokens[i + 1]?.type === 'R_PAREN' &&
    tokens[i - 1]?.type === 'L_PAREN' &&
    /^APPLY$/i.test(tokens[i - 2]?.text ?? '') &&
    (before === 'STAR' || before === 'R_PAREN')
  );
}

/** Whether the qualified name ending at i is the routine a statement defines (`CREATE FUNCTION a.b.f(`). */
function isRoutineDefined(tokens: readonly Token[], i: number): boolean {
  let k = i;
  while (tokens[k - 1]?.type === 'DOT' && tokens[k - 2] !== undefined) k -= 2;
  const word = (at: number) => (tokens[at]?.text ?? '').toUpperCase();
  // `CREATE FUNCTION IF NOT EXISTS db.f(`: the routine's name comes after the condition.
  let b = k - 1;
  if (word(b) === 'EXISTS' && (word(b - 1) === 'IF' || (word(b - 1) === 'NOT' && word(b - 2) === 'IF'))) {
    b -= word(b - 1) === 'NOT' ? 3 : 2;
  }
  const before = word(b);
  return (before === 'FUNCTION' || before === 'PROCEDURE') && DEFINING.includes((tokens[0] as Token).text.toUpperCase());
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
    const found = locate(sql, text);
    if (!found) continue;
    const [at, end] = found;
    const whole = sql.slice(0, at).trim() === '' && /^\s*;?\s*$/.test(sql.slice(end));
    (whole ? out.statements : out.expressions).push(found);
  }
  return out;
}

/** Raw texts longer than this are only looked for as they are (a pattern of every word would be too large). */
const LOOSE_LIMIT = 10_000;

/**
 * Where the query holds a raw text, which the parser may give back upper-cased, spaced anew or
 * without the quotes of its names (`partition by (a,b)` → `PARTITION BY (a, b)`, `` `language` `` →
 * `language`): its words and marks in order, with blanks and quotes between them.
 */
function locate(sql: string, text: string): [number, number] | null {
  const at = sql.indexOf(text);
  if (at >= 0) return [at, at + text.length];
  if (text.length > LOOSE_LIMIT) return null;
  const parts = text.match(/\w+|[^\s\w"`[\]]/g);
  if (!parts) return null;
  const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s"`[\\]]*');
  const loose = new RegExp(pattern, 'i').exec(sql);
  return loose ? [loose.index, loose.index + loose[0].length] : null;
}
