/**
 * The SQL statement in a model's answer, and what became of the answer when there is none.
 *
 * Models wrap SQL in code fences, label it (`SQL:`), put prose before and after it, reason first
 * (`<think>...</think>`), write several statements, refuse, or run out of tokens. The rule:
 *  1. No text (empty, or `null` content) is `empty`; a reasoning block that never closes is
 *     `truncated` (its inside is thinking, not an answer); closed reasoning blocks are skipped.
 *  2. Candidates, in order: fenced blocks (a block tagged `sql` or a dialect first), inline
 *     `code` spans, then the text from each statement keyword (`SELECT`, `WITH`, ...; keywords that
 *     begin a line or are upper-case first).
 *  3. Each candidate is cut at the end of its statement: at the first `;` outside strings and
 *     comments (the lexer's word), then, where the parser is given, at the longest prefix ending at
 *     a line end or a sentence end (`. This ...`) that is one complete statement. The first
 *     candidate with a complete statement wins; comments are removed from it.
 *  4. With no complete statement anywhere, the first candidate that looks like SQL is taken as
 *     the model wrote it (wrong SQL is still the model's answer), unless the answer was cut off by
 *     the token limit (`truncated`). Otherwise an answer that declines is `refused`, anything
 *     else `no_sql`; either way the SQL is empty and the answer is kept as `raw` by the caller.
 */
import { dialectInfo } from '../sql/dialects.js';
import { type Lexical, SqlLexer, splitStatements } from '../sql/lexer.js';

export type AnswerStatus = 'ok' | 'refused' | 'empty' | 'truncated' | 'no_sql';

export const ANSWER_STATUSES: readonly AnswerStatus[] = ['ok', 'refused', 'empty', 'truncated', 'no_sql'];

export interface ExtractedSql {
  readonly sql: string;
  readonly status: AnswerStatus;
}

export interface ExtractOptions {
  /** The server's `finish_reason`: `length` means the answer was cut off by the token limit. */
  readonly finishReason?: string | null;
  /** Whether a text is one complete statement (the parser's word); without it, only the lexer cuts. */
  readonly isStatement?: (sql: string) => boolean;
  /** Quotes and comments of the SQL's dialect (default SQLite). */
  readonly lexical?: Lexical;
}

const SQLITE = dialectInfo('sqlite');
const STATEMENT_KEYWORD = /\b(SELECT|WITH|INSERT|UPDATE|DELETE|CREATE|VALUES|PRAGMA|EXPLAIN)\b/gi;
const SQL_FENCE_TAGS =
  /^(sql|sqlite|sqlite3|postgres|postgresql|psql|pgsql|mysql|mariadb|tsql|mssql|plsql|bigquery|snowflake|duckdb|hive|spark|sparksql|trino|presto|oracle|redshift|clickhouse)$/i;
const REASONING = /<(think|thinking|reasoning|reflection)>/i;
const REFUSAL =
  /\b(I\s*(?:cannot|can't|can not|am unable|'m unable|am not able|'m not able|apologi[sz]e|don't have enough)|sorry|unable to (?:answer|generate|determine|write|create)|cannot be (?:answered|determined|generated)|not (?:possible|enough information)|insufficient (?:information|data)|(?:does|do) not (?:contain|have|include) (?:the|enough|any)|no (?:such|relevant) (?:table|column|information|data))\b/i;

/** The SQL in an answer, with its status. */
export function extractAnswer(answer: string | null | undefined, options: ExtractOptions = {}): ExtractedSql {
  const truncated = options.finishReason === 'length';
  if (answer === null || answer === undefined || answer.trim() === '') {
    return { sql: '', status: truncated ? 'truncated' : 'empty' };
  }
  const text = withoutReasoning(answer.replace(/\r\n?/g, '\n'));
  if (text === null) return { sql: '', status: 'truncated' };
  if (text.trim() === '') return { sql: '', status: truncated ? 'truncated' : 'empty' };
  const lexical = options.lexical ?? SQLITE;
  const candidates = candidatesOf(text);
  if (options.isStatement) {
    for (const candidate of candidates) {
      const sql = completeStatement(candidate.text, lexical, options.isStatement);
      if (sql !== null) return { sql, status: 'ok' };
    }
  }
  if (!truncated) {
    for (const candidate of candidates) {
      if (!candidate.looksLikeSql) continue;
      const sql = heuristicStatement(candidate.text, lexical);
      if (sql !== '') return { sql, status: 'ok' };
    }
  }
  if (truncated) return { sql: '', status: 'truncated' };
  return { sql: '', status: REFUSAL.test(text) ? 'refused' : 'no_sql' };
}

