/**
 * PostgreSQL's three log formats as log items. The stderr log's lines begin with whatever
 * `log_line_prefix` says, then a severity and two spaces; a message's further lines begin with
 * a tab, which the server added and which is taken off again. csvlog and jsonlog hold one entry
 * per record, the statement whole, and the failing statement of an ERROR in its own field.
 */
import { DataError } from '../errors.js';
import { jsonParseMessage } from '../readers/jsonErrorOffset.js';
import { readLineBatches } from '../readers/lines.js';
import { byteStream } from '../readers/source.js';
import { type LogItem, lineEntries, postgresItem } from './entries.js';
import { PG_SEVERITY } from './format.js';

export function postgresStderrItems(file: string): AsyncIterable<LogItem[]> {
  return lineEntries<string>(
    file,
    (text, open) => {
      if (open && text.startsWith('\t')) return { more: text.slice(1) };
      const entry = PG_SEVERITY.exec(text);
      return entry ? { head: entry[2] as string, text: entry[3] as string } : 'other';
    },
    postgresItem,
  );
}

/** csvlog's columns (PostgreSQL 13–17 write 23 to 26 of them, always in this order). */
const CSV = { database: 2, severity: 11, message: 13, query: 19 } as const;

export async function* postgresCsvItems(file: string): AsyncIterable<LogItem[]> {
  const { parse } = await import('csv-parse');
  const parser = byteStream(file).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }));
  let out: LogItem[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the record's last line; its first is what a reader finds with an editor.
      const line = info.lines - newlines(record);
      if (record.length < 23)
        throw new DataError(file, `not a csvlog record (${record.length} fields, not 23 or more)`, `line ${line}`);
      out.push(...structuredItems(record[CSV.severity], record[CSV.message], record[CSV.query], line, record[CSV.database]));
      if (out.length >= 4096) {
        yield out;
        out = [];
      }
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    const e = err as { message?: string; lines?: number };
    throw new DataError(file, `malformed csvlog (${e.message ?? String(err)})`, e.lines ? `line ${e.lines}` : undefined);
  } finally {
    parser.destroy();
  }
  if (out.length > 0) yield out;
}

export async function* postgresJsonItems(file: string): AsyncIterable<LogItem[]> {
  for await (const lines of readLineBatches(file)) {
    const out: LogItem[] = [];
    for (const { text, line } of lines) {
      if (text.trim() === '') continue;
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(text) as Record<string, unknown>;
      } catch (err) {
        throw new DataError(file, `malformed jsonlog entry (${jsonParseMessage(err)})`, `line ${line}`);
      }
      const text_ = (key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : undefined);
      out.push(...structuredItems(text_('error_severity'), text_('message'), text_('statement'), line, text_('dbname')));
    }
    if (out.length > 0) yield out;
  }
}

/** One csvlog or jsonlog entry: its message, and the statement an ERROR (or any severity) quotes. */
function structuredItems(
  severity: string | undefined,
  message: string | undefined,
  quoted: string | undefined,
  line: number,
  db: string | undefined,
): LogItem[] {
  const item = postgresItem(severity ?? '', message ?? '', line, db);
  if (quoted === undefined || quoted === '') return [item];
  const at = db === undefined || db === '' ? { line } : { line, db };
  return [item, { kind: 'error-statement', sql: quoted, ...at }];
}

function newlines(record: readonly string[]): number {
  let n = 0;
  for (const field of record) for (let k = field.indexOf('\n'); k >= 0; k = field.indexOf('\n', k + 1)) n++;
  return n;
}
