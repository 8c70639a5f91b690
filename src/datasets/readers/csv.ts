/** CSV and TSV with a header row, through csv-parse (quotes, embedded newlines, BOM): parsed whole up to 32 MB, streamed beyond. */
import { stat } from 'node:fs/promises';
import { DataError } from '../errors.js';
import { BATCH_SIZE, type SourceRow, type TableSource } from './rows.js';
import { byteStream, readBytes, readHead } from './source.js';

/**
 * Files up to this size are parsed in one pass with the synchronous parser (about twice as fast
 * in a fresh process as a stream read twice, header then rows); larger ones are streamed.
 */
const WHOLE_FILE_BYTES = 32 * 2 ** 20;

export async function readCsv(file: string, separator: ',' | '\t'): Promise<TableSource> {
  const header = separator === ',' ? semicolonHeader(await readHead(file, 65_536)) : null;
  const delimiter = header === null ? separator : ';';
  const notes = header === null ? [] : [`read with ';' between fields: its header line (${header}) holds ';' and no ','`];
  const table = await readTable(file, delimiter);
  return notes.length > 0 ? { ...table, notes } : table;
}

/**
 * A `.csv` saved where `,` is the decimal mark (Excel in much of Europe) separates its fields by
 * `;`. The header line tells: one with `;` and no `,` outside quotes (column names seldom hold
 * either) is such a file, and is returned (cut to 60 characters) for the note that says so.
 */
function semicolonHeader(head: Buffer): string | null {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  const line = end < 0 ? text : text.slice(0, end);
  let quoted = false;
  let semicolons = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') return null;
    else if (!quoted && ch === ';') semicolons++;
  }
  if (semicolons === 0) return null;
  return `'${line.length > 60 ? `${line.slice(0, 59)}…` : line}'`;
}

async function readTable(file: string, delimiter: string): Promise<TableSource> {
  if ((await stat(file)).size <= WHOLE_FILE_BYTES) return readWholeCsv(file, delimiter);
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

async function readWholeCsv(file: string, delimiter: string): Promise<TableSource> {
  const { parse } = await import('csv-parse/sync');
  const bytes = await readBytes(file);
  let columns: string[] = [];
  let records: { record: unknown; info: { lines: number } }[];
  try {
    records = parse(bytes, {
      ...parseOptions(delimiter),
      columns: (header: string[]) => {
        columns = header;
        return header;
      },
    }) as unknown as typeof records;
  } catch (err) {
    throw malformed(file, err);
  }
  if (columns.length === 0) throw new DataError(file, 'empty CSV file (no header row)');
  const rows: SourceRow[] = records.map((item) => ({ value: item.record, where: `line ${item.info.lines}` }));
  return {
    columns,
    sample: [],
    async *batches() {
      for (let from = 0; from < rows.length; from += BATCH_SIZE) yield rows.slice(from, from + BATCH_SIZE);
    },
  };
}

async function* csvRows(file: string, delimiter: string, headerOnly: boolean): AsyncIterable<SourceRow> {
  // Loaded when a CSV is read: a run whose inputs are all cached never needs it.
  const { parse } = await import('csv-parse');
  const parser = byteStream(file).pipe(parse({ ...parseOptions(delimiter), columns: !headerOnly }));
  try {
    for await (const item of parser as AsyncIterable<{ record: unknown; info: { lines: number } }>) {
      yield { value: item.record, where: `line ${item.info.lines}` };
      if (headerOnly) break;
    }
  } catch (err) {
    throw malformed(file, err);
  } finally {
    parser.destroy();
  }
}

/** How both paths read a file (the whole-file one and the stream): the same rules, so the same records. */
const parseOptions = (delimiter: string) =>
  ({ delimiter, bom: true, info: true, skip_empty_lines: true, relax_quotes: false }) as const;

function malformed(file: string, err: unknown): DataError {
  const e = err as { message?: string; lines?: number };
  const message = (e.message ?? String(err)).replace(/^Invalid Record Length: /, '');
  return new DataError(file, `malformed CSV (${message})`, e.lines ? `line ${e.lines}` : undefined);
}