/** The SQL of an answer (empty when there is none): `extractAnswer(...).sql`. */
export function extractSql(answer: string, options: ExtractOptions = {}): string {
  return extractAnswer(answer, options).sql;
}

/** The text after any reasoning blocks; null when one never closes (the answer ran out inside it). */
function withoutReasoning(text: string): string | null {
  let rest = text;
  // A chat template may open the block itself: an answer holding only the closing tag.
  for (const tag of ['think', 'thinking', 'reasoning', 'reflection']) {
    const close = rest.toLowerCase().lastIndexOf(`</${tag}>`);
    if (close >= 0 && !rest.toLowerCase().slice(0, close).includes(`<${tag}>`)) rest = rest.slice(close + tag.length + 3);
  }
  for (let open = REASONING.exec(rest); open; open = REASONING.exec(rest)) {
    const tag = (open[1] as string).toLowerCase();
    const close = rest.toLowerCase().indexOf(`</${tag}>`, open.index);
    if (close < 0) return null;
    rest = rest.slice(0, open.index) + rest.slice(close + tag.length + 3);
  }
  return rest;
}

interface Candidate {
  readonly text: string;
  /** Whether, parser or not, this is plainly meant as SQL (a SQL fence, or a keyword that begins a query). */
  readonly looksLikeSql: boolean;
}

function candidatesOf(text: string): Candidate[] {
  const out: Candidate[] = [];
  // An answer in JSON (`{"sql": "..."}`), as some prompts ask for.
  if (/^\s*\{/.test(text)) {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['sql', 'SQL', 'query', 'sql_query', 'answer']) {
        if (typeof value[key] === 'string') out.push(...fromKeywords(value[key] as string, true));
      }
    } catch {}
  }
  const fences = [...text.matchAll(/(```|~~~)[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)(?:\1|$)/g)].map((m) => ({
    tag: m[2] ?? '',
    body: m[3] ?? '',
  }));
  for (const fence of fences.filter((f) => SQL_FENCE_TAGS.test(f.tag))) out.push(...fromKeywords(fence.body, true));
  for (const fence of fences.filter((f) => f.tag === '')) out.push(...fromKeywords(fence.body, false));
  for (const m of text.matchAll(/`([^`\n]+)`/g)) out.push(...fromKeywords(m[1] as string, false));
  // Outside fences: the keywords that begin a line or are written in capitals first.
  const outside = text.replace(/(```|~~~)[\s\S]*?(?:\1|$)/g, (m) => ' '.repeat(m.length));
  out.push(...fromKeywords(outside, false));
  return out;
}

/** The text from each statement keyword on, best first: at a line's start (after a label), capitals, the rest. */
function fromKeywords(text: string, fenced: boolean): Candidate[] {
  const found = [...text.matchAll(STATEMENT_KEYWORD)].map((m) => {
    const at = m.index ?? 0;
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    const lineStart = /^\s*(?:[*_#>-]*\s*)?(?:[A-Za-z ]{0,20}[:：]\s*)?[(\s]*$/.test(before);
    const capitals = (m[0] as string) === (m[0] as string).toUpperCase();
    const rank = lineStart ? 0 : capitals ? 1 : 2;
    return { at, rank, word: (m[0] as string).toUpperCase() };
  });
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return found.map(({ at, rank, word }) => {
    const rest = text.slice(at);
    const plausible = word !== 'WITH' || /^with\s+(recursive\s+)?[\w"`[\]]+\s*(\([^)]*\)\s*)?as\s*\(/i.test(rest);
    return { text: rest, looksLikeSql: plausible && (fenced || rank < 2) };
  });
}

/** The longest prefix of `text` (up to its first `;`) ending at a line or sentence end that the parser accepts. */
function completeStatement(text: string, lexical: Lexical, isStatement: (sql: string) => boolean): string | null {
  const { end, cuts } = cutPoints(text, lexical);
  for (const cut of [end, ...cuts.filter((c) => c < end).reverse()]) {
    const sql = withoutComments(text.slice(0, cut), lexical);
    if (sql !== '' && isStatement(sql)) return sql;
  }
  return null;
}

/** Without the parser: the text up to its first `;`, or up to a line or sentence that reads as prose. */
function heuristicStatement(text: string, lexical: Lexical): string {
  const { end, prose } = cutPoints(text, lexical);
  return withoutComments(text.slice(0, prose ?? end), lexical);
}

/**
 * Where a statement may end: `end` is the first `;` (or the end of the text); `cuts` are line ends
 * and sentence ends before it (outside strings and comments); `prose` is the first of those after
 * which the text reads as prose (a blank line, `Explanation:`, a sentence beginning with a capital).
 */
function cutPoints(text: string, lexical: Lexical): { end: number; cuts: number[]; prose: number | null } {
  const lexer = new SqlLexer(text, lexical);
  const cuts: number[] = [];
  let prose: number | null = null;
  let end = text.length;
  let previous: { kind: string; start: number; end: number } | null = null;
  while (lexer.next()) {
    const { kind, start } = lexer;
    if (kind === 'semicolon') {
      end = start;
      break;
    }
    if (kind === 'space' && text.slice(start, lexer.end).includes('\n')) {
      cuts.push(start);
      const following = text.slice(lexer.end, lexer.end + 60);
      if (prose === null && (/\n\s*\n/.test(text.slice(start, lexer.end)) || PROSE_LINE.test(following))) {
        if (!SQL_LINE.test(following)) prose = start;
      }
    }
    if (kind === 'word' && previous?.kind === 'space' && isSentenceEnd(text, previous.start)) {
      const word = text.slice(start, lexer.end);
      if (/^[A-Z][a-z]/.test(word) && !SQL_LINE.test(word)) {
        cuts.push(previous.start - 1);
        prose ??= previous.start - 1;
      }
    }
    previous = { kind, start, end: lexer.end };
  }
  return { end, cuts, prose: prose !== null && prose < end ? prose : null };
}

const isSentenceEnd = (text: string, spaceAt: number) =>
  text[spaceAt - 1] === '.' && !/[\w)]\.[\w]/.test(text.slice(spaceAt - 2, spaceAt + 1));

