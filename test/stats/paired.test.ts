/** Paired tests: the exact McNemar p-value against SciPy's binomtest, Holm's adjustment, the paired bootstrap. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holm, mcnemarExact, pairedBootstrapDelta } from '../../src/stats/paired.js';

test("exact McNemar equals SciPy's binomtest(b, a + b, 0.5) to 1e-12", () => {
  // scipy.stats.binomtest(b, a + b, 0.5).pvalue, SciPy 1.10.
  const scipy: [number, number, number][] = [
    [3, 7, 0.34375],
    [40, 55, 0.1505180638902295],
    [120, 80, 0.005685155996750306],
    [5, 0, 0.0625],
    [200, 251, 0.01845340524560627],
    [0, 12, 0.00048828125],
    [94, 120, 0.08722041670227548],
  ];
  for (const [a, b, p] of scipy) assert.ok(Math.abs(mcnemarExact(a, b) - p) < 1e-12, `${a}, ${b}: ${mcnemarExact(a, b)} vs ${p}`);
  assert.equal(mcnemarExact(0, 0), 1);
  assert.equal(mcnemarExact(10, 10), 1);
  assert.equal(mcnemarExact(4, 6), mcnemarExact(6, 4));
});

test('Holm: sorted p-values times m, m−1, …, kept monotone and at most 1, in the order given', () => {
  assert.deepEqual(holm([0.01, 0.04, 0.03]), [0.03, 0.06, 0.06]);
  assert.deepEqual(holm([0.5, 0.9]), [1, 1]);
  assert.deepEqual(holm([0.2]), [0.2]);
});

test('the paired bootstrap is seeded, centred on the difference, and zero-width when the runs agree', () => {
  const a: number[] = Array.from({ length: 400 }, (_, k) => (k % 3 === 0 ? 0 : 1));
  const b = a.map((x, k) => (k % 10 === 0 ? 1 : x));
  const delta = b.reduce((s, x) => s + x, 0) / 400 - a.reduce((s, x) => s + x, 0) / 400;
  const ci = pairedBootstrapDelta(a, b, { replicates: 2000, seed: 3 });
  assert.deepEqual(ci, pairedBootstrapDelta(a, b, { replicates: 2000, seed: 3 }));
  assert.notDeepEqual(ci, pairedBootstrapDelta(a, b, { replicates: 2000, seed: 4 }));
  assert.ok(ci[0] < delta && delta < ci[1], `${ci} around ${delta}`);
  assert.deepEqual(pairedBootstrapDelta(a, a, { replicates: 200, seed: 0 }), [0, 0]);
});
