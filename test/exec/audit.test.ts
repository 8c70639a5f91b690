/**
 * The audit of gold answers (`eval --audit`): the ORDER BY probe read from a query's tokens, the
 * findings on a database built with known ties, NULLs and numbers stored as text, ties at a cut on
 * Spider dev (42 of its top-level ORDER BY … LIMIT golds), and the command line.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { evaluate } from '../../src/eval/evaluate.js';
import { orderProbeOf } from '../../src/exec/orderProbe.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { AUDIT_CASES, SCORES_ROWS, SCORES_TABLE } from '../helpers/auditCases.js';
import { runCli } from '../helpers/cli.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const SQLITE = dialectInfo('sqlite');

describe('the ORDER BY probe', () => {
  const probe = (sql: string) => orderProbeOf(sql, SQLITE);

  test('keys that are columns of the query are read there; others are appended; the cut gets one more row', () => {
    assert.deepEqual(probe('SELECT name FROM t ORDER BY age DESC LIMIT 3'), {
      sql: 'SELECT name, (age) FROM t ORDER BY age DESC LIMIT 4',
      head: 'SELECT name, (age) FROM t ORDER BY age DESC',
      keys: [-1],
      appended: 1,
      limit: { count: 3, offset: 0 },
    });
    assert.deepEqual(probe('SELECT a, count(*) AS n FROM t GROUP BY a ORDER BY n DESC, 1 LIMIT 2 OFFSET 1;')?.keys, [1, 0]);
    assert.equal(
      probe('SELECT a, count(*) AS n FROM t GROUP BY a ORDER BY n DESC, 1 LIMIT 2 OFFSET 1;')?.sql,
      'SELECT a, count(*) AS n FROM t GROUP BY a ORDER BY n DESC, 1 LIMIT 4',
    );
    assert.deepEqual(probe('SELECT T1.a FROM t AS T1 ORDER BY T1.a LIMIT 1, 5')?.limit, { count: 5, offset: 1 });
    assert.deepEqual(probe('SELECT T1.a FROM t AS T1 ORDER BY T1.a LIMIT 1, 5')?.keys, [0]);
    assert.deepEqual(probe('SELECT * FROM t ORDER BY count(*) NULLS LAST, b COLLATE NOCASE ASC LIMIT 1')?.keys, [-2, -1]);
  });

  test('nothing to probe, or no honest probe: no ORDER BY, an ORDER BY inside a subquery only, DISTINCT or a set operation with a key not shown, a LIMIT that is no number', () => {
    for (const sql of [
      'SELECT a FROM t',
      'SELECT a FROM t WHERE b = (SELECT b FROM u ORDER BY c LIMIT 1)',
      'SELECT DISTINCT a FROM t ORDER BY b LIMIT 1',
      'SELECT a FROM t UNION SELECT a FROM u ORDER BY b LIMIT 1',
      'SELECT a FROM t ORDER BY a LIMIT (SELECT 1)',
      'SELECT * FROM t ORDER BY 2',
    ]) {
      assert.equal(probe(sql), null, sql);
    }
    // A set operation ordered by a column it returns can be probed as it is.
    assert.deepEqual(probe('SELECT a FROM t UNION SELECT a FROM u ORDER BY a LIMIT 2')?.keys, [0]);
  });
});

describe('eval --audit on SQLite', () => {
  mkdirSync(join(tmp.dir, 'db', 'scores'), { recursive: true });
  const db = new Database(join(tmp.dir, 'db', 'scores', 'scores.sqlite'));
  db.exec(`${SCORES_TABLE}; ${SCORES_ROWS};`);
  db.close();
  const line = (sql: string) => `${sql}\tscores`;
  const gold = tmp.file('gold.sql', `${AUDIT_CASES.map((c) => line(c.gold)).join('\n')}\n`);
  const pred = tmp.file('pred.sql', `${AUDIT_CASES.map((c) => c.pred).join('\n')}\n`);

  test('each case finds what it must, and EX is the same as without the audit', async () => {
    const plain = await evaluate({ gold, pred, dbDir: join(tmp.dir, 'db'), workers: 1 });
    const audited = await evaluate({ gold, pred, dbDir: join(tmp.dir, 'db'), workers: 1, audit: true });
    AUDIT_CASES.forEach((c, k) => {
      const item = audited.items[k];
      assert.deepEqual([...(item?.audit ?? [])].sort(), [...c.audit].sort(), c.gold);
      assert.equal(item?.exTie, c.exTie, c.gold);
      assert.equal(item?.ex, plain.items[k]?.ex, c.gold);
    });
    const summary = audited.summary.audit;
    assert.equal(summary?.audited, AUDIT_CASES.length);
    assert.equal(summary?.codes.tie_at_limit, 3);
    assert.equal(summary?.tiedGolds, 3);
    assert.equal(plain.summary.audit, undefined);
  });

  test('the command line: --audit in the text and --json, codes per item in --out, and a resumed run never mixes audited and plain results', async () => {
    const out = join(tmp.dir, 'items.jsonl');
    const args = ['eval', '--gold', gold, '--pred', pred, '--db-dir', join(tmp.dir, 'db'), '--out', out, '--no-cache'];
    const text = await runCli([...args, '--audit']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /audit of the gold answers: 9 items audited; .*tie_at_limit 3/);
    assert.match(text.stdout, /EX counting tied answers \d+\.\d% \(3 golds cut at a tie/);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines[0].audit, ['tie_at_limit']);
    assert.equal(lines[0].ex_tie, true);
    const plain = await runCli(args);
    assert.equal(plain.code, 1);
    assert.match(plain.stderr, /audit/);
    const json = await runCli([...args, '--audit', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const summary = JSON.parse(json.stdout).audit;
    assert.equal(summary.codes.gold_error, 1);
    assert.equal(typeof summary.ex_counting_ties, 'number');
  });
});

test(
  'Spider dev: the golds that cut at a tie are found by the audit, and no other top-level ORDER BY … LIMIT gold is',
  sharedOrSkip(),
  async () => {
    const spider = shared('data', 'spider');
    const { items } = await evaluate({
      gold: join(spider, 'dev.json'),
      pred: join(spider, 'dev_gold.sql'),
      dbDir: join(spider, 'database'),
      audit: true,
    });
    const limited = items.filter((i) => i.status === 'ok' && orderProbeOf(i.goldSql, SQLITE)?.limit);
    const tied = limited.filter((i) => i.audit?.includes('tie_at_limit'));
    // The counts measured by other code when the audit was asked for: 165 such golds, 42 of them tied at the cut.
    assert.equal(limited.length, 165);
    assert.equal(tied.length, 42);
    assert.ok(tied.every((i) => i.exTie === true && i.ex === true));
    assert.equal(items.filter((i) => i.audit?.includes('tie_at_limit')).length, 42);
  },
);
