/**
 * JSON files: an array of objects (Spider, BIRD), an array of strings, or an object of
 * id → string (BIRD prediction files: "SQL\t----- bird -----\tdb_id").
 */
import { checkCountsFile, isCountsFile, type TemplateCountsFile } from '../counts.js';
import { DataError, lineOf } from '../errors.js';
import { jsonErrorOffset, jsonParseMessage } from './jsonErrorOffset.js';
import { BATCH_SIZE, columnsOf, type TableSource } from './rows.js';
import { readText } from './source.js';

export const BIRD_SEPARATOR = '\t----- bird -----\t';

export type JsonContent =
  | { kind: 'table'; table: TableSource }
  | { kind: 'counts'; counts: TemplateCountsFile }
  | {
      kind: 'strings';
      values: readonly string[];
      keys?: readonly string[];
      /** Where a value was not a string (null, a number...): read as an empty prediction, as BIRD's evaluator does. */
      nonStrings: readonly string[];
    };

const whereOf = (k: number, keys?: readonly string[]) => (keys ? `key '${keys[k]}'` : `item ${k}`);

/** Strings as they are; any other value an empty string, its place noted. */
function stringsOf(values: readonly unknown[], keys?: readonly string[]): JsonContent {
  const nonStrings: string[] = [];
  const strings = values.map((v, k) => {
    if (typeof v === 'string') return v;
    nonStrings.push(whereOf(k, keys));
    return '';
  });
  return { kind: 'strings', values: strings, keys, nonStrings };
}

export async function readJson(file: string): Promise<JsonContent> {
  const text = await readText(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataError(file, `malformed JSON (${describeJsonError(err, text)})`);
  }
  if (isCountsFile(data)) return { kind: 'counts', counts: checkCountsFile(file, data as Record<string, unknown>) };
  if (Array.isArray(data)) {
    // An array of predictions: strings, perhaps with a null or a number where a model gave nothing usable.
    if (data.some((v) => typeof v === 'string') && !data.some((v) => v !== null && typeof v === 'object')) {
      return stringsOf(data);
    }
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
    const bad = entries.find(([, v]) => v !== null && typeof v === 'object');
    if (bad || !entries.some(([, v]) => typeof v === 'string')) {
      const where = bad ? `key '${bad[0]}'` : undefined;
      throw new DataError(file, 'expected an array of items, or an object of id → SQL string', where);
    }
    // Keys are item ids ("0", "1", ...): numeric keys in numeric order, as BIRD's evaluator reads them.
    const numeric = entries.every(([k]) => /^\d+$/.test(k));
    if (numeric) entries.sort((a, b) => Number(a[0]) - Number(b[0]));
    return stringsOf(
      entries.map(([, v]) => v),
      entries.map(([k]) => k),
    );
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
