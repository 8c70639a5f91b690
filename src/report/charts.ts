/**
 * Charts as inline SVG: Vega-Lite specifications compiled and rendered by Vega in Node (no
 * browser, no network), so a report is one self-contained HTML file.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';

export type ChartSpec = vl.TopLevelSpec;

const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 360 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  title: { fontSize: 14, anchor: 'start' as const },
  view: { stroke: null },
};

export async function renderSvg(spec: ChartSpec): Promise<string> {
  const compiled = vl.compile({ config: CONFIG, ...spec } as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
