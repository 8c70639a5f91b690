/**
 * Does each AR > 1 decision survive other settings? The comparison is redone for α in
 * {1, 0.1, 0.01, 0.001} and l_max in {5, 10, 15}; a decision that flips is flagged.
 */
import { type Distribution, ngramDistribution, type TemplateCounter } from '../features/distribution.js';
import { type Decision, decide } from './compare.js';
import { alignmentRatio, klDivergence } from './divergence.js';

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
}

export function sensitivity(input: SensitivityInput): SensitivityRow[] {
  const rows = input.train.flatMap((s) =>
    input.pred.map((p) => ({ train: s.name, pred: p.name, decisions: [] as SensitivityRow['decisions'][number][] })),
  );
  for (const lmax of SENSITIVITY_LMAX) {
    const target = ngramDistribution(input.target.counts, lmax);
    const trains: Distribution[] = input.train.map((s) => ngramDistribution(s.templates.counts, lmax));
    const preds: Distribution[] = input.pred.map((p) => ngramDistribution(p.templates.counts, lmax));
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
