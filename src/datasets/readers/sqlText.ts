/**
 * SQL text files (`.sql`, `.txt`). Two layouts exist in the wild:
 *  - **lines**: one item per line, as in every public gold and prediction file (Spider's
 *    dev_gold.sql, BIRD's dev.sql, model outputs), optionally `SQL<TAB>db_id`;
 *  - **script**: statements separated by `;`, each possibly over several lines.
 *
 * The rule never turns on one line's content: a file is a script only when, over its first
 * 20,000 lines, fewer than half of the lines begin a statement (the rest continue a statement
 * begun above), it has `;` between statements, and at least 90% of the statements it splits
 * into begin with a statement keyword. Otherwise every line is an item, whatever it holds: a
 * line of junk is an unparseable item, a blank line an empty one (blank lines after the last
 * item are not items). A file is `SQL<TAB>db_id` when at least 90% of its lines end in a TAB
 * and a database id; elsewhere a TAB is part of the query.
 */
import { type Lexical, SqlLexer, splitStatements, startsWithWord } from '../../sql/lexer.js';
import type { QueryRecord } from '../record.js';
import { readLineBatches } from './lines.js';
import { readText } from './source.js';

export type SqlTextLayout = 'lines' | 'script';

export const SQL_TEXT_LAYOUTS: readonly SqlTextLayout[] = ['lines', 'script'];

/**
 * Words that begin a statement and never a continuation line: not FROM, TABLE, SET, VALUES or
 * DESC, which begin statements in some dialects but far more often continue one (`UPDATE t` /
 * `SET a = 1`, `INSERT INTO t` / `VALUES (1)`, `ORDER BY a` / `DESC`).
 */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set(
  (
    'SELECT WITH INSERT UPDATE DELETE CREATE DROP ALTER EXPLAIN REPLACE MERGE TRUNCATE PRAGMA SHOW DESCRIBE USE ' +
    'BEGIN COMMIT ROLLBACK GRANT REVOKE CALL EXEC EXECUTE DECLARE ATTACH DETACH ANALYZE VACUUM COPY UNLOAD LOCK ' +
    'UNLOCK REFRESH OPTIMIZE CACHE UNCACHE MSCK COMMENT'
  ).split(' '),
);

const DB_ID = /^[\w.-]+$/;
const SAMPLE_LINES = 20_000;

export interface LayoutDecision {
  readonly layout: SqlTextLayout;
  /** Lines end in `<TAB>db_id`: the part after the last TAB is the item's database. */
  readonly dbIds: boolean;
  /** Why, in words a user can check. */
  readonly reason: string;
  /** Whether the file could plausibly be read the other way (the reason is then worth showing). */
  readonly ambiguous: boolean;
}

/** Decides how to read the file (or takes the user's word for it). */
export async function decideLayout(file: string, lexical: Lexical, forced?: SqlTextLayout): Promise<LayoutDecision> {
  let items = 0;
  let starts = 0;
  let tabbed = 0;
  let semicolons = 0;
  outer: for await (const lines of readLineBatches(file)) {
    for (const { text } of lines) {
      const facts = lineFacts(text, lexical);
      if (!facts.significant) continue;
      items++;
      if (facts.startsStatement) starts++;
      const tab = text.lastIndexOf('\t');
      if (tab >= 0 && DB_ID.test(text.slice(tab + 1).trim())) tabbed++;
      if (facts.semicolon) semicolons++;
      if (items >= SAMPLE_LINES) break outer;
    }
  }
  const dbIds = items > 0 && tabbed >= 0.9 * items;
  if (forced) return { layout: forced, dbIds: forced === 'lines' && dbIds, reason: `--layout ${forced}`, ambiguous: false };
  const lineReason = dbIds
    ? `one item per line, SQL<TAB>db_id (${tabbed} of ${items} lines)`
    : `one item per line (${starts} of ${items} lines begin a statement)`;
  const mixed = semicolons > 0 && starts < items;
  if (dbIds || semicolons === 0 || starts >= 0.5 * items) {
    return { layout: 'lines', dbIds, reason: lineReason, ambiguous: mixed && !dbIds };
  }
  const statements = splitStatements(await readText(file), lexical);
  const begun = statements.filter((s) => startsWithWord(s.sql, lexical, STATEMENT_WORDS)).length;
  if (begun < 0.9 * statements.length) {
    return {
      layout: 'lines',
      dbIds,
      reason: `${lineReason}; split on ';' only ${begun} of its ${statements.length} pieces would begin a statement`,
      ambiguous: true,
    };
  }
  return {
    layout: 'script',
    dbIds: false,
    reason: `a script of ${statements.length} statements split on ';' (${items - starts} of ${items} lines continue a statement)`,
    ambiguous: true,
  };
}

/** One item per line; blank lines are empty items, except after the last item. */
export async function* sqlLineBatches(file: string, dbIds: boolean): AsyncIterable<QueryRecord[]> {
  let i = 0;
  let blanks: number[] = []; // line numbers of blank lines not yet known to come before an item
  for await (const lines of readLineBatches(file)) {
    const batch: QueryRecord[] = [];
    for (const { text, line } of lines) {
      if (text.trim() === '') {
        blanks.push(line);
        continue;
      }
      for (const blank of blanks) batch.push({ i: i++, sql: '', where: `line ${blank}` });
      blanks = [];
      const tab = dbIds ? text.lastIndexOf('\t') : -1;
      const dbCandidate = tab >= 0 ? text.slice(tab + 1).trim() : '';
      if (tab >= 0 && DB_ID.test(dbCandidate)) {
        batch.push({ i: i++, sql: text.slice(0, tab).trim(), dbId: dbCandidate, where: `line ${line}` });
      } else {
        batch.push({ i: i++, sql: text.trim(), where: `line ${line}` });
      }
    }
    if (batch.length > 0) yield batch;
  }
}

export async function* sqlStatementBatches(file: string, lexical: Lexical): AsyncIterable<QueryRecord[]> {
  const text = await readText(file);
  const records: QueryRecord[] = [];
  // Line numbers are counted forward once, since the statements come in order.
  let line = 1;
  let counted = 0;
  for (const { sql, start } of splitStatements(text, lexical)) {
    for (; counted < start; counted++) if (text.charCodeAt(counted) === 10) line++;
    records.push({ i: records.length, sql, where: `line ${line}` });
  }
  for (let from = 0; from < records.length; from += 4096) yield records.slice(from, from + 4096);
}

/**
 * What the layout rule needs of one line, in one pass of the lexer: whether it holds a token
 * (not only white space and comments), whether that first token (after opening parentheses) is a
 * statement keyword, and whether a `;` stands outside its strings and comments.
 */
function lineFacts(text: string, lexical: Lexical): { significant: boolean; startsStatement: boolean; semicolon: boolean } {
  const lexer = new SqlLexer(text, lexical);
  const mayHaveSemicolon = text.includes(';');
  let significant = false;
  let startsStatement = false;
  let decided = false; // whether the first token after opening parentheses has been seen
  let semicolon = false;
  while (lexer.next()) {
    const { kind } = lexer;
    if (kind === 'space' || kind === 'comment') continue;
    significant = true;
    if (kind === 'semicolon') semicolon = true;
    if (!decided && !((kind === 'punct' && text.charCodeAt(lexer.start) === 40) /* ( */)) {
      decided = true;
      startsStatement = kind === 'word' && STATEMENT_WORDS.has(text.slice(lexer.start, lexer.end).toUpperCase());
    }
    if (decided && (semicolon || !mayHaveSemicolon)) break;
  }
  return { significant, startsStatement, semicolon };
}
