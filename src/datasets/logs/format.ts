/**
 * Server logs, told by their content (no flag): a log's name says nothing (`postgresql.log`,
 * `postgresql-2026-12-07.csv`, `mysql-slow.log`), its lines say everything. Each rule looks at
 * the first lines only and asks most of them to have the format's shape, so a SQL file or a
 * dataset that merely mentions `LOG:` is never taken for a log.
 */

export type LogFormat = 'postgres-stderr' | 'postgres-csvlog' | 'postgres-jsonlog' | 'mysql-general' | 'mysql-slow';

export const LOG_FORMAT_NAMES: Record<LogFormat, string> = {
  'postgres-stderr': 'a PostgreSQL server log (stderr)',
  'postgres-csvlog': 'a PostgreSQL server log (csvlog)',
  'postgres-jsonlog': 'a PostgreSQL server log (jsonlog)',
  'mysql-general': 'a MySQL/MariaDB general query log',
  'mysql-slow': 'a MySQL/MariaDB slow query log',
};

/** PostgreSQL's message severities, as `elog.c` writes them before a message (two spaces after the colon). */
export const PG_SEVERITY =
  /^(.*?)\b(LOG|ERROR|STATEMENT|DETAIL|HINT|CONTEXT|WARNING|NOTICE|FATAL|PANIC|INFO|DEBUG[1-5]?|LOCATION|QUERY): {2}(.*)$/;

/** The banner a MySQL or MariaDB server writes at the top of its general and slow logs (and again at each restart). */
export const MYSQL_BANNER =
  /^\S*(mysqld|mariadbd)(\.exe)?, Version: .*started with:$|^Tcp port: \d+ {2}Unix socket: |^Time\s+Id Command\s+Argument$/;

/** A general-log entry: [time] thread id, command, tab, argument (MariaDB's `261207  3:44:43` or MySQL 8's ISO time). */
export const MYSQL_GENERAL_ENTRY =
  /^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\s+(\d+) ([A-Z][A-Za-z]*(?: [A-Za-z]+)*)\t(.*)$/;

const PG_CSV_START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [^,]*,/;
const SEVERITY_WORD = /^(LOG|ERROR|STATEMENT|DETAIL|HINT|CONTEXT|WARNING|NOTICE|FATAL|PANIC|INFO|DEBUG[1-5]?)$/;

/** The server log format of a file's first bytes (as text), or null: a file not recognised keeps the dataset rules. */
export function logFormatOf(head: string): LogFormat | null {
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The head is cut anywhere: its last line may be a fragment.
  if (lines.length > 1) lines.pop();
  const firstLines = lines.filter((l) => l.trim() !== '').slice(0, 40);
  if (firstLines.length === 0) return null;
  if (isPostgresJson(firstLines[0] as string)) return 'postgres-jsonlog';
  if (PG_CSV_START.test(firstLines[0] as string) && csvSeverity(firstLines[0] as string)) return 'postgres-csvlog';
  const mysql = firstLines.filter((l) => !MYSQL_BANNER.test(l));
  if (firstLines.some((l) => MYSQL_BANNER.test(l)) || mysql.some((l) => l.startsWith('# User@Host: '))) {
    if (mysql.some((l) => l.startsWith('# User@Host: ') || l.startsWith('# Query_time: '))) return 'mysql-slow';
    if (mysql.length === 0 || mostly(mysql, (l) => MYSQL_GENERAL_ENTRY.test(l), 0.3)) return 'mysql-general';
  }
  if (mostly(mysql, (l) => MYSQL_GENERAL_ENTRY.test(l), 0.6)) return 'mysql-general';
  // Continuation lines of a multi-line message start with a tab; every other line is an entry.
  const entries = firstLines.filter((l) => !l.startsWith('\t'));
  if (mostly(entries, isPostgresEntry, 0.8)) return 'postgres-stderr';
  return null;
}

/** A stderr entry: a prefix (which holds no quote and is not JSON: SQL or a dataset quoting a log is not a log), a severity, a message. */
function isPostgresEntry(line: string): boolean {
  const entry = PG_SEVERITY.exec(line);
  return entry !== null && !/['"`]/.test(entry[1] as string) && !line.startsWith('{');
}

function mostly(lines: readonly string[], test: (line: string) => boolean, share: number): boolean {
  if (lines.length === 0) return false;
  return lines.filter(test).length >= Math.max(1, share * lines.length);
}

function isPostgresJson(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    return typeof value.error_severity === 'string' && 'message' in value && 'timestamp' in value;
  } catch {
    return false;
  }
}

/** The 12th field of a csvlog line (error_severity), where the line's first 12 fields are plain enough to split here. */
function csvSeverity(line: string): boolean {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length && fields.length < 12; k++) {
    const ch = line[k] as string;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  return fields.length >= 12 && SEVERITY_WORD.test(fields[11] as string);
}
