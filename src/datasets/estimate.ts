/**
 * About how many queries a file holds, to choose parser threads and the template cache
 * (sql/templater.ts): from its size, for JSON and line formats from a sample of its start, for
 * Parquet from its footer.
 * Spider's dev.json holds about 3.5 KB per query (each record carries its question's tokens and
 * the query's parsed tree), a log of SQL about 120 bytes, so size alone was 30 times off for JSON.
 * Rough by design: no count or result depends on it.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';

/** Bytes a query takes where nothing better is known (a log of SQL, one query a line). */
export const BYTES_PER_QUERY = 120;
const SAMPLE_BYTES = 1 << 20;

export async function estimateFileQueries(path: string): Promise<number> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet') return (await parquetRows(path)) ?? size / BYTES_PER_QUERY;
  const count =
    ext === '.json' ? jsonRecords : ext === '.jsonl' || ext === '.ndjson' || ext === '.csv' || ext === '.tsv' ? lines : null;
  if (size === 0 || count === null) return size / BYTES_PER_QUERY;
  const sample = await readStart(path, Math.min(size, SAMPLE_BYTES));
  const records = count(sample);
  if (records === 0) return size / BYTES_PER_QUERY;
  return (records * size) / sample.length;
}

/** A Parquet file's row count, from its footer (the reader loads the same library for the rows). */
async function parquetRows(path: string): Promise<number | null> {
  try {
    const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
    return Number((await parquetMetadataAsync(await asyncBufferFromFile(path))).num_rows);
  } catch {
    return null;
  }
}

async function readStart(path: string, bytes: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const NEWLINE = 10;

function lines(sample: Buffer): number {
  let n = 0;
  for (const byte of sample) if (byte === NEWLINE) n++;
  return n;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

/**
 * The objects of the first list of objects in the sample (a top-level array, or one under a key
 * such as `data`): each `{` at that list's depth, strings skipped.
 */
function jsonRecords(sample: Buffer): number {
  const stack: number[] = [];
  let recordDepth = -1;
  let n = 0;
  for (let k = 0; k < sample.length; k++) {
    const byte = sample[k] as number;
    if (byte === QUOTE) {
      for (k++; k < sample.length && sample[k] !== QUOTE; k++) if (sample[k] === BACKSLASH) k++;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (byte === OPEN_OBJECT && stack[stack.length - 1] === OPEN_ARRAY) {
        if (recordDepth < 0) recordDepth = stack.length;
        if (stack.length === recordDepth) n++;
      }
      stack.push(byte);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) stack.pop();
  }
  return n;
}
