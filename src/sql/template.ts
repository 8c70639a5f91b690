/**
 * The structural template of a query (docs/spec.md §1): its own tokens with every schema- or
 * data-specific leaf removed. The parser decides what an identifier is (the tree's
 * identifier spans); token types decide literals, parameters and punctuation.
 */
import { dialectInfo } from './dialects.js';
import { DROPPED_WHOLE, markUnplaced, SEDE_PARAMETER } from './failSafe.js';
import { type ParseOutcome, parseQuery, parseTokenized, type Token } from './parser.js';

import type { TemplateResult } from './templateResult.js';

export { TEMPLATE_VERSION } from './templateResult.js';
export type { TemplateResult };

/** A template with, for each of the query's tokens, whether it was removed (for the shape cache). */
export type DetailedTemplate = { template: string; dropped: Uint8Array | null } | { error: string };

/** Literal token types of the parser's tokenizer (strings of every flavour, numbers, booleans). */
const LITERAL_TYPES = new Set(['NUMBER', 'HEX_NUMBER', 'TRUE', 'FALSE']);
const isLiteralType = (type: string) => LITERAL_TYPES.has(type) || type.endsWith('STRING');

/** Keywords quoted as names and re-parsed per query, at most (see keywordAlias, keywordAsName). */
const MAX_QUOTE_RETRIES = 8;

/** Clause words that never stand as an alias: a parse error after one of these is a real error. */
const NEVER_ALIAS = new Set([
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'LIMIT',
  'JOIN',
  'ON',
  'AND',
  'OR',
  'NOT',
  'SELECT',
  'UNION',
  'INTERSECT',
  'EXCEPT',
  'AS',
  'BY',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'IN',
  'IS',
  'LIKE',
  'BETWEEN',
  'DISTINCT',
  'NULL',
  'WITH',
  'INNER',
  'LEFT',
  'RIGHT',
  'OUTER',
  'FULL',
  'CROSS',
  'OFFSET',
  'DESC',
  'ASC',
  'SET',
  'VALUES',
  'INTO',
]);

/** Tokens that end an operand, after which a bare word is an implicit alias. */
const OPERAND_END_FOR_ALIAS = new Set(['VAR', 'QUOTED_IDENTIFIER', 'R_PAREN', 'NUMBER', 'STRING', 'STAR']);

/**
 * A keyword the parser rejected where the dialect (and the reference) accept it as a name may be
 * quoted as one: a plain word the tokenizer did not read as a name, and no clause word (a clause
 * word where a name should be is an error of the query, not a name).
 */
const isQuotableKeyword = (t: Token | undefined): t is Token =>
  t !== undefined &&
  t.type !== 'VAR' &&
  t.type !== 'QUOTED_IDENTIFIER' &&
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.text) &&
  !NEVER_ALIAS.has(t.text.toUpperCase());

type FailedParse = Extract<ParseOutcome, { ok: false }>;

/**
 * The parser rejects some keywords as implicit aliases that the dialect (and the sqlglot
 * reference) accept, e.g. BIRD's `COUNT(t1.id) percent FROM ...`: the keyword right before the
 * failure, after an operand. Null when the failure is not of that kind.
 */
function keywordAlias({ tokens, errorStart }: FailedParse): Token | null {
  if (!tokens || errorStart === undefined) return null;
  const failing = tokens.findIndex((t) => t.start >= errorStart);
  const alias = tokens[failing - 1];
  const before = tokens[failing - 2];
  return isQuotableKeyword(alias) && before !== undefined && OPERAND_END_FOR_ALIAS.has(before.type) ? alias : null;
}

