/**
 * `eval` on real servers, one suite for every engine: values compared as the official scripts
 * would, every hostile prediction refused without changing a row (as a reader and as an
 * administrator alike), a time-out that leaves the server usable, BIRD's timing, and the command
 * line end to end (`--db-url`). Each engine gives its setup, checksum and own hostile queries.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { evaluate } from '../../src/eval/evaluate.js';
import { readSqliteTables } from '../../src/exec/copyDatabase.js';
import { openServer } from '../../src/exec/openServer.js';
import type { ServerRunner } from '../../src/exec/server.js';
import { AUDIT_CASES, SCORES_ROWS, SCORES_TABLE } from '../helpers/auditCases.js';
import { runCli } from '../helpers/cli.js';
import { execRequest } from '../helpers/execRequest.js';
import { mariadbOrSkip, startMariadb } from '../helpers/mariadb.js';
import { SHARED } from '../helpers/paths.js';
import { postgresOrSkip, startPostgres, type TestServer } from '../helpers/postgres.js';
import { scratchDir } from '../helpers/tmp.js';

interface Admin {
  query(sql: string): Promise<Record<string, unknown>[]>;
  end(): Promise<void>;
}

interface Engine {
  readonly name: string;
  /** The dialect queries are transpiled to for it. */
  readonly dialect: string;
  readonly orSkip: () => { skip: string | false };
  readonly start: () => Promise<TestServer>;
  readonly admin: (url: string) => Promise<Admin>;
  /** Statements that make database (or schema) `shop` with table `items`, and let `reader` only read it. */
  readonly setup: readonly string[];
  /** Row count and a checksum of every row of shop.items. */
  readonly checksum: string;
  /** How many tables named `copied` or `t` exist anywhere (a prediction must never make one). */
  readonly madeTables: string;
  readonly hostile: readonly string[];
  readonly sleep: string;
  /** The URL as a user writes it for a bad password on a port nothing listens on. */
  readonly downUrl: string;
  readonly unreachable: RegExp;
  readonly missing: RegExp;
  /**
   * Spider dev's gold queries on four of its databases, transpiled from SQLite: how many run, and
   * why the others fail here (measured on Debian 12's PostgreSQL 15 and MariaDB 10.11).
   */
  readonly spider: { readonly ran: number; readonly failures: Record<string, number> };
}

/** The same rows on every engine: a decimal, a date, an integer past 2^53, a boolean, NULLs. */
const INSERT_ITEMS = `INSERT INTO shop.items VALUES
  (1, 'apple', 12.50, '2024-01-02', 9007199254740993, true),
  (2, 'pear', 3.00, NULL, 2, false),
  (3, NULL, NULL, '2024-03-04', NULL, NULL)`;

/** Hostile predictions every engine must refuse (or run without effect). */
const COMMON_HOSTILE = [
  'DROP TABLE items',
  'DELETE FROM items',
  'INSERT INTO items (id) VALUES (9)',
  'UPDATE items SET price = 0',
  'SELECT 1; DROP TABLE items',
  'CREATE TEMPORARY TABLE t AS SELECT 1',
  'TRUNCATE items',
  '/* hidden */ ; DELETE FROM items',
  'SELECT * INTO copied FROM items',
];

