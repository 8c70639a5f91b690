/**
 * VES and R-VES against the official scripts' arithmetic on the same timings
 * (test/fixtures/ves/official-scores.json: expected values computed by BIRD's evaluation_ves.py
 * logic for dev and mini-dev, with numpy, on fixed timings).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { rewardOf, rvesOf, timeRatio, vesOf, withoutOutliers } from '../../src/exec/efficiency.js';
import { type Verdict, withTimeRatio } from '../../src/exec/verdict.js';
import { execRequest } from '../helpers/execRequest.js';

interface Fixture {
  items: { correct: boolean; gold_ms: number[]; pred_ms: number[]; time_ratio: number; reward: number }[];
  ves: number;
  r_ves: number;
  degenerate: { gold_ms: number[]; pred_ms: number[]; official_time_ratio: number };
}
const fixture = JSON.parse(readFileSync('test/fixtures/ves/official-scores.json', 'utf8')) as Fixture;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test('each correct item: the time ratio and its reward are the official ones', () => {
  const correct = fixture.items.filter((i) => i.correct);
  assert.ok(correct.length >= 20);
  let cleaned = 0;
  for (const item of correct) {
    const ratio = timeRatio(item.gold_ms, item.pred_ms);
    assert.ok(close(ratio, item.time_ratio), `${ratio} ≠ ${item.time_ratio}`);
    assert.equal(rewardOf(ratio), item.reward);
    const raw = item.gold_ms.map((g, k) => g / (item.pred_ms[k] as number));
    if (withoutOutliers(raw).length < raw.length) cleaned++;
  }
  // The fixture has stalls the 3σ rule drops: the clean-up is exercised, not only the mean.
  assert.ok(cleaned >= 3, `only ${cleaned} items had an outlier`);
});

test('VES and R-VES over the items equal the official scores', () => {
  const ratios = fixture.items.map((i) => (i.correct ? timeRatio(i.gold_ms, i.pred_ms) : 0));
  assert.ok(close(vesOf(ratios) as number, fixture.ves));
  assert.ok(close(rvesOf(ratios) as number, fixture.r_ves));
  assert.equal(vesOf([]), null);
});

test('a sample without spread keeps its mean (the official script scores such a correct item 0)', () => {
  const { gold_ms, pred_ms, official_time_ratio } = fixture.degenerate;
  assert.equal(official_time_ratio, 0);
  assert.equal(timeRatio(gold_ms, pred_ms), 2);
  assert.equal(timeRatio([3], [1.5]), 2);
});

test('reward bins at their edges', () => {
  assert.deepEqual(
    [0, 0.1, 0.25, 0.49, 0.5, 0.99, 1, 1.99, 2, 50].map(rewardOf),
    [0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1.25, 1.25],
  );
  assert.throws(() => timeRatio([1], []), RangeError);
});

test('timing an item: correct ones get a ratio, a wrong one or one whose query fails in a repetition gets 0', async () => {
  const request = { ...execRequest('db', 'SELECT 1', 'SELECT 1'), timeRepeats: 3 };
  const right: Verdict = { status: 'ok', ex: true, goldRows: 1, predRows: 1, error: null };
  const ok = () => ({ ok: true as const, rows: [] });
  const phases: string[] = [];
  const timed = await withTimeRatio(request, right, { gold: 'g', pred: 'p' }, ok, (phase) => phases.push(phase));
  assert.ok((timed.timeRatio as number) > 0);
  assert.deepEqual(phases, ['pred', 'gold', 'pred', 'gold', 'pred', 'gold']);
  let calls = 0;
  const failsOnce = () => (++calls === 4 ? { ok: false as const, error: 'time-out' } : ok());
  assert.equal((await withTimeRatio(request, right, { gold: 'g', pred: 'p' }, failsOnce)).timeRatio, 0);
  assert.equal((await withTimeRatio(request, { ...right, ex: false }, { gold: 'g', pred: 'p' }, ok)).timeRatio, 0);
  // Without repetitions the verdict is left exactly as it was.
  assert.deepEqual(await withTimeRatio({ ...request, timeRepeats: 0 }, right, { gold: 'g', pred: 'p' }, ok), right);
});
