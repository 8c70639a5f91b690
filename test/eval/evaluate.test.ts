/** The evaluator end to end on real SQLite files: threads change nothing, runs resume, Gretel items bring their own data. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DataError, UsageError } from '../../src/datasets/index.js';
import { evaluate, type ItemResult } from '../../src/eval/evaluate.js';
import { rvesOf, vesOf } from '../../src/exec/efficiency.js';
import { makeSingerDb } from '../helpers/db.js';
import { GRETEL_ROWS } from '../helpers/gretel.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);
const db = 'concert_singer';
const PAIRS: [string, string][] = [
  ['SELECT count(*) FROM singer', 'SELECT COUNT(*) FROM singer'],
  ['SELECT Name, Age FROM singer WHERE Country = "France"', "SELECT Age, Name FROM singer WHERE Country = 'France'"],
  ['SELECT Name FROM singer ORDER BY Age DESC', 'SELECT Name FROM singer ORDER BY Age ASC'],
  ['SELECT DISTINCT Country FROM singer', 'SELECT Country FROM singer'],
  [
    'SELECT T2.concert_Name FROM singer AS T1 JOIN concert AS T2 ON T1.Singer_ID = T2.Singer_ID WHERE T1.Name = "Timbaland"',
    'SELECT concert_Name FROM concert WHERE Singer_ID = 2',
  ],
  ['SELECT avg(Age) FROM singer', 'SELECT avg(Age) FROM singers'],
  ['SELECT Name FROM singer WHERE Age > 40', 'SELECT Name FROM singer WHERE Age >= 41'],
];
const gold = { name: 'gold', queries: PAIRS.map(([g]) => ({ sql: g, db_id: db })) };
const pred = { name: 'pred', queries: PAIRS.map(([, p]) => p) };
const strip = (items: readonly ItemResult[]) => items.map(({ ms: _ms, ...rest }) => rest);

test('verdicts under each rule, as worked out by hand', async () => {
  const run = async (semantics: 'spider' | 'bird' | 'ordered') =>
    (await evaluate({ gold, pred, dbDir: tmp.dir, semantics })).items.map((i) => (i.status === 'ok' ? i.ex : i.status));
  // count; swapped columns; reversed order; DISTINCT; same rows (in the same order) another way; bad table; same rows.
  assert.deepEqual(await run('spider'), [true, true, false, true, true, 'pred_error', true]);
  assert.deepEqual(await run('bird'), [true, false, true, true, true, 'pred_error', true]);
  assert.deepEqual(await run('ordered'), [true, false, false, false, true, 'pred_error', true]);
});

test('several processes give exactly the results of one', async () => {
  const one = await evaluate({ gold, pred, dbDir: tmp.dir, workers: 1 });
  const two = await evaluate({ gold, pred, dbDir: tmp.dir, workers: 2 });
  assert.deepEqual(strip(two.items), strip(one.items));
  assert.deepEqual({ ...two.summary, seconds: 0 }, { ...one.summary, seconds: 0 });
});

test('an interrupted run resumes from --out without redoing finished items', async () => {
  const out = join(tmp.dir, 'items.jsonl');
  const full = await evaluate({ gold, pred, dbDir: tmp.dir, out });
  // As if the run had stopped after three items, the last line half written.
  const written = readFileSync(out, 'utf8').trim().split('\n').slice(0, 3);
  const marked = written.map((line) => ({ ...JSON.parse(line), error: 'finished before the interruption' }));
  writeFileSync(out, `${marked.map((m) => JSON.stringify(m)).join('\n')}\n{"i": 3, "db_`);
  const resumed = await evaluate({ gold, pred, dbDir: tmp.dir, out });
  assert.deepEqual(
    resumed.items.slice(0, 3).map((i) => i.error),
    ['finished before the interruption', 'finished before the interruption', 'finished before the interruption'],
  );
  assert.deepEqual(strip(resumed.items.slice(3)), strip(full.items.slice(3)));
  const lines = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ItemResult);
  assert.deepEqual(
    lines.map((l) => l.i),
    [0, 1, 2, 3, 4, 5, 6],
    'rewritten complete and in order',
  );
});

test('Gretel items run on a private database built from their own sql_context', async () => {
  const { items, summary } = await evaluate({
    gold: { name: 'gretel', queries: GRETEL_ROWS.map((r) => ({ sql: r.sql, sql_context: r.sql_context, domain: r.domain })) },
    pred: {
      name: 'pred',
      queries: [
        'SELECT salesperson_id, name, SUM(volume) AS total_volume FROM timber_sales JOIN salesperson USING (salesperson_id) GROUP BY salesperson_id, name ORDER BY total_volume DESC',
        'SELECT equipment_type, COUNT(*) FROM equipment_maintenance GROUP BY equipment_type',
        "SELECT COUNT(*) FROM marine_species WHERE location = 'Southern Ocean'",
      ],
    },
  });
  assert.deepEqual(
    items.map((i) => [i.status, i.ex]),
    [
      ['ok', true],
      ['ok', true],
      ['ok', true],
    ],
  );
  assert.equal(items[0]?.goldRows, 2);
  assert.equal(summary.counts.missing_db, 0);
});

test('an item without a database is counted as missing, not as wrong', async () => {
  const { items, summary } = await evaluate({
    gold: {
      name: 'gold',
      queries: [
        { sql: 'SELECT 1', db_id: 'nowhere' },
        { sql: 'SELECT 1', db_id: 'concert_singer' },
      ],
    },
    pred: { name: 'pred', queries: ['SELECT 1', 'SELECT 1'] },
    dbDir: tmp.dir,
  });
  assert.equal(items[0]?.status, 'missing_db');
  assert.equal(items[0]?.ex, null);
  assert.equal(summary.overall.n, 1);
});

test('a --db-dir holding none of the databases is a setup error, not a score', async () => {
  await assert.rejects(
    evaluate({
      gold: { name: 'gold', queries: [{ sql: 'SELECT 1', db_id: 'nowhere' }] },
      pred: { name: 'pred', queries: ['SELECT 1'] },
      dbDir: tmp.dir,
    }),
    (err: unknown) => err instanceof DataError && /holds none of the 1 databases/.test(err.message),
  );
});

test('gold and predictions must pair up', async () => {
  await assert.rejects(
    evaluate({ gold, pred: { name: 'short', queries: ['SELECT 1'] }, dbDir: tmp.dir }),
    (err: unknown) => err instanceof DataError && /has 1 prediction for 7 gold items/.test(err.message),
  );
});

test('folders of SQL files pair by file name: the same names or an error naming the first that differs', async () => {
  const folder = (name: string, files: string[]) => {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    for (const file of files) writeFileSync(join(dir, file), 'SELECT count(*) FROM singer');
    return dir;
  };
  const goldDir = folder('gold-sql', ['local001.sql', 'local002.sql']);
  await assert.rejects(
    evaluate({ gold: goldDir, pred: folder('pred-sql', ['local001.sql', 'local003.sql']), dbDir: tmp.dir }),
    (err: unknown) => err instanceof DataError && /local003\.sql stands where .*gold-sql has local002\.sql/.test(err.message),
  );
  const { items } = await evaluate({ gold: goldDir, pred: folder('same-sql', ['local001.sql', 'local002.sql']), dbDir: tmp.dir });
  assert.deepEqual(
    items.map((i) => i.status),
    ['missing_db', 'missing_db'],
    'paired (a folder names no database)',
  );
});

test('--ves: correct items timed, every other item ratio 0, and the scores are BIRD’s arithmetic over the EX items', async () => {
  const { items, summary } = await evaluate({ gold, pred, dbDir: tmp.dir, vesRepeats: 3, workers: 1 });
  for (const item of items) {
    if (item.ex === true) assert.ok((item.timeRatio as number) > 0, `item ${item.i}`);
    else assert.equal(item.timeRatio, 0, `item ${item.i}`);
  }
  const ratios = items.filter((i) => i.ex !== null).map((i) => i.timeRatio as number);
  assert.equal(summary.overall.ves, vesOf(ratios));
  assert.equal(summary.overall.rVes, rvesOf(ratios));
  assert.equal(summary.vesRepeats, 3);
  // Without --ves nothing of it appears: the outputs of earlier versions stay as they were.
  const plain = await evaluate({ gold, pred, dbDir: tmp.dir });
  assert.equal('ves' in plain.summary.overall, false);
  assert.equal('time_ratio' in (plain.items[0] as ItemResult), false);
});

test('transpiling is for servers: asked of SQLite files, a usage error', async () => {
  await assert.rejects(evaluate({ gold, pred, dbDir: tmp.dir, transpileFrom: 'sqlite' }), UsageError);
  await assert.rejects(evaluate({ gold, pred, dbUrl: 'postgres://x@127.0.0.1:1/x', transpileFrom: 'klingon' }), /klingon/);
});

test('the template cache changes nothing: a run filling it, a run reading it and a run without it agree', async () => {
  const cache = { dir: join(tmp.dir, 'cache') };
  const without = await evaluate({ gold, pred, dbDir: tmp.dir });
  const filling = await evaluate({ gold, pred, dbDir: tmp.dir, cache });
  const reading = await evaluate({ gold, pred, dbDir: tmp.dir, cache });
  assert.deepEqual(strip(filling.items), strip(without.items));
  assert.deepEqual(strip(reading.items), strip(without.items));
  assert.deepEqual({ ...reading.summary, seconds: 0 }, { ...without.summary, seconds: 0 });
});
