/** The `align --json` object: params, target, rows, ratios (the shape other programs read), plus examples. */
import type { AlignResult } from '../align/align.js';

export function alignJson(result: AlignResult): object {
  const sets = [result.querySets.target, ...result.querySets.train, ...result.querySets.pred];
  return {
    params: result.params,
    target: result.target,
    rows: result.rows,
    ratios: result.ratios,
    unparseable_examples: Object.fromEntries(
      sets
        .filter((s) => s.unparseable > 0)
        .map((s) => [s.name, s.unparseableExamples.map(({ i, where, error }) => ({ i, where, error }))]),
    ),
  };
}
