/** A database file's schema as process_sql.get_schema reads it: every table of sqlite_master, names lower-cased. */
import Database from 'better-sqlite3';
import type { SchemaTables } from './schema.js';

export function schemaFromDatabase(path: string): SchemaTables {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = new Map<string, string[]>();
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all() as string[];
    for (const name of names) {
      const columns = db.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[];
      tables.set(
        name.toLowerCase(),
        columns.map((c) => c.name.toLowerCase()),
      );
    }
    return tables;
  } finally {
    db.close();
  }
}
