/** `sqlalign study` end to end: statistics overall and per family, AR from datasets, Markdown, bad input. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ratioFromDatasets } from '../../src/align/align.js';
import { readExperiments, studyStats } from '../../src/study/study.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES, ROOT } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const scipy = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'stats', 'expected.json'), 'utf8')).cases['paper-like'] as {
  x: number[];
  y: number[];
  pearson: { r: number; p: number };
  spearman: { rho: number; p: number };
};
// ΔEX = after − before = y: before 50, after 50 + y; half the experiments in each family.
const csv = tmp.file(
  'experiments.csv',
  `model,family,train,target,ar,ex_before,ex_after\n${scipy.x.map((ar, k) => `m${k},${k % 2 ? 'codellama' : 'qwen'},s${k},spider,${ar},50,${50 + (scipy.y[k] as number)}`).join('\n')}\n`,
);

test('overall statistics equal SciPy on the same data; families, confusion and means are consistent', async () => {
  const result = studyStats(await readExperiments(csv));
  assert.equal(result.overall.n, 12);
  assert.ok(Math.abs((result.overall.pearson.r as number) - scipy.pearson.r) < 1e-9);
  assert.ok(Math.abs((result.overall.pearson.p as number) - scipy.pearson.p) < 1e-9);
  assert.ok(Math.abs((result.overall.spearman.rho as number) - scipy.spearman.rho) < 1e-9);
  assert.deepEqual(Object.keys(result.families), ['codellama', 'qwen']);
  assert.equal(result.families.codellama?.n, 6);
  const c = result.overall.confusion;
  assert.equal(c.arAboveGain + c.arAboveNoGain + c.arBelowGain + c.arBelowNoGain, 12);
  const above = scipy.y.filter((_, k) => (scipy.x[k] as number) > 1);
  assert.ok(Math.abs((result.overall.meanDeltaEx.arAbove1 as number) - above.reduce((a, b) => a + b, 0) / above.length) < 1e-9);
});

test('CLI: --json has the documented shape, --markdown writes a table', async () => {
  const md = join(tmp.dir, 'study.md');
  const run = await runCli(['study', csv, '--json', '--markdown', md]);
  assert.equal(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.overall.n, 12);
  assert.equal(typeof out.overall.pearson.r, 'number');
  assert.equal(typeof out.overall.pearson.p, 'number');
  assert.equal(typeof out.overall.spearman.rho, 'number');
  assert.equal(typeof out.families.codellama.spearman.p, 'number');
  assert.match(readFileSync(md, 'utf8'), /^\| group \| n \| Pearson r \|.*\n\| --- \| ---: \|/);
  const text = await runCli(['study', csv]);
  assert.match(text.stdout, /^all\s+12\s+0\.\d{3}/m);
});

test('AR computed by align from the datasets named in the file', async () => {
  const file = tmp.file(
    'paths.jsonl',
    [
      {
        model: 'a',
        ex_before: 60,
        ex_after: 58,
        target_path: join(EXAMPLES, 'spider_dev_sample.json'),
        train_path: join(EXAMPLES, 'bird_dev_sample.json'),
        pred_path: `${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`,
      },
      {
        model: 'b',
        ex_before: 60,
        ex_after: 61,
        target_path: join(EXAMPLES, 'spider_dev_sample.json'),
        train_path: join(EXAMPLES, 'spider_train_sample.sql'),
        pred_path: `${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`,
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const experiments = await readExperiments(file, { ratioOf: ratioFromDatasets() });
  assert.ok((experiments[0]?.ar as number) < 0.6, 'BIRD is far from Spider');
  // With the default c (the larger D of its own two rows) AR lies in [1/e, e].
  assert.ok((experiments[1]?.ar as number) > 0.6 && (experiments[1]?.ar as number) < 1);
});

test('bad input: one line naming the file and the row', async () => {
  const bad = tmp.file('bad.csv', 'model,ar,ex_before,ex_after\nm1,1.1,50,x\n');
  const run = await runCli(['study', bad]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /^sqlalign: .*bad\.csv: line 2: ex_before and ex_after must be numbers\n$/);
});

test('EX given on two scales (shares and percentages) is refused, naming both rows', async () => {
  const mixed = tmp.file('mixed.csv', 'model,ar,ex_before,ex_after\na,1.2,0.5,0.6\nb,0.9,0.4,0.45\nc,1.1,70,76\n');
  const run = await runCli(['study', mixed]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /EX on two scales: c has 70\/76 \(percent\?\) while a has 0\.5\/0\.6/);
});

test('three experiments: no bootstrap interval, a small-sample warning, p-values never printed as 0', async () => {
  const three = tmp.file('three.csv', 'model,ar,ex_before,ex_after\na,1.5,50,60\nb,1.2,50,55\nc,0.8,50,45\n');
  const json = JSON.parse((await runCli(['study', three, '--json'])).stdout);
  assert.equal(json.overall.n, 3);
  assert.equal(json.overall.pearson.ci, null);
  const text = (await runCli(['study', three])).stdout;
  assert.match(text, /Few experiments in all \(n = 3\)/);
  assert.doesNotMatch(text, /0\.0e\+0/);
  // A perfect line: p is 0 in double precision and is written as a bound.
  const line = tmp.file(
    'line.csv',
    `model,ar,ex_before,ex_after\n${Array.from({ length: 12 }, (_, k) => `m${k},${1 + k / 10},50,${50 + k}`).join('\n')}\n`,
  );
  const perfect = (await runCli(['study', line])).stdout;
  assert.match(perfect, /< 1e-300/);
  assert.match(perfect, /\[1\.000, 1\.000\]/, 'intervals carry as many digits as the estimate');
});

test('bootstrap replicates: 0 gives no intervals (not NaN), fewer than 100 is refused, in the library and the CLI', async () => {
  const experiments = await readExperiments(csv);
  const none = studyStats(experiments, { bootstrap: 0 });
  assert.equal(none.overall.pearson.ci, null);
  assert.equal(none.overall.spearman.ci, null);
  assert.ok(studyStats(experiments, { bootstrap: 100 }).overall.pearson.ci);
  assert.throws(
    () => studyStats(experiments, { bootstrap: 20 }),
    (err: Error & { options?: string[] }) =>
      /`bootstrap` must be 0 \(no intervals\) or at least 100 replicates.*\(got 20\)/.test(err.message) &&
      err.options?.[0] === 'bootstrap',
  );
  const cli = await runCli(['study', csv, '--bootstrap', '5']);
  assert.equal(cli.code, 2);
  assert.equal(
    cli.stderr,
    'sqlalign: --bootstrap must be 0 (no intervals) or at least 100 replicates: fewer make a 95% interval of a replicate or two (got 5)\n',
  );
});
