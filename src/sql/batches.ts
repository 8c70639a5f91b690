/**
 * T-SQL batches: statements one after another with no `;` between them (`DECLARE @UserId int = 1
 * SELECT … WHERE Id = @UserId`, the common form of the Stack Exchange Data Explorer's log), and `GO`
 * lines between batches. The parser reads only `;`-separated statements, so a batch that it refuses
 * is cut before the words that start a statement (outside brackets), and the cut is kept only where
 * the parser confirms it: a piece closes where it parses alone and would not parse with the next.
 */
import type { Lexical } from './lexer.js';
import { SqlLexer } from './lexer.js';

/** Words that start a statement of a batch. */
const STATEMENT_WORDS = new Set(
  'SELECT WITH DECLARE SET INSERT UPDATE DELETE MERGE EXEC EXECUTE PRINT CREATE ALTER DROP TRUNCATE USE'.split(' '),
);
/** Words after which a statement word continues the statement (`UNION SELECT`, `INSERT … SELECT`, `UPDATE t SET`). */
const CONTINUES = new Set('UNION ALL EXCEPT INTERSECT AS ( INSERT INTO'.split(' '));

/** Where a statement could start: offsets of statement words at depth 0, the first one aside. */
function cutPoints(sql: string, lexical: Lexical): number[] {
  const lexer = new SqlLexer(sql, lexical);
  const cuts: number[] = [];
  let depth = 0;
  let previous = '';
  let first = true;
  while (lexer.next()) {
    if (lexer.kind === 'space' || lexer.kind === 'comment') continue;
    const text = sql.slice(lexer.start, lexer.end);
    if (text === '(') depth++;
    else if (text === ')') depth--;
    const word = lexer.kind === 'word' ? text.toUpperCase() : text;
    if (!first && depth === 0 && lexer.kind === 'word' && STATEMENT_WORDS.has(word) && !CONTINUES.has(previous)) {
      cuts.push(lexer.start);
    }
    first = false;
    previous = word;
  }
  return cuts;
}

/** A batch's `GO` lines (a line holding only GO, and an optional count) as statement ends. */
export const withoutGoLines = (sql: string): string => sql.replace(/^[ \t]*GO(?:[ \t]+\d+)?[ \t]*$/gim, ';');

/**
 * The batch with `;` between its statements, where the parser confirms each cut (`parses` says
 * whether a text parses); null where no cut makes a difference.
 */
export function splitBatch(sql: string, lexical: Lexical, parses: (text: string) => boolean): string | null {
  const text = withoutGoLines(sql);
  const cuts = cutPoints(text, lexical);
  if (cuts.length === 0) return text === sql ? null : text;
  const pieces = [0, ...cuts].map((at, k) =>
    text
      .slice(at, cuts[k] ?? text.length)
      .trim()
      .replace(/;+$/, '')
      .trim(),
  );
  const statements: string[] = [];
  let current = pieces[0] as string;
  for (const piece of pieces.slice(1)) {
    if (parses(current) && !parses(`${current} ${piece}`)) {
      statements.push(current);
      current = piece;
    } else current = `${current} ${piece}`;
  }
  statements.push(current);
  return statements.length > 1 ? statements.join(';\n') : text === sql ? null : text;
}
