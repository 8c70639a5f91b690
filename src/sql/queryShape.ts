/**
 * The shape of a query, computed by a string scan without the parser: literal values become
 * `''` and `0`, plain names `V`, quoted names `Q`, comments and runs of white space one space,
 * keywords and function names upper-cased. Queries of one shape give the parser the same
 * sequence of decisions, so they have one template; the shape is the template cache's key.
 *
 * A name is left in the shape verbatim (not masked) wherever the parser might read it as
 * syntax: keywords of SQL and its dialects (keywords.ts), words the tokenizer itself types
 * as keywords (asked once per word), words learned during the run, function names (a name
 * followed by `(`), parameters (`@x`, `$1`, `:x`), and a word glued to a quote (`N'..'`).
 * Every masked span is listed, so that the engine can check, on the parse that fills a cache
 * entry, that the parser dropped each of them; an entry that fails the check is not kept.
 */
export interface Masked {
  readonly start: number;
  readonly end: number;
  readonly kind: 'name' | 'quoted' | 'literal';
}

export interface QueryShape {
  readonly key: string;
  readonly masked: readonly Masked[];
}

export interface ShapeLexicon {
  /** Whether this word may be masked (it is a plain name to the tokenizer and the parser). */
  isPlainName(upperWord: string): boolean;
}

export interface ShapeDialect {
  readonly backslashEscapes: boolean;
  /** `[name]` quotes a name (SQLite, T-SQL) rather than opening an array subscript. */
  readonly bracketIdentifiers: boolean;
}

const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isWordPart = (c: number) => isWordStart(c) || (c >= 48 && c <= 57) || c === 36 || c === 64 || c === 35;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** Returns null where the scan cannot be sure of the text (an unterminated quote or comment). */
export function queryShape(sql: string, dialect: ShapeDialect, lexicon: ShapeLexicon): QueryShape | null {
  const parts: string[] = [];
  const masked: Masked[] = [];
  const n = sql.length;
  let k = 0;
  let space = false; // a pending single space, written before the next part
  const push = (part: string) => {
    if (space && parts.length > 0) parts.push(' ');
    space = false;
    parts.push(part);
  };
  while (k < n) {
    const c = sql.charCodeAt(k);
    if (isSpace(c)) {
      space = true;
      k++;
    } else if (c === 45 /* - */ && sql.charCodeAt(k + 1) === 45) {
      const end = sql.indexOf('\n', k);
      k = end < 0 ? n : end;
      space = true;
    } else if (c === 47 /* / */ && sql.charCodeAt(k + 1) === 42 /* * */) {
      const end = sql.indexOf('*/', k + 2);
      if (end < 0) return null;
      k = end + 2;
      space = true;
    } else if (c === 39 /* ' */) {
      const end = stringEnd(sql, k, dialect.backslashEscapes);
      if (end < 0) return null;
      masked.push({ start: k, end: end + 1, kind: 'literal' });
      push("''");
      k = end + 1;
    } else if (c === 34 /* " */ || c === 96 /* ` */ || (c === 91 /* [ */ && dialect.bracketIdentifiers)) {
      const close = c === 91 ? ']' : sql[k];
      const end = quotedEnd(sql, k, close as string);
      if (end < 0) return null;
      masked.push({ start: k, end: end + 1, kind: 'quoted' });
      push('Q');
      k = end + 1;
    } else if (isDigit(c) || (c === 46 /* . */ && isDigit(sql.charCodeAt(k + 1)) && !isWordPart(sql.charCodeAt(k - 1)))) {
      const end = numberEnd(sql, k);
      if (end < n && isWordPart(sql.charCodeAt(end))) {
        // 1abc, 0x1F: not a plain number; keep the whole word as it is.
        let j = end;
        while (j < n && isWordPart(sql.charCodeAt(j))) j++;
        push(sql.slice(k, j));
        k = j;
      } else {
        masked.push({ start: k, end, kind: 'literal' });
        push('0');
        k = end;
      }
    } else if (isWordStart(c) || c === 64 /* @ */ || c === 36 /* $ */ || c === 35 /* # */) {
      let j = k + 1;
      while (j < n && isWordPart(sql.charCodeAt(j))) j++;
      const word = sql.slice(k, j);
      const upper = word.toUpperCase();
      const next = nextNonSpace(sql, j);
      const glued = sql.charCodeAt(j) === 39 || sql.charCodeAt(j) === 34; // N'..', E'..', x'..'
      if (!isWordStart(c) || next === 40 /* ( */ || glued || !lexicon.isPlainName(upper)) push(isWordStart(c) ? upper : word);
      else {
        masked.push({ start: k, end: j, kind: 'name' });
        push('V');
      }
      k = j;
    } else {
      push(sql[k] as string);
      k++;
    }
  }
  return { key: parts.join(''), masked };
}

function nextNonSpace(sql: string, j: number): number {
  while (j < sql.length && isSpace(sql.charCodeAt(j))) j++;
  return sql.charCodeAt(j);
}

/** Index of the closing quote of the string opening at `k`, or -1. */
function stringEnd(sql: string, k: number, backslashEscapes: boolean): number {
  for (let j = k + 1; j < sql.length; j++) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') j++;
    else if (c === "'") {
      if (sql[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/** Index of the closing quote of a quoted name (a doubled quote escapes it), or -1. */
function quotedEnd(sql: string, k: number, close: string): number {
  for (let j = k + 1; j < sql.length; j++) {
    if (sql[j] === close) {
      if (close !== ']' && sql[j + 1] === close) j++;
      else return j;
    }
  }
  return -1;
}

/** End (exclusive) of digits[.digits][e[+-]digits] starting at `k` (which may be the dot of `.5`). */
function numberEnd(sql: string, k: number): number {
  let j = k;
  while (isDigit(sql.charCodeAt(j))) j++;
  if (sql[j] === '.' && isDigit(sql.charCodeAt(j + 1))) {
    j++;
    while (isDigit(sql.charCodeAt(j))) j++;
  }
  if (sql[j] === 'e' || sql[j] === 'E') {
    const sign = sql[j + 1] === '+' || sql[j + 1] === '-' ? 1 : 0;
    if (isDigit(sql.charCodeAt(j + 1 + sign))) {
      j += 1 + sign;
      while (isDigit(sql.charCodeAt(j))) j++;
    }
  }
  return j;
}
