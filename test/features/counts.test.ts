/**
 * Template counts as files: counted in shards and merged, they give the same D to the last digit
 * as the whole dataset; read back wherever a dataset is expected; made by other rules, refused.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { align } from '../../src/align/align.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

test('Spider train split in 4, counted apart and merged, gives the same D to the last digit', sharedOrSkip(), async () => {
  const lines = readFileSync(shared('data', 'spider', 'train_gold.sql'), 'utf8')
    .trimEnd()
    .split('\n');
  const quarter = Math.ceil(lines.length / 4);
  const shards = [0, 1, 2, 3].map((k) =>
    tmp.file(`train-${k}.sql`, `${lines.slice(k * quarter, (k + 1) * quarter).join('\n')}\n`),
  );
  const counted: string[] = [];
  for (const [k, shard] of shards.entries()) {
    const out = join(tmp.dir, `train-${k}.counts.json`);
    const run = await runCli(['count', shard, '--out', out, '--no-cache']);
    assert.equal(run.code, 0, run.stderr);
    counted.push(out);
  }
  const merged = join(tmp.dir, 'train.counts.json');
  const merge = await runCli(['count', ...counted, '--out', merged, '--name', 'spider_train']);
  assert.equal(merge.code, 0, merge.stderr);
  assert.match(merge.stdout, /^8,659 queries \(0 unparseable\), [\d,]+ distinct templates from 4 inputs/);
  const target = shared('data', 'spider', 'dev.json');
  const whole = await align({ target, train: [`spider_train=${shared('data', 'spider', 'train_gold.sql')}`], cache: false });
  const fromCounts = await align({ target, train: [merged], cache: false });
  assert.equal(fromCounts.rows[0]?.queries, 8659);
  assert.equal(fromCounts.rows[0]?.kl, whole.rows[0]?.kl, 'the same D, to the last digit');
  assert.equal(fromCounts.rows[0]?.coverage, whole.rows[0]?.coverage);
});

test('counts made in another dialect or by other template rules are refused', async () => {
  const out = join(tmp.dir, 'mysql.counts.json');
  const run = await runCli([
    'count',
    join(EXAMPLES, 'spider_train_sample.sql'),
    '--dialect',
    'mysql',
    '--out',
    out,
    '--no-cache',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const wrongDialect = await runCli(['align', '--target', join(EXAMPLES, 'spider_dev_sample.json'), '--train', out]);
  assert.equal(wrongDialect.code, 1);
  assert.match(
    wrongDialect.stderr,
    /counted in dialect mysql, not sqlite: count it again with --dialect sqlite and --read spider_train_sample=mysql/,
  );
  const counts = JSON.parse(readFileSync(out, 'utf8'));
  writeFileSync(out, JSON.stringify({ ...counts, template_version: 'old rules' }));
  const old = await runCli(['align', '--target', join(EXAMPLES, 'spider_dev_sample.json'), '--train', out, '--dialect', 'mysql']);
  assert.equal(old.code, 1);
  assert.match(old.stderr, /counted with template_version old rules/);
  const sampled = await runCli(['align', '--target', out, '--train', out, '--dialect', 'mysql', '--target-sample', '1']);
  assert.equal(sampled.code, 2);
  assert.match(sampled.stderr, /is a counts file: --target-sample, --bootstrap and --by need the target's own queries/);
});
