/** `sqlalign eval` as a user runs it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb, SINGER_TABLES } from '../helpers/db.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);
const gold = tmp.file(
  'gold.sql',
  'SELECT count(*) FROM singer\tconcert_singer\nSELECT Name FROM singer WHERE Age > 40\tconcert_singer\nSELECT Name FROM singer\tconcert_singer\n',
);
const pred = tmp.file('pred.txt', 'SELECT COUNT(*) FROM singer\nSELECT Name FROM singer WHERE Age > 50\nDROP TABLE singer\n');
const tables = tmp.file('tables.json', JSON.stringify([SINGER_TABLES]));

test('a table for people, naming the comparison rule', async () => {
  const run = await runCli(['eval', '--gold', gold, '--pred', pred, '--db-dir', tmp.dir, '--tables', tables]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /EX rule: spider \(official test-suite rule/);
  assert.match(run.stdout, /^hardness\s+items\s+EX n\s+EX\s+EM n\s+EM \(exact set\)\s+EM \(template\)$/m);
  assert.match(run.stdout, /^all\s+3\s+3\s+33\.3%\s+3\s+66\.7%\s+66\.7%$/m);
  assert.match(run.stdout, /status: 2 ok, 1 prediction error, 0 time-outs/);
});

test('--json summary and --out per-item results with the documented fields', async () => {
  const out = join(tmp.dir, 'items.jsonl');
  const run = await runCli([
    'eval',
    '--gold',
    gold,
    '--pred',
    pred,
    '--db-dir',
    tmp.dir,
    '--semantics',
    'bird',
    '--json',
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  const summary = JSON.parse(run.stdout);
  assert.equal(summary.semantics, 'bird');
  assert.equal(summary.overall.n, 3);
  assert.equal(summary.overall.exact, null, 'no tables.json: no exact set match');
  const items = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    items.map((i) => [i.i, i.db_id, i.ex, i.exact, i.template_match, i.status]),
    [
      [0, 'concert_singer', true, null, true, 'ok'],
      [1, 'concert_singer', false, null, true, 'ok'],
      [2, 'concert_singer', false, null, false, 'pred_error'],
    ],
  );
  assert.ok(items.every((i) => 'gold_sql' in i && 'pred_rows' in i && 'gold_rows' in i && 'error' in i && 'ms' in i));
});

test('bad input: one line and an exit code', async () => {
  const short = tmp.file('short.txt', 'SELECT 1\n');
  const mismatch = await runCli(['eval', '--gold', gold, '--pred', short, '--db-dir', tmp.dir]);
  assert.equal(mismatch.code, 1);
  assert.match(mismatch.stderr, /^sqlalign: .*short\.txt: has 1 prediction for 3 gold items/);
  const badTables = await runCli(['eval', '--gold', gold, '--pred', pred, '--tables', pred]);
  assert.equal(badTables.code, 1);
  assert.match(badTables.stderr, /not a readable tables\.json/);
  const missing = await runCli(['eval', '--pred', pred]);
  assert.equal(missing.code, 2);
  const semantics = await runCli(['eval', '--gold', gold, '--pred', pred, '--semantics', 'fuzzy']);
  assert.equal(semantics.code, 2);
});

test('without --tables the table has no exact-set column and says why; every figure is recomputed from --out', async () => {
  const out = join(tmp.dir, 'recomputed.jsonl');
  const text = await runCli(['eval', '--gold', gold, '--pred', pred, '--db-dir', tmp.dir]);
  assert.equal(text.code, 0, text.stderr);
  assert.doesNotMatch(text.stdout, /by the Spider evaluator's parser/);
  assert.match(text.stdout, /Spider's exact set match not computed \(it needs --tables\)/);
  assert.doesNotMatch(text.stdout, /EM \(exact set\)/);
  const json = await runCli([
    'eval',
    '--gold',
    gold,
    '--pred',
    pred,
    '--db-dir',
    tmp.dir,
    '--tables',
    tables,
    '--json',
    '--out',
    out,
  ]);
  const summary = JSON.parse(json.stdout);
  const items = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { ex: boolean | null; exact: boolean | null; template_match: boolean; hardness: string });
  const share = (xs: boolean[]) => (xs.length === 0 ? null : xs.filter(Boolean).length / xs.length);
  const recompute = (group: typeof items) => {
    const ex = group.flatMap((i) => (i.ex === null ? [] : [i.ex]));
    const exact = group.flatMap((i) => (i.exact === null ? [] : [i.exact]));
    return {
      items: group.length,
      n: ex.length,
      ex: share(ex),
      exact: share(exact),
      exact_n: exact.length,
      template_match: share(group.map((i) => i.template_match)),
    };
  };
  assert.deepEqual(summary.overall, recompute(items));
  for (const [hardness, scores] of Object.entries(summary.by_difficulty)) {
    assert.deepEqual(scores, recompute(items.filter((i) => i.hardness === hardness)), hardness);
  }
});
