/**
 * Which column of a table-like dataset holds the SQL, and which the database id.
 * Names are compared case- and punctuation-insensitively: `PREDICTED SQL`, `predicted_sql`
 * and `predictedSql` are one name.
 */
import { DataError } from './errors.js';

const SQL_NAMES = new Set([
  'sql',
  'query',
  'sqlquery',
  'gold',
  'goldsql',
  'goldquery',
  'pred',
  'predsql',
  'predicted',
  'predictedsql',
  'predictedquery',
  'prediction',
  'generatedsql',
  // Query-log exports, by their own column names: Snowflake's QUERY_HISTORY (QUERY_TEXT), SQL
  // Server's Query Store (query_sql_text), Oracle's V$SQL and others (SQL_TEXT), MySQL's
  // performance_schema digests (DIGEST_TEXT), the Stack Exchange Data Explorer (QueryBody);
  // PostgreSQL's pg_stat_statements and BigQuery's INFORMATION_SCHEMA.JOBS say `query`.
  'querytext',
  'querysqltext',
  'sqltext',
  'digesttext',
  'querybody',
]);
const DB_NAMES = ['db_id', 'dbid', 'database', 'db', 'databaseid'];

const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A column whose sampled values are text (not the parsed-SQL objects Spider keeps under `sql`). */
function isTextColumn(column: string, sample: readonly unknown[]): boolean {
  let text = false;
  for (const row of sample) {
    const value = (row as Record<string, unknown> | null)?.[column];
    if (typeof value === 'string') text = true;
    else if (value !== null && value !== undefined) return false;
  }
  return text || sample.length === 0;
}

/** The SQL field: the one named, or the only text candidate among `columns`. */
export function resolveSqlField(
  file: string,
  columns: readonly string[],
  sample: readonly unknown[],
  named: string | undefined,
): string {
  if (named !== undefined) {
    const found = findField(columns, named);
    if (found !== undefined) return found;
    throw new DataError(file, `no field '${named}' (fields: ${list(columns)})`);
  }
  const candidates = columns.filter((c) => SQL_NAMES.has(normal(c)) && isTextColumn(c, sample));
  if (candidates.length === 1) return candidates[0] as string;
  if (candidates.length === 0) {
    throw new DataError(file, `cannot tell which field holds the SQL (fields: ${list(columns)}); name it as ${file}#FIELD`);
  }
  throw new DataError(file, `several fields could hold the SQL (${list(candidates)}); name one as ${file}#FIELD`);
}

/** The column a user named: as written, else the one column whose name is the same loosely (`PREDICTED SQL` for `predicted_sql`). */
export function findField(columns: readonly string[], named: string): string | undefined {
  if (columns.includes(named)) return named;
  const loose = columns.filter((c) => normal(c) === normal(named));
  return loose.length === 1 ? loose[0] : undefined;
}

export function resolveDbField(columns: readonly string[]): string | undefined {
  for (const name of DB_NAMES) {
    const hit = columns.find((c) => normal(c) === normal(name));
    if (hit) return hit;
  }
  return undefined;
}

function list(columns: readonly string[]): string {
  const shown = columns.slice(0, 12).map((c) => `'${c}'`);
  return columns.length > 12 ? `${shown.join(', ')}, ...` : shown.join(', ') || 'none';
}