/**
 * The parser rejects a keyword that the dialect (and the reference) accept as a column's name where
 * it stands: where it says it expected an identifier (PostgreSQL's `ON CONFLICT (id) DO UPDATE SET
 * date = …`, "Expected identifier, got Date"), or where the keyword is the column of an assignment
 * or of a column list (`MERGE … WHEN MATCHED THEN UPDATE SET type = s.type … WHEN NOT MATCHED THEN
 * INSERT (id, date)`, in every dialect: "Unexpected token"). The keyword at the failure, or null when
 * the failure is not of that kind.
 */
function keywordAsName({ error, tokens, errorStart }: FailedParse): Token | null {
  if (!tokens || errorStart === undefined) return null;
  const at = tokens.findIndex((t) => t.start === errorStart);
  const word = tokens[at];
  if (!isQuotableKeyword(word)) return null;
  const before = tokens[at - 1]?.type ?? '';
  const after = tokens[at + 1]?.type ?? '';
  // `SET a = 1, date = 2`, or a column list `(id, date)`.
  const nameSlot =
    ((before === 'SET' || before === 'COMMA') && after === 'EQ') || (LIST_OPEN.has(before) && LIST_CLOSE.has(after));
  return /Expected identifier, got /.test(error) || (nameSlot && /Unexpected token/.test(error)) ? word : null;
}

const LIST_OPEN = new Set(['L_PAREN', 'COMMA']);
const LIST_CLOSE = new Set(['COMMA', 'R_PAREN']);

/** `sql` with one token's word quoted as a name. */
const quoteToken = (sql: string, t: Token, quote: string) =>
  `${sql.slice(0, t.start)}${quote}${t.text}${quote}${sql.slice(t.end)}`;

/** Dialects where `#` marks a temporary table as syntax (elsewhere `#t` is just a name). */
const TEMP_MARKERS = new Set(['tsql', 'fabric']);

/** Type words whose parameters stand in angle brackets. */
const TYPE_CONSTRUCTORS = new Set(['STRUCT', 'ARRAY', 'MAP', 'TABLE', 'RANGE', 'OBJECT', 'TUPLE', 'NESTED']);

/** Cast functions whose `AS type` part is removed. */
const CAST_FUNCTIONS = new Set(['CAST', 'TRY_CAST', 'SAFE_CAST']);

/** Words that continue a type name after `::` (`::DOUBLE PRECISION`, `::TIMESTAMP WITH TIME ZONE`). */
const TYPE_CONTINUATIONS = new Set(['PRECISION', 'VARYING', 'WITH', 'WITHOUT', 'TIME', 'ZONE', 'UNSIGNED', 'LOCAL']);

/** Tokens after which an operand has just ended, so a following `:` is a path accessor, not a parameter. */
const OPERAND_ENDS = new Set(['VAR', 'QUOTED_IDENTIFIER', 'R_PAREN', 'R_BRACKET', 'STRING', 'NUMBER', 'STAR']);

export function templateOf(sql: string, parserDialect: string): TemplateResult {
  const result = templateFromParse(sql, parseQuery(sql, parserDialect), parserDialect);
  return 'error' in result ? result : { template: result.template };
}

/** The template of a query already tokenized, with which of those tokens were dropped. */
export function detailedTemplate(sql: string, tokens: readonly Token[], parserDialect: string): DetailedTemplate {
  return templateFromParse(sql, parseTokenized(sql, tokens, parserDialect), parserDialect);
}

