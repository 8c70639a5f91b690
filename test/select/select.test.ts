/** Selection: greedy and importance on pools where the answer is known, the cap, the verdict, the export. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { denseCounts, groupByTemplate, Vocabulary } from '../../src/select/candidates.js';
import { greedySelect } from '../../src/select/greedy.js';
import { importanceSelect } from '../../src/select/importance.js';
import { select } from '../../src/select/select.js';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { EXAMPLES, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const COUNT = 'SELECT COUNT ( * ) FROM';
const WHERE = 'SELECT FROM WHERE =';
const ORDER = 'SELECT FROM ORDER BY DESC LIMIT';

function setup(target: string[]) {
  const pool = Array.from({ length: 20 }, (_, i) =>
    [COUNT, WHERE, ORDER].map((template, k) => ({ pool: 'p', i: 3 * i + k, template })),
  ).flat();
  const vocabulary = new Vocabulary();
  const counts = denseCounts(target, vocabulary, 15);
  const groups = groupByTemplate(pool, vocabulary, 15);
  const shares = new Float64Array(vocabulary.ids.size);
  const total = counts.reduce((a, b) => a + b, 0);
  counts.forEach((c, g) => {
    shares[g] = c / total;
  });
  return { groups, shares, vocabulary };
}

test('greedy matches the target mix and never takes what the target lacks', () => {
  const { groups, shares } = setup([COUNT, COUNT, WHERE]);
  const order = greedySelect({ target: shares, groups, budget: 6, alpha: 0.01, maxShare: 1 }).map((k) => groups[k]?.template);
  assert.equal(order.filter((t) => t === COUNT).length, 4);
  assert.equal(order.filter((t) => t === WHERE).length, 2);
  assert.ok(!order.includes(ORDER));
});

test('the cap keeps any one template to its share of the budget', () => {
  const { groups, shares } = setup([COUNT, COUNT, COUNT, WHERE]);
  const order = greedySelect({ target: shares, groups, budget: 10, alpha: 0.01, maxShare: 0.3 }).map((k) => groups[k]?.template);
  assert.equal(order.length, 9, 'three templates of at most 3 each: the cap leaves the budget unfilled rather than break');
  for (const t of [COUNT, WHERE, ORDER]) assert.ok(order.filter((x) => x === t).length <= 3, t);
});

test('importance resampling prefers what the target has, reproducibly', () => {
  const { groups, shares, vocabulary } = setup([COUNT, WHERE]);
  const pool = new Float64Array(vocabulary.ids.size);
  for (const g of groups) for (const [id, c] of g.ngrams) pool[id] = (pool[id] as number) + c * g.items.length;
  const run = (seed: number) =>
    importanceSelect({ target: shares, pool, groups, budget: 20, alpha: 0.01, maxShare: 1, seed }).map(
      ([k]) => groups[k]?.template,
    );
  const picked = run(1);
  assert.deepEqual(run(1), picked);
  assert.ok(picked.filter((t) => t === ORDER).length < 2, `ORDER picked ${picked.filter((t) => t === ORDER).length} times`);
});

test('select on the examples, judged on a held-out part, exported in every trainer format', async () => {
  makeSingerDb(tmp.dir);
  const result = await select({
    target: join(EXAMPLES, 'spider_dev_sample.json'),
    pools: [`bird=${join(EXAMPLES, 'bird_dev_sample.json')}`, `spider=${join(EXAMPLES, 'spider_dev_sample.json')}`],
    budget: 50,
    seed: 2,
  });
  assert.equal(result.selected.length, 50);
  assert.ok((result.composition.spider ?? 0) > 40, JSON.stringify(result.composition));
  assert.equal(result.target.held_out, Math.round(0.3 * 289));
  assert.equal(result.held_out.length, 5);
  assert.equal(result.beats_random, result.held_out[0]!.kl < result.held_out[1]!.kl - 2 * (result.held_out[1]!.kl_sd ?? 0));
  for (const format of ['chat', 'alpaca', 'sharegpt']) {
    const out = join(tmp.dir, `sft-${format}.jsonl`);
    const run = await runCli([
      'select',
      '--target',
      join(EXAMPLES, 'spider_dev_sample.json'),
      '--pool',
      `spider=${join(EXAMPLES, 'spider_dev_sample.json')}`,
      '--budget',
      '5',
      '--out',
      out,
      '--format',
      format,
      '--schema',
      shared('data', 'spider', 'tables.json'),
    ]);
    if (run.code !== 0 && /no such file/.test(run.stderr)) continue; // no shared data here: tables.json is from there
    assert.equal(run.code, 0, run.stderr);
    const records = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(records.length, 5);
    for (const r of records) {
      assert.equal(r.source, 'spider');
      assert.equal(typeof r.db_id, 'string');
      const text = JSON.stringify(r);
      assert.match(text, /CREATE TABLE/);
      assert.match(text, /### Question/);
      assert.match(text, /```sql\\n(SELECT|select)/);
    }
    if (format === 'chat')
      assert.deepEqual(
        records[0].messages.map((m: { role: string }) => m.role),
        ['system', 'user', 'assistant'],
      );
    if (format === 'sharegpt')
      assert.deepEqual(
        records[0].conversations.map((m: { from: string }) => m.from),
        ['system', 'human', 'gpt'],
      );
    if (format === 'alpaca') assert.deepEqual(Object.keys(records[0]).slice(0, 3), ['instruction', 'input', 'output']);
  }
});

describe('on the shared data', sharedOrSkip(), () => {
  test('for a Spider dev target, from Spider train + BIRD dev: mostly Spider, and better than random on held-out data', async () => {
    for (const method of ['greedy', 'importance'] as const) {
      const result = await select({
        target: shared('data', 'spider', 'dev.json'),
        pools: [
          `spider_train=${shared('data', 'spider', 'train_spider.json')}`,
          `bird_dev=${shared('data', 'bird', 'dev.json')}`,
        ],
        budget: 1000,
        method,
      });
      assert.ok((result.composition.spider_train ?? 0) > 900, `${method}: ${JSON.stringify(result.composition)}`);
      assert.equal(result.beats_random, true, `${method}: ${result.verdict}`);
    }
  });
});
