/**
 * Copying a SQLite database (Spider's and BIRD's layout) to a PostgreSQL schema or a MySQL
 * database of the same name, so that `eval --db-url` can run a workload on the engine the user
 * serves it on, so that eval runs where the workload runs. Every table is copied with every row and its primary key (where the
 * rows honour it); no other index, key or constraint.
 *
 * Column types come from what the column holds, since SQLite keeps any value in any column:
 * only integers → BIGINT, only numbers → DOUBLE PRECISION (numbers kept as text count, when each
 * is written as the number would be: '12' but not '012' or '1.50'), any other text → TEXT (numbers
 * in it written as SQLite writes them), any blob → bytes; a column with nothing but NULLs takes
 * its declared type's affinity. Dates stay text, as SQLite stores and compares them. Names are lower-cased on
 * PostgreSQL (its unquoted names fold to lower case, and Spider's queries do not quote them);
 * MySQL needs `lower_case_table_names=1` for Spider's mixed-case table names (docs/eval.md says so).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { DataError, UsageError } from '../datasets/errors.js';
import { quoteName } from './mysql.js';
import { quoteIdentifier } from './postgres.js';
import { DatabaseServerError, redact, type ServerEngine, serverEngine } from './server.js';

export type ColumnKind = 'integer' | 'real' | 'text' | 'blob';

export interface CopiedTable {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly { readonly name: string; readonly kind: ColumnKind }[];
  /**
   * The declared primary key's columns, where the rows honour it (no NULL, no repeat; SQLite lets
   * both through): PostgreSQL then accepts the other columns of a table grouped by its key, as
   * Spider's queries do. Empty where there is none.
   */
  readonly primaryKey: readonly string[];
}

export interface CopyOptions {
  /** Drop the schema or database first if it exists (otherwise an existing one is an error). */
  readonly replace?: boolean;
}

const TYPES: Record<ServerEngine, Record<ColumnKind, string>> = {
  postgres: { integer: 'BIGINT', real: 'DOUBLE PRECISION', text: 'TEXT', blob: 'BYTEA' },
  mysql: { integer: 'BIGINT', real: 'DOUBLE', text: 'LONGTEXT', blob: 'LONGBLOB' },
};

/** At most this many values in one INSERT (PostgreSQL allows 65,535 parameters; MySQL packets are bounded too). */
const VALUES_PER_INSERT = 5_000;

/** The tables of a SQLite file with the kind of each column, read from its values. */
export function readSqliteTables(path: string): { db: Database.Database; tables: CopiedTable[] } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables = names.map((name) => {
    const info = db.prepare(`PRAGMA table_info(${sqliteName(name)})`).all() as { name: string; type: string; pk: bigint }[];
    const columns = info.map((c) => ({ name: c.name, kind: kindOf(db, name, c.name, c.type) }));
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    const rows = count(`SELECT count(*) FROM ${sqliteName(name)}`);
    const key = info
      .filter((c) => c.pk > 0n)
      .sort((a, b) => Number(a.pk - b.pk))
      .map((c) => c.name);
    const keyList = key.map(sqliteName).join(', ');
    const honoured =
      key.length > 0 &&
      count(
        `SELECT count(*) FROM (SELECT DISTINCT ${keyList} FROM ${sqliteName(name)} WHERE ${key.map((k) => `${sqliteName(k)} IS NOT NULL`).join(' AND ')})`,
      ) === rows;
    return { name, rows, columns, primaryKey: honoured ? key : [] };
  });
  return { db, tables };
}

function kindOf(db: Database.Database, table: string, column: string, declared: string): ColumnKind {
  const stored = new Set(
    db
      .prepare(`SELECT DISTINCT typeof(${sqliteName(column)}) FROM ${sqliteName(table)}`)
      .pluck()
      .all() as string[],
  );
  stored.delete('null');
  if (stored.has('blob')) return 'blob';
  if (stored.has('text')) {
    // Numbers kept as text ('1', '2008') compare as numbers with numbers in SQLite (column affinity):
    // typed as numbers here, joins and comparisons with numeric columns work as they do there.
    const texts = db
      .prepare(`SELECT DISTINCT ${sqliteName(column)} FROM ${sqliteName(table)} WHERE typeof(${sqliteName(column)}) = 'text'`)
      .pluck()
      .iterate() as IterableIterator<string>;
    let real = stored.has('real');
    for (const text of texts) {
      const n = Number(text);
      if (!Number.isFinite(n) || String(n) !== text || (Number.isInteger(n) && !Number.isSafeInteger(n))) return 'text';
      if (!Number.isInteger(n)) real = true;
    }
    return real ? 'real' : 'integer';
  }
  if (stored.has('real')) return 'real';
  if (stored.has('integer')) return 'integer';
  // Only NULLs: SQLite's affinity rules on the declared type.
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (/REAL|FLOA|DOUB|NUM|DEC/.test(t)) return 'real';
  if (t.includes('BLOB')) return 'blob';
  return 'text';
}

const sqliteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A value as the server stores it in a column of this kind. */
function serverValue(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'text') return typeof value === 'bigint' || typeof value === 'number' ? String(value) : value;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Copies the database at `path` to the server as `dbId`; returns what it copied. */
export async function copyDatabase(path: string, dbId: string, url: string, options: CopyOptions = {}): Promise<CopiedTable[]> {
  const engine = serverEngine(url);
  const { db, tables } = readSqliteTables(path);
  const target = engine === 'postgres' ? await postgresTarget(url) : await mysqlTarget(url);
  try {
    await target.create(dbId, options.replace ?? false);
    for (const table of tables) {
      const lower = (name: string) => (engine === 'postgres' ? name.toLowerCase() : name);
      const tableName = table.name.toLowerCase();
      const columns = table.columns.map((c) => ({ name: lower(c.name), kind: c.kind }));
      const clash = columns.find((c, k) => columns.findIndex((d) => d.name.toLowerCase() === c.name.toLowerCase()) !== k);
      if (clash) throw new Error(`${path}: table ${table.name} has two columns named ${clash.name} but for case`);
      const q = engine === 'postgres' ? quoteIdentifier : quoteName;
      const types = TYPES[engine];
      const definitions = columns.map((c) => `${q(c.name)} ${types[c.kind]}`);
      const key = table.primaryKey.map(lower);
      // MySQL cannot key a TEXT or BLOB column without a prefix length; its GROUP BY needs no key anyway.
      const numeric = (k: string) => ['integer', 'real'].includes(columns.find((c) => c.name === k)?.kind ?? 'text');
      const keyable = engine === 'postgres' || key.every(numeric);
      if (key.length > 0 && keyable) definitions.push(`PRIMARY KEY (${key.map(q).join(', ')})`);
      await target.exec(`CREATE TABLE ${q(dbId)}.${q(tableName)} (${definitions.join(', ')})`);
      if (columns.length === 0) continue;
      const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / columns.length));
      const statement = db.prepare(`SELECT * FROM ${sqliteName(table.name)}`).raw(true);
      let batch: unknown[][] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await target.insert(`${q(dbId)}.${q(tableName)}`, columns.length, batch);
        batch = [];
      };
      for (const row of statement.iterate() as IterableIterator<unknown[]>) {
        batch.push(row.map((v, k) => serverValue(v, columns[k]?.kind ?? 'text')));
        if (batch.length >= perInsert) await flush();
      }
      await flush();
    }
    return tables;
  } finally {
    db.close();
    await target.close();
  }
}

interface Target {
  create(dbId: string, replace: boolean): Promise<void>;
  exec(sql: string): Promise<void>;
  insert(table: string, width: number, rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

async function postgresTarget(url: string): Promise<Target> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    async create(dbId, replace) {
      if (replace) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(dbId)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdentifier(dbId)}`);
    },
    exec: async (sql) => void (await client.query(sql)),
    async insert(table, width, rows) {
      let n = 0;
      const tuples = rows.map(() => `(${Array.from({ length: width }, () => `$${++n}`).join(', ')})`);
      await client.query(`INSERT INTO ${table} VALUES ${tuples.join(', ')}`, rows.flat());
    },
    close: () => client.end(),
  };
}

async function mysqlTarget(url: string): Promise<Target> {
  const connection = await mysql.createConnection({ uri: url, supportBigNumbers: true });
  return {
    async create(dbId, replace) {
      if (replace) await connection.query(`DROP DATABASE IF EXISTS ${quoteName(dbId)}`);
      await connection.query(`CREATE DATABASE ${quoteName(dbId)} CHARACTER SET utf8mb4`);
    },
    exec: async (sql) => void (await connection.query(sql)),
    insert: async (table, _width, rows) => void (await connection.query(`INSERT INTO ${table} VALUES ?`, [rows])),
    close: () => connection.end(),
  };
}

export interface CopiedDatabase {
  readonly dbId: string;
  readonly tables: number;
  readonly rows: number;
}

/**
 * Copies the databases of a Spider/BIRD folder (`<db_id>/<db_id>.sqlite`) to the server: the
 * ones named, or all of them. A name without its file is an error before anything is copied.
 */
export async function copyDatabases(options: {
  readonly dbDir: string;
  readonly url: string;
  readonly dbIds?: readonly string[];
  readonly replace?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}): Promise<CopiedDatabase[]> {
  const { dbDir } = options;
  if (!existsSync(dbDir) || !statSync(dbDir).isDirectory()) throw new DataError(dbDir, 'no such folder');
  const ids =
    options.dbIds && options.dbIds.length > 0
      ? [...options.dbIds]
      : readdirSync(dbDir)
          .filter((id) => existsSync(join(dbDir, id, `${id}.sqlite`)))
          .sort();
  const absent = ids.find((id) => !existsSync(join(dbDir, id, `${id}.sqlite`)));
  if (absent !== undefined) throw new DataError(join(dbDir, absent, `${absent}.sqlite`), 'no such database file');
  if (ids.length === 0) throw new DataError(dbDir, 'holds no <db_id>/<db_id>.sqlite database');
  const copied: CopiedDatabase[] = [];
  options.onProgress?.(0, ids.length);
  for (const id of ids) {
    const tables = await copyDatabase(join(dbDir, id, `${id}.sqlite`), id, options.url, { replace: options.replace }).catch(
      (err: Error) => {
        if (err instanceof UsageError || err instanceof DatabaseServerError) throw err;
        const hint = /already exists/.test(err.message) ? ' (copy with replace to drop it first)' : '';
        throw new DatabaseServerError(`${redact(options.url)}: copying ${id}: ${err.message}${hint}`);
      },
    );
    copied.push({ dbId: id, tables: tables.length, rows: tables.reduce((a, t) => a + t.rows, 0) });
    options.onProgress?.(copied.length, ids.length);
  }
  return copied;
}
