/**
 * `eval` on a real PostgreSQL server: values compared as the official scripts would, every hostile
 * prediction refused without changing a row (as a reader role and as a superuser alike), a time-out
 * that leaves the server usable, and the command line end to end (`--db-url`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openPostgres, type ServerRunner } from '../../src/exec/postgres.js';
import type { ExecRequest } from '../../src/exec/protocol.js';
import { runCli } from '../helpers/cli.js';
import { postgresOrSkip, startPostgres, type TestServer } from '../helpers/postgres.js';
import { scratchDir } from '../helpers/tmp.js';

const SETUP = `
CREATE SCHEMA shop;
CREATE TABLE shop.items (id int PRIMARY KEY, name text, price numeric(10, 2), added date, big bigint, ok boolean);
INSERT INTO shop.items VALUES
  (1, 'apple', 12.50, '2024-01-02', 9007199254740993, true),
  (2, 'pear', 3.00, NULL, 2, false),
  (3, NULL, NULL, '2024-03-04', NULL, NULL);
CREATE SEQUENCE shop.s;
CREATE ROLE reader LOGIN;
GRANT USAGE ON SCHEMA shop TO reader;
GRANT SELECT ON ALL TABLES IN SCHEMA shop TO reader;
`;

const CHECKSUM = "SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY id)) AS sum FROM shop.items t";

let request = 0;
const item = (pred: string, gold = 'SELECT id FROM items ORDER BY id', db: string | null = 'shop'): ExecRequest => ({
  id: request++,
  db,
  gold,
  pred,
  semantics: 'spider',
  keepDistinct: false,
  maxRows: 1000,
  execute: true,
  spider: null,
});

describe('eval on PostgreSQL', postgresOrSkip(), () => {
  let server: TestServer;
  let admin: pg.Client;
  const runners: ServerRunner[] = [];
  const open = async (url: string, timeoutMs = 5000) => {
    const runner = await openPostgres(url, { workers: 2, timeoutMs });
    runners.push(runner);
    return runner;
  };
  const state = async () => (await admin.query(CHECKSUM)).rows[0] as { n: number; sum: string };

  before(async () => {
    server = await startPostgres();
    admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(SETUP);
  });
  after(async () => {
    for (const r of runners) await r.close();
    await admin?.end();
    server?.stop();
  });

  test('values compare as the official scripts do: numeric and bigint as numbers, NULL = NULL, booleans as 1/0', async () => {
    const runner = await open(server.readerUrl);
    assert.ok(runner.databases.has('shop'));
    const cases: [string, string, boolean][] = [
      ['SELECT 12.5', 'SELECT price FROM items WHERE id = 1', true],
      ['SELECT 3', 'SELECT count(*) FROM items', true],
      ['SELECT 9007199254740993', 'SELECT big FROM items WHERE id = 1', true],
      ['SELECT 9007199254740992', 'SELECT big FROM items WHERE id = 1', false],
      ['SELECT NULL', 'SELECT name FROM items WHERE id = 3', true],
      ['SELECT 1', 'SELECT ok FROM items WHERE id = 1', true],
      ["SELECT '2024-01-02'", 'SELECT added FROM items WHERE id = 1', true],
      ['SELECT name, id FROM items', 'SELECT id, name FROM items', true],
      ['SELECT id FROM items ORDER BY id DESC', 'SELECT id FROM items ORDER BY id', false],
    ];
    for (const [pred, gold, ex] of cases) {
      const result = await runner.run(item(pred, gold));
      assert.equal(result.status, 'ok', `${pred}: ${result.error}`);
      assert.equal(result.ex, ex, `${pred} against ${gold}`);
    }
  });

  test('hostile predictions are refused and change nothing, as a reader and as a superuser', async () => {
    const hostile = [
      'DROP TABLE items',
      'DELETE FROM items',
      'INSERT INTO items (id) VALUES (9)',
      'UPDATE items SET price = 0',
      'SELECT 1; DROP TABLE items',
      'WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d',
      'SELECT * INTO copied FROM items',
      'CREATE TEMP TABLE t AS SELECT 1',
      'TRUNCATE items',
      "SELECT set_config('transaction_read_only', 'off', false), 1",
      "SELECT set_config('search_path', 'public', true), 1",
      "SELECT nextval('s')",
      'COPY items TO STDOUT',
      'SET search_path TO public',
      '/* hidden */ ; DELETE FROM items',
    ];
    const before = await state();
    for (const url of [server.readerUrl, server.url]) {
      const runner = await open(url);
      for (const pred of hostile) {
        const result = await runner.run(item(pred));
        assert.notEqual(result.ex, true, pred);
        // A prediction may fail or be wrong; it may never make the gold query fail (that would drop the item from EX).
        assert.ok(result.status === 'pred_error' || result.status === 'ok', `${pred}: ${result.status} ${result.error}`);
      }
      // Still able to judge honestly afterwards: the session kept no setting a prediction made.
      const fine = await runner.run(item('SELECT id FROM items ORDER BY id'));
      assert.equal(fine.ex, true, fine.error ?? '');
    }
    assert.deepEqual(await state(), before);
    const tables = await admin.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('copied', 't')");
    assert.equal(tables.rows[0].n, 0);
  });

  test('a prediction that runs past the time-out is stopped by the server, and the next item runs', async () => {
    const runner = await open(server.readerUrl, 300);
    const slow = await runner.run(item('SELECT pg_sleep(5)'));
    assert.equal(slow.status, 'timeout');
    const next = await runner.run(item('SELECT id FROM items ORDER BY id'));
    assert.equal(next.ex, true);
  });

  test('sqlalign eval --db-url: EX per item, a db_id with no schema is a missing database, bad servers fail in one line', async () => {
    const tmp = scratchDir();
    const gold = tmp.file(
      'gold.json',
      JSON.stringify([
        { db_id: 'shop', query: 'SELECT name FROM items WHERE price > 5' },
        { db_id: 'shop', query: 'SELECT count(*) FROM items' },
        { db_id: 'nowhere', query: 'SELECT 1' },
        // Its own SQLite database on a server: there is none, so it is missing, never scored wrong.
        { db_id: 'gretel', sql_context: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1);', query: 'SELECT a FROM t' },
      ]),
    );
    const pred = tmp.file('pred.sql', 'SELECT name FROM items WHERE id = 1\nSELECT 4\nSELECT 1\nSELECT a FROM t\n');
    const run = await runCli(['eval', '--gold', gold, '--pred', pred, '--db-url', server.readerUrl, '--json', '--workers', '2']);
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { overall: { n: number; ex: number }; counts: { missing_db: number; ok: number } };
    assert.equal(summary.overall.n, 2);
    assert.equal(summary.overall.ex, 0.5);
    assert.equal(summary.counts.missing_db, 2);
    const none = tmp.file('none.json', JSON.stringify([{ db_id: 'nowhere', query: 'SELECT 1' }]));
    const one = tmp.file('one.sql', 'SELECT 1\n');
    const missing = await runCli(['eval', '--gold', none, '--pred', one, '--db-url', server.readerUrl]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /holds none of the 1 databases the items name as a schema/);
    const down = await runCli([
      'eval',
      '--gold',
      gold,
      '--pred',
      pred,
      '--db-url',
      'postgres://reader:secret@127.0.0.1:1/postgres',
    ]);
    assert.equal(down.code, 1);
    assert.equal(down.stderr.trim().split('\n').length, 1, down.stderr);
    assert.match(down.stderr, /cannot reach the PostgreSQL server/);
    assert.doesNotMatch(down.stderr, /secret/, 'the password is never printed');
  });
});
