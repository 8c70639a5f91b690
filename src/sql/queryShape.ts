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
import { DATE_FUNCTIONS, UNIT_FIRST_FUNCTIONS } from './keywords.js';
import { isSpace, isWordStart, type Lexical, SqlLexer } from './lexer.js';

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

/** Returns null where the scan cannot be sure of the text (an unterminated quote or comment). */
export function queryShape(sql: string, lexical: Lexical, lexicon: ShapeLexicon): QueryShape | null {
  const parts: string[] = [];
  const masked: Masked[] = [];
  const lexer = new SqlLexer(sql, lexical);
  let space = false; // a pending single space, written before the next part
  const push = (part: string) => {
    if (space && parts.length > 0) parts.push(' ');
    space = false;
    parts.push(part);
  };
  while (lexer.next()) {
    const { kind, start, end } = lexer;
    if (!lexer.closed) return null;
    switch (kind) {
      case 'space':
        space = true;
        break;
      case 'comment':
        // The parser does not read `#` as a comment in every dialect that has them: no shape.
        if (sql.charCodeAt(start) === 35) return null;
        space = true;
        break;
      case 'string':
      case 'number':
        masked.push({ start, end, kind: 'literal' });
        push(kind === 'string' ? "''" : '0');
        break;
      case 'quoted':
        masked.push({ start, end, kind: 'quoted' });
        push('Q');
        break;
      case 'word': {
        const word = sql.slice(start, end);
        if (!isWordStart(sql.charCodeAt(start))) {
          push(word); // 1abc, 0x1F, #temp: kept whole
          break;
        }
        const upper = word.toUpperCase();
        // A date function's first argument may be a unit the parser keeps (Snowflake's `DATEADD(y, 1, d)`).
        if (isUnitPlace(parts) || !isMaskableName(sql, start, end, lexicon, upper)) push(upper);
        else {
          masked.push({ start, end, kind: 'name' });
          push('V');
        }
        break;
      }
      default:
        push(sql.slice(start, end)); // parameters, `;` and punctuation, verbatim
    }
  }
  return { key: parts.join(''), masked };
}

/**
 * Whether the word at [start, end) of `sql` (one that starts like a word) is a plain name wherever
 * it stands, so that another plain name there gives the same template: not a function's name (a
 * name followed by `(`), not glued to a quote (`N'..'`, `E'..'`, `x'..'`, PostgreSQL's `U&'..'`),
 * not ending in `#` (in `j#>'{a}'` the tokenizer reads `#>` as an operator), and a plain name to the
 * lexicon. `upper`: the word upper-cased, where the caller has it already (every word of every query).
 */
export function isMaskableName(
  sql: string,
  start: number,
  end: number,
  lexicon: ShapeLexicon,
  upper = sql.slice(start, end).toUpperCase(),
): boolean {
  const after = sql.charCodeAt(end);
  const glued = isQuote(after) || (after === 38 /* & */ && isQuote(sql.charCodeAt(end + 1)));
  if (glued || sql.charCodeAt(end - 1) === 35 /* # */ || nextNonSpace(sql, end) === 40 /* ( */) return false;
  return lexicon.isPlainName(upper);
}

const isQuote = (c: number) => c === 39 || c === 34;

/**
 * Whether the shape so far ends in `FN (` with FN a date function (parts end in a part, never in
 * the space written before one, so FN is one or two parts back).
 */
function isUnitPlace(parts: readonly string[]): boolean {
  const n = parts.length;
  if (parts[n - 1] !== '(') return false;
  const fn = parts[n - 2] === ' ' ? parts[n - 3] : parts[n - 2];
  return fn !== undefined && (DATE_FUNCTIONS.has(fn) || UNIT_FIRST_FUNCTIONS.has(fn) || fn === 'EXTRACT');
}

/** The next character after white space as the lexer reads it. */
function nextNonSpace(sql: string, j: number): number {
  while (j < sql.length && isSpace(sql.charCodeAt(j))) j++;
  return sql.charCodeAt(j);
}
