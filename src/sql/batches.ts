/**
 * T-SQL batches: statements one after another with no `;` between them (`DECLARE @UserId int = 1
 * SELECT … WHERE Id = @UserId`, the common form of the Stack Exchange Data Explorer's log), and `GO`
 * lines between batches. The parser reads only `;`-separated statements, so a batch that it refuses
 * is cut before the words that start a statement (outside brackets), and the cut is kept only where
 * the parser confirms it: a piece closes where it parses alone and would not parse with the next.
 */
import type { Lexical } from './lexer.js';
import { SqlLexer } from './lexer.js';

/** Words that start a statement of a batch, and the control-of-flow words that start a piece of one. */
const STATEMENT_WORDS = new Set(
  'SELECT WITH DECLARE SET INSERT UPDATE DELETE MERGE EXEC EXECUTE PRINT CREATE ALTER DROP TRUNCATE USE IF WHILE ELSE BEGIN END RETURN BREAK CONTINUE'.split(
    ' ',
  ),
);

/**
 * Control of flow (`IF cond`, `WHILE cond`, `BEGIN`, `END`, `ELSE`, `BEGIN TRY`, `RETURN`, …): the
 * parser reads none of it. Its words stay in the template, as the sqlglot reference keeps them, with
 * the condition's structure (docs/spec.md §6); the statements inside are the batch's statements. A
 * bare `BEGIN` is a block here, not a transaction (`BEGIN TRAN` is). A piece is control only where it
 * starts a new statement (the text before it parses alone): `DROP TABLE IF EXISTS t` and
 * `CASE … ELSE … END` stay whole.
 */
const CONTROL = /^(?:(?:BEGIN|END)(?:\s+(?:TRY|CATCH))?|ELSE|BREAK|CONTINUE|RETURN\b.*|(?:IF|WHILE)\b.*)$/is;

/** A piece of a batch: statements (`;` between them), or control of flow with its condition, if any. */
export type BatchPiece =
  | { readonly kind: 'statements'; readonly text: string }
  | { readonly kind: 'control'; readonly words: string; readonly condition?: string };

function controlPiece(text: string): BatchPiece {
  const conditional = /^(IF|WHILE|RETURN)\b\s*([\s\S]*)$/i.exec(text);
  if (conditional) {
    const condition = (conditional[2] as string).trim();
    return { kind: 'control', words: (conditional[1] as string).toUpperCase(), ...(condition === '' ? {} : { condition }) };
  }
  return { kind: 'control', words: text.toUpperCase().split(/\s+/).join(' ') };
}

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
 * The batch as its pieces: statements with `;` between them, where the parser confirms each cut
 * (`parses` says whether a text parses), and control of flow between them; null where no cut makes
 * a difference.
 */
export function splitBatch(sql: string, lexical: Lexical, parses: (text: string) => boolean): BatchPiece[] | null {
  const text = withoutGoLines(sql);
  const cuts = cutPoints(text, lexical);
  if (cuts.length === 0) return text === sql ? null : [{ kind: 'statements', text }];
  const pieces = [0, ...cuts].map((at, k) =>
    text
      .slice(at, cuts[k] ?? text.length)
      .trim()
      .replace(/;+$/, '')
      .trim(),
  );
  const out: BatchPiece[] = [];
  let statements: string[] = [];
  const close = () => {
    if (statements.length > 0) out.push({ kind: 'statements', text: statements.join(';\n') });
    statements = [];
  };
  let current = pieces[0] as string;
  for (const piece of pieces.slice(1)) {
    if (CONTROL.test(current)) {
      close();
      out.push(controlPiece(current));
      current = piece;
    } else if (parses(current) && (CONTROL.test(piece) || !parses(`${current} ${piece}`))) {
      statements.push(current);
      current = piece;
    } else current = `${current} ${piece}`;
  }
  if (CONTROL.test(current)) {
    close();
    out.push(controlPiece(current));
  } else statements.push(current);
  close();
  if (out.length === 1 && out[0]?.kind === 'statements' && out[0].text === text && text === sql) return null;
  return out;
}