function templateFromParse(sql: string, first: ParseOutcome, parserDialect: string): DetailedTemplate {
  const dialect = dialectInfo(parserDialect);
  let parsed = first;
  // A parameter the parser cannot read (`##Limit:int?100##`) stands for a value: read as a variable, it parses.
  if (!parsed.ok && sql.search(SEDE_PARAMETER) >= 0) {
    sql = sql.replace(SEDE_PARAMETER, '@p');
    parsed = parseQuery(sql, parserDialect);
  }
  // Where "..." is a string (MySQL, BigQuery, Spark), a name is quoted with backticks.
  const quote = dialect.doubleQuotedStrings ? '`' : '"';
  // A keyword the parser rejected where it is a name is quoted as one, and the query parsed again.
  for (let retry = 0; !parsed.ok && retry < MAX_QUOTE_RETRIES; retry++) {
    const word = keywordAlias(parsed) ?? keywordAsName(parsed);
    if (word === null) break;
    sql = quoteToken(sql, word, quote);
    parsed = parseQuery(sql, parserDialect);
  }
  if (!parsed.ok) return { error: first.ok ? 'parser failed' : first.error };
  const { tokens, identifierSpans } = parsed.value;
  const drop = new Uint8Array(tokens.length);
  markIdentifiers(tokens, identifierSpans, drop);
  markLeaves(tokens, drop);
  markCastTypes(tokens, drop);
  markUnplaced(sql, tokens, parsed.value, dialect, drop);
  const words: string[] = [];
  let angles = 0; // open `<` of type parameters (STRUCT<a ARRAY<INT64>>), where `>>` closes two
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === 'LT' && TYPE_CONSTRUCTORS.has(tokens[i - 1]?.text.toUpperCase() ?? '')) angles++;
    else if (t.type === 'GT' && angles > 0) angles--;
    else if (t.type === 'GT_GT' && angles >= 2 && !drop[i]) {
      angles -= 2;
      words.push('>', '>');
      continue;
    }
    if (drop[i]) {
      // A temporary table (T-SQL `#t`) or a positional column (DuckDB `#2`) keeps its marker.
      // T-SQL's global temporary table (`##t`) keeps both.
      const marker = t.type === 'VAR' ? /^(##?)(\d+|[A-Za-z_]\w*)$/.exec(t.text) : null;
      const markerKept = drop[i] !== DROPPED_WHOLE;
      if (marker && markerKept && (TEMP_MARKERS.has(parserDialect) || (marker[1] === '#' && /^\d/.test(marker[2] as string)))) {
        for (let k = 0; k < (marker[1] as string).length; k++) words.push('#');
      }
      continue;
    }
    if (t.type === 'L_PAREN' && isOuterJoinMark(tokens, i, drop)) {
      words.push('(+)');
      i += 2;
      continue;
    }
    pushWords(t.text, words);
  }
  // After a retry the tokens are those of the rewritten text: no per-token answer for the caller's tokens.
  return { template: words.join(' '), dropped: parsed === first ? drop : null };
}

/** Oracle's outer-join mark `(+)`, written as one word as the reference's tokenizer reads it. */
function isOuterJoinMark(tokens: readonly Token[], i: number, drop: Uint8Array): boolean {
  const plus = tokens[i + 1];
  const close = tokens[i + 2];
  return (
    plus?.type === 'PLUS' &&
    close?.type === 'R_PAREN' &&
    plus.start === (tokens[i] as Token).end &&
    close.start === plus.end &&
    !drop[i + 1] &&
    !drop[i + 2]
  );
}

/**
 * A kept token's words: upper-cased and split on white space. PostgreSQL's negated regex and LIKE
 * operators (`!~`, `!~*`, `!~~`, `!~~*`) are `!` and the operator, as the reference's tokenizer reads them.
 */
function pushWords(text: string, words: string[]) {
  if (/^!~/.test(text)) {
    words.push('!', text.slice(1));
    return;
  }
  for (const part of text.toUpperCase().split(/\s+/)) if (part) words.push(part);
}

/** Tokens an identifier's span can run on over that are not part of the name. */
const RUN_ON = new Set(['ASC', 'DESC', 'L_PAREN', 'R_PAREN']);

