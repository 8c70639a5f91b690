/** JSON Lines: one object (or one string) per line; blank lines are skipped. */
import { DataError } from '../errors.js';
import { readLines } from './lines.js';
import { columnsOf, type SourceRow, type TableSource } from './rows.js';

export async function readJsonl(file: string): Promise<TableSource> {
  const head: unknown[] = [];
  for await (const row of jsonlRows(file)) {
    head.push(row.value);
    if (head.length >= 100) break;
  }
  return { columns: columnsOf(head), sample: head, rows: () => jsonlRows(file) };
}

async function* jsonlRows(file: string): AsyncIterable<SourceRow> {
  for await (const { text, line } of readLines(file)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const why = err instanceof Error ? err.message.replace(/ in JSON at position \d+.*$/, '') : String(err);
      throw new DataError(file, `malformed JSON (${why})`, `line ${line}`);
    }
    if (value === null || (typeof value !== 'object' && typeof value !== 'string') || Array.isArray(value)) {
      throw new DataError(file, 'expected a JSON object or string', `line ${line}`);
    }
    yield { value, where: `line ${line}` };
  }
}
