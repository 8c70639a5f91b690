/**
 * MySQL's and MariaDB's general and slow query logs as log items. A general-log entry is a line
 * with a thread id, a command and a tab; a query's further lines follow as they are. A slow-log
 * entry is a block of `# ` header lines, then `use db;` where the schema changed and `SET
 * timestamp=…;`, which the server wrote, not the client, then the statement with a `;` added.
 */
import { readLineBatches } from '../readers/lines.js';
import { type LogItem, lineEntries, type SkipKind } from './entries.js';
import { MYSQL_BANNER, MYSQL_GENERAL_ENTRY } from './format.js';

const CONNECTION_COMMANDS = new Set(['Connect', 'Quit', 'Change user', 'Connect Out']);

export function mysqlGeneralItems(file: string): AsyncIterable<LogItem[]> {
  return lineEntries<string>(
    file,
    (text, open) => {
      if (MYSQL_BANNER.test(text)) return 'end';
      const entry = MYSQL_GENERAL_ENTRY.exec(text);
      if (entry) return { head: entry[2] as string, text: entry[3] as string };
      return open ? { more: text } : 'other';
    },
    generalItem,
  );
}

function generalItem(command: string, text: string, line: number): LogItem {
  // A prepared statement is logged twice: Prepare (with ?) and Execute (with its values); the run is the Execute.
  if (command === 'Query' || command === 'Execute') return { kind: 'statement', sql: text, line };
  const skip: SkipKind = CONNECTION_COMMANDS.has(command) ? 'connection' : command === 'Prepare' ? 'prepare' : 'other';
  return { kind: 'skipped', skip, line };
}

const SERVER_SET = /^SET timestamp=\d+;$/;
const USE = /^use [^;]+;$/;

export async function* mysqlSlowItems(file: string): AsyncIterable<LogItem[]> {
  let body: string[] = [];
  let start = 0;
  let inHeader = false;
  const close = (out: LogItem[]) => {
    if (body.length > 0) {
      const sql = body.join('\n').replace(/;\s*$/, '');
      out.push(sql.trim() === '' ? { kind: 'skipped', skip: 'other', line: start } : { kind: 'statement', sql, line: start });
    }
    body = [];
  };
  for await (const lines of readLineBatches(file)) {
    const out: LogItem[] = [];
    for (const { text, line } of lines) {
      if (MYSQL_BANNER.test(text)) {
        close(out);
        inHeader = false;
        continue;
      }
      // A statement's line may begin with `# ` too; the server ends every statement with `;`, so an
      // entry starts only after a line that ends one.
      if (text.startsWith('# ') && (inHeader || body.length === 0 || (isEntryStart(text) && endsStatement(body)))) {
        if (!inHeader) close(out);
        inHeader = true;
        continue;
      }
      if (inHeader) {
        // The lines the server writes before the statement: where the schema changed, and the time.
        if (USE.test(text) && body.length === 0) continue;
        if (SERVER_SET.test(text)) {
          inHeader = false;
          start = line + 1;
          continue;
        }
        inHeader = false;
        start = line;
      }
      if (body.length === 0 && text.trim() === '') continue;
      if (body.length === 0) start = line;
      body.push(text);
    }
    if (out.length > 0) yield out;
  }
  const last: LogItem[] = [];
  close(last);
  if (last.length > 0) yield last;
}

const endsStatement = (body: readonly string[]) => (body[body.length - 1] as string).trimEnd().endsWith(';');
const isEntryStart = (text: string) => text.startsWith('# Time: ') || text.startsWith('# User@Host: ');
