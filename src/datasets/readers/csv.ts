/** CSV and TSV with a header row, streamed through csv-parse (quotes, embedded newlines, BOM). */
import { DataError } from '../errors.js';
import { BATCH_SIZE, type SourceRow, type TableSource } from './rows.js';
import { byteStream } from './source.js';

export async function readCsv(file: string, delimiter: ',' | '\t'): Promise<TableSource> {
  let columns: string[] = [];
  for await (const row of csvRows(file, delimiter, true)) {
    columns = row.value as string[];
    break;
  }
  if (columns.length === 0) throw new DataError(file, 'empty CSV file (no header row)');
  // Every CSV cell is text: no sample is needed to tell text columns apart.
  return {
    columns,
    sample: [],
    async *batches() {
      let batch: SourceRow[] = [];
      for await (const row of csvRows(file, delimiter, false)) {
        batch.push(row);
        if (batch.length >= BATCH_SIZE) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

async function* csvRows(file: string, delimiter: string, headerOnly: boolean): AsyncIterable<SourceRow> {
  // Loaded when a CSV is read: a run whose inputs are all cached never needs it.
  const { parse } = await import('csv-parse');
  const parser = byteStream(file).pipe(
    parse({ delimiter, bom: true, columns: !headerOnly, info: true, skip_empty_lines: true, relax_quotes: false }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: unknown; info: { lines: number } }>) {
      yield { value: item.record, where: `line ${item.info.lines}` };
      if (headerOnly) break;
    }
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const message = (e.message ?? String(err)).replace(/^Invalid Record Length: /, '');
    throw new DataError(file, `malformed CSV (${message})`, e.lines ? `line ${e.lines}` : undefined);
  } finally {
    parser.destroy();
  }
}
