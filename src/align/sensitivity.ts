/**
 * Does each AR > 1 decision survive other settings? The comparison is redone for α in
 * {1, 0.1, 0.01, 0.001} and l_max in {5, 10, 15}; a decision that flips is flagged.
 */
import { type Distribution, IndexedDistribution, ngramDistribution, type TemplateCounter } from '../features/distribution.js';
import { alignmentRatio, klDivergence } from '../metric/divergence.js';
import { type Decision, decide } from './figures.js';

export const SENSITIVITY_ALPHAS = [1, 0.1, 0.01, 0.001] as const;
export const SENSITIVITY_LMAX = [5, 10, 15] as const;

export interface SensitivityRow {
  readonly train: string;
  readonly pred: string;
  readonly decisions: readonly { alpha: number; lmax: number; ar: number; decision: Decision }[];
  /** The decision is the same under every setting. */
  readonly stable: boolean;
}

export interface SensitivityInput {
  readonly target: TemplateCounter;
  readonly train: readonly { name: string; templates: TemplateCounter }[];
  readonly pred: readonly { name: string; templates: TemplateCounter }[];
  readonly scale?: number;
  /** Distributions already computed at some l_max ≥ 15 (target, then train, then pred): shorter ones are cut from them. */
  readonly distributions?: { readonly lmax: number; readonly target: Distribution; readonly others: readonly Distribution[] };
}

/** The n-grams of at most `lmax` tokens: the distribution at that l_max, cut from a longer one. */
export function truncate(d: Distribution, lmax: number): Distribution {
  if (d instanceof IndexedDistribution) return d.truncate(lmax);
  const counts = new Map<string, number>();
  let total = 0;
  for (const [g, c] of d.counts) {
    let tokens = 1;
    for (let k = g.indexOf(' '); k >= 0 && tokens <= lmax; k = g.indexOf(' ', k + 1)) tokens++;
    if (tokens <= lmax) {
      counts.set(g, c);
      total += c;
    }
  }
  return { counts, total };
}

export function sensitivity(input: SensitivityInput): SensitivityRow[] {
  const rows = input.train.flatMap((s) =>
    input.pred.map((p) => ({ train: s.name, pred: p.name, decisions: [] as SensitivityRow['decisions'][number][] })),
  );
  const longest = Math.max(...SENSITIVITY_LMAX);
  const given = input.distributions && input.distributions.lmax >= longest ? input.distributions : null;
  const at = (lmax: number, templates: TemplateCounter, k: number | 'target'): Distribution => {
    if (!given) return ngramDistribution(templates.counts, lmax);
    const d = k === 'target' ? given.target : (given.others[k] as Distribution);
    return given.lmax === lmax ? d : truncate(d, lmax);
  };
  for (const lmax of SENSITIVITY_LMAX) {
    const target = at(lmax, input.target, 'target');
    const trains: Distribution[] = input.train.map((s, k) => at(lmax, s.templates, k));
    const preds: Distribution[] = input.pred.map((p, k) => at(lmax, p.templates, input.train.length + k));
    for (const alpha of SENSITIVITY_ALPHAS) {
      const dTrain = trains.map((x) => klDivergence(target, x, alpha));
      const dPred = preds.map((x) => klDivergence(target, x, alpha));
      const max = Math.max(...dTrain, ...dPred);
      const c = input.scale ?? (max > 0 ? max : 1);
      let k = 0;
      dTrain.forEach((ds) => {
        for (const dp of dPred) {
          const ar = alignmentRatio(ds, dp, c);
          (rows[k++] as (typeof rows)[number]).decisions.push({ alpha, lmax, ar, decision: decide(ar) });
        }
      });
    }
  }
  return rows.map((r) => ({ ...r, stable: r.decisions.every((d) => d.decision === r.decisions[0]?.decision) }));
}
