/** The `compare` report for people and for papers: each run against its base, paired. */
import type { PairedComparison, PairedStats } from '../eval/pairedRuns.js';
import { clipped, count, percentOrDash, renderTable } from './table.js';

const points = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`);
const interval = (ci: PairedStats['deltaCi95']) => (ci === null ? '–' : `[${points(ci[0])}, ${points(ci[1])}]`);
const pValue = (p: number) => (p < 0.0001 ? p.toExponential(1) : p.toFixed(4));

/** Whether a difference is within noise: the test does not reject at 5% (Holm's p where there is one). */
const verdict = (c: PairedStats & { pHolm?: number }) => {
  const p = c.pHolm ?? c.pValue;
  if (c.delta === null) return 'no items judged in both';
  if (p >= 0.05) return 'within noise';
  return (c.delta ?? 0) > 0 ? 'better' : 'worse';
};

const HEADERS = ['EX base', 'EX run', 'ΔEX (points)', '95% CI', 'base only', 'run only', 'p (McNemar)'];

const cells = (s: PairedStats) => [
  percentOrDash(s.exA),
  percentOrDash(s.exB),
  points(s.delta),
  interval(s.deltaCi95),
  count(s.aOnly),
  count(s.bOnly),
  pValue(s.pValue),
];

export function renderCompareText(comparisons: readonly PairedComparison[]): string {
  const first = comparisons[0];
  if (!first) return '';
  const holm = comparisons.some((c) => c.pHolm !== undefined);
  const out = [
    `sqlalign compare · base ${first.base} · ${comparisons.length === 1 ? 'one run' : `${comparisons.length} runs (Holm-adjusted p)`} · items judged in both: ${count(first.n)}`,
    '',
    renderTable(
      [
        { header: 'run' },
        { header: 'n', align: 'right' },
        ...HEADERS.map((header) => ({ header, align: 'right' as const })),
        ...(holm ? [{ header: 'p (Holm)', align: 'right' as const }] : []),
        { header: 'verdict' },
      ],
      comparisons.map((c) => [c.run, count(c.n), ...cells(c), ...(holm ? [pValue(c.pHolm ?? c.pValue)] : []), verdict(c)]),
    ),
    '',
    'Only items where the two disagree decide it: "base only" are right in the base alone, "run only" in the run alone.',
    'p: exact two-sided McNemar test (binomial on those items at ½); CI: paired bootstrap over the items.',
  ];
  for (const c of comparisons) {
    if (c.strata) {
      out.push('', `${c.run} against ${c.base} by ${c.strata.key}:`);
      out.push(
        renderTable(
          [
            { header: c.strata.key },
            { header: 'n', align: 'right' },
            ...HEADERS.map((header) => ({ header, align: 'right' as const })),
          ],
          Object.entries(c.strata.groups).map(([k, s]) => [k, count(s.n), ...cells(s)]),
        ),
      );
    }
    if (c.changed) {
      for (const [label, list] of [
        [`right in ${c.base} only`, c.changed.aOnly],
        [`right in ${c.run} only`, c.changed.bOnly],
      ] as const) {
        out.push('', `${label} (first ${list.length}):`);
        for (const item of list) {
          out.push(`  #${item.i} ${item.dbId ?? ''}`);
          out.push(`    gold: ${clipped(item.gold, 160)}`);
          out.push(`    ${c.base}: ${clipped(item.predA ?? '(none)', 160)}`);
          out.push(`    ${c.run}: ${clipped(item.predB ?? '(none)', 160)}`);
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The same tables as Markdown. */
export function renderCompareMarkdown(comparisons: readonly PairedComparison[]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const holm = comparisons.some((c) => c.pHolm !== undefined);
  const head = ['run', 'n', ...HEADERS, ...(holm ? ['p (Holm)'] : []), 'verdict'];
  const out = [
    `Base: ${comparisons[0]?.base ?? ''}. p: exact two-sided McNemar test; 95% CI: paired bootstrap over the items.`,
    '',
    line(head),
    line(head.map((_, k) => (k === 0 || k === head.length - 1 ? '---' : '---:'))),
    ...comparisons.map((c) =>
      line([c.run, String(c.n), ...cells(c), ...(holm ? [pValue(c.pHolm ?? c.pValue)] : []), verdict(c)]),
    ),
  ];
  for (const c of comparisons) {
    if (!c.strata) continue;
    const h = [c.strata.key, 'n', ...HEADERS];
    out.push(
      '',
      `${c.run} against ${c.base} by ${c.strata.key}:`,
      '',
      line(h),
      line(h.map((_, k) => (k === 0 ? '---' : '---:'))),
    );
    for (const [k, s] of Object.entries(c.strata.groups)) out.push(line([k, String(s.n), ...cells(s)]));
  }
  return `${out.join('\n')}\n`;
}
