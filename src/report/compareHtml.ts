/** The `compare` report as one self-contained HTML file: the table, and ΔEX with its interval per stratum and run. */
import type { PairedComparison } from '../eval/pairedRuns.js';
import { renderSvg } from './charts.js';
import { renderCompareMarkdown } from './compareText.js';
import { escapeHtml, htmlTablesOf, page } from './htmlPage.js';

export async function renderCompareHtml(comparisons: readonly PairedComparison[]): Promise<string> {
  const rows = comparisons.flatMap((c) => {
    const groups = c.strata ? Object.entries(c.strata.groups) : [];
    return [['all', c] as const, ...groups].map(([group, s]) => ({
      run: c.run,
      group,
      delta: s.delta === null ? null : 100 * s.delta,
      low: s.deltaCi95 ? 100 * s.deltaCi95[0] : null,
      high: s.deltaCi95 ? 100 * s.deltaCi95[1] : null,
      n: s.n,
    }));
  });
  const plotted = rows.filter((r) => r.delta !== null && r.low !== null);
  const key = comparisons[0]?.strata?.key;
  // One row per stratum, the runs side by side in it, each in its own colour.
  const byRun = {
    y: { field: 'group', type: 'nominal', title: key ?? null, sort: null },
    yOffset: { field: 'run', type: 'nominal' },
    color: { field: 'run', type: 'nominal', title: 'run', legend: { orient: 'bottom', labelLimit: 0 } },
  };
  const svg = await renderSvg({
    data: { values: plotted },
    width: 480,
    height: { step: 22 },
    title: `ΔEX (points) with its 95% paired-bootstrap interval${key ? `, overall and by ${key}` : ''}`,
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          ...byRun,
          x: { field: 'low', type: 'quantitative', title: 'ΔEX, points (run − base)', axis: { format: '+.1f' } },
          x2: { field: 'high' },
        },
      },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { ...byRun, x: { field: 'delta', type: 'quantitative' } } },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  } as never);
  const tables = htmlTablesOf(renderCompareMarkdown(comparisons));
  return page(
    'sqlalign: did fine-tuning pay off?',
    `<header><h1>Did ${escapeHtml(comparisons.map((c) => c.run).join(', '))} beat ${escapeHtml(comparisons[0]?.base ?? 'the base')}?</h1>
<p class="params">paired on the items judged in both · p: exact two-sided McNemar test · intervals: paired bootstrap</p></header>
${tables.join('\n')}
<figure data-chart="deltas" data-points="${plotted.length}">${svg}</figure>`,
  );
}
