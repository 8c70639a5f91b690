/** KL with Lidstone smoothing, coverage, A_KL, the scale c and AR (spec §3) on values worked out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AlignParams, compare } from '../../src/align/figures.js';
import type { Distribution } from '../../src/features/distribution.js';
import { TemplateCounter } from '../../src/features/distribution.js';
import type { QuerySet } from '../../src/features/querySet.js';
import { alignmentRatio, alignmentScore, coverage, klDivergence, vocabularySize } from '../../src/metric/divergence.js';

const dist = (counts: Record<string, number>): Distribution => {
  const map = new Map(Object.entries(counts));
  return { counts: map, total: [...map.values()].reduce((a, b) => a + b, 0) };
};

const close = (actual: number, expected: number, eps = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= eps, `${actual} is not ${expected}`);

test('D(T‖X) with Lidstone smoothing over supp T ∪ supp X, by hand', () => {
  // T = {a:2, b:1, c:1}, X = {a:1, d:1}, α = 0.5: |V| = 4, N_X + α|V| = 4,
  // X̃(a) = 1.5/4, X̃(b) = X̃(c) = 0.5/4; D = ½ln(0.5/0.375) + 2·¼ln(0.25/0.125) = ½ln(4/3) + ½ln2.
  const T = dist({ a: 2, b: 1, c: 1 });
  const X = dist({ a: 1, d: 1 });
  assert.equal(vocabularySize(T, X), 4);
  close(klDivergence(T, X, 0.5), 0.5 * Math.log(4 / 3) + 0.5 * Math.log(2));
});

test('D is zero for identical distributions whatever α, and grows as α shrinks for missing n-grams', () => {
  const T = dist({ a: 1, b: 1 });
  close(klDivergence(T, dist({ a: 5, b: 5 }), 0.01), 0);
  close(klDivergence(T, dist({ a: 5, b: 5 }), 1), 0);
  const X = dist({ a: 1 });
  assert.ok(klDivergence(T, X, 0.001) > klDivergence(T, X, 0.1));
  // Only X is smoothed: T's n-grams that X lacks are what make D large.
  close(klDivergence(T, X, 1), 0.5 * Math.log(0.5 / (2 / 3)) + 0.5 * Math.log(0.5 / (1 / 3)));
});

test('the direction is target-first', () => {
  const T = dist({ a: 1 });
  const X = dist({ a: 1, b: 1 });
  assert.notEqual(klDivergence(T, X, 0.01), klDivergence(X, T, 0.01));
  close(klDivergence(T, X, 0.01), Math.log(1 / (1.01 / 2.02)));
});

test('coverage is the target mass on n-grams the other set has at least once', () => {
  close(coverage(dist({ a: 2, b: 1, c: 1 }), dist({ a: 1, d: 1 })), 0.5);
  close(coverage(dist({ a: 2, b: 1, c: 1 }), dist({ a: 1, b: 7, c: 1 })), 1);
  close(coverage(dist({ a: 1 }), dist({ z: 1 })), 0);
});

test('A_KL and AR', () => {
  close(alignmentScore(0.5, 0.5), Math.exp(-1));
  close(alignmentScore(0, 3), 1);
  close(alignmentRatio(0.2, 0.5, 0.5), Math.exp(0.6));
  close(alignmentRatio(0.2, 0.5, 0.5), alignmentScore(0.2, 0.5) / alignmentScore(0.5, 0.5));
});

const querySet = (name: string, templates: Record<string, number>): QuerySet => {
  const counter = new TemplateCounter();
  for (const [t, n] of Object.entries(templates)) counter.add(t, n);
  const queries = Object.values(templates).reduce((a, b) => a + b, 0);
  return { name, path: name, queries, unparseable: 0, unparseableExamples: [], templates: counter, examples: new Map() };
};

const params: AlignParams = { dialect: 'sqlite', alpha: 0.01, lmax: 15 };

test('compare: c is the largest D, the worst row scores 1/e, AR and decisions follow', () => {
  const target = querySet('T', { 'SELECT COUNT ( * ) FROM': 2, 'SELECT FROM WHERE =': 2 });
  const near = querySet('near', { 'SELECT COUNT ( * ) FROM': 1, 'SELECT FROM WHERE =': 1 });
  const far = querySet('far', { 'SELECT FROM ORDER BY DESC LIMIT': 3 });
  const result = compare({ target, train: [near, far], pred: [far] }, params);
  const [rNear, rFar, rPred] = result.rows;
  close(rNear?.kl ?? Number.NaN, 0, 1e-5); // only the smoothing keeps it above 0
  assert.equal(result.params.scale, rFar?.kl);
  assert.equal(result.params.scaleSource, 'max-kl');
  close(rFar?.alignment ?? 0, Math.exp(-1));
  close(rNear?.alignment ?? 0, 1, 1e-5);
  close(rNear?.coverage ?? 0, 1);
  assert.equal(rPred?.role, 'pred');
  assert.deepEqual(
    result.ratios.map((r) => [r.train, r.pred, r.decision]),
    [
      ['near', 'far', 'fine-tune'],
      ['far', 'far', 'no-gain'],
    ],
  );
  close(result.ratios[0]?.ar ?? 0, Math.exp(((rFar?.kl ?? 0) - (rNear?.kl ?? 0)) / (rFar?.kl ?? 1)));
  close(result.ratios[0]?.ar ?? 0, Math.E, 1e-5); // about exp(D_far / D_far)
  close(result.ratios[1]?.ar ?? 0, 1); // AR = 1 exactly is not > 1: no gain
});

test('compare: a fixed c is used and reported; AR = 1 is not a reason to fine-tune', () => {
  const target = querySet('T', { 'SELECT FROM': 1 });
  const same = querySet('same', { 'SELECT FROM': 4 });
  const result = compare({ target, train: [same], pred: [same] }, { ...params, scale: 5 });
  assert.equal(result.params.scale, 5);
  assert.equal(result.params.scaleSource, 'fixed');
  assert.equal(result.ratios[0]?.decision, 'no-gain');
});
