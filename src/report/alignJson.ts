/** The `align --json` object: params, target, rows, ratios (the shape other programs read), plus the extras. */
import type { AlignResult } from '../align/align.js';
import type { SizeMatchedRatio } from '../align/sizeMatched.js';
import { toJsonNames } from '../io/jsonNames.js';
import { type EvidenceMatch, evidenceSentence } from '../study/evidence.js';
import { evidenceMatches, type ReportOptions } from './ratioNotes.js';

/** The pair's names are the ratio's own; the rest goes under the ratio as `size_matched`. */
const sizeMatchedJson = ({ train: _t, pred: _p, ...rest }: SizeMatchedRatio) => rest;

/** The evidence's record of this decision: its overall record and the range the ratio falls in. */
const evidenceJson = (m: EvidenceMatch) => ({
  source: m.evidence.name,
  scope: m.evidence.scope,
  decision: m.decision,
  overall: m.overall,
  range: m.range,
  sentence: evidenceSentence(m),
});

/** The object, in the JSON's names (io/jsonNames.ts). */
export function alignJson(result: AlignResult, options: ReportOptions = {}): object {
  return toJsonNames(alignObject(result, options)) as object;
}

function alignObject(result: AlignResult, options: ReportOptions): object {
  const matches = evidenceMatches(result, options);
  const sets = [result.querySets.target, ...result.querySets.train, ...result.querySets.pred];
  const boot = result.bootstrap;
  return {
    params: result.params,
    target: result.target,
    rows: result.rows.map((row, k) => (boot ? { ...row, ci: boot.rows[k] } : row)),
    ratios: result.ratios.map((ratio, k) => ({
      ...ratio,
      ...(boot ? { ci: boot.ratios[k] } : {}),
      confidence: result.confidence[k],
      ...(result.sizeMatched[k] ? { sizeMatched: sizeMatchedJson(result.sizeMatched[k]) } : {}),
      ...(matches[k] ? { evidence: evidenceJson(matches[k]) } : {}),
    })),
    ...(result.sample ? { sample: result.sample } : {}),
    ...(boot
      ? {
          bootstrap: {
            replicates: boot.replicates,
            level: boot.level,
            rowsCiAbout: result.sample
              ? "how this sample's D varies over its own queries: not an interval for the whole target's D (a sample's D is biased upward)"
              : "the target's queries resampled",
          },
        }
      : {}),
    sensitivity: result.sensitivity,
    ...(result.explanations ? { explain: result.explanations } : {}),
    ...(result.strata
      ? { strata: { key: result.strata.key, strata: result.strata.strata.map(({ bootstrap: _b, ...rest }) => rest) } }
      : {}),
    warnings: result.warnings,
    unparseableExamples: Object.fromEntries(
      sets
        .filter((s) => s.unparseable > 0)
        .map((s) => [s.name, s.unparseableExamples.map(({ i, where, error }) => ({ i, where, error }))]),
    ),
  };
}
