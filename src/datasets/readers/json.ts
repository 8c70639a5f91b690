/**
 * JSON files: an array of objects (Spider, BIRD), an array of strings, or an object of
 * id → string (BIRD prediction files: "SQL\t----- bird -----\tdb_id").
 */
import { readFile } from 'node:fs/promises';
import { DataError, lineOf } from '../errors.js';
import { jsonErrorOffset, jsonParseMessage } from './jsonErrorOffset.js';
import { BATCH_SIZE, columnsOf, type TableSource } from './rows.js';

export const BIRD_SEPARATOR = '\t----- bird -----\t';

export type JsonContent =
  | { kind: 'table'; table: TableSource }
  | { kind: 'strings'; values: readonly string[]; keys?: readonly string[] };

export async function readJson(file: string): Promise<JsonContent> {
  const text = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(file, `malformed JSON (${describeJsonError(err, text)})`);
  }
  if (Array.isArray(data)) {
    if (data.length > 0 && data.every((v) => typeof v === 'string')) return { kind: 'strings', values: data };
    const bad = data.findIndex((v) => v === null || typeof v !== 'object' || Array.isArray(v));
    if (bad >= 0) throw new DataError(file, 'expected an array of objects or of strings', `item ${bad}`);
    const rows = data as Record<string, unknown>[];
    return {
      kind: 'table',
      table: {
        columns: columnsOf(rows.slice(0, 100)),
        sample: rows.slice(0, 100),
        async *batches() {
          for (let from = 0; from < rows.length; from += BATCH_SIZE) {
            yield rows.slice(from, from + BATCH_SIZE).map((value, k) => ({ value, where: `item ${from + k}` }));
          }
        },
      },
    };
  }
  if (data !== null && typeof data === 'object') {
    const entries = Object.entries(data as Record<string, unknown>);
    const bad = entries.find(([, v]) => typeof v !== 'string');
    if (bad) {
      throw new DataError(file, 'expected an array of items, or an object of id → SQL string', `key '${bad[0]}'`);
    }
    // Keys are item ids ("0", "1", ...): numeric keys in numeric order, as BIRD's evaluator reads them.
    const numeric = entries.every(([k]) => /^\d+$/.test(k));
    if (numeric) entries.sort((a, b) => Number(a[0]) - Number(b[0]));
    return { kind: 'strings', values: entries.map(([, v]) => v as string), keys: entries.map(([k]) => k) };
  }
  throw new DataError(file, 'expected a JSON array or object at the top level');
}

/** "line 3, column 12: Unexpected token '}'" (the position found by jsonErrorOffset). */
function describeJsonError(err: unknown, text: string): string {
  const message = jsonParseMessage(err);
  const offset = jsonErrorOffset(text);
  if (offset < 0) return message;
  const { line, column } = lineOf(text, offset);
  return `line ${line}, column ${column}: ${message}`;
}
