/**
 * Whole comparisons against the sqlglot reference (../shared/fixtures/align): every D, A_KL,
 * coverage and AR within 1% relative, the same scale and the same AR > 1 decisions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, test } from 'node:test';
import { align } from '../../src/align/align.js';
import { SHARED, shared, sharedOrSkip } from '../helpers/paths.js';

interface GoldenRow {
  kind: 'train' | 'pred';
  path: string;
  queries: number;
  unparseable: number;
  kl: number;
  coverage: number;
  alignment: number;
  ar?: Record<string, number>;
}
interface Golden {
  target_queries: number;
  scale: number;
  alpha: number;
  lmax: number;
  dialect: string;
  rows: GoldenRow[];
}

const within1pct = (label: string, actual: number, expected: number) => {
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  assert.ok(rel <= 0.01, `${label}: ${actual} vs reference ${expected} (${(100 * rel).toFixed(3)}% off)`);
};

describe('align agrees with the sqlglot reference', sharedOrSkip(), () => {
  const cases = sharedOrSkip().skip ? {} : JSON.parse(readFileSync(shared('fixtures', 'align', 'CASES.json'), 'utf8'));
  // Paths in CASES.json are relative to the folder that holds shared/.
  const base = dirname(SHARED);
  const resolve = (p: string) => `${p}=${base}/${p}`;
  for (const [name, spec] of Object.entries(cases as Record<string, { target: string; train: string[]; pred?: string[] }>)) {
    test(name, async () => {
      const golden = JSON.parse(readFileSync(shared('fixtures', 'align', `${name}.json`), 'utf8')) as Golden;
      const result = await align({
        target: resolve(spec.target),
        train: spec.train.map(resolve),
        pred: (spec.pred ?? []).map(resolve),
        dialect: golden.dialect,
        alpha: golden.alpha,
        lmax: golden.lmax,
      });
      assert.equal(result.target.queries, golden.target_queries);
      within1pct('scale c', result.params.scale, golden.scale);
      assert.equal(result.rows.length, golden.rows.length);
      for (const [k, want] of golden.rows.entries()) {
        const got = result.rows[k];
        assert.ok(got);
        assert.equal(got.name, want.path);
        assert.equal(got.role, want.kind);
        assert.equal(got.queries, want.queries);
        // Known parser differences (test/fixtures/known-template-differences.json) may add a few unparseable queries.
        assert.ok(
          Math.abs(got.unparseable - want.unparseable) <= 0.005 * want.queries,
          `${want.path}: unparseable ${got.unparseable}`,
        );
        within1pct(`${want.path} D`, got.kl, want.kl);
        within1pct(`${want.path} A_KL`, got.alignment, want.alignment);
        within1pct(`${want.path} coverage`, got.coverage, want.coverage);
        for (const [pred, ar] of Object.entries(want.ar ?? {})) {
          const ratio = result.ratios.find((r) => r.train === want.path && r.pred === pred);
          assert.ok(ratio, `no AR for ${want.path} against ${pred}`);
          within1pct(`AR(${want.path}, ${pred})`, ratio.ar, ar);
          assert.equal(ratio.decision, ar > 1 ? 'fine-tune' : 'no-gain');
        }
      }
    });
  }
});
