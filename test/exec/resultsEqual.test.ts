/** The three result-comparison rules on hand-made results. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultsEqual } from '../../src/exec/resultsEqual.js';
import type { Row } from '../../src/exec/values.js';
import { removeDistinct, spiderExecutionSql, spiderOrderMatters } from '../../src/spider/prep.js';

const eq = (rule: 'spider' | 'bird' | 'ordered', gold: Row[], pred: Row[], orderMatters = false) =>
  resultsEqual(rule, gold, pred, orderMatters);

test('spider: columns may be permuted, bird and ordered keep column order', () => {
  const gold: Row[] = [
    ['France', 3n],
    ['Spain', 2n],
  ];
  const pred: Row[] = [
    [3n, 'France'],
    [2n, 'Spain'],
  ];
  assert.equal(eq('spider', gold, pred), true);
  assert.equal(eq('bird', gold, pred), false);
  assert.equal(eq('ordered', gold, pred), false);
});

test('spider: a bag (repeats count); bird: a set (repeats ignored)', () => {
  const gold: Row[] = [['a'], ['b']];
  const pred: Row[] = [['a'], ['b'], ['b']];
  assert.equal(eq('spider', gold, pred), false);
  assert.equal(eq('bird', gold, pred), true);
});

test('spider: row order counts only when asked (gold has ORDER BY); bird never; ordered always', () => {
  const gold: Row[] = [['a'], ['b']];
  const pred: Row[] = [['b'], ['a']];
  assert.equal(eq('spider', gold, pred, false), true);
  assert.equal(eq('spider', gold, pred, true), false);
  assert.equal(eq('bird', gold, pred), true);
  assert.equal(eq('ordered', gold, pred), false);
  assert.equal(eq('ordered', gold, [['a'], ['b']]), true);
});

test('values compare as Python does: 1 == 1.0, NULL == NULL, text is not a number, bytes are not text', () => {
  assert.equal(eq('bird', [[1n]], [[1.0]]), true);
  assert.equal(eq('bird', [[null]], [[null]]), true);
  assert.equal(eq('bird', [['1']], [[1n]]), false);
  assert.equal(eq('bird', [[0.1 + 0.2]], [[0.3]]), false, 'floats compare exactly, as the official scripts do');
  assert.equal(eq('bird', [[new Uint8Array([97])]], [['a']]), false);
  assert.equal(eq('bird', [[2n ** 60n]], [[2n ** 60n + 1n]]), false, 'large integers stay exact');
});

test('spider: empty results agree; different widths or lengths do not', () => {
  assert.equal(eq('spider', [], []), true);
  assert.equal(eq('spider', [[1n]], [[1n, 2n]]), false);
  assert.equal(eq('spider', [[1n]], [[1n], [1n]]), false);
});

test('spider: a permutation is found among many same-valued columns', () => {
  const gold: Row[] = [[1n, 1n, 2n, 1n, 3n]];
  const pred: Row[] = [[3n, 1n, 1n, 2n, 1n]];
  assert.equal(eq('spider', gold, pred), true);
  assert.equal(eq('spider', gold, [[3n, 1n, 1n, 2n, 2n]]), false);
});

test("Spider's rewriting: every DISTINCT token goes, strings and names keep theirs", () => {
  assert.equal(removeDistinct('SELECT DISTINCT a, count(DISTINCT b) FROM t'), 'SELECT  a, count( b) FROM t');
  assert.equal(
    removeDistinct(`SELECT distinct_count FROM t WHERE x = 'DISTINCT' AND "distinct" = 1`),
    `SELECT distinct_count FROM t WHERE x = 'DISTINCT' AND "distinct" = 1`,
  );
  assert.equal(spiderExecutionSql('SELECT DISTINCT a FROM t WHERE b > = 1', true), 'SELECT DISTINCT a FROM t WHERE b >= 1');
  assert.equal(spiderExecutionSql('SELECT a FROM t WHERE y = YEAR(CURDATE()) - 1', false), 'SELECT a FROM t WHERE y = 2020- 1');
  assert.equal(spiderOrderMatters('SELECT a FROM t ORDER BY a'), true);
  assert.equal(spiderOrderMatters('SELECT a FROM t ORDER  BY a'), false, 'the official test is the substring "order by"');
});
