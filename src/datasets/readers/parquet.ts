/** Parquet (Gretel's synthetic_text_to_sql ships so), read one row group at a time to bound memory. */
import type { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { DataError } from '../errors.js';
import type { SourceRow, TableSource } from './rows.js';
import { isGzip, readBytes } from './source.js';

const ROWS_PER_READ = 50_000;

export async function readParquet(file: string): Promise<TableSource> {
  // Loaded only for a Parquet file (it is some thirty modules).
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  let buffer: Awaited<ReturnType<typeof asyncBufferFromFile>>;
  if (isGzip(file)) {
    const bytes = await readBytes(file);
    buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } else buffer = await asyncBufferFromFile(file);
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw new DataError(file, `not a readable Parquet file (${err instanceof Error ? err.message : String(err)})`);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const total = Number(metadata.num_rows);
  const sample = await parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: Math.min(total, 100) });
  return {
    columns,
    sample,
    async *batches(): AsyncIterable<SourceRow[]> {
      for (let start = 0; start < total; start += ROWS_PER_READ) {
        const rowEnd = Math.min(total, start + ROWS_PER_READ);
        const rows = await parquetReadObjects({ file: buffer, metadata, rowStart: start, rowEnd });
        yield rows.map((value, k) => ({ value, where: `row ${start + k}` }));
      }
    },
  };
}
