/** One stratum's row of the hardness table, the same cells in every report format; only their formatting differs. */
import type { Interval } from '../align/bootstrap.js';
import type { StratumRow } from '../align/stratify.js';

export interface CellFormat {
  readonly number: (x: number) => string;
  readonly count: (n: number) => string;
  readonly percent: (x: number) => string;
  /** A value with its interval, when it has one. */
  readonly interval: (value: string, ci: Interval | undefined) => string;
}

/** Stratum, queries, n-gram mass, then D and its same-size random baseline per set, then each AR. */
export function stratumCells(s: StratumRow, format: CellFormat): string[] {
  const n = format.number;
  return [
    `${s.stratum}${s.small ? ' (few)' : ''}`,
    format.count(s.queries),
    format.percent(s.massShare),
    ...s.rows.flatMap((r, k) => {
      const b = s.baseline[k];
      return [n(r.kl), b ? `${n(b.klMean)} ± ${n(b.klSd)}` : '–'];
    }),
    ...s.ratios.map((r) => format.interval(n(r.ar), r.ci)),
  ];
}
