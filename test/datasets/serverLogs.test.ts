/**
 * Server logs read as the server wrote them: a real PostgreSQL (stderr, csvlog and jsonlog at
 * once; `log_statement = all`, then duration logging) and a real MariaDB (general and slow logs)
 * are sent a workload, and each log must give back exactly the statements sent, in order: an
 * error's quote of a logged statement is not counted again, one the server rejected unparsed is.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { logFormatOf } from '../../src/datasets/logs/format.js';
import { runCli } from '../helpers/cli.js';
import { LOG_CANARIES, LOG_SETUP, logWorkload, type SentQuery } from '../helpers/logWorkload.js';
import { mariadbOrSkip, startMariadb } from '../helpers/mariadb.js';
import { EXAMPLES } from '../helpers/paths.js';
import { postgresOrSkip, startPostgres, type TestServer } from '../helpers/postgres.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

async function statementsOf(file: string): Promise<{ sql: (string | null)[]; notes: string[] }> {
  const notes: string[] = [];
  const dataset = await openDataset(file, { onNote: (n) => notes.push(n) });
  return { sql: (await readAll(dataset)).map((r) => r.sql), notes };
}

/** Waits until the log file's content stops changing (the logging collector writes behind the client). */
async function settled(read: () => Promise<number>): Promise<void> {
  let last = -1;
  for (let k = 0; k < 50; k++) {
    const now = await read();
    if (now === last && now > 0) return;
    last = now;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a PostgreSQL 15 server log, in its three formats', postgresOrSkip(), () => {
  let server: TestServer;
  let logs: string;
  const sent: string[] = [];

  before(async () => {
    server = await startPostgres([
      'logging_collector=on',
      "log_destination='stderr,csvlog,jsonlog'",
      'log_directory=log',
      'log_filename=pg.log',
      'log_statement=all',
      `log_line_prefix='%m [%p] %q%u@%d '`,
    ]);
    logs = join(server.dir, 'data', 'log');
    const run = async (queries: readonly SentQuery[], first: readonly string[]) => {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      for (const sql of first) {
        await client.query(sql);
        sent.push(sql);
      }
      for (const q of queries) {
        await client.query(q.sql, q.params ? [...q.params] : undefined).catch(() => {});
        sent.push(q.sql);
      }
      await client.end();
    };
    await run(logWorkload('postgres'), LOG_SETUP);
    // The same again logged by duration (`duration: … ms  statement: …`, `execute <unnamed>: …`), not by log_statement.
    await run(logWorkload('postgres'), ['SET log_min_duration_statement = 0', "SET log_statement = 'none'"]);
    await settled(async () => (await statementsOf(join(logs, 'pg.json'))).sql.length);
  });
  after(() => server?.stop());

  for (const [format, file] of [
    ['stderr', 'pg.log'],
    ['csvlog', 'pg.csv'],
    ['jsonlog', 'pg.json'],
  ] as const) {
    test(`${format}: every statement sent, once, in order`, async () => {
      assert.ok(readdirSync(logs).includes(file), `no ${file} in ${readdirSync(logs)}`);
      const { sql, notes } = await statementsOf(join(logs, file));
      assert.deepEqual(sql, sent);
      assert.equal(notes.length, 1);
      assert.match(notes[0] as string, new RegExp(`read as a PostgreSQL server log \\(${format}\\): ${sent.length} statements`));
      // Syntax errors of both runs, and the missing-table queries of the run without log_statement, come from errors' quotes.
      assert.match(notes[0] as string, /\(14 of them only quoted beside an error\)/);
      assert.match(notes[0] as string, /error quotes of a statement logged already/);
    });
  }

  test('align with the log as target: its statements are the queries sent (D ≈ 0), and no literal is shown', async () => {
    const log = join(logs, 'pg.log');
    const queries = tmp.file('sent.jsonl', `${sent.map((sql) => JSON.stringify({ sql })).join('\n')}\n`);
    const run = await runCli(['align', '--target', log, '--train', queries, '--dialect', 'postgres', '--explain', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    // Identical distributions: D is Lidstone smoothing's floor, and every n-gram is covered.
    assert.ok(result.rows[0].kl < 1e-6, String(result.rows[0].kl));
    assert.equal(result.rows[0].coverage, 1);
    assert.match(run.stderr, /read as a PostgreSQL server log \(stderr\)/);
    assert.deepEqual(
      LOG_CANARIES.filter((c) => run.stdout.includes(c) || run.stderr.includes(c)),
      [],
    );
    const train = await runCli(['profile', log, '--dialect', 'postgres', '--train', join(EXAMPLES, 'spider_train_sample.sql')]);
    assert.deepEqual(
      LOG_CANARIES.filter((c) => train.stdout.includes(c) || train.stderr.includes(c)),
      [],
    );
  });
});

describe('a MariaDB server’s general and slow query logs', mariadbOrSkip(), () => {
  let server: TestServer;
  const sent: string[] = [];

  before(async () => {
    server = await startMariadb([
      '--general-log=1',
      '--general-log-file=general.log',
      '--slow-query-log=1',
      '--slow-query-log-file=slow.log',
      '--long-query-time=0',
    ]);
    const client = await mysql.createConnection({ uri: server.url });
    // The test server's own first statement (test/helpers/mariadb.ts) is in its logs too.
    sent.push("CREATE USER 'reader'@'%'");
    for (const sql of ['CREATE DATABASE d', 'USE d', ...LOG_SETUP]) {
      await client.query(sql);
      sent.push(sql);
    }
    for (const q of logWorkload('mysql')) {
      if (q.params) {
        await client.execute(q.sql, [...q.params]).catch(() => {});
        // The server logs a prepared statement's run with its values in place.
        let k = 0;
        sent.push(q.sql.replace(/\?/g, () => mysql.escape(q.params?.[k++])));
      } else {
        await client.query(q.sql).catch(() => {});
        sent.push(q.sql);
      }
    }
    await client.end();
  });
  after(() => server?.stop());

  test('general log: every Query and Execute, once, in order; connections and Prepare skipped', async () => {
    const { sql, notes } = await statementsOf(join(server.dir, 'data', 'general.log'));
    assert.deepEqual(sql, sent);
    assert.match(
      notes[0] as string,
      new RegExp(
        `read as a MySQL/MariaDB general query log: ${sent.length} statements; \\d+ entries skipped \\(\\d+ connection, 1 prepare/bind\\)`,
      ),
    );
  });

  test('slow log (long_query_time = 0): every statement, without the server’s `use` and `SET timestamp` lines', async () => {
    const { sql, notes } = await statementsOf(join(server.dir, 'data', 'slow.log'));
    assert.deepEqual(sql, sent);
    assert.match(notes[0] as string, /read as a MySQL\/MariaDB slow query log/);
  });
});

describe('a log is told by its content; anything else keeps the dataset rules', () => {
  test('MySQL 8 writes ISO times: its general log is recognised, its multi-line queries kept whole', async () => {
    const log = tmp.file(
      'mysql8.log',
      [
        '/usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:',
        'Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock',
        'Time                 Id Command    Argument',
        '2026-12-07T10:00:00.123456Z\t    8 Connect\troot@localhost on  using Socket',
        '2026-12-07T10:00:00.223456Z\t    8 Query\tSELECT a',
        'FROM t',
        '2026-12-07T10:00:01.000000Z\t    8 Quit\t',
        '',
      ].join('\n'),
    );
    assert.deepEqual((await statementsOf(log)).sql, ['SELECT a\nFROM t']);
  });

  test('SQL, JSONL and CSV that merely mention a log line are datasets, not logs', async () => {
    assert.equal(logFormatOf("SELECT 'LOG:  statement: x' FROM t\nSELECT 1\n"), null);
    assert.equal(logFormatOf('{"sql": "SELECT 1", "message": "LOG:  statement: x"}\n'), null);
    assert.equal(logFormatOf('query,calls\n"SELECT 1",3\n'), null);
    assert.equal(logFormatOf('# Time: not a slow log\nSELECT 1;\n'), null);
    const sql = tmp.file('mentions.sql', "SELECT 'LOG:  statement: x' FROM t\nSELECT b FROM u\n");
    const { sql: read, notes } = await statementsOf(sql);
    assert.equal(read.length, 2);
    assert.deepEqual(notes, []);
  });

  test('a log cannot name a field', async () => {
    const log = tmp.file('pg.log', '2026-12-07 03:44:20.030 UTC [1] LOG:  statement: SELECT 1\n');
    await assert.rejects(openDataset(`${log}#query`), /a PostgreSQL server log \(stderr\) has no fields \(got '#query'\)/);
  });
});
