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

test('after the transpiler: derived tables get an alias, and on PostgreSQL a JOIN without ON is a CROSS JOIN', () => {
  const names = new Set(['t', 'u', 'a', 'id']);
  const derived = 'SELECT count(*) FROM (SELECT a FROM t INTERSECT SELECT a FROM u)';
  assert.deepEqual(transpileQuery(derived, 'sqlite', 'postgres', names), {
    ok: true,
    sql: 'SELECT COUNT(*) FROM (SELECT a FROM t INTERSECT SELECT a FROM u) AS derived_1',
  });
  assert.deepEqual(transpileQuery(derived, 'sqlite', 'mysql', names), {
    ok: true,
    sql: 'SELECT COUNT(*) FROM (SELECT a FROM t INTERSECT SELECT a FROM u) AS derived_1',
  });
  // Named ones, and subqueries elsewhere, stay as they are.
  const named = 'SELECT x.a FROM (SELECT a FROM t) AS x WHERE a IN (SELECT a FROM u)';
  assert.deepEqual(transpileQuery(named, 'sqlite', 'postgres', names), { ok: true, sql: named });
  const join = 'SELECT t.a FROM t JOIN u WHERE t.id = u.id';
  assert.deepEqual(transpileQuery(join, 'sqlite', 'postgres', names), {
    ok: true,
    sql: 'SELECT t.a FROM t CROSS JOIN u WHERE t.id = u.id',
  });
  // MySQL takes a JOIN without ON as it is; a JOIN with ON, or a LEFT JOIN, is left alone everywhere.
  assert.deepEqual(transpileQuery(join, 'sqlite', 'mysql', names), { ok: true, sql: join });
  const on = 'SELECT t.a FROM t JOIN (SELECT id FROM u) AS v ON t.id = v.id LEFT JOIN u ON u.id = t.id';
  assert.deepEqual(transpileQuery(on, 'sqlite', 'postgres', names), { ok: true, sql: on });
});

test('without a database, a double-quoted word is a string where a value stands, and a name elsewhere', () => {
  const cases: [string, string][] = [
    ['SELECT name FROM singer WHERE country = "France"', "SELECT name FROM singer WHERE country = 'France'"],
    ['SELECT a FROM t WHERE b != "x" AND c LIKE "%y%"', "SELECT a FROM t WHERE b != 'x' AND c LIKE '%y%'"],
    [
      'SELECT a FROM t WHERE b IN ("p", "q") AND c NOT IN (SELECT "d" FROM e)',
      `SELECT a FROM t WHERE b IN ('p', 'q') AND c NOT IN (SELECT "d" FROM e)`,
    ],
    ['SELECT a FROM t WHERE b BETWEEN "1" AND "9" AND c = 1', "SELECT a FROM t WHERE b BETWEEN '1' AND '9' AND c = 1"],
    ['SELECT CASE WHEN a = 1 THEN "yes" ELSE "no" END FROM t', "SELECT CASE WHEN a = 1 THEN 'yes' ELSE 'no' END FROM t"],
    ['SELECT "name", count(*) FROM "singer" GROUP BY "name"', 'SELECT "name", count(*) FROM "singer" GROUP BY "name"'],
    ['SELECT a FROM t WHERE b = "t"."c"', 'SELECT a FROM t WHERE b = "t"."c"'],
    [`SELECT a FROM t WHERE b = "it's"`, `SELECT a FROM t WHERE b = 'it''s'`],
  ];
  for (const [sql, expected] of cases) assert.equal(doubleQuotedStringsAsLiterals(sql, null), expected, sql);
});