const ENGINES: Engine[] = [
  {
    name: 'PostgreSQL',
    dialect: 'postgres',
    orSkip: postgresOrSkip,
    start: startPostgres,
    async admin(url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return { query: async (sql) => (await client.query(sql)).rows, end: () => client.end() };
    },
    setup: [
      'CREATE SCHEMA shop',
      'CREATE TABLE shop.items (id int PRIMARY KEY, name text, price numeric(10, 2), added date, big bigint, ok boolean)',
      INSERT_ITEMS,
      'CREATE SEQUENCE shop.s',
      'CREATE ROLE reader LOGIN',
      'GRANT USAGE ON SCHEMA shop TO reader',
      'GRANT SELECT ON ALL TABLES IN SCHEMA shop TO reader',
    ],
    checksum: "SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY id)) AS sum FROM shop.items t",
    madeTables: "SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('copied', 't')",
    hostile: [
      'WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d',
      "SELECT set_config('transaction_read_only', 'off', false), 1",
      "SELECT set_config('search_path', 'public', true), 1",
      "SELECT nextval('s')",
      'COPY items TO STDOUT',
      'SET search_path TO public',
      "SELECT pg_read_file('/etc/passwd')",
      'SELECT "pg_read_file"(\'/etc/passwd\')',
      "SELECT lo_export(1, '/tmp/x')",
      'SELECT pg_terminate_backend(1)',
    ],
    sleep: 'SELECT pg_sleep(5)',
    downUrl: 'postgres://reader:secret@127.0.0.1:1/postgres',
    unreachable: /cannot reach the PostgreSQL server/,
    missing: /holds none of the 1 databases the items name \(e\.g\. no schema "nowhere"/,
    spider: {
      ran: 286,
      failures: {
        // Engine semantics: PostgreSQL's strict GROUP BY (a column of the other side of a join)…
        'must appear in the GROUP BY clause': 7,
        // … and no implicit cast between text and numbers (car_1's Horsepower holds 'null' as text).
        'function avg(text) does not exist': 4,
        'operator does not exist: text > integer': 2,
      },
    },
  },
  {
    name: 'MariaDB',
    dialect: 'mysql',
    orSkip: mariadbOrSkip,
    start: startMariadb,
    async admin(url) {
      const connection = await mysql.createConnection({ uri: url, multipleStatements: false });
      return {
        query: async (sql) => (await connection.query(sql))[0] as Record<string, unknown>[],
        end: () => connection.end(),
      };
    },
    setup: [
      'CREATE DATABASE shop',
      'CREATE TABLE shop.items (id int PRIMARY KEY, name text, price decimal(10, 2), added date, big bigint, ok boolean)',
      INSERT_ITEMS,
      'CREATE SEQUENCE shop.s',
      "GRANT SELECT ON shop.* TO 'reader'@'%'",
    ],
    checksum:
      "SELECT count(*) AS n, md5(group_concat(concat_ws('|', id, name, price, added, big, ok) ORDER BY id)) AS sum FROM shop.items",
    madeTables: "SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('copied', 't')",
    hostile: [
      "SELECT * FROM items INTO OUTFILE '/tmp/sqlalign-outfile'",
      // MySQL and MariaDB run the inside of these comments as SQL.
      "SELECT id FROM items /*! INTO OUTFILE '/tmp/sqlalign-comment' */",
      "SELECT id FROM items /*M!100000 INTO OUTFILE '/tmp/sqlalign-comment-m' */",
      "SELECT id INTO DUMPFILE '/tmp/sqlalign-dumpfile' FROM items LIMIT 1",
      'SELECT id INTO @x FROM items LIMIT 1',
      "SELECT LOAD_FILE('/etc/passwd')",
      "SELECT GET_LOCK('held', 0)",
      'SELECT NEXTVAL(s)',
      'SET SESSION TRANSACTION READ WRITE',
      'LOCK TABLES items WRITE',
      'CALL p()',
      'HANDLER items OPEN',
    ],
    sleep: 'SELECT SLEEP(5)',
    downUrl: 'mysql://reader:secret@127.0.0.1:1',
    unreachable: /cannot reach the MySQL server/,
    missing: /holds none of the 1 databases the items name \(e\.g\. no database `nowhere`/,
    spider: { ran: 299, failures: {} },
  },
];

const SPIDER_DBS = join(SHARED, 'data', 'spider', 'database');

const item = (pred: string, gold = 'SELECT id FROM items ORDER BY id', db: string | null = 'shop', timeRepeats = 0) =>
  execRequest(db, pred, gold, timeRepeats);

for (const engine of ENGINES) {
  describe(`eval on ${engine.name}`, engine.orSkip(), () => {
    let server: TestServer;
    let admin: Admin;
    const runners: ServerRunner[] = [];
    const open = async (url: string, timeoutMs = 5000) => {
      const runner = await openServer(url, { workers: 2, timeoutMs });
      runners.push(runner);
      return runner;
    };
    const state = async () => {
      const row = (await admin.query(engine.checksum))[0] as { n: unknown; sum: unknown };
      return { n: Number(row.n), sum: String(row.sum) };
    };

    before(async () => {
      server = await engine.start();
      admin = await engine.admin(server.url);
      for (const sql of engine.setup) await admin.query(sql);
    });
    after(async () => {
      for (const r of runners) await r.close();
      await admin?.end();
      server?.stop();
    });

    test('values compare as the official scripts do: decimals and bigints as numbers, NULL = NULL, booleans as 1/0, dates only to dates', async () => {
      const runner = await open(server.readerUrl);
      assert.ok(runner.has('shop'));
      const cases: [string, string, boolean][] = [
        ['SELECT 12.5', 'SELECT price FROM items WHERE id = 1', true],
        ['SELECT 3', 'SELECT count(*) FROM items', true],
        ['SELECT 9007199254740993', 'SELECT big FROM items WHERE id = 1', true],
        ['SELECT 9007199254740992', 'SELECT big FROM items WHERE id = 1', false],
        ['SELECT NULL', 'SELECT name FROM items WHERE id = 3', true],
        ['SELECT 1', 'SELECT ok FROM items WHERE id = 1', true],
        ["SELECT DATE '2024-01-02'", 'SELECT added FROM items WHERE id = 1', true],
        // Python's drivers return a date object, which equals no string.
        ["SELECT '2024-01-02'", 'SELECT added FROM items WHERE id = 1', false],
        ['SELECT name, id FROM items', 'SELECT id, name FROM items', true],
        ['SELECT id FROM items ORDER BY id DESC', 'SELECT id FROM items ORDER BY id', false],
      ];
      for (const [pred, gold, ex] of cases) {
        const result = await runner.run(item(pred, gold));
        assert.equal(result.status, 'ok', `${pred}: ${result.error}`);
        assert.equal(result.ex, ex, `${pred} against ${gold}`);
      }
    });

    test('hostile predictions are refused and change nothing, as a reader and as an administrator', async () => {
      const before = await state();
      for (const url of [server.readerUrl, server.url]) {
        const runner = await open(url);
        for (const pred of [...COMMON_HOSTILE, ...engine.hostile]) {
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
      assert.equal(Number((await admin.query(engine.madeTables))[0]?.n), 0);
      for (const file of ['outfile', 'dumpfile', 'comment', 'comment-m']) {
        assert.equal(existsSync(`/tmp/sqlalign-${file}`), false, `no file written: /tmp/sqlalign-${file}`);
      }
    });

    test('a prediction that runs past the time-out is stopped by the server, and the next item runs', async () => {
      const runner = await open(server.readerUrl, 300);
      const slow = await runner.run(item(engine.sleep));
      assert.equal(slow.status, 'timeout', slow.error ?? '');
      const next = await runner.run(item('SELECT id FROM items ORDER BY id'));
      assert.equal(next.ex, true);
    });

    test('the audit of gold answers finds on this engine what it finds on SQLite, and never changes EX', async () => {
      for (const sql of [SCORES_TABLE.replace('scores', 'shop.scores'), SCORES_ROWS.replace('scores', 'shop.scores')])
        await admin.query(sql);
      const runner = await open(server.url);
      for (const c of AUDIT_CASES) {
        const plain = await runner.run(item(c.pred, c.gold));
        const audited = await runner.run({ ...item(c.pred, c.gold), audit: { dialect: engine.dialect } });
        assert.deepEqual([...(audited.audit ?? [])].sort(), [...c.audit].sort(), c.gold);
        assert.equal(audited.exTie, c.exTie, c.gold);
        assert.equal(audited.ex, plain.ex, c.gold);
      }
    });

    test("BIRD's timing: a correct item gets a time ratio, a wrong one 0", async () => {
      const runner = await open(server.readerUrl);
      const right = await runner.run(item('SELECT id FROM items ORDER BY id', undefined, 'shop', 3));
      assert.ok((right.timeRatio as number) > 0);
      const wrong = await runner.run(item('SELECT 1', undefined, 'shop', 3));
      assert.equal(wrong.timeRatio, 0);
    });

    test('Spider databases copied by copy-db: every table and row; the gold transpiled from SQLite is EX-correct against itself wherever it runs', async () => {
      const tmp = scratchDir();
      const dbIds = ['car_1', 'concert_singer', 'pets_1', 'world_1'];
      const copyDb = (...args: string[]) => runCli(['copy-db', '--db-dir', SPIDER_DBS, '--db-url', server.url, ...args]);
      const copy = await copyDb('--db-id', dbIds.join(','), '--json');
      assert.equal(copy.code, 0, copy.stderr);
      const copied = JSON.parse(copy.stdout) as { db_id: string; tables: number; rows: number }[];
      for (const { db_id, tables, rows } of copied) {
        const source = readSqliteTables(join(SPIDER_DBS, db_id, `${db_id}.sqlite`));
        source.db.close();
        assert.equal(tables, source.tables.length, db_id);
        assert.equal(
          rows,
          source.tables.reduce((a, t) => a + t.rows, 0),
          db_id,
        );
      }
      assert.deepEqual(
        copied.map((c) => c.db_id),
        dbIds,
      );
      // Copying again without --replace is refused; with it, the copy starts over.
      const again = await copyDb('--db-id', 'pets_1');
      assert.equal(again.code, 1);
      assert.equal(again.stderr.trim().split('\n').length, 1, again.stderr);
      const replaced = await copyDb('--db-id', 'pets_1', '--replace');
      assert.equal(replaced.code, 0, replaced.stderr);

      const lines = readFileSync(join(SHARED, 'data', 'spider', 'dev_gold.sql'), 'utf8')
        .split('\n')
        .filter((line) => dbIds.includes(line.split('\t')[1] ?? ''));
      const gold = tmp.file('gold.sql', `${lines.join('\n')}\n`);
      const { items, summary } = await evaluate({ gold, pred: gold, dbUrl: server.url, transpileFrom: 'sqlite' });
      assert.equal(summary.transpile?.gold.transpiled, lines.length);
      assert.equal(summary.transpile?.gold.failed, 0);
      const ran = items.filter((i) => i.status === 'ok');
      assert.equal(ran.length, engine.spider.ran);
      assert.ok(
        ran.every((i) => i.ex === true),
        'every gold query that runs is EX-correct against itself',
      );
      const failures: Record<string, number> = {};
      for (const item of items.filter((i) => i.status !== 'ok')) {
        const reason =
          Object.keys(engine.spider.failures).find((r) => item.error?.includes(r)) ?? `${item.status}: ${item.error}`;
        failures[reason] = (failures[reason] ?? 0) + 1;
      }
      assert.deepEqual(failures, engine.spider.failures);

      // The command line: transpiled counts and BIRD's scores in the summary, the text report says both.
      const few = tmp.file('few.sql', `${lines.slice(0, 12).join('\n')}\n`);
      const args = ['eval', '--gold', few, '--pred', few, '--db-url', server.url, '--transpile-from', 'sqlite'];
      const json = await runCli([...args, '--ves', '2', '--json', '--workers', '1']);
      assert.equal(json.code, 0, json.stderr);
      const cli = JSON.parse(json.stdout);
      assert.deepEqual(cli.transpile, {
        from: 'sqlite',
        to: engine.dialect,
        gold: { transpiled: 12, failed: 0 },
        pred: { transpiled: 12, failed: 0 },
      });
      assert.equal(cli.ves_repeats, 2);
      assert.ok((cli.overall.ves as number) > 0 && (cli.overall.r_ves as number) > 0);
      const text = await runCli(args);
      assert.match(
        text.stdout,
        new RegExp(`transpiled from sqlite to ${engine.dialect}: gold 12 \\(0 failed\\), predictions 12 \\(0 failed\\)`),
      );
    });

    test('sqlalign eval --db-url: EX per item, a db_id not on the server is a missing database, bad servers fail in one line', async () => {
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
      const args = ['eval', '--gold', gold, '--pred', pred, '--db-url', server.readerUrl, '--json', '--workers', '2'];
      const run = await runCli(args);
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as { overall: { n: number; ex: number }; counts: { missing_db: number } };
      assert.equal(summary.overall.n, 2);
      assert.equal(summary.overall.ex, 0.5);
      assert.equal(summary.counts.missing_db, 2);
      const none = tmp.file('none.json', JSON.stringify([{ db_id: 'nowhere', query: 'SELECT 1' }]));
      const one = tmp.file('one.sql', 'SELECT 1\n');
      const missing = await runCli(['eval', '--gold', none, '--pred', one, '--db-url', server.readerUrl]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, engine.missing);
      const down = await runCli(['eval', '--gold', gold, '--pred', pred, '--db-url', engine.downUrl]);
      assert.equal(down.code, 1);
      assert.equal(down.stderr.trim().split('\n').length, 1, down.stderr);
      assert.match(down.stderr, engine.unreachable);
      assert.doesNotMatch(down.stderr, /secret/, 'the password is never printed');
    });
  });
}
