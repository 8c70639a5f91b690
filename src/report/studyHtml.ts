/** The `study` report as one self-contained HTML file: the table, and AR against ΔEX per family with its fitted line. */
import type { StudyResult } from '../study/study.js';
import { renderSvg } from './charts.js';
import { escapeHtml, htmlTablesOf, page } from './htmlPage.js';
import { renderStudyMarkdown } from './studyText.js';

export async function renderStudyHtml(result: StudyResult): Promise<string> {
  const families = Object.entries(result.families);
  const figures: string[] = [];
  for (const [family, stats] of families) {
    const points = result.experiments
      .filter((e) => e.family === family)
      .map((e) => ({ ar: e.ar, delta: e.deltaEx, model: e.model, train: e.train }));
    const r = stats.pearson.r === null ? 'n/a' : stats.pearson.r.toFixed(3);
    const svg = await renderSvg({
      data: { values: points },
      width: 420,
      height: 260,
      title: `${family}: r = ${r}, ρ = ${stats.spearman.rho === null ? 'n/a' : stats.spearman.rho.toFixed(3)} (n = ${stats.n})`,
      layer: [
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x: { field: 'ar', type: 'quantitative', title: 'AR', scale: { zero: false } },
            y: { field: 'delta', type: 'quantitative', title: 'ΔEX (after − before)' },
          },
        },
        {
          mark: { type: 'line', color: '#e45756' },
          transform: [{ regression: 'delta', on: 'ar' }],
          encoding: { x: { field: 'ar', type: 'quantitative' }, y: { field: 'delta', type: 'quantitative' } },
        },
        {
          data: { values: [{ one: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
          encoding: { x: { field: 'one', type: 'quantitative' } },
        },
      ],
    });
    figures.push(
      `<figure data-chart="scatter-${escapeHtml(family)}" data-points="${points.length}"><figcaption>${escapeHtml(family)}</figcaption>${svg}</figure>`,
    );
  }
  const o = result.overall;
  // The table per group, and where ΔEX came from paired eval files, the table per experiment.
  const tables = htmlTablesOf(renderStudyMarkdown(result));
  return page(
    'sqlalign: does AR predict the gain?',
    `<header><h1>Does AR predict the gain?</h1>
<p class="params">${o.n} experiments · Pearson r = ${o.pearson.r?.toFixed(3) ?? 'n/a'} (p = ${o.pearson.p?.toPrecision(2) ?? 'n/a'}) · Spearman ρ = ${o.spearman.rho?.toFixed(3) ?? 'n/a'} (p = ${o.spearman.p?.toPrecision(2) ?? 'n/a'}) · mean ΔEX when AR &gt; 1: ${o.meanDeltaEx.arAbove1?.toFixed(2) ?? 'n/a'}, when AR ≤ 1: ${o.meanDeltaEx.arAtMost1?.toFixed(2) ?? 'n/a'}</p></header>
${tables.join('\n')}
${figures.join('\n')}`,
  );
}
