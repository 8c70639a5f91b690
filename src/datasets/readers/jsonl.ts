/** JSON Lines: one object (or one string) per line; blank lines are skipped. */
import { DataError } from '../errors.js';
import { jsonParseMessage } from './jsonErrorOffset.js';
import { readLineBatches } from './lines.js';
import { columnsOf, type SourceRow, type TableSource } from './rows.js';

export async function readJsonl(file: string): Promise<TableSource> {
  let head: unknown[] = [];
  for await (const batch of jsonlBatches(file)) {
    head = batch.slice(0, 100).map((row) => row.value);
    break;
  }
  return { columns: columnsOf(head), sample: head, batches: () => jsonlBatches(file) };
}

async function* jsonlBatches(file: string): AsyncIterable<SourceRow[]> {
  for await (const lines of readLineBatches(file)) {
    const rows: SourceRow[] = [];
    for (const { text, line } of lines) {
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new DataError(file, `malformed JSON (${jsonParseMessage(err)})`, `line ${line}`);
      }
      if (value === null || (typeof value !== 'object' && typeof value !== 'string') || Array.isArray(value)) {
        throw new DataError(file, 'expected a JSON object or string', `line ${line}`);
      }
      rows.push({ value, where: `line ${line}` });
    }
    if (rows.length > 0) yield rows;
  }
}
