/** Reading a Spider/BIRD tables.json given on the command line (--tables, --schema). */
import { readFileSync } from 'node:fs';
import { DataError } from '../datasets/errors.js';
import type { TablesJsonFull } from '../prompt/schemaText.js';

export function readTablesJson(path: string): TablesJsonFull[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DataError(path, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a readable tables.json');
  }
  const valid = (e: { db_id?: unknown; table_names_original?: unknown; column_names_original?: unknown }) =>
    e && typeof e.db_id === 'string' && Array.isArray(e.table_names_original) && Array.isArray(e.column_names_original);
  if (!Array.isArray(data) || !data.every(valid)) {
    throw new DataError(
      path,
      'not a Spider-style tables.json (an array of {db_id, table_names_original, column_names_original, foreign_keys})',
    );
  }
  return data as TablesJsonFull[];
}
