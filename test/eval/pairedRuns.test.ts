/**
 * `compare`: two runs of the same gold paired item by item. On published NL2SQL360 runs (a base
 * model and its fine-tuned version on Spider dev) every figure against an independent computation
 * (SciPy's binomtest, NumPy's paired bootstrap); runs of another gold, other items or another rule
 * refused in one line; strata, the changed items, every report.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { evaluate } from '../../src/eval/evaluate.js';
import { compareRuns, readEvalRun } from '../../src/eval/pairedRuns.js';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

describe('compare on published runs of Spider dev', sharedOrSkip(), () => {
  const spider = shared('data', 'spider');
  const preds = shared('data', 'predictions', 'nl2sql360_spider_dev');
  const base = join(tmp.dir, 'Deepseek-Coder-7B.jsonl');
  const tuned = join(tmp.dir, 'Deepseek-Coder-7B-7000.jsonl');
  before(async () => {
    for (const [out, file] of [
      [base, 'Deepseek-Coder-7B.sql'],
      [tuned, 'Deepseek-Coder-7B-7000.sql'],
    ] as const) {
      await evaluate({ gold: join(spider, 'dev.json'), pred: join(preds, file), dbDir: join(spider, 'database'), out });
    }
  });

  test('counts, p-value and interval against SciPy and NumPy', async () => {
    const run = await runCli(['compare', base, tuned, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const c = JSON.parse(run.stdout);
    // Computed from the two files by an independent script (Python: SciPy 1.10 binomtest, NumPy bootstrap, 10,000 draws).
    assert.deepEqual([c.n, c.a_only, c.b_only], [972, 94, 120]);
    assert.ok(Math.abs(c.ex_a - 0.7325102880658436) < 1e-12);
    assert.ok(Math.abs(c.ex_b - 0.7592592592592593) < 1e-12);
    assert.ok(Math.abs(c.delta - (0.7592592592592593 - 0.7325102880658436)) < 1e-12);
    assert.ok(Math.abs(c.p_value - 0.08722041670227548) < 1e-9);
    assert.ok(Math.abs(c.delta_ci95[0] - -0.00308642) < 0.01 && Math.abs(c.delta_ci95[1] - 0.05555556) < 0.01, `${c.delta_ci95}`);
    assert.deepEqual(Object.keys(c).slice(0, 10), [
      'base',
      'run',
      'n',
      'ex_a',
      'ex_b',
      'delta',
      'a_only',
      'b_only',
      'p_value',
      'delta_ci95',
    ]);
    const text = await runCli(['compare', base, tuned, '--by', 'hardness', '--list', '2']);
    assert.match(text.stdout, /Deepseek-Coder-7B-7000 +972 +73\.3% +75\.9% +\+2\.7 .* +94 +120 +0\.0872 +within noise/);
    assert.match(text.stdout, /by hardness:\nhardness +n/);
    assert.match(text.stdout, /right in Deepseek-Coder-7B only \(first 2\):\n {2}#\d+/);
  });
});

describe('compare on runs made here', () => {
  const dbDir = join(tmp.dir, 'db');
  makeSingerDb(dbDir);
  const gold = tmp.file(
    'gold.sql',
    [
      'SELECT count(*) FROM singer',
      'SELECT Name FROM singer WHERE Age > 40',
      'SELECT max(Age) FROM singer',
      'SELECT Country FROM singer WHERE Singer_ID = 1',
    ]
      .map((q) => `${q}\tconcert_singer`)
      .join('\n'),
  );
  const runOf = async (name: string, preds: string[], extra: { semantics?: 'bird' } = {}) => {
    const out = join(tmp.dir, `${name}.jsonl`);
    await evaluate({ gold, pred: tmp.file(`${name}.sql`, preds.join('\n')), dbDir, out, restart: true, ...extra });
    return out;
  };

  test('the items where the runs disagree, each way; Holm over several runs; the same per stratum', async () => {
    const a = await runOf('a', ['SELECT 5', 'SELECT 1', 'SELECT 52', 'SELECT 1']);
    const b = await runOf('b', [
      'SELECT 5',
      "SELECT 'Joe Sharp' UNION SELECT 'Rose White' UNION SELECT 'John Nizinik'",
      'SELECT 1',
      "SELECT 'Netherlands'",
    ]);
    const c = await runOf('c', ['SELECT 5', 'SELECT 1', 'SELECT 52', "SELECT 'Netherlands'"]);
    const [ab, ac] = compareRuns(readEvalRun(a), [readEvalRun(b), readEvalRun(c)], { bootstrap: 200, list: 5, by: 'db_id' });
    assert.deepEqual([ab?.n, ab?.exA, ab?.exB, ab?.aOnly, ab?.bOnly], [4, 0.5, 0.75, 1, 2]);
    assert.deepEqual([ac?.aOnly, ac?.bOnly], [0, 1]);
    assert.equal(ab?.pValue, 1);
    assert.equal(ac?.pValue, 1);
    assert.deepEqual([ab?.pHolm, ac?.pHolm], [1, 1]);
    assert.deepEqual(
      ab?.changed?.aOnly.map((i) => i.i),
      [2],
    );
    assert.deepEqual(
      ab?.changed?.bOnly.map((i) => i.i),
      [1, 3],
    );
    assert.deepEqual(Object.keys(ab?.strata?.groups ?? {}), ['concert_singer']);
    const cli = await runCli(['compare', a, b, c, '--json', '--markdown', join(tmp.dir, 'c.md')]);
    assert.equal(cli.code, 0, cli.stderr);
    const json = JSON.parse(cli.stdout);
    assert.equal(json.base, 'a');
    assert.deepEqual(
      json.comparisons.map((x: { run: string; p_holm: number }) => [x.run, x.p_holm]),
      [
        ['b', 1],
        ['c', 1],
      ],
    );
    assert.match(readFileSync(join(tmp.dir, 'c.md'), 'utf8'), /\| run \| n \| EX base \| EX run \|/);
  });

  test('runs that cannot be paired are refused in one line: another gold, other items, another rule, not a results file', async () => {
    const a = await runOf('a2', ['SELECT 5', 'SELECT 1', 'SELECT 52', 'SELECT 1']);
    const bird = await runOf('bird', ['SELECT 5', 'SELECT 1', 'SELECT 52', 'SELECT 1'], { semantics: 'bird' });
    const fewer = join(tmp.dir, 'fewer.jsonl');
    writeFileSync(fewer, readFileSync(a, 'utf8').split('\n').slice(0, 2).join('\n'));
    const otherGold = join(tmp.dir, 'other.jsonl');
    writeFileSync(otherGold, readFileSync(a, 'utf8').replace('SELECT max(Age) FROM singer', 'SELECT min(Age) FROM singer'));
    const cases: [string, RegExp][] = [
      [bird, /evaluated with another rule \(semantics bird, not spider\)/],
      [fewer, /holds 2 items and .* 4, not the same items/],
      [otherGold, /item 2 has another gold query/],
      [tmp.file('junk.jsonl', 'hello\n'), /line 1: not a JSON line/],
    ];
    for (const [other, message] of cases) {
      const run = await runCli(['compare', a, other]);
      assert.equal(run.code, 1, other);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
    const usage = await runCli(['compare', a, a, '--bootstrap', '5']);
    assert.equal(usage.code, 2);
    const by = await runCli(['compare', a, a, '--by', 'nothing']);
    assert.equal(by.code, 2);
    assert.match(by.stderr, /--by nothing: no item/);
  });
});
