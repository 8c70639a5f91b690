/**
 * Charts as inline SVG: Vega-Lite specifications compiled and rendered by Vega in Node (no
 * browser, no network), so a report is one self-contained HTML file.
 */
import type * as VegaLite from 'vega-lite';

export type ChartSpec = VegaLite.TopLevelSpec;

const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 360 },
  // Legends under the chart, one entry a line, never cut: a set's name is what the reader needs.
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0, orient: 'bottom' as const, direction: 'vertical' as const },
  title: { fontSize: 14, anchor: 'start' as const },
  view: { stroke: null },
};

/** Vega is loaded only when a report is drawn: most runs never pay for it. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile({ config: CONFIG, ...spec } as VegaLite.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
