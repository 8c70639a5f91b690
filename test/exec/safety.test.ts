/**
 * Untrusted predictions cannot write to, or escape from, the database they are checked against:
 * the file's bytes are unchanged after every hostile query, nothing is written elsewhere, and the
 * next item still runs. Queries that never end are stopped; huge results are capped.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluate } from '../../src/eval/evaluate.js';
import { replaceDoubleQuoted } from '../../src/exec/sqlite.js';
import { makeSingerDb, sha256 } from '../helpers/db.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const dbPath = makeSingerDb(tmp.dir);
const otherDb = makeSingerDb(tmp.dir, 'other');
const stolen = join(tmp.dir, 'stolen.sqlite');
const GOLD = 'SELECT count(*) FROM singer';

const HOSTILE = [
  'DROP TABLE singer',
  'DELETE FROM singer',
  "INSERT INTO singer VALUES (9, 'x', 'y', 1)",
  "UPDATE singer SET Name = 'pwned'",
  "REPLACE INTO singer VALUES (1, 'x', 'y', 1)",
  "ATTACH '/etc/passwd' AS p",
  `ATTACH '${otherDb}' AS o`,
  'PRAGMA writable_schema = 1',
  'PRAGMA query_only = OFF',
  'CREATE TEMP TABLE t AS SELECT * FROM singer',
  'CREATE TABLE t (a)',
  "SELECT load_extension('/usr/lib/x86_64-linux-gnu/libm.so.6')",
  'SELECT 1; DROP TABLE singer',
  'WITH x AS (SELECT 1) DELETE FROM singer',
  `VACUUM INTO '${stolen}'`,
  "SELECT writefile('/tmp/sqlalign-pwned', 'x')",
  'BEGIN; DELETE FROM singer; COMMIT',
  'DETACH main',
];

describe('hostile predictions', () => {
  test('are refused or fail, and leave the database file byte for byte as it was', async () => {
    const before = sha256(dbPath);
    const otherBefore = sha256(otherDb);
    const gold = [...HOSTILE.map(() => ({ sql: GOLD, db_id: 'concert_singer' })), { sql: GOLD, db_id: 'concert_singer' }];
    const pred = [...HOSTILE, 'SELECT count(*) FROM singer'];
    const { items } = await evaluate({
      gold: { name: 'gold', queries: gold },
      pred: { name: 'pred', queries: pred },
      dbDir: tmp.dir,
      workers: 2,
    });
    for (const item of items.slice(0, HOSTILE.length)) {
      assert.equal(item.status, 'pred_error', `${item.predSql}: ${item.status}`);
      assert.equal(item.ex, false);
      assert.ok(item.error, item.predSql ?? '');
    }
    assert.match(items[0]?.error ?? '', /refused|readonly|read-only/);
    // The item after all of them still sees the untouched table.
    assert.equal(items.at(-1)?.status, 'ok');
    assert.equal(items.at(-1)?.ex, true);
    assert.equal(sha256(dbPath), before);
    assert.equal(sha256(otherDb), otherBefore);
    assert.equal(existsSync(stolen), false);
    assert.equal(existsSync('/tmp/sqlalign-pwned'), false);
  });

  test('a query that never ends is stopped at the time-out, and the run goes on', async () => {
    const forever = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
    const { items } = await evaluate({
      gold: { name: 'gold', queries: [1, 2, 3].map(() => ({ sql: GOLD, db_id: 'concert_singer' })) },
      pred: { name: 'pred', queries: [GOLD, forever, GOLD] },
      dbDir: tmp.dir,
      timeoutSeconds: 1,
      workers: 1,
    });
    assert.deepEqual(
      items.map((i) => [i.status, i.ex]),
      [
        ['ok', true],
        ['timeout', false],
        ['ok', true],
      ],
    );
    assert.match(items[1]?.error ?? '', /ran longer than 1 s and was stopped/);
  });

  test('a huge result is capped, not loaded', async () => {
    const huge = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 5000000) SELECT x FROM c';
    const { items } = await evaluate({
      gold: { name: 'gold', queries: [{ sql: GOLD, db_id: 'concert_singer' }] },
      pred: { name: 'pred', queries: [huge] },
      dbDir: tmp.dir,
      maxRows: 1000,
    });
    assert.equal(items[0]?.status, 'pred_error');
    assert.match(items[0]?.error ?? '', /more than 1000 rows \(--max-rows\)/);
  });
});

test('double-quoted strings are read as SQLite (and Python) read them: as literals when no column has that name', async () => {
  const { items } = await evaluate({
    gold: {
      name: 'gold',
      queries: [{ sql: 'SELECT Name FROM singer WHERE Country = "France" ORDER BY Age', db_id: 'concert_singer' }],
    },
    pred: { name: 'pred', queries: ['SELECT Name FROM singer WHERE "Country" = \'France\' ORDER BY Age'] },
    dbDir: tmp.dir,
  });
  assert.equal(items[0]?.status, 'ok', items[0]?.error ?? '');
  assert.equal(items[0]?.goldRows, 3);
  assert.equal(items[0]?.ex, true);
  assert.equal(
    replaceDoubleQuoted(`SELECT "a" FROM t WHERE b = "a" AND c = '"a"' -- "a"`, '"a"'),
    `SELECT 'a' FROM t WHERE b = 'a' AND c = '"a"' -- "a"`,
  );
});

test('an item stopped by its time-out still gets its exact set match and hardness', async () => {
  const forever = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';
  const { items } = await evaluate({
    gold: { name: 'gold', queries: [{ sql: GOLD, db_id: 'concert_singer' }] },
    pred: { name: 'pred', queries: [forever] },
    dbDir: tmp.dir,
    timeoutSeconds: 1,
    tables: [
      {
        db_id: 'concert_singer',
        table_names_original: ['singer'],
        column_names_original: [
          [-1, '*'],
          [0, 'Singer_ID'],
        ],
        foreign_keys: [],
      },
    ],
  });
  assert.equal(items[0]?.status, 'timeout');
  assert.equal(items[0]?.hardness, 'easy');
  assert.equal(items[0]?.exact, false);
});
