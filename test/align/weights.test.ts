/**
 * Weights: a set of distinct queries with how often each ran gives exactly the figures of the same
 * set written out run by run (each query repeated as often as its weight, in place): D, coverage,
 * AR, bootstrap intervals, size-matched AR and strata, as target, training set and predictions; a
 * counts file and a merge of shards count runs; bad weights are one-line errors naming the line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { align } from '../../src/align/align.js';
import { drawDown } from '../../src/align/sizeMatched.js';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { TemplateCounter } from '../../src/features/distribution.js';
import { select } from '../../src/select/select.js';
import { seededRandom } from '../../src/stats/random.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const dev = JSON.parse(readFileSync(join(EXAMPLES, 'spider_dev_sample.json'), 'utf8')) as {
  db_id: string;
  question: string;
  query: string;
}[];
// Whole weights, zero among them (a query that never ran counts nothing).
const calls = dev.map((_, k) => [3, 1, 0, 7, 2, 12, 1, 5][k % 8] as number);
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A pg_stat_statements-shaped export: one row per query with its calls (the `calls` column weighs it without asking). */
const exportFile = tmp.file(
  'export.csv',
  `queryid,query,calls,db_id\n${dev.map((d, k) => `${k},${csvCell(d.query)},${calls[k]},${d.db_id}`).join('\n')}\n`,
);
/** The same log written out call by call, each query repeated in place. */
const runByRun = tmp.file(
  'runs.jsonl',
  `${dev.flatMap((d, k) => Array.from({ length: calls[k] as number }, () => JSON.stringify({ query: d.query, db_id: d.db_id }))).join('\n')}\n`,
);
const TRAIN = join(EXAMPLES, 'spider_train_sample.sql');
const PRED = `${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`;

