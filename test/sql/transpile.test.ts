/** Transpiling SQLite queries for a server: SQLite's double-quoted strings become literals first; names stay names. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadParser } from '../../src/sql/parser.js';
import { doubleQuotedStringsAsLiterals, transpileQuery } from '../../src/sql/transpile.js';

const NAMES = new Set(['singer', 'name', 'country', 'song name']);

before(() => loadParser());

test('a double-quoted word that names no column or table is a string, as SQLite reads it', () => {
  assert.equal(
    doubleQuotedStringsAsLiterals('SELECT "Name" FROM singer WHERE country = "France" AND name != "it\'s ""x"""', NAMES),
    `SELECT "Name" FROM singer WHERE country = 'France' AND name != 'it''s "x"'`,
  );
  // An alias the query makes stays a name where it is used again.
  assert.equal(
    doubleQuotedStringsAsLiterals('SELECT count(*) AS "n" FROM singer ORDER BY "n"', NAMES),
    'SELECT count(*) AS "n" FROM singer ORDER BY "n"',
  );
  // Inside strings and comments nothing changes.
  assert.equal(doubleQuotedStringsAsLiterals(`SELECT '"a"' -- "b"`, NAMES), `SELECT '"a"' -- "b"`);
});

test('SQLite to PostgreSQL and MySQL: strings stay strings, names stay names, functions are rewritten', () => {
  const sql = 'SELECT "song name", ifnull(name, "none") FROM singer WHERE country = "France" ORDER BY name DESC LIMIT 1';
  const pg = transpileQuery(sql, 'sqlite', 'postgres', NAMES);
  assert.deepEqual(pg, {
    ok: true,
    sql: `SELECT "song name", COALESCE(name, 'none') FROM singer WHERE country = 'France' ORDER BY name DESC NULLS LAST LIMIT 1`,
  });
  const my = transpileQuery(sql, 'sqlite', 'mysql', NAMES);
  assert.deepEqual(my, {
    ok: true,
    sql: "SELECT `song name`, COALESCE(name, 'none') FROM singer WHERE country = 'France' ORDER BY name DESC LIMIT 1",
  });
  const junk = transpileQuery('SELECT FROM WHERE (', 'sqlite', 'postgres', NAMES);
  assert.equal(junk.ok, false);
  assert.equal(transpileQuery('SELECT 1; SELECT 2', 'sqlite', 'postgres', NAMES).ok, false);
});
