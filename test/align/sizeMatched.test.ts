/** The size-matched AR: draws without replacement, equal sizes left alone, and the reports that show it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { align } from '../../src/align/align.js';
import { DrawDivergence, drawDown, parsedCount, sizeMatchedRatios } from '../../src/align/sizeMatched.js';
import { ngramDistribution, TemplateCounter } from '../../src/features/distribution.js';
import { klDivergence } from '../../src/metric/divergence.js';
import { alignJson } from '../../src/report/alignJson.js';
import { renderAlignText } from '../../src/report/alignText.js';
import { seededRandom } from '../../src/stats/random.js';

const counter = (entries: Record<string, number>) => {
  const c = new TemplateCounter();
  for (const [t, n] of Object.entries(entries)) c.add(t, n);
  return c;
};

test('drawDown draws exactly `size` queries without replacement, and all of them at the full size', () => {
  const templates = counter({ 'SELECT FROM': 5, 'SELECT FROM WHERE =': 3, 'SELECT COUNT ( * ) FROM': 2 });
  assert.equal(parsedCount(templates), 10);
  for (let seed = 0; seed < 20; seed++) {
    const drawn = drawDown(templates, 4, seededRandom(seed));
    assert.equal(
      [...drawn.values()].reduce((a, b) => a + b, 0),
      4,
    );
    for (const [t, n] of drawn) assert.ok(n <= (templates.counts.get(t) as number), `${t} drawn more often than it occurs`);
  }
  assert.deepEqual(new Map([...drawDown(templates, 10, seededRandom(1))].sort()), new Map([...templates.counts].sort()));
});

test('sets of equal size are not drawn: the size-matched AR is AR itself', () => {
  const target = ngramDistribution(counter({ 'SELECT FROM WHERE =': 4, 'SELECT FROM': 2 }).counts, 15);
  const s = counter({ 'SELECT FROM WHERE =': 3, 'SELECT FROM': 3 });
  const p = counter({ 'SELECT COUNT ( * ) FROM': 6 });
  const kl = (c: TemplateCounter) => klDivergence(target, ngramDistribution(c.counts, 15), 0.01);
  const [r] = sizeMatchedRatios({
    target,
    train: [{ name: 's', templates: s, kl: kl(s) }],
    pred: [{ name: 'p', templates: p, kl: kl(p) }],
    alpha: 0.01,
    lmax: 15,
    scale: 2,
  });
  assert.equal(r?.subsampled, 'none');
  assert.equal(r?.ar, Math.exp((kl(p) - kl(s)) / 2));
  assert.equal(r?.arSd, 0);
});

test('a large training set is drawn down to the predictions; the result is reproducible and in every report', async () => {
  const target = {
    name: 'target',
    queries: ['SELECT a FROM t WHERE b = 1', 'SELECT count(*) FROM t', 'SELECT a FROM t ORDER BY a'],
  };
  const train = {
    name: 'train',
    queries: Array.from({ length: 30 }, (_, k) =>
      k % 3 === 0 ? 'SELECT a FROM t WHERE b = 1' : k % 3 === 1 ? 'SELECT a, b FROM t' : 'SELECT max(a) FROM t GROUP BY b',
    ),
  };
  const pred = { name: 'pred', queries: ['SELECT a FROM t', 'SELECT a FROM t', 'SELECT count(*) FROM t'] };
  const run = () => align({ target, train: [train], pred: [pred], cache: false, sizeMatchReplicates: 7, seed: 3 });
  const result = await run();
  const sized = result.sizeMatched[0];
  assert.equal(sized?.subsampled, 'train');
  assert.equal(sized?.size, 3);
  assert.equal(sized?.replicates, 7);
  assert.ok((sized?.arMin as number) <= (sized?.ar as number) && (sized?.ar as number) <= (sized?.arMax as number));
  assert.deepEqual((await run()).sizeMatched, result.sizeMatched, 'the same seed gives the same draws');
  const json = alignJson(result) as { ratios: { size_matched?: { size: number; ar: number } }[] };
  assert.equal(json.ratios[0]?.size_matched?.size, 3);
  assert.equal(json.ratios[0]?.size_matched?.ar, sized?.ar);
  assert.match(renderAlignText(result), /AR at equal size/);
  const off = await align({ target, train: [train], pred: [pred], cache: false, sizeMatchReplicates: 0 });
  assert.deepEqual(off.sizeMatched, []);
  assert.equal(
    (alignJson(off) as { ratios: object[] }).ratios[0] && 'size_matched' in (alignJson(off) as { ratios: object[] }).ratios[0]!,
    false,
  );
});

test('a draw of the whole set has exactly the D that compare computes, draw after draw', () => {
  const target = ngramDistribution(
    counter({ 'SELECT FROM WHERE =': 4, 'SELECT COUNT ( * ) FROM': 2, 'SELECT FROM ORDER BY': 1 }).counts,
    15,
  );
  const set = counter({ 'SELECT FROM WHERE =': 2, 'SELECT FROM JOIN ON =': 5, 'SELECT MAX ( ) FROM': 3 });
  const fast = new DrawDivergence(target, 15, 0.01);
  const exact = klDivergence(target, ngramDistribution(set.counts, 15), 0.01);
  assert.equal(fast.divergence(set.counts), exact);
  assert.equal(fast.divergence(set.counts), exact, 'no counts left over from the draw before');
  const part = drawDown(set, 4, seededRandom(2));
  assert.equal(fast.divergence(part), klDivergence(target, ngramDistribution(part, 15), 0.01));
});
