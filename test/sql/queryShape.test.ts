/** Query shapes: what the cache key keeps, masks and refuses. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { queryShape, type ShapeLexicon } from '../../src/sql/queryShape.js';

const plainUnlessKeyword: ShapeLexicon = {
  isPlainName: (w) =>
    !['SELECT', 'FROM', 'WHERE', 'AND', 'AS', 'ORDER', 'BY', 'DESC', 'LIMIT', 'COUNT', 'JOIN', 'ON', 'IN'].includes(w),
};
const sqlite = dialectInfo('sqlite');
const postgres = dialectInfo('postgres');
const mysql = dialectInfo('mysql');
const key = (sql: string, dialect = sqlite) => queryShape(sql, dialect, plainUnlessKeyword)?.key;

test('literals, names and quoted names are masked; keywords and function names are kept, upper-cased', () => {
  assert.equal(
    key("select T1.name from singer as T1 where age > 30 and country = 'France' limit 1"),
    "SELECT V.V FROM V AS V WHERE V > 0 AND V = '' LIMIT 0",
  );
  assert.equal(key('SELECT count(*) FROM "my table" WHERE [x] = `y`'), 'SELECT COUNT(*) FROM Q WHERE Q = Q');
  assert.equal(key('SELECT avg (a) FROM t'), 'SELECT AVG (V) FROM V', 'a name before ( is a function name, kept');
});

test('queries that differ only in names, literals, comments and spacing share a shape', () => {
  const a = key("SELECT name FROM singer WHERE age > 3 AND country = 'France'");
  const b = key("select  title\nFROM  song -- the songs\nWHERE year > 1999.5 AND genre = 'it''s pop'");
  assert.equal(a, b);
  assert.notEqual(key('SELECT a FROM t'), key('SELECT a, b FROM t'));
  assert.notEqual(key('SELECT a FROM t WHERE x = 1'), key('SELECT a FROM t WHERE x = -1'));
});

test('spacing that the parser can see is kept: `:name` is not `: name`', () => {
  assert.notEqual(key('SELECT a FROM t WHERE b = :p'), key('SELECT a FROM t WHERE b = : p'));
});

test('what the parser may read as syntax stays verbatim', () => {
  assert.equal(key("SELECT N'x', E'y' FROM t"), "SELECT N'', E'' FROM V", 'a word glued to a quote');
  assert.equal(key('SELECT @p, $1, #tmp FROM t'), 'SELECT @p, $1, #tmp FROM V', 'parameters and temp names');
  assert.equal(key('SELECT 0x1F, 1e5, .5 FROM t'), 'SELECT 0x1F, 0, 0 FROM V');
});

test('brackets quote names only where the dialect says so', () => {
  assert.equal(key('SELECT a[1] FROM t', postgres), 'SELECT V[0] FROM V');
  assert.equal(key('SELECT [a b] FROM t', sqlite), 'SELECT Q FROM V');
});

test('backslash escapes in strings follow the dialect', () => {
  assert.equal(key("SELECT a FROM t WHERE b = 'it\\'s' AND c = 1", mysql), "SELECT V FROM V WHERE V = '' AND V = 0");
  assert.equal(
    queryShape("SELECT a FROM t WHERE b = 'it\\'s' AND c = 1", sqlite, plainUnlessKeyword),
    null,
    'unterminated in SQLite',
  );
});

test('unterminated quotes and comments give no shape (the parser reports them)', () => {
  assert.equal(key("SELECT 'abc"), undefined);
  assert.equal(key('SELECT "abc'), undefined);
  assert.equal(key('SELECT a /* open'), undefined);
});

test('every masked span is listed with its kind', () => {
  const shape = queryShape("SELECT a FROM t WHERE b = 'x'", sqlite, plainUnlessKeyword);
  assert.deepEqual(
    shape?.masked.map((m) => [m.kind, m.start, m.end]),
    [
      ['name', 7, 8],
      ['name', 14, 15],
      ['name', 22, 23],
      ['literal', 26, 29],
    ],
  );
});