/** A line that continues a query. */
const SQL_LINE =
  /^\s*(SELECT|WITH|FROM|WHERE|GROUP|ORDER|HAVING|LIMIT|OFFSET|UNION|INTERSECT|EXCEPT|JOIN|INNER|LEFT|RIGHT|FULL|CROSS|NATURAL|ON|AND|OR|NOT|CASE|WHEN|THEN|ELSE|END|AS|IN|IS|BETWEEN|LIKE|EXISTS|DESC|ASC|VALUES|SET|INTO|USING|OVER|PARTITION|WINDOW|QUALIFY|FETCH)\b|^\s*[(),*=<>+\-/'"`[0-9]/i;
/** A line that begins prose (an explanation, a note, a sentence). */
const PROSE_LINE =
  /^\s*(\*\*)?(Explanation|Note|Notes|This|The|These|Here|It|In this|We|I|Output|Result|Answer|Assumptions?)\b|^\s*[A-Z][a-z]+(\s+[a-z]+){2,}/;

/** The statement without comments, without a trailing `;`, trimmed. */
function withoutComments(sql: string, lexical: Lexical): string {
  const lexer = new SqlLexer(sql, lexical);
  let out = '';
  let from = 0;
  while (lexer.next()) {
    if (lexer.kind !== 'comment') continue;
    out += sql.slice(from, lexer.start);
    from = lexer.end;
    // `a /* x */ b` becomes `a b`, not `a  b`.
    if (/[ \t]$/.test(out) && /^[ \t]/.test(sql.slice(from))) out = out.trimEnd();
  }
  out += sql.slice(from);
  const first = splitStatements(out, lexical)[0]?.sql ?? '';
  return first
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line, k, lines) => line.trim() !== '' || (k > 0 && k < lines.length - 1))
    .join('\n')
    .trim();
}

/**
 * A statement on one line, for one-query-per-line files (Spider's format, BIRD's JSON): comments
 * removed, runs of white space outside strings made one space. A string literal holding a line
 * break cannot be written on one line without changing the query: `changed` says so.
 */
export function oneLineSql(sql: string, lexical: Lexical = SQLITE): { sql: string; changed: boolean } {
  const lexer = new SqlLexer(sql, lexical);
  let out = '';
  let space = false;
  let changed = false;
  while (lexer.next()) {
    if (lexer.kind === 'space' || lexer.kind === 'comment') {
      space = true;
      continue;
    }
    let piece = sql.slice(lexer.start, lexer.end);
    if ((lexer.kind === 'string' || lexer.kind === 'quoted') && /[\r\n]/.test(piece)) {
      changed = true;
      piece = piece.replace(/\s*[\r\n]+\s*/g, ' ');
    }
    out += (space && out !== '' ? ' ' : '') + piece;
    space = false;
  }
  return { sql: out, changed };
}
