/** Correlations and p-values against SciPy (test/fixtures/stats/expected.json, made by make_expected.py). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bootstrapInterval, pearson, ranks, regularizedBeta, spearman } from '../../src/study/stats.js';
import { ROOT } from '../helpers/paths.js';

interface Case {
  x: number[];
  y: number[];
  pearson: { r: number; p: number };
  spearman: { rho: number; p: number };
  pearson_log_x: { r: number; p: number };
  ranks_x: number[];
}
const expected = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'stats', 'expected.json'), 'utf8')) as {
  cases: Record<string, Case>;
};

const close = (actual: number | null, want: number, label: string, eps = 1e-9) =>
  assert.ok(
    actual !== null && Math.abs(actual - want) <= eps * Math.max(1, Math.abs(want)),
    `${label}: ${actual} vs SciPy ${want}`,
  );

for (const [name, c] of Object.entries(expected.cases)) {
  test(`${name}: Pearson, Spearman (with ties), log-x Pearson and ranks agree with SciPy`, () => {
    const p = pearson(c.x, c.y);
    close(p.value, c.pearson.r, 'r');
    close(p.p, c.pearson.p, 'p(r)', 1e-7);
    const s = spearman(c.x, c.y);
    close(s.value, c.spearman.rho, 'rho');
    close(s.p, c.spearman.p, 'p(rho)', 1e-7);
    const l = pearson(
      c.x.map((v) => Math.log(v)),
      c.y,
    );
    close(l.value, c.pearson_log_x.r, 'r(log x)');
    close(l.p, c.pearson_log_x.p, 'p(r log x)', 1e-7);
    assert.deepEqual(ranks(c.x), c.ranks_x);
  });
}

test('undefined where SciPy has no answer: a constant variable, fewer than two points', () => {
  assert.deepEqual(pearson([1, 1, 1], [1, 2, 3]), { value: null, p: null });
  assert.deepEqual(spearman([5], [1]), { value: null, p: null });
});

test('the incomplete beta function at known values', () => {
  close(regularizedBeta(0.5, 1, 1), 0.5, 'I(0.5;1,1)');
  close(regularizedBeta(0.3, 2, 3), 0.3483, 'I(0.3;2,3)', 1e-12);
});

test('bootstrap intervals of r are reproducible and contain the estimate', () => {
  const c = expected.cases['paper-like'] as Case;
  const stat = (x: number[], y: number[]) => pearson(x, y).value;
  const a = bootstrapInterval(c.x, c.y, stat, 2000, 5);
  assert.deepEqual(bootstrapInterval(c.x, c.y, stat, 2000, 5), a);
  assert.ok(a && a[0] <= c.pearson.r && c.pearson.r <= a[1]);
});
