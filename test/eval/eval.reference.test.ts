/**
 * Per-item verdicts against the official evaluators' (../shared/fixtures/eval): Spider's execution
 * match and exact set match (test-suite evaluation.py --etype all), BIRD's EX, and hardness, on
 * DIN-SQL's GPT-4 predictions for every Spider dev item. Required: at least 99.5% agreement on
 * each, and no disagreement beyond those explained in test/fixtures/known-eval-differences.json.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { evaluate, type ItemResult } from '../../src/eval/evaluate.js';
import type { TablesJsonEntry } from '../../src/spider/schema.js';
import { ROOT, shared, sharedOrSkip } from '../helpers/paths.js';

interface Official {
  i: number;
  hardness: string;
  spider_exec: 0 | 1 | null;
  spider_exact: 0 | 1 | null;
  bird_exec: 0 | 1 | null;
  missing_db: boolean;
}

const known = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'known-eval-differences.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

function agreement(
  name: string,
  official: readonly Official[],
  ours: readonly ItemResult[],
  theirs: (o: Official) => 0 | 1 | null,
  mine: (r: ItemResult) => boolean | null,
) {
  const differing: number[] = [];
  let compared = 0;
  official.forEach((o, k) => {
    if (theirs(o) === null) return;
    compared++;
    const value = mine(ours[k] as ItemResult);
    if (value === null || Number(value) !== theirs(o)) differing.push(o.i);
  });
  assert.ok(compared > 900, `${name}: only ${compared} items compared`);
  assert.ok(1 - differing.length / compared >= 0.995, `${name}: ${differing.length} of ${compared} items differ`);
  assert.deepEqual(
    differing.filter((i) => !(String(i) in (known[name] ?? {}))),
    [],
    `${name}: unexplained differences`,
  );
}

describe('eval agrees with the official Spider and BIRD evaluators', sharedOrSkip(), () => {
  const official: Official[] = [];
  const run = (semantics: 'spider' | 'bird') =>
    evaluate({
      gold: shared('data', 'spider', 'dev_gold.sql'),
      pred: `${shared('data', 'predictions', 'spider_dev_din_sql_gpt4', 'DIN-SQL_GPT4.csv')}#PREDICTED SQL`,
      dbDir: shared('data', 'spider', 'database'),
      tables: JSON.parse(readFileSync(shared('data', 'spider', 'tables.json'), 'utf8')) as TablesJsonEntry[],
      semantics,
    });
  before(() => {
    official.push(
      ...readFileSync(shared('fixtures', 'eval', 'spider_dev_din_sql_gpt4.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Official),
    );
  });

  test('Spider execution match, exact set match and hardness (--semantics spider)', async () => {
    const { items, summary } = await run('spider');
    assert.equal(items.length, official.length);
    agreement(
      'spider_exec',
      official,
      items,
      (o) => o.spider_exec,
      (r) => r.ex,
    );
    agreement(
      'spider_exact',
      official,
      items,
      (o) => o.spider_exact,
      (r) => r.exact,
    );
    assert.deepEqual(
      items.map((r) => r.hardness),
      official.map((o) => o.hardness),
    );
    assert.deepEqual(
      items.filter((r) => r.status === 'missing_db').map((r) => r.i),
      official.filter((o) => o.missing_db).map((o) => o.i),
    );
    // The README of the fixture: EX 83.2% (809 of 972); by hardness 214/368/125/102.
    assert.equal(summary.overall.n, 972);
    assert.equal(Math.round((summary.overall.ex ?? 0) * 972), 809);
  });

  test("BIRD's EX (--semantics bird)", async () => {
    const { items } = await run('bird');
    agreement(
      'bird_exec',
      official,
      items,
      (o) => o.bird_exec,
      (r) => r.ex,
    );
  });
});
