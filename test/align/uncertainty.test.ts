/** Samples, bootstrap intervals, the decision's confidence, sensitivity and explanations. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { align } from '../../src/align/align.js';
import { bootstrap, percentileInterval, replicates } from '../../src/align/bootstrap.js';
import { explain } from '../../src/align/explain.js';
import { compare } from '../../src/align/figures.js';
import { samplePerGroup } from '../../src/align/sample.js';
import { sensitivity } from '../../src/align/sensitivity.js';
import { ngramDistribution, TemplateCounter } from '../../src/features/distribution.js';
import type { QuerySet } from '../../src/features/querySet.js';
import { alignJson } from '../../src/report/alignJson.js';
import { renderAlignText } from '../../src/report/alignText.js';
import { EXAMPLES } from '../helpers/paths.js';

const counter = (templates: Record<string, number>) => {
  const c = new TemplateCounter();
  for (const [t, n] of Object.entries(templates)) c.add(t, n);
  return c;
};
const querySet = (name: string, templates: Record<string, number>, examples: Record<string, string> = {}): QuerySet => ({
  name,
  path: name,
  queries: Object.values(templates).reduce((a, b) => a + b, 0),
  unparseable: 0,
  unparseableExamples: [],
  templates: counter(templates),
  examples: new Map(Object.entries(examples)),
});

test('K per group, reproducible from the seed, every group represented', () => {
  const entries = Array.from({ length: 30 }, (_, i) => ({ i, group: `db${i % 3}`, template: `T${i}` }));
  const a = samplePerGroup(entries, 2, 7);
  assert.equal(a.length, 6);
  assert.deepEqual([...new Set(a.map((e) => e.group))].sort(), ['db0', 'db1', 'db2']);
  assert.deepEqual(samplePerGroup(entries, 2, 7), a);
  assert.notDeepEqual(samplePerGroup(entries, 2, 8), a);
  assert.equal(samplePerGroup(entries, 50, 1).length, 30, 'a group smaller than K is taken whole');
});

test('percentile intervals interpolate as NumPy does', () => {
  assert.deepEqual(percentileInterval([1, 2, 3, 4, 5], 0.5), [2, 4]);
  const [lo, hi] = percentileInterval([0, 10], 0.9);
  assert.ok(Math.abs(lo - 0.5) < 1e-12 && Math.abs(hi - 9.5) < 1e-12);
});

test('bootstrap: reproducible, intervals around the point estimate, degenerate when every query is the same', () => {
  const target = [
    'SELECT FROM',
    'SELECT FROM WHERE =',
    'SELECT COUNT ( * ) FROM',
    'SELECT FROM',
    'SELECT FROM ORDER BY DESC LIMIT',
  ];
  const train = ngramDistribution(counter({ 'SELECT FROM': 5, 'SELECT FROM WHERE =': 3 }).counts, 15);
  const pred = ngramDistribution(counter({ 'SELECT COUNT ( * ) FROM': 4, 'SELECT FROM': 1 }).counts, 15);
  const input = {
    targetTemplates: target,
    others: [train, pred],
    trainIndex: [0],
    predIndex: [1],
    alpha: 0.01,
    lmax: 15,
    replicates: 400,
    seed: 3,
  };
  const a = bootstrap(input);
  assert.deepEqual(bootstrap(input), a);
  const point = compare(
    {
      target: querySet('T', {
        'SELECT FROM': 2,
        'SELECT FROM WHERE =': 1,
        'SELECT COUNT ( * ) FROM': 1,
        'SELECT FROM ORDER BY DESC LIMIT': 1,
      }),
      train: [querySet('S', { 'SELECT FROM': 5, 'SELECT FROM WHERE =': 3 })],
      pred: [querySet('P', { 'SELECT COUNT ( * ) FROM': 4, 'SELECT FROM': 1 })],
    },
    { dialect: 'sqlite', alpha: 0.01, lmax: 15 },
  );
  for (const [k, row] of point.rows.entries()) {
    const ci = a.rows[k]?.kl as readonly [number, number];
    assert.ok(ci[0] <= row.kl && row.kl <= ci[1], `D ${row.kl} in [${ci}]`);
    assert.ok(ci[0] < ci[1]);
  }
  const same = bootstrap({ ...input, targetTemplates: ['SELECT FROM', 'SELECT FROM', 'SELECT FROM'] });
  const ci = same.rows[0]?.kl as readonly [number, number];
  assert.equal(ci[0], ci[1], 'resampling identical queries cannot move D');
});

test('sensitivity: a decision that depends on α is flagged, a clear one is not', () => {
  const rows = sensitivity({
    target: counter({ 'SELECT FROM': 1, 'SELECT COUNT ( * ) FROM': 1 }),
    train: [
      { name: 'close', templates: counter({ 'SELECT FROM': 1, 'SELECT COUNT ( * ) FROM': 1 }) },
      { name: 'far', templates: counter({ 'UPDATE SET =': 3 }) },
    ],
    pred: [{ name: 'model', templates: counter({ 'SELECT FROM': 3 }) }],
  });
  assert.equal(rows.length, 2);
  assert.equal(rows[0]?.decisions.length, 12);
  assert.equal(rows[0]?.stable, true);
  assert.equal(rows[0]?.decisions[0]?.decision, 'fine-tune');
  assert.equal(rows[1]?.stable, true);
  assert.equal(rows[1]?.decisions[0]?.decision, 'no-gain');
});

test('explain: what the target needs and the set lacks, what the set has in excess, with real examples', () => {
  const target = querySet(
    'T',
    { 'SELECT CAST ( ) / COUNT ( * ) FROM': 3, 'SELECT FROM WHERE =': 1 },
    {
      'SELECT CAST ( ) / COUNT ( * ) FROM': 'SELECT CAST(a AS REAL) / COUNT(*) FROM t',
      'SELECT FROM WHERE =': "SELECT a FROM t WHERE b = 'x'",
    },
  );
  const other = querySet(
    'S',
    { 'SELECT FROM WHERE =': 5, 'SELECT FROM ORDER BY DESC LIMIT': 5 },
    {
      'SELECT FROM WHERE =': 'SELECT x FROM y WHERE z = 1',
      'SELECT FROM ORDER BY DESC LIMIT': 'SELECT x FROM y ORDER BY z DESC LIMIT 1',
    },
  );
  const e = explain({
    role: 'train',
    target,
    other,
    targetDistribution: ngramDistribution(target.templates.counts, 15),
    otherDistribution: ngramDistribution(other.templates.counts, 15),
    alpha: 0.01,
  });
  assert.match(e.missing[0]?.ngram ?? '', /CAST \( \) \/ COUNT \( \* \)/);
  assert.equal(e.missing[0]?.exampleTarget, 'SELECT CAST(a AS REAL) / COUNT(*) FROM t');
  assert.equal(e.missing[0]?.exampleOther, null);
  assert.ok(e.missing[0]?.variants && e.missing[0].variants > 3, 'overlapping n-grams are folded into one pattern');
  assert.match(e.excess[0]?.ngram ?? '', /ORDER BY DESC LIMIT/);
  assert.equal(e.excess[0]?.exampleOther, 'SELECT x FROM y ORDER BY z DESC LIMIT 1');
  assert.equal(e.templatesUnder[0]?.template, 'SELECT CAST ( ) / COUNT ( * ) FROM');
  assert.equal(e.templatesOver[0]?.template, 'SELECT FROM ORDER BY DESC LIMIT');
});

test('align with a 2-per-database sample: intervals, a stated confidence, and an explanation', async () => {
  const result = await align({
    target: `spider_dev=${join(EXAMPLES, 'spider_dev_sample.json')}`,
    train: [`bird_dev=${join(EXAMPLES, 'bird_dev_sample.json')}`],
    pred: [`din_sql=${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`],
    targetSample: 2,
    seed: 1,
    explain: true,
  });
  assert.equal(result.target.queries, 40, '2 queries from each of the 20 databases');
  assert.equal(result.sample?.from, 289);
  assert.equal(result.bootstrap?.replicates, 1000);
  const ci = result.bootstrap?.ratios[0] as readonly [number, number];
  assert.ok(ci[0] <= (result.ratios[0]?.ar as number) && (result.ratios[0]?.ar as number) <= ci[1]);
  assert.equal(result.confidence[0], ci[0] > 1 ? 'fine-tune' : ci[1] <= 1 ? 'no-gain' : 'uncertain');
  assert.equal(result.confidence[0], 'no-gain', 'BIRD is far from Spider, whatever the sample');
  assert.equal(result.sensitivity[0]?.decisions.length, 12);
  const bird = result.explanations?.[0];
  assert.ok(
    bird?.excess.some((p) => /INNER JOIN/.test(p.ngram)),
    'BIRD writes INNER JOIN where Spider writes JOIN',
  );
});

test('sensitivity cut from a longer distribution equals sensitivity computed afresh', async () => {
  const { truncate } = await import('../../src/align/sensitivity.js');
  const templates = counter({ 'SELECT COUNT ( * ) FROM WHERE = AND > ORDER BY DESC LIMIT': 2, 'SELECT FROM': 3 });
  const long = ngramDistribution(templates.counts, 15);
  for (const lmax of [1, 2, 5, 10]) assert.deepEqual(truncate(long, lmax), ngramDistribution(templates.counts, lmax));
});

test('with a sample, the report gives intervals for AR only and says what a sample supports', async () => {
  const result = await align({
    target: join(EXAMPLES, 'spider_dev_sample.json'),
    train: [join(EXAMPLES, 'spider_train_sample.sql')],
    pred: [`din=${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`],
    targetSample: 2,
    bootstrap: 200,
  });
  const text = renderAlignText(result);
  assert.match(text, /a sample's D, A_KL and coverage are biased \(D upward/);
  const trainRow = text.split('\n').find((l) => /^train\s/.test(l)) as string;
  assert.doesNotMatch(trainRow, /\[/, 'no interval on a sample row');
  assert.match(text, /AR .*CI/, 'AR keeps its interval');
  const json = alignJson(result) as { bootstrap: { rows_ci_about: string } };
  assert.match(json.bootstrap.rows_ci_about, /not an interval for the whole target/);
});

test('align refuses a bootstrap too small for a 95% interval, before reading anything', async () => {
  // `--bootstrap 1` printed "95% CI 0.781–0.781" beside a point estimate of 0.737.
  for (const bootstrap of [1, 99]) {
    await assert.rejects(
      align({ target: join(EXAMPLES, 'missing.json'), train: [join(EXAMPLES, 'missing.sql')], bootstrap }),
      (err: Error & { options?: string[] }) =>
        err.message.includes(`\`bootstrap\` must be 0 (no intervals) or at least 100 replicates`) &&
        err.message.endsWith(`(got ${bootstrap})`) &&
        err.options?.[0] === 'bootstrap',
    );
  }
});

test('the metric is written once: a bootstrap replicate drawing every query once gives exactly compare’s D', async () => {
  const result = await align({
    target: join(EXAMPLES, 'spider_dev_sample.json'),
    train: [join(EXAMPLES, 'spider_train_sample.sql'), join(EXAMPLES, 'bird_dev_sample.json')],
  });
  const target = result.querySets.target;
  const templates = [...target.templates.counts].flatMap(([t, n]) => Array<string>(n).fill(t));
  const others = [...result.querySets.train].map((set) => ngramDistribution(set.templates.counts, result.params.lmax));
  const prepared = replicates({ targetTemplates: templates, others, alpha: result.params.alpha, lmax: result.params.lmax });
  const once = new Float64Array(prepared.distinctTemplates);
  for (const id of prepared.perQuery) once[id] = (once[id] as number) + 1;
  const { kl, coverage } = prepared.divergences(once);
  result.rows.forEach((row, k) => {
    assert.ok(Math.abs((kl[k] as number) - row.kl) <= 1e-12 * row.kl, `${row.name}: ${kl[k]} vs ${row.kl}`);
    assert.ok(Math.abs((coverage[k] as number) - row.coverage) <= 1e-12, `${row.name} coverage`);
  });
});
