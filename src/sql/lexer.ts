/**
 * The one SQL lexer everything that scans SQL text without the parser shares: splitting a
 * script into statements, masking a query's shape for the template cache, removing DISTINCT
 * for Spider's evaluator, rewriting double-quoted strings for SQLite, the read-only guard and
 * SQL extraction from model answers. It knows only what a dialect says about quotes, escapes,
 * brackets and comments (dialects.ts, as data, the way sqlglot's tokenizers declare them), so
 * those consumers can no longer disagree about where a string or a comment ends.
 *
 * It allocates nothing per token: `next()` moves to the next token and sets `kind`, `start`,
 * `end` (exclusive) and `closed` (false for a string, quoted name or comment that the text
 * ends inside). Hot paths (the shape cache) loop over it directly; `lex()` collects tokens
 * for everything else.
 */

/** What a dialect says about the lexical shape of its SQL. */
export interface Lexical {
  /** A backslash escapes the next character inside a '...' string (MySQL, BigQuery, Spark...). */
  readonly backslashEscapes: boolean;
  /** `[name]` quotes a name (SQLite, T-SQL) rather than opening an array subscript. */
  readonly bracketIdentifiers: boolean;
  /** `"..."` is a string literal (MySQL, BigQuery, Spark, Hive), not a quoted name. */
  readonly doubleQuotedStrings: boolean;
  /** `#` starts a comment that runs to the end of the line (MySQL, BigQuery, ClickHouse). */
  readonly hashComments: boolean;
  /** `$$...$$` and `$tag$...$tag$` are strings (PostgreSQL and its kin, DuckDB, Snowflake). */
  readonly dollarQuotes: boolean;
  /** Block comments nest: `/* a /* b *\/ c *\/` is one comment (PostgreSQL). */
  readonly nestedComments: boolean;
  /** `@stage/dir/file.gz` is one location, a path (Snowflake), not a variable divided by a column. */
  readonly stagePaths: boolean;
}

export const STANDARD_LEXICAL: Lexical = {
  backslashEscapes: false,
  bracketIdentifiers: false,
  doubleQuotedStrings: false,
  hashComments: false,
  dollarQuotes: false,
  nestedComments: false,
  stagePaths: false,
};

/**
 * - `space`: white space; `comment`: `--`, `/* *\/` or `#` comments;
 * - `string`: a string literal, quotes included (a prefix such as `N` or `E` is a `word` before it);
 * - `quoted`: a quoted name (`"a"`, `` `a` ``, `[a]`);
 * - `number`: digits with an optional fraction and exponent; `word`: a bare word (a name, a keyword,
 *   or a word glued to digits such as `1abc`); `param`: a placeholder (`?`, `$1`, `@id`, `%s`, `%(name)s`);
 * - `semicolon`; `punct`: any other single character.
 */
export type LexKind = 'space' | 'comment' | 'string' | 'quoted' | 'number' | 'word' | 'param' | 'semicolon' | 'punct';

export interface LexToken {
  readonly kind: LexKind;
  readonly start: number;
  readonly end: number;
  readonly closed: boolean;
}

const SPACE = 1;
const WORD_START = 2;
const WORD_PART = 4;
const DIGIT = 8;
const CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') CLASSES[c] = SPACE;
  else if (/[A-Za-z_]/.test(ch)) CLASSES[c] = WORD_START | WORD_PART;
  else if (/[0-9]/.test(ch)) CLASSES[c] = DIGIT | WORD_PART;
  else if (ch === '$' || ch === '@' || ch === '#') CLASSES[c] = WORD_PART;
}
const classOf = (c: number) => (c < 128 ? (CLASSES[c] as number) : c === 0xa0 || c === 0xfeff ? SPACE : WORD_START | WORD_PART);
export const isWordStart = (c: number) => (classOf(c) & WORD_START) !== 0;
export const isWordPart = (c: number) => (classOf(c) & WORD_PART) !== 0;
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isSpace = (c: number) => (classOf(c) & SPACE) !== 0;

