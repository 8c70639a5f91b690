/**
 * The lower-case table and column names of each database, from its SQLite file under a Spider-style
 * folder (`<dir>/<db_id>/<db_id>.sqlite`) or from tables.json: what tells SQLite's double-quoted
 * strings from names before a query is transpiled. Each database is read once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFromDatabase } from './dbSchema.js';
import { type SchemaTables, schemaFromTablesJson, type TablesJsonEntry } from './schema.js';

export type NamesOf = (dbId: string | undefined) => ReadonlySet<string> | undefined;

/** Names per db_id (undefined where neither a file nor a tables.json entry knows the database); undefined with neither source. */
export function schemaNames(sources: {
  readonly dbDir?: string;
  readonly tables?: readonly TablesJsonEntry[];
}): NamesOf | undefined {
  const { dbDir, tables } = sources;
  if (dbDir === undefined && tables === undefined) return undefined;
  const entries = new Map((tables ?? []).map((t) => [t.db_id, t]));
  const known = new Map<string, ReadonlySet<string> | undefined>();
  const read = (dbId: string): ReadonlySet<string> | undefined => {
    const file = dbDir === undefined ? null : join(dbDir, dbId, `${dbId}.sqlite`);
    const entry = entries.get(dbId);
    const schema: SchemaTables | null =
      file !== null && existsSync(file) ? schemaFromDatabase(file) : entry ? schemaFromTablesJson(entry) : null;
    return schema === null ? undefined : new Set([...schema].flatMap(([table, columns]) => [table, ...columns]));
  };
  return (dbId) => {
    if (dbId === undefined) return undefined;
    if (!known.has(dbId)) known.set(dbId, read(dbId));
    return known.get(dbId);
  };
}
