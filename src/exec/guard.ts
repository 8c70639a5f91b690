/**
 * What untrusted SQL (a model's prediction) may run: one read-only query. The checks are
 * SQLite's own (a prepared statement that returns rows and writes nothing) plus a leading
 * keyword, because SQLite counts some statements as read-only that change the connection:
 * ATTACH (reads other files), PRAGMA (settings), and CREATE TEMP (objects outliving the item).
 */
const QUERY_START = /^\s*(\(\s*)*(SELECT|WITH|VALUES)\b/i;

export function refusalOf(sql: string, statement: { reader: boolean; readonly: boolean }): string | null {
  if (!QUERY_START.test(stripLeadingComments(sql))) return 'refused: only SELECT, WITH and VALUES queries are run';
  if (!statement.readonly) return 'refused: the statement would write';
  if (!statement.reader) return 'refused: the statement returns no rows';
  return null;
}

function stripLeadingComments(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('--')) {
      const nl = trimmed.indexOf('\n');
      rest = nl < 0 ? '' : trimmed.slice(nl + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else return trimmed;
  }
}
