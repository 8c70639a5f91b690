/**
 * What untrusted SQL (a model's prediction) may run: one read-only query. The checks are
 * SQLite's own (a prepared statement that returns rows and writes nothing) plus a leading
 * keyword, because SQLite counts some statements as read-only that change the connection:
 * ATTACH (reads other files), PRAGMA (settings), and CREATE TEMP (objects outliving the item).
 */
import { dialectInfo } from '../sql/dialects.js';
import { startsWithWord } from '../sql/lexer.js';

const QUERY_STARTS: ReadonlySet<string> = new Set(['SELECT', 'WITH', 'VALUES']);
const SQLITE = dialectInfo('sqlite');

export function refusalOf(sql: string, statement: { reader: boolean; readonly: boolean }): string | null {
  if (!startsWithWord(sql, SQLITE, QUERY_STARTS)) return 'refused: only SELECT, WITH and VALUES queries are run';
  if (!statement.readonly) return 'refused: the statement would write';
  if (!statement.reader) return 'refused: the statement returns no rows';
  return null;
}
