/** copy-db's reading of a SQLite file: column kinds from the values, primary keys only where the rows honour them. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { readSqliteTables } from '../../src/exec/copyDatabase.js';
import { scratchDir } from '../helpers/tmp.js';

test('kinds: integers, numbers (also kept as canonical text), text, blobs, and the declared affinity of NULL-only columns', () => {
  const path = join(scratchDir().dir, 'kinds.sqlite');
  const db = new Database(path);
  db.exec(`
    CREATE TABLE t (a int, b text, c text, d real, e text, f blob, g int, h numeric, i text PRIMARY KEY);
    INSERT INTO t VALUES (1, '12', '012', 1.5, 'x', x'00', NULL, NULL, 'k1');
    INSERT INTO t VALUES (2, '-3', '4', 2, '7', NULL, NULL, NULL, 'k2');
    CREATE TABLE u (id int PRIMARY KEY, n text);
    INSERT INTO u VALUES (1, '1.5'), (NULL, '2'), (2, '1.50');
    CREATE TABLE v (a int, b int, PRIMARY KEY (b, a));
    INSERT INTO v VALUES (1, 1), (2, 1);
  `);
  db.close();
  const { db: read, tables } = readSqliteTables(path);
  read.close();
  const kinds = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.kind).join(' ')]));
  assert.deepEqual(kinds, {
    t: 'integer integer text real text blob integer real text',
    u: 'integer text',
    v: 'integer integer',
  });
  const keys = Object.fromEntries(tables.map((t) => [t.name, t.primaryKey]));
  // u's key has a NULL (SQLite lets it through): no key on the server.
  assert.deepEqual(keys, { t: ['i'], u: [], v: ['b', 'a'] });
  assert.deepEqual(
    tables.map((t) => t.rows),
    [2, 3, 2],
  );
});
