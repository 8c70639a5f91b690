/**
 * Schema text per database, for prompts: from the item's own sql_context, the database file
 * under `dbDir`, or a tables.json entry; computed once per database.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { QueryRecord } from '../datasets/record.js';
import { schemaFromSqlite, schemaFromTablesJson, type TablesJsonFull } from './schemaText.js';

export interface SchemaSourceOptions {
  /** Folder of `<db_id>/<db_id>.sqlite`. */
  readonly dbDir?: string;
  /** tables.json entries (Spider, BIRD). */
  readonly schema?: readonly TablesJsonFull[];
}

/** Schema text per database (from the item's sql_context, the database file, or tables.json), computed once. */
export class SchemaSource {
  private readonly cache = new Map<string, string>();
  private readonly tables: Map<string, TablesJsonFull>;

  constructor(private readonly options: SchemaSourceOptions) {
    this.tables = new Map((options.schema ?? []).map((t) => [t.db_id, t]));
  }

  of(record: QueryRecord): string {
    const context = record.fields?.sql_context;
    if (typeof context === 'string' && context.trim() !== '') return context.trim();
    const db = record.dbId;
    if (!db) throw new Error(`${record.where}: no db_id and no sql_context: no schema for the prompt`);
    let text = this.cache.get(db);
    if (text === undefined) {
      const path = this.options.dbDir ? join(this.options.dbDir, db, `${db}.sqlite`) : null;
      const entry = this.tables.get(db);
      if (path && existsSync(path)) text = schemaFromSqlite(path);
      else if (entry) text = schemaFromTablesJson(entry);
      else throw new Error(`${record.where}: no schema for database '${db}' (no ${path ?? '--db-dir'} and no --schema entry)`);
      this.cache.set(db, text);
    }
    return text;
  }
}
