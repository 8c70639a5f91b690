/**
 * The schema part of a prompt: CREATE TABLE statements with a few example rows per table, read
 * from the SQLite database itself (the form of the strong published prompts), or built from a
 * Spider/BIRD tables.json, or a Gretel row's own sql_context.
 */
import Database from 'better-sqlite3';
import type { TablesJsonEntry } from '../spider/schema.js';

export interface TablesJsonFull extends TablesJsonEntry {
  column_types?: string[];
  primary_keys?: (number | number[])[];
}

const quoteName = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);

/** CREATE TABLE statements of the database file, each followed by `sampleRows` example rows. */
export function schemaFromSqlite(path: string, sampleRows = 3): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
      .all() as {
      name: string;
      sql: string;
    }[];
    const parts: string[] = [];
    for (const { name, sql } of tables) {
      let text = `${sql.trim()};`;
      if (sampleRows > 0) {
        const statement = db.prepare(`SELECT * FROM ${quoteName(name)} LIMIT ${sampleRows}`);
        const columns = statement.columns().map((c) => c.name);
        const rows = statement.raw(true).all() as unknown[][];
        if (rows.length > 0) {
          const lines = rows.map((r) => r.map((v) => formatValue(v)).join('\t'));
          text += `\n/*\n${rows.length} example rows:\nSELECT * FROM ${quoteName(name)} LIMIT ${sampleRows};\n${columns.join('\t')}\n${lines.join('\n')}\n*/`;
        }
      }
      parts.push(text);
    }
    return parts.join('\n\n');
  } finally {
    db.close();
  }
}

function formatValue(v: unknown): string {
  if (v === null) return 'NULL';
  if (v instanceof Uint8Array) return '<blob>';
  const s = String(v).replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** CREATE TABLE statements built from a tables.json entry (types, primary and foreign keys where given). */
export function schemaFromTablesJson(entry: TablesJsonFull): string {
  const parts: string[] = [];
  entry.table_names_original.forEach((table, t) => {
    const columns = entry.column_names_original.map((c, k) => ({ table: c[0], name: c[1], k })).filter((c) => c.table === t);
    const primary = new Set((entry.primary_keys ?? []).flatMap((p) => (Array.isArray(p) ? p : [p])));
    const lines = columns.map((c) => {
      const type = entry.column_types?.[c.k]?.toUpperCase() ?? '';
      return `  ${quoteName(c.name)}${type ? ` ${type}` : ''}${primary.has(c.k) ? ' PRIMARY KEY' : ''}`;
    });
    for (const [from, to] of entry.foreign_keys) {
      const source = entry.column_names_original[from];
      const target = entry.column_names_original[to];
      if (!source || !target || source[0] !== t) continue;
      lines.push(
        `  FOREIGN KEY (${quoteName(source[1])}) REFERENCES ${quoteName(entry.table_names_original[target[0]] ?? '')}(${quoteName(target[1])})`,
      );
    }
    parts.push(`CREATE TABLE ${quoteName(table)} (\n${lines.join(',\n')}\n);`);
  });
  return parts.join('\n\n');
}
