/**
 * Every published prediction file in the shared data read as its author meant it: exactly one
 * item per line or row, whatever junk a line holds, and paired item by item with Spider dev.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

const NL2SQL360 = shared('data', 'predictions', 'nl2sql360_spider_dev');
const SPIDER_DEV = shared('data', 'spider', 'dev.json');
const skip = sharedOrSkip();

const lineCount = (file: string) => {
  const text = readFileSync(file, 'latin1');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
};

describe('published prediction files', skip, () => {
  const files = skip.skip ? [] : readdirSync(NL2SQL360).filter((f) => /\.(sql|txt)$/.test(f));

  test('the 136 NL2SQL360 runs are all there', () => {
    assert.equal(files.length, 136);
  });

  test('each is read with exactly one item per line, and pairs with Spider dev', async () => {
    const devIds = (JSON.parse(readFileSync(SPIDER_DEV, 'utf8')) as { db_id: string }[]).map((d) => d.db_id);
    for (const file of files) {
      const path = join(NL2SQL360, file);
      const dataset = await openDataset(path);
      const records = await readAll(dataset);
      assert.equal(dataset.format, 'sql-lines', file);
      assert.equal(records.length, lineCount(path), file);
      assert.equal(records.length, devIds.length, file);
      // Files with db_ids (C3, DAIL, DIN, Graphix) name Spider dev's databases, item by item.
      const named = records.filter((r) => r.dbId !== undefined);
      if (named.length > 0) {
        assert.equal(named.length, records.length, file);
        assert.deepEqual(
          records.map((r) => r.dbId),
          devIds,
          file,
        );
      }
    }
  });

  test('a TAB inside a query is part of the query, not a db_id (the pretrained runs)', async () => {
    const path = join(NL2SQL360, 'pretrained_codellama_7b.sql');
    const lines = readFileSync(path, 'utf8').split('\n');
    const records = await readAll(await openDataset(path));
    const tabbed = lines.flatMap((line, k) => (line.includes('\t') ? [k] : []));
    assert.equal(tabbed.length, 18);
    for (const k of tabbed) {
      assert.equal(records[k]?.dbId, undefined);
      assert.equal(records[k]?.sql, (lines[k] as string).trim());
    }
    const junk = records.filter((r) => r.sql === 'error');
    assert.ok(junk.length > 0, 'the file has `error` lines, each an item of its own');
  });

  test('the DIN-SQL CSV: one item per row, 1034 rows', async () => {
    const path = shared('data', 'predictions', 'spider_dev_din_sql_gpt4', 'DIN-SQL_GPT4.csv');
    const records = await readAll(await openDataset(`${path}#PREDICTED SQL`));
    assert.equal(records.length, 1034);
  });

  test('eval pairs messy real prediction files with Spider dev, every item judged', async () => {
    const gold = shared('data', 'spider', 'dev_gold.sql');
    for (const file of ['RESDSQL_3B.sql', 'pretrained_codellama_7b.sql']) {
      const result = await evaluate({
        gold,
        pred: join(NL2SQL360, file),
        dbDir: shared('data', 'spider', 'database'),
        workers: 2,
      });
      assert.equal(result.items.length, 1034, file);
      assert.ok(result.items.every((item, k) => item.i === k));
      const ex = result.summary.overall.ex ?? 0;
      assert.ok(ex > 0.3 && ex < 0.95, `${file}: EX ${ex}`);
    }
  });
});