export class SqlLexer {
  kind: LexKind = 'space';
  start = 0;
  end = 0;
  closed = true;

  constructor(
    readonly text: string,
    readonly lexical: Lexical,
  ) {}

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    const k = this.end;
    if (k >= n) return false;
    this.start = k;
    this.closed = true;
    const c = text.charCodeAt(k);
    const after = text.charCodeAt(k + 1);
    if (isSpace(c)) {
      let j = k + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      return this.emit('space', j);
    }
    if ((c === 45 /* - */ && after === 45) || (c === 35 /* # */ && this.lexical.hashComments)) {
      const nl = text.indexOf('\n', k);
      return this.emit('comment', nl < 0 ? n : nl);
    }
    if (c === 47 /* / */ && after === 42 /* * */) return this.blockComment(k);
    if (c === 39 /* ' */) return this.quotedRun('string', k, 39, this.lexical.backslashEscapes);
    if (c === 34 /* " */) {
      return this.lexical.doubleQuotedStrings
        ? this.quotedRun('string', k, 34, this.lexical.backslashEscapes)
        : this.quotedRun('quoted', k, 34, false);
    }
    if (c === 96 /* ` */) return this.quotedRun('quoted', k, 96, false);
    if (c === 91 /* [ */ && this.lexical.bracketIdentifiers) {
      const close = text.indexOf(']', k + 1);
      if (close < 0) return this.emit('quoted', n, false);
      return this.emit('quoted', close + 1);
    }
    if (c === 36 /* $ */) return this.dollar(k);
    if (isDigit(c) || (c === 46 /* . */ && isDigit(after) && !isWordPart(text.charCodeAt(k - 1)))) {
      const end = numberEnd(text, k);
      if (end < n && isWordPart(text.charCodeAt(end))) return this.emit('word', wordEnd(text, end));
      return this.emit('number', end);
    }
    if (isWordStart(c)) return this.emit('word', wordEnd(text, k + 1));
    if (c === 64 /* @ */ && (isWordPart(after) || after === 64)) return this.emit('param', wordEnd(text, k + 1));
    if (c === 35 /* # */ && isWordPart(after)) return this.emit('word', wordEnd(text, k + 1)); // T-SQL #temp
    if (c === 63 /* ? */) return this.emit('param', k + 1);
    if (c === 37 /* % */ && after === 115 /* s */ && !isWordPart(text.charCodeAt(k + 2))) return this.emit('param', k + 2);
    if (c === 37 && after === 40 /* ( */) {
      const m = /^%\([A-Za-z_][A-Za-z0-9_]*\)s/.exec(text.slice(k, k + 200));
      if (m) return this.emit('param', k + m[0].length);
    }
    if (c === 59 /* ; */) return this.emit('semicolon', k + 1);
    return this.emit('punct', k + 1);
  }

  private emit(kind: LexKind, end: number, closed = true): true {
    this.kind = kind;
    this.end = end;
    this.closed = closed;
    return true;
  }

  /** A run quoted by `quote`, where a doubled quote (and, if set, a backslash) escapes. */
  private quotedRun(kind: LexKind, k: number, quote: number, backslash: boolean): true {
    const text = this.text;
    for (let j = k + 1; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (backslash && c === 92 /* \ */) j++;
      else if (c === quote) {
        if (text.charCodeAt(j + 1) === quote) j++;
        else return this.emit(kind, j + 1);
      }
    }
    return this.emit(kind, text.length, false);
  }

  private blockComment(k: number): true {
    const text = this.text;
    if (!this.lexical.nestedComments) {
      const close = text.indexOf('*/', k + 2);
      return close < 0 ? this.emit('comment', text.length, false) : this.emit('comment', close + 2);
    }
    let depth = 0;
    for (let j = k; j < text.length - 1; j++) {
      const c = text.charCodeAt(j);
      const d = text.charCodeAt(j + 1);
      if (c === 47 && d === 42) {
        depth++;
        j++;
      } else if (c === 42 && d === 47) {
        depth--;
        j++;
        if (depth === 0) return this.emit('comment', j + 1);
      }
    }
    return this.emit('comment', text.length, false);
  }

  /** `$1` and `$name` placeholders, or (where the dialect has them) `$$...$$` / `$tag$...$tag$` strings. */
  private dollar(k: number): true {
    const text = this.text;
    if (this.lexical.dollarQuotes) {
      let j = k + 1;
      while (j < text.length && isWordStart(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
      while (j < text.length && isWordPart(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
      if (text.charCodeAt(j) === 36 && !isDigit(text.charCodeAt(k + 1))) {
        const tag = text.slice(k, j + 1);
        const close = text.indexOf(tag, j + 1);
        return close < 0 ? this.emit('string', text.length, false) : this.emit('string', close + tag.length);
      }
    }
    if (isWordPart(text.charCodeAt(k + 1))) return this.emit('param', wordEnd(text, k + 1));
    return this.emit('punct', k + 1);
  }
}

function wordEnd(text: string, j: number): number {
  while (j < text.length && isWordPart(text.charCodeAt(j))) j++;
  return j;
}

/** End (exclusive) of digits[.digits][e[+-]digits] starting at `k` (which may be the dot of `.5`). */
function numberEnd(text: string, k: number): number {
  let j = k;
  while (isDigit(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
    j++;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    const sign = text[j + 1] === '+' || text[j + 1] === '-' ? 1 : 0;
    if (isDigit(text.charCodeAt(j + 1 + sign))) {
      j += 1 + sign;
      while (isDigit(text.charCodeAt(j))) j++;
    }
  }
  return j;
}

/** Every token of `text`. */
export function lex(text: string, lexical: Lexical): LexToken[] {
  const lexer = new SqlLexer(text, lexical);
  const out: LexToken[] = [];
  while (lexer.next()) out.push({ kind: lexer.kind, start: lexer.start, end: lexer.end, closed: lexer.closed });
  return out;
}

/** Tokens that carry meaning (no white space, no comments). */
export function significantTokens(text: string, lexical: Lexical): LexToken[] {
  return lex(text, lexical).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

export interface Statement {
  /** The statement's text, trimmed, without its `;`. */
  readonly sql: string;
  /** Offset of its first character in the text. */
  readonly start: number;
}

/**
 * The statements of a script: split at every `;` that is a token (not inside a string, a quoted
 * name or a comment). Pieces holding nothing but white space and comments are not statements.
 */
export function splitStatements(text: string, lexical: Lexical): Statement[] {
  const out: Statement[] = [];
  const lexer = new SqlLexer(text, lexical);
  let first = -1; // offset of the piece's first significant token
  const close = (to: number) => {
    if (first >= 0) out.push({ sql: text.slice(first, to).trim(), start: first });
    first = -1;
  };
  while (lexer.next()) {
    if (lexer.kind === 'semicolon') close(lexer.start);
    else if (first < 0 && lexer.kind !== 'space' && lexer.kind !== 'comment') first = lexer.start;
  }
  close(text.length);
  return out;
}

/**
 * Whether the text's first significant token (after any opening parentheses) is one of `words`
 * (upper-case): how a line or an answer is seen to begin a statement.
 */
export function startsWithWord(text: string, lexical: Lexical, words: ReadonlySet<string>): boolean {
  const lexer = new SqlLexer(text, lexical);
  while (lexer.next()) {
    if (lexer.kind === 'space' || lexer.kind === 'comment') continue;
    if (lexer.kind === 'punct' && text.charCodeAt(lexer.start) === 40 /* ( */) continue;
    return lexer.kind === 'word' && words.has(text.slice(lexer.start, lexer.end).toUpperCase());
  }
  return false;
}
