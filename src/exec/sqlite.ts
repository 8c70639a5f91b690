/**
 * Opening SQLite databases for untrusted queries: read-only, the file must exist, writes
 * refused by SQLite itself (query_only), one statement at a time, and results capped.
 * A Gretel-style item brings its own CREATE/INSERT statements: they build a private
 * in-memory database, which is then made query-only like the others.
 */
import Database from 'better-sqlite3';
import { dialectInfo } from '../sql/dialects.js';
import { SqlLexer } from '../sql/lexer.js';
import { refusalOf } from './guard.js';
import type { Row } from './values.js';
import { type QueryOutcome, tooManyRows } from './verdict.js';

export type Db = Database.Database;

const SQLITE = dialectInfo('sqlite');

export function openReadOnly(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  db.defaultSafeIntegers(true);
  return db;
}

/** A fresh in-memory database built from trusted setup SQL (an item's own sql_context). */
export function openFromContext(contextSql: string): Db {
  const db = new Database(':memory:');
  db.exec(contextSql);
  db.pragma('query_only = ON');
  db.defaultSafeIntegers(true);
  return db;
}

/** How many double-quoted strings one query may have turned into literals (see prepareWithDqs). */
const MAX_DQS_REWRITES = 32;

/**
 * Prepares a statement the way SQLite's default build (and so Python's sqlite3, which the official
 * evaluators use) reads it: a double-quoted name that matches no column is a string literal.
 * better-sqlite3 is built without that legacy rule (SQLITE_DQS=0) and offers no switch, so the
 * rule is applied here: SQLite names the first such token in its error, and it is rewritten as
 * a '...' literal and the query prepared again.
 */
function prepareWithDqs(db: Db, sql: string): Database.Statement {
  let text = sql;
  for (let attempt = 0; ; attempt++) {
    try {
      return db.prepare(text);
    } catch (err) {
      const dq = /^no such column: ("(?:[^"]|"")*") - should this be a string literal in single-quotes\?/.exec(message(err));
      if (!dq || attempt >= MAX_DQS_REWRITES) throw err;
      const rewritten = replaceDoubleQuoted(text, dq[1] as string);
      if (rewritten === text) throw err;
      text = rewritten;
    }
  }
}

/** Every `"token"` quoted name (not inside '...' strings or comments) written as a '...' literal instead. */
export function replaceDoubleQuoted(sql: string, token: string): string {
  const literal = `'${token.slice(1, -1).replace(/""/g, '"').replace(/'/g, "''")}'`;
  let out = '';
  let from = 0;
  const lexer = new SqlLexer(sql, SQLITE);
  while (lexer.next()) {
    if (lexer.kind === 'quoted' && lexer.end - lexer.start === token.length && sql.startsWith(token, lexer.start)) {
      out += sql.slice(from, lexer.start) + literal;
      from = lexer.end;
    }
  }
  return out + sql.slice(from);
}

/** Runs one untrusted query; more than `maxRows` rows is an error, not an out-of-memory crash. */
export function runQuery(db: Db, sql: string, maxRows: number): QueryOutcome {
  let statement: Database.Statement;
  try {
    statement = prepareWithDqs(db, sql);
  } catch (err) {
    return { ok: false, error: message(err) };
  }
  const refusal = refusalOf(sql, statement);
  if (refusal) return { ok: false, error: refusal };
  try {
    const rows: Row[] = [];
    for (const row of statement.raw(true).iterate() as IterableIterator<Row>) {
      if (rows.length >= maxRows) return tooManyRows(maxRows);
      rows.push(row);
    }
    return { ok: true, rows };
  } catch (err) {
    return { ok: false, error: message(err) };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
