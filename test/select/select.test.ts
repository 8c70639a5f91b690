/** Selection: greedy and importance on pools where the answer is known, the cap, the verdict, the export. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { denseCounts, groupByTemplate, Vocabulary } from '../../src/select/candidates.js';
import { greedySelect } from '../../src/select/greedy.js';
import { importanceSelect } from '../../src/select/importance.js';
import { select } from '../../src/select/select.js';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { readJsonl } from '../helpers/jsonl.js';
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

/** The Spider dev sample split by database: a target and a pool that share no question. */
function splitSpiderSample(): { target: string; pool: string } {
  const items = JSON.parse(readFileSync(join(EXAMPLES, 'spider_dev_sample.json'), 'utf8')) as { db_id: string }[];
  const dbs = [...new Set(items.map((i) => i.db_id))].sort();
  const inTarget = new Set(dbs.filter((_, k) => k % 2 === 0));
  return {
    target: tmp.file('target-half.json', JSON.stringify(items.filter((i) => inTarget.has(i.db_id)))),
    pool: tmp.file('pool-half.json', JSON.stringify(items.filter((i) => !inTarget.has(i.db_id)))),
  };
}

test('select on the examples, judged on a held-out part against size-matched alternatives, exported in every trainer format', async () => {
  makeSingerDb(tmp.dir);
  const halves = splitSpiderSample();
  const result = await select({
    target: halves.target,
    pools: [`bird=${join(EXAMPLES, 'bird_dev_sample.json')}`, `spider=${halves.pool}`],
    budget: 50,
    seed: 2,
  });
  assert.equal(result.selected.length, 50);
  assert.ok((result.composition.spider ?? 0) > 2 * (result.composition.bird ?? 0), JSON.stringify(result.composition));
  assert.deepEqual(result.overlap, {}, 'no pool item is a target item');
  const names = result.heldOut.map((r) => r.name);
  assert.deepEqual(names.slice(0, 4), [
    'selected (greedy)',
    'random subsets of all pools (10 seeds)',
    'random subsets of pool bird (10 seeds)',
    'random subsets of pool spider (10 seeds)',
  ]);
  assert.ok(result.heldOut.slice(0, 4).every((r) => r.sizeMatched && r.queries === 50));
  assert.ok(result.heldOut.slice(4).every((r) => !r.sizeMatched && /another size/.test(r.name)));
  assert.equal(result.beatsRandom, result.heldOut[0]!.kl < result.heldOut[1]!.kl - 2 * (result.heldOut[1]!.klSd ?? 0));
  assert.equal(result.bestPool?.name, 'spider');
  assert.ok(['selection', 'pool', 'random'].includes(result.decision));
  for (const format of ['chat', 'alpaca', 'sharegpt']) {
    const out = join(tmp.dir, `sft-${format}.jsonl`);
    const run = await runCli([
      'select',
      '--target',
      join(EXAMPLES, 'spider_dev_sample.json'),
      '--pool',
      `spider=${join(EXAMPLES, 'spider_dev_sample.json')}`,
      '--allow-overlap',
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
    const records = readJsonl(out);
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
    // Read back as a dataset, the export gives the selected items' SQL and databases, one item per record.
    const pool = JSON.parse(readFileSync(join(EXAMPLES, 'spider_dev_sample.json'), 'utf8')) as { query: string; db_id: string }[];
    const back = await readAll(await openDataset(out));
    assert.deepEqual(
      back.map((r) => [r.sql, r.dbId]),
      records.map((r) => [pool[r.id]?.query.trim(), pool[r.id]?.db_id]),
    );
    const profiled = await runCli(['profile', out, '--json', '--no-cache']);
    assert.equal(profiled.code, 0, profiled.stderr);
    assert.equal(JSON.parse(profiled.stdout).unparseable, 0);
  }
});

test('a pool of training records is selected from and exported with its own prompts and answers, in any format', async () => {
  const sample = JSON.parse(readFileSync(join(EXAMPLES, 'spider_dev_sample.json'), 'utf8')) as {
    question: string;
    query: string;
    db_id: string;
  }[];
  const originals = sample.slice(0, 12).map((item, k) => ({
    messages: [
      ...(k % 2 === 0 ? [{ role: 'system', content: `Our own system text ${k}.` }] : []),
      // Every third record has an earlier exchange: in its own form it is written whole.
      ...(k % 3 === 0
        ? [
            { role: 'user', content: 'First, how many tables?' },
            { role: 'assistant', content: 'SELECT 1' },
          ]
        : []),
      { role: 'user', content: `Schema of ${item.db_id}.\n\nQuestion: ${item.question}` },
      { role: 'assistant', content: `Thinking ${k}.\n\`\`\`sql\n${item.query}\n\`\`\`` },
    ],
    db_id: item.db_id,
    source: 'my-own-set',
  }));
  const pool = tmp.file('chat-pool.jsonl', `${originals.map((o) => JSON.stringify(o)).join('\n')}\n`);
  for (const format of ['chat', 'alpaca', 'sharegpt']) {
    const out = join(tmp.dir, `from-records-${format}.jsonl`);
    const run = await runCli([
      'select',
      '--target',
      join(EXAMPLES, 'spider_dev_sample.json'),
      '--pool',
      `records=${pool}`,
      '--allow-overlap',
      '--holdout',
      '0',
      '--budget',
      '4',
      '--out',
      out,
      '--format',
      format,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /schema/i, 'a training record needs no schema looked up');
    const written = readJsonl(out);
    assert.equal(written.length, 4);
    for (const w of written) {
      const original = originals[w.id] as (typeof originals)[number];
      const last = (role: string) => original.messages.filter((m) => m.role === role).at(-1)?.content;
      const [system, user, answer] = [last('system'), last('user'), last('assistant')];
      if (format === 'chat') {
        assert.deepEqual(w.messages, original.messages, 'the same record, as it was');
        assert.equal(w.source, 'my-own-set', "the record's own keys win");
      } else assert.equal(w.source, 'records');
      if (format === 'alpaca') {
        assert.equal(w.instruction, system ? `${system}\n\n${user}` : user);
        assert.equal(w.output, answer);
      }
      if (format === 'sharegpt')
        assert.deepEqual(
          w.conversations.map((c: { value: string }) => c.value),
          [system, user, answer].filter((v) => v !== undefined),
        );
    }
  }
});

test('pool items that are target items are left out, counted and reported; --holdout 0 selects without judging', async () => {
  const target = join(EXAMPLES, 'spider_dev_sample.json');
  const leaky = await select({ target, pools: [`bird=${join(EXAMPLES, 'bird_dev_sample.json')}`, `copy=${target}`], budget: 20 });
  assert.equal(leaky.overlap.copy, 289, 'every item of a copy of the target is a duplicate');
  assert.equal(leaky.composition.copy, undefined);
  const run = await runCli([
    'select',
    '--target',
    target,
    '--pool',
    `copy=${target}`,
    '--pool',
    `bird=${join(EXAMPLES, 'bird_dev_sample.json')}`,
    '--budget',
    '20',
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /left out 289 items of copy that duplicate target items .*--allow-overlap keeps them/);
  const unjudged = await select({ target, pools: [`bird=${join(EXAMPLES, 'bird_dev_sample.json')}`], budget: 20, holdout: 0 });
  assert.equal(unjudged.decision, 'unjudged');
  assert.equal(unjudged.target.heldOut, 0);
  assert.equal(unjudged.selected.length, 20);
});

test("a budget that takes every candidate is not judged, and every row is measured at the selection's size", async () => {
  // Before: a budget of 100,000 over 300 items was "worth it", against "random subsets" that were the whole pool (± 0).
  const target = join(EXAMPLES, 'spider_dev_sample.json');
  const pool = `bird=${join(EXAMPLES, 'bird_dev_sample.json')}`;
  const all = await select({ target, pools: [pool], budget: 100_000 });
  assert.equal(all.decision, 'unjudged');
  assert.equal(all.beatsRandom, false);
  assert.equal(all.bestPool, null);
  assert.match(all.verdict, /^not judged: the budget \(100,000\) is at least the pools' 300 candidate items/);
  const size = all.selected.length;
  assert.ok(size < 300, 'the template cap leaves some out');
  assert.match(all.verdict, new RegExp(`the selection is ${size} of them \\(the cap`));
  for (const row of all.heldOut.filter((r) => r.name.startsWith('random'))) assert.equal(row.queries, size);
  const whole = await select({ target, pools: [pool], budget: 300, maxTemplateShare: 1 });
  assert.equal(whole.selected.length, 300);
  assert.match(whole.verdict, /the selection is all of them\.$/);
  assert.deepEqual(
    whole.heldOut.filter((r) => r.name.startsWith('whole')).map((r) => [r.name, r.sizeMatched]),
    [
      ['whole pools (300 queries)', true],
      ['whole pool bird', true],
    ],
  );
  // A budget below the candidates is judged as before.
  assert.notEqual((await select({ target, pools: [pool], budget: 100 })).decision, 'unjudged');
});

test('--out without --schema or --db-dir still exports every record, and says which lack a schema', async () => {
  const out = join(tmp.dir, 'no-schema.jsonl');
  const halves = splitSpiderSample();
  const run = await runCli(['select', '--target', halves.target, '--pool', halves.pool, '--budget', '5', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 5);
  assert.match(run.stderr, /5 records of .* have no schema in their prompt/);
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
      assert.equal(result.beatsRandom, true, `${method}: ${result.verdict}`);
    }
  });
});
