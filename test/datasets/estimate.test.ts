/**
 * The query count estimated before reading (to choose parser threads and the template cache) is
 * near the true count for the shared datasets' formats, whatever a record carries besides its query.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BYTES_PER_QUERY } from '../../src/datasets/estimate.js';
import { estimateQueries, openDataset, readAll } from '../../src/datasets/index.js';
import { GRETEL_ROWS, writeGretelParquet } from '../helpers/gretel.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

test('estimates of the shared datasets are within 10% of their counts', sharedOrSkip(), async () => {
  for (const spec of [
    'spider/dev.json#query', // 3.5 KB a record: size alone said 30,245
    'spider/train_spider.json#query',
    'bird/dev.json#SQL',
    'bird/mini_dev/mini_dev_postgresql.json#SQL',
    'predictions/spider_dev_din_sql_gpt4/DIN-SQL_GPT4.csv#PREDICTED SQL',
  ]) {
    const path = shared('data', spec);
    const actual = (await readAll(await openDataset(path))).length;
    const estimate = await estimateQueries([path]);
    assert.ok(Math.abs(estimate - actual) <= actual / 10, `${spec}: ${estimate} estimated, ${actual} read`);
  }
});

test('JSON records are counted in the first list of objects, braces in strings aside; lines, rows elsewhere', async () => {
  const records = Array.from({ length: 50 }, (_, k) => ({ query: `SELECT '{[' || x${k} FROM t`, note: 'a } b ] c \\" {' }));
  const cases: [string, string, number][] = [
    ['array.json', JSON.stringify(records, null, 2), 50],
    ['keyed.json', JSON.stringify({ version: 1, tags: ['a'], data: records }), 50],
    ['lines.jsonl', `${records.map((r) => JSON.stringify(r)).join('\n')}\n`, 50],
    ['rows.csv', `query,note\n${records.map((_, k) => `SELECT ${k},x`).join('\n')}\n`, 51],
  ];
  for (const [name, text, expected] of cases) {
    writeFileSync(join(tmp.dir, name), text);
    assert.equal(await estimateQueries([join(tmp.dir, name)]), expected, name);
  }
  const parquet = join(tmp.dir, 'gretel.parquet');
  writeGretelParquet(parquet);
  assert.equal(await estimateQueries([parquet]), GRETEL_ROWS.length, 'Parquet by its footer');
  const log = join(tmp.dir, 'log.sql');
  writeFileSync(log, 'SELECT 1;\n'.repeat(1200));
  assert.equal(await estimateQueries([log]), Math.round(12_000 / BYTES_PER_QUERY), 'SQL text by its size');
});
