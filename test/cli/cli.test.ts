/** The command line as a user runs it: output shapes, exit codes, one-line errors, stdout vs stderr. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const dev = `spider_dev=${join(EXAMPLES, 'spider_dev_sample.json')}`;
const train = `spider_train=${join(EXAMPLES, 'spider_train_sample.sql')}`;
const bird = `bird_dev=${join(EXAMPLES, 'bird_dev_sample.json')}`;
const pred = `din_sql=${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`;

function assertOneLineError(run: { code: number | null; stdout: string; stderr: string }, code: number, pattern: RegExp) {
  assert.equal(run.code, code, `exit code (stderr: ${run.stderr})`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.match(lines[0] ?? '', pattern);
  assert.ok(!/\bat .+:\d+:\d+\)?$/m.test(run.stderr), `no stack trace: ${run.stderr}`);
}

describe('sqlalign templates', () => {
  test('--format jsonl: one object per query, in input order, errors as {"i","error"}', async () => {
    const file = tmp.file(
      'mixed.sql',
      'SELECT count(*) FROM singer\nSELECT FROM WHERE garbage ((\nSELECT name FROM t WHERE x != 3\n',
    );
    const run = await runCli(['templates', file, '--format', 'jsonl']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines[0], { i: 0, template: 'SELECT COUNT ( * ) FROM' });
    assert.equal(lines[1].i, 1);
    assert.equal(typeof lines[1].error, 'string');
    assert.deepEqual(Object.keys(lines[1]), ['i', 'error']);
    assert.deepEqual(lines[2], { i: 2, template: 'SELECT FROM WHERE !=' });
    assert.equal(run.stderr, 'sqlalign: note: mixed: 3 queries, 1 unparseable, 2 distinct templates\n');
  });

  test('text format: i TAB template, for a whole dataset', async () => {
    const run = await runCli(['templates', join(EXAMPLES, 'spider_dev_sample.json')]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 289);
    assert.equal(lines[0], '0\tSELECT COUNT ( * ) FROM');
    assert.ok(lines.every((l, k) => l.startsWith(`${k}\t`)));
  });

  test('threads give the same templates as this thread', async () => {
    const [one, two] = await Promise.all([
      runCli(['templates', join(EXAMPLES, 'bird_dev_sample.json'), '--workers', '0', '--format', 'jsonl']),
      runCli(['templates', join(EXAMPLES, 'bird_dev_sample.json'), '--workers', '2', '--format', 'jsonl']),
    ]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
  });
});

describe('sqlalign align', () => {
  test('--json prints exactly the documented object on stdout, nothing on stderr', async () => {
    const run = await runCli(['align', '--target', dev, '--train', train, '--train', bird, '--pred', pred, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const out = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(out).slice(0, 4), ['params', 'target', 'rows', 'ratios']);
    assert.deepEqual(
      { ...out.params, scale: undefined, scale_source: undefined },
      { dialect: 'sqlite', alpha: 0.01, lmax: 15, scale: undefined, scale_source: undefined },
    );
    assert.deepEqual(out.target, { name: 'spider_dev', queries: 289, unparseable: 0, dialect: 'sqlite' });
    assert.deepEqual(
      out.rows.map((r: { role: string; name: string; queries: number }) => [r.role, r.name, r.queries]),
      [
        ['train', 'spider_train', 600],
        ['train', 'bird_dev', 300],
        ['pred', 'din_sql', 289],
      ],
    );
    for (const row of out.rows) {
      for (const key of ['unparseable', 'kl', 'alignment', 'coverage']) assert.equal(typeof row[key], 'number', key);
      // Every set in the comparison's dialect: nothing transpiled, so no transpile counts.
      assert.equal(row.dialect, 'sqlite');
      assert.equal('transpiled' in row, false);
    }
    // The scale is the largest D, so the worst row scores exactly 1/e.
    assert.equal(out.params.scale, Math.max(...out.rows.map((r: { kl: number }) => r.kl)));
    assert.equal(out.ratios.length, 2);
    for (const ratio of out.ratios) {
      assert.equal(ratio.pred, 'din_sql');
      assert.equal(ratio.decision, ratio.ar > 1 ? 'fine-tune' : 'no-gain');
    }
  });

  test('the table and the decision in words', async () => {
    const run = await runCli(['align', '--target', dev, '--train', train, '--pred', pred, '--scale', '5']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /c 5\.000 \(fixed by --scale\)/);
    assert.match(run.stdout, /role\s+dataset\s+queries\s+unparseable\s+D\(T‖X\)\s+A_KL\s+coverage/);
    assert.match(run.stdout, /^train\s+spider_train\s+600\s+0\s+\d\.\d{4}\s+0\.\d{4}\s+\d+\.\d%$/m);
    assert.match(run.stdout, /Decision:\n {2}fine-tune on spider_train: (likely to help|no gain expected) \(AR \d\.\d{3}/);
  });

  test('without predictions it ranks the training sets and says AR needs --pred', async () => {
    const run = await runCli(['align', '--target', dev, '--train', train, '--train', bird]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /AR needs the base model's own predictions/);
    assert.ok(run.stdout.indexOf('  spider_train:') < run.stdout.indexOf('  bird_dev:'), 'closest first');
  });

  test('unparseable queries are counted and shown, not dropped', async () => {
    const file = tmp.file('some-bad.sql', 'SELECT a FROM t\nSELECT FROM WHERE garbage ((\nSELECT b FROM u WHERE c = 1\n');
    const run = await runCli(['align', '--target', dev, '--train', `bad=${file}`, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.rows[0].queries, 3);
    assert.equal(out.rows[0].unparseable, 1);
    assert.equal(out.unparseable_examples.bad[0].where, 'line 2');
  });
});

describe('sqlalign align: samples, intervals, explanations, Markdown', () => {
  test('--target-sample with intervals in the table, the decision with its confidence, and --markdown', async () => {
    const md = join(tmp.dir, 'align.md');
    const run = await runCli([
      'align',
      '--target',
      dev,
      '--train',
      bird,
      '--pred',
      pred,
      '--target-sample',
      '2',
      '--seed',
      '3',
      '--explain',
      '--markdown',
      md,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /sample: 2 per db_id \(seed 3\): 40 of the target's 289 queries/);
    assert.match(run.stdout, /95% bootstrap percentile intervals, 1,000 replicates/);
    assert.match(run.stdout, /no gain expected \(AR \d\.\d{3}, 95% CI \d\.\d{3}–\d\.\d{3} ≤ 1\)/);
    assert.match(run.stdout, /Sensitivity \(α in \{1, 0\.1, 0\.01, 0\.001\}, l_max in \{5, 10, 15\}\):/);
    assert.match(run.stdout, /Why bird_dev \(train\) differs from the target:/);
    assert.match(readFileSync(md, 'utf8'), /\| train \| pred \| AR \| AR at equal size \| decision \|/);
    const json = JSON.parse(
      (await runCli(['align', '--target', dev, '--train', bird, '--pred', pred, '--target-sample', '2', '--json'])).stdout,
    );
    assert.equal(json.target.queries, 40);
    assert.equal(json.ratios[0].ci.length, 2);
    assert.equal(json.ratios[0].confidence, 'no-gain');
    assert.equal(json.rows[0].ci.kl.length, 2);
    assert.equal(json.bootstrap.replicates, 1000);
    assert.equal(json.sensitivity[0].decisions.length, 12);
  });
});

describe('sqlalign profile', () => {
  test('text and --json', async () => {
    const text = await runCli(['profile', join(EXAMPLES, 'spider_dev_sample.json')]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /289 queries, 0 unparseable, \d+ distinct templates/);
    assert.match(text.stdout, /Most common templates:/);
    assert.match(text.stdout, /Template length \(tokens\): min \d+, median \d+/);
    const json = JSON.parse((await runCli(['profile', join(EXAMPLES, 'spider_dev_sample.json'), '--json'])).stdout);
    assert.equal(json.queries, 289);
    const total = json.template_length.histogram.reduce((s: number, h: { queries: number }) => s + h.queries, 0);
    assert.equal(total, 289);
    assert.equal(json.top_templates[0].template, 'SELECT COUNT ( * ) FROM');
  });
});

describe('errors: one line, an exit code, no stack trace', () => {
  test('a missing file exits 1', async () =>
    assertOneLineError(
      await runCli(['templates', join(tmp.dir, 'missing.json')]),
      1,
      /^sqlalign: .*missing\.json: no such file$/,
    ));
  test('a dataset where every query is unparseable exits 1', async () => {
    const file = tmp.file('all-bad.sql', 'SELECT FROM WHERE ((\nSELECT FROM WHERE ))\n');
    assertOneLineError(
      await runCli(['align', '--target', dev, '--train', file]),
      1,
      /^sqlalign: .*all-bad\.sql: every one of its 2 queries is unparseable \(first: line 1: .*\); is --dialect right\?$/,
    );
  });
  test('an ambiguous field exits 1 and says how to name one', async () =>
    assertOneLineError(
      await runCli(['align', '--target', dev, '--train', join(EXAMPLES, 'spider_dev_sample_din_sql.csv')]),
      1,
      /several fields could hold the SQL .* name one as .*#FIELD$/,
    ));
  test('a missing required option exits 2', async () => {
    const run = await runCli(['align', '--train', train]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /required option '--target <dataset>' not specified/);
  });
  test('a bad number exits 2', async () => {
    const run = await runCli(['align', '--target', dev, '--train', train, '--alpha', '-1']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--alpha.*expected a positive number/);
  });
  test('an unknown dialect exits 2', async () => {
    const run = await runCli(['templates', join(EXAMPLES, 'spider_dev_sample.json'), '--dialect', 'cobol']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /'cobol' is invalid\. Allowed choices are .*sqlite/);
  });
  test('an unknown command exits 2', async () => {
    const run = await runCli(['alignn']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown command 'alignn'/);
  });
  test('--help and --version exit 0', async () => {
    assert.equal((await runCli(['--help'])).code, 0);
    assert.match((await runCli(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
    assert.match((await runCli(['align', '--help'])).stdout, /--target <dataset>/);
  });
});