function markIdentifiers(tokens: readonly Token[], spans: readonly (readonly [number, number])[], drop: Uint8Array) {
  if (spans.length === 0) return;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = (tokens[i] as Token).start;
    while (s < sorted.length && (sorted[s] as readonly [number, number])[1] <= start) s++;
    // Spans may nest (a qualified name inside a column); any span that covers the token counts.
    for (let k = s; k < sorted.length; k++) {
      const [a, b] = sorted[k] as readonly [number, number];
      if (a > start) break;
      if (start >= a && start < b) {
        // A span may run on over an ordering (T-SQL's `PRIMARY KEY (a DESC)`) or a key prefix's
        // length (MySQL's `PRIMARY KEY (a(16))`): the ordering and the parentheses stay (the length is a literal).
        if (start === a || !RUN_ON.has((tokens[i] as Token).type)) drop[i] = 1;
        break;
      }
    }
  }
}

/** Literals, parameters, `AS`, `.`, `;`. */
function markLeaves(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (isLiteralType(t.type) || t.type === 'PARAMETER' || t.type === 'PLACEHOLDER') drop[i] = 1;
    else if (t.type === 'AS' || t.type === 'DOT' || t.type === 'SEMICOLON') drop[i] = 1;
    else if (t.type === 'VAR' && (t.text.startsWith('@') || t.text.startsWith('$'))) drop[i] = 1;
    else if (t.type === 'DOLLAR' && next && (next.type === 'VAR' || next.type === 'NUMBER') && next.start === t.end) {
      drop[i] = 1; // `$name` / `$1` parameters where the tokenizer splits them
      drop[i + 1] = 1;
    } else if (t.type === 'COLON' && next && (next.type === 'VAR' || next.type === 'NUMBER') && next.start === t.end) {
      const prev = tokens[i - 1];
      // A slice's bounds (`x[1:LENGTH(x)]`, `x[:256]`) are neither a path key nor a parameter.
      if (tokens[i + 2]?.type === 'L_PAREN' || prev?.type === 'L_BRACKET') continue;
      // `a:b` (a JSON path step) keeps the `:` and drops the key; `= :name` is a parameter.
      if (!prev || !OPERAND_ENDS.has(prev.type)) drop[i] = 1;
      drop[i + 1] = 1;
    }
  }
}

/** `CAST(x AS type(args))` → `CAST ( )`; `x::type(args)` → `::`. */
function markCastTypes(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (CAST_FUNCTIONS.has(t.text.toUpperCase()) && tokens[i + 1]?.type === 'L_PAREN') {
      let depth = 0;
      let asAt = -1;
      for (let j = i + 1; j < tokens.length; j++) {
        const type = (tokens[j] as Token).type;
        if (type === 'L_PAREN') depth++;
        else if (type === 'R_PAREN') {
          depth--;
          if (depth === 0) {
            if (asAt >= 0) drop.fill(1, asAt, j);
            break;
          }
        } else if (type === 'AS' && depth === 1) asAt = j;
      }
    } else if (t.type === 'D_COLON') {
      let j = i + 1;
      if (j < tokens.length && isWord(tokens[j] as Token)) drop[j++] = 1;
      while (j < tokens.length && TYPE_CONTINUATIONS.has((tokens[j] as Token).text.toUpperCase())) drop[j++] = 1;
      j = dropBalanced(tokens, j, 'L_PAREN', 'R_PAREN', drop);
      while (j < tokens.length && tokens[j]?.type === 'L_BRACKET') j = dropBalanced(tokens, j, 'L_BRACKET', 'R_BRACKET', drop);
    }
  }
}

function isWord(t: Token): boolean {
  return /^[A-Za-z_]/.test(t.text);
}

/** Drops a balanced group opening at `j` (if one does) and returns the index after it. */
function dropBalanced(tokens: readonly Token[], j: number, open: string, close: string, drop: Uint8Array): number {
  if (tokens[j]?.type !== open) return j;
  let depth = 0;
  for (let k = j; k < tokens.length; k++) {
    const type = (tokens[k] as Token).type;
    if (type === open) depth++;
    else if (type === close) depth--;
    drop[k] = 1;
    if (depth === 0) return k + 1;
  }
  return tokens.length;
}