/** Every number of two results, compared to 1e-9; names and counts of items aside. */
function assertSameFigures(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${path}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    assert.equal(a.length, b.length, `${path}: length`);
    for (const [k, x] of a.entries()) assertSameFigures(x, b[k], `${path}[${k}]`);
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    for (const key of Object.keys(a)) {
      if (['name', 'queries', 'unparseable', 'weighted', 'pred', 'train', 'weight', 'querySets', 'warnings'].includes(key))
        continue;
      assertSameFigures((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    }
  } else assert.deepEqual(a, b, path);
}

describe('a weighted set gives exactly the figures of the same set written out run by run', () => {
  test('as the target: D, coverage, AR, bootstrap intervals, size-matched AR, strata', async () => {
    const run = (target: string) =>
      align({ target, train: [TRAIN], pred: [PRED], bootstrap: 200, by: 'joins', cache: false, sizeMatchReplicates: 5 });
    const [weighted, written] = await Promise.all([run(exportFile), run(runByRun)]);
    assert.equal(weighted.target.queries, dev.length);
    assert.deepEqual(weighted.target.weighted, { field: 'calls', total: calls.reduce((a, b) => a + b, 0), unparseable: 0 });
    assert.equal(
      written.target.queries,
      calls.reduce((a, b) => a + b, 0),
    );
    assertSameFigures(weighted.rows, written.rows);
    assertSameFigures(weighted.ratios, written.ratios);
    assertSameFigures(weighted.bootstrap, written.bootstrap);
    assertSameFigures(weighted.sizeMatched, written.sizeMatched);
    assertSameFigures(weighted.strata, written.strata);
    assert.ok((weighted.bootstrap?.ratios[0]?.[1] ?? 0) > (weighted.bootstrap?.ratios[0]?.[0] ?? 0));
  });

  test('as a training set and as predictions', async () => {
    const target = join(EXAMPLES, 'spider_dev_sample.json');
    const run = (other: string) => align({ target, train: [other, TRAIN], pred: [other], cache: false, sizeMatchReplicates: 3 });
    const [weighted, written] = await Promise.all([run(exportFile), run(runByRun)]);
    assert.deepEqual(
      weighted.rows[0]?.weighted?.total,
      calls.reduce((a, b) => a + b, 0),
    );
    assertSameFigures(weighted.rows, written.rows);
    assertSameFigures(weighted.ratios, written.ratios);
    assertSameFigures(weighted.sizeMatched, written.sizeMatched);
  });

  test('--target-sample draws distinct items, each keeping its weight', async () => {
    const result = await align({ target: exportFile, train: [TRAIN], targetSample: 1, bootstrap: 100, cache: false });
    const groups = new Set(dev.map((d) => d.db_id)).size;
    assert.equal(result.target.queries, groups);
    const total = result.target.weighted?.total ?? 0;
    assert.ok(total > 0 && total !== groups, `sampled weight ${total}`);
  });

  test('--weight NAME=none counts each row once; --weight names any column; select selects for the runs', async () => {
    const once = await align({ target: exportFile, train: [TRAIN], weights: { export: 'none' }, cache: false });
    assert.equal(once.target.weighted, undefined);
    const byQueryId = await align({ target: exportFile, train: [TRAIN], weights: { export: 'queryid' }, cache: false });
    assert.equal(byQueryId.target.weighted?.field, 'queryid');
    assert.notEqual(byQueryId.rows[0]?.kl, once.rows[0]?.kl);
    const pick = (target: string) =>
      select({ target, pools: [join(EXAMPLES, 'spider_dev_sample.json')], budget: 20, allowOverlap: true, cache: false });
    const [weighted, written] = await Promise.all([pick(exportFile), pick(runByRun)]);
    assert.deepEqual(
      weighted.selected.map((s) => s.record.i),
      written.selected.map((s) => s.record.i),
    );
  });
});

test('AR at equal size draws runs without laying them out where a set stands for more than 2^25 of them', () => {
  const busy = new TemplateCounter();
  busy.add('SELECT FROM', 30_000_000);
  busy.add('SELECT FROM WHERE =', 10_000_000);
  const drawn = drawDown(busy, 20_000, seededRandom(3));
  assert.equal(
    [...drawn.values()].reduce((a, b) => a + b, 0),
    20_000,
  );
  const share = (drawn.get('SELECT FROM') ?? 0) / 20_000;
  assert.ok(Math.abs(share - 0.75) < 0.015, `share ${share}`);
});

describe('counts files count runs; shards of a weighted export merge to the whole', () => {
  test('count of the export equals count of the run-by-run file; two shards merge to it', async () => {
    const half = Math.floor(dev.length / 2);
    const shard = (from: number, to: number) =>
      tmp.file(
        `shard${from}.csv`,
        `query,calls\n${dev
          .slice(from, to)
          .map((d, k) => `${csvCell(d.query)},${calls[from + k]}`)
          .join('\n')}\n`,
      );
    const out = (name: string) => join(tmp.dir, name);
    for (const [args, file] of [
      [[exportFile], 'export.counts.json'],
      [[runByRun], 'runs.counts.json'],
      [[shard(0, half), shard(half, dev.length)], 'shards.counts.json'],
    ] as const) {
      const run = await runCli(['count', ...args, '--out', out(file), '--no-cache']);
      assert.equal(run.code, 0, run.stderr);
    }
    const read = (name: string) => JSON.parse(readFileSync(out(name), 'utf8'));
    const [whole, runs, shards] = [read('export.counts.json'), read('runs.counts.json'), read('shards.counts.json')];
    assert.deepEqual(whole.templates, runs.templates);
    assert.deepEqual(shards.templates, runs.templates);
    assert.equal(whole.weight_field, 'calls');
    assert.equal(whole.weight_total, runs.queries);
    assert.equal(shards.weight_total, runs.queries);
    assert.equal(whole.queries, dev.length);
    // A counts file of a weighted set, read back as a target, gives the figures again.
    const [fromCounts, fromRuns] = await Promise.all([
      align({ target: out('export.counts.json'), train: [TRAIN], cache: false }),
      align({ target: runByRun, train: [TRAIN], cache: false }),
    ]);
    assertSameFigures(fromCounts.rows, fromRuns.rows);
    assert.equal(fromCounts.target.weighted?.total, runs.queries);
  });
});

describe('bad weights are one-line errors naming the line', () => {
  for (const [value, message] of [
    ['-2', /export-bad\.csv: line 3: weight 'calls' is negative \(-2\)/],
    ['many', /export-bad\.csv: line 3: weight 'calls' is not a number \("many"\)/],
    ['', /export-bad\.csv: line 3: no weight: 'calls' is missing/],
  ] as const) {
    test(`calls = '${value}'`, async () => {
      const file = tmp.file('export-bad.csv', `query,calls\nSELECT 1,4\nSELECT a FROM t,${value}\n`);
      const run = await runCli(['profile', file, '--no-cache']);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(
        run.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.includes('note:')).length,
        1,
        run.stderr,
      );
    });
  }

  test('a weight field that is not there, a name that is no dataset, a SQL file weighted', async () => {
    const file = tmp.file('plain.csv', 'query\nSELECT 1\n');
    const sql = tmp.file('plain.sql', 'SELECT 1\n');
    for (const [args, message] of [
      [['profile', file, '--weight', 'plain=hits'], /plain\.csv: no field 'hits' to weight by \(fields: query\)/],
      [['profile', file, '--weight', 'other=calls'], /--weight names 'other', which is no dataset of this run/],
      [
        ['profile', sql, '--weight', 'plain=calls'],
        /plain\.sql: cannot be weighted by 'calls': a sql-lines dataset has no fields \(--weight\)/,
      ],
      [['profile', file, '--weight', 'plain'], /--weight 'plain': expected NAME=FIELD/],
    ] as const) {
      const run = await runCli([...args, '--no-cache']);
      assert.notEqual(run.code, 0);
      assert.match(run.stderr, message);
    }
  });

  test('records carry their weights', async () => {
    const records = await readAll(await openDataset(exportFile));
    assert.deepEqual(
      records.map((r) => r.weight),
      calls,
    );
  });
});
