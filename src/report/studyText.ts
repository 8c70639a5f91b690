/** The `study` report, as text for people and as Markdown for papers and pull requests. */
import { type GroupStats, MIN_BOOTSTRAP_N, type PairedGain, SMALL_GROUP, type StudyResult } from '../study/study.js';
import { renderTable } from './table.js';

const num = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));
/** A p-value as small as a double can hold is written as a bound, not as `0.0e+0`. */
const pValue = (p: number | null) => (p === null ? '–' : p < 1e-300 ? '< 1e-300' : p < 0.001 ? p.toExponential(1) : p.toFixed(3));
/** Intervals with the digits of the estimate they bound. */
const ci = (c: [number, number] | null) => (c ? `[${num(c[0])}, ${num(c[1])}]` : '–');

function rows(result: StudyResult): [string, GroupStats][] {
  return [['all', result.overall], ...Object.entries(result.families)];
}

const HEADERS = [
  'group',
  'n',
  'Pearson r',
  'p',
  '95% CI',
  'Spearman ρ',
  'p',
  '95% CI',
  'r (log AR)',
  'AR>1 agrees',
  'mean ΔEX, AR>1',
  'mean ΔEX, AR≤1',
];

function cells(name: string, g: GroupStats): string[] {
  return [
    name,
    String(g.n),
    num(g.pearson.r),
    pValue(g.pearson.p),
    ci(g.pearson.ci),
    num(g.spearman.rho),
    pValue(g.spearman.p),
    ci(g.spearman.ci),
    num(g.pearsonLogAr.r),
    g.agreement === null ? '–' : `${Math.round(100 * g.agreement)}%`,
    num(g.meanDeltaEx.arAbove1, 2),
    num(g.meanDeltaEx.arAtMost1, 2),
  ];
}

export function renderStudyText(result: StudyResult): string {
  const table = renderTable(
    HEADERS.map((header, k) => ({ header, align: k === 0 ? ('left' as const) : ('right' as const) })),
    rows(result).map(([name, g]) => cells(name, g)),
  );
  const c = result.overall.confusion;
  return `${[
    `sqlalign study · ${result.overall.n} experiments · correlation of AR with ΔEX (EX after − EX before)`,
    '',
    table,
    '',
    `AR > 1 and a gain: ${c.arAboveGain}; AR > 1, no gain: ${c.arAboveNoGain}; AR ≤ 1 and a gain: ${c.arBelowGain}; AR ≤ 1, no gain: ${c.arBelowNoGain}.`,
    'p-values: two-sided, from Student t with n − 2 degrees of freedom (as SciPy); intervals: bootstrap over experiments.',
    ...smallGroups(result),
    ...pairedLines(result),
  ].join('\n')}\n`;
}

const PAIRED_HEADERS = ['model', 'train', 'AR', 'ΔEX', '95% CI', 'p (McNemar)', 'before only', 'after only', 'gain'];

function pairedCells(e: StudyResult['experiments'][number]): string[] {
  const g = e.paired as PairedGain;
  return [
    e.model,
    e.train,
    num(e.ar),
    num(e.deltaEx, 2),
    g.deltaCi95 ? `[${num(g.deltaCi95[0], 2)}, ${num(g.deltaCi95[1], 2)}]` : '–',
    pValue(g.pValue),
    String(g.aOnly),
    String(g.bOnly),
    g.withinNoise ? 'within noise' : e.deltaEx > 0 ? 'real gain' : 'real loss',
  ];
}

/** Where ΔEX came from paired `eval --out` files: each experiment's interval and p, and which gains are within noise. */
function pairedLines(result: StudyResult): string[] {
  const paired = result.experiments.filter((e) => e.paired);
  if (paired.length === 0) return [];
  const noise = paired.filter((e) => e.paired?.withinNoise);
  return [
    '',
    'ΔEX measured item by item (eval_before, eval_after): paired bootstrap interval and exact McNemar test per experiment.',
    renderTable(
      PAIRED_HEADERS.map((header, k) => ({ header, align: k < 2 || k === 8 ? ('left' as const) : ('right' as const) })),
      paired.map(pairedCells),
    ),
    `${noise.length} of ${paired.length} experiments' ΔEX are within noise (p ≥ 0.05)${
      noise.length ? `: ${noise.map((e) => `${e.model} on ${e.train}`).join(', ')}` : ''
    }.`,
  ];
}

function smallGroups(result: StudyResult): string[] {
  const small = rows(result).filter(([, g]) => g.n < SMALL_GROUP);
  if (small.length === 0) return [];
  return [
    `Few experiments in ${small.map(([name, g]) => `${name} (n = ${g.n})`).join(', ')}: a correlation of so few points is fragile` +
      ` and its p-value optimistic; groups of fewer than ${MIN_BOOTSTRAP_N} get no bootstrap interval (–).`,
  ];
}

export function renderStudyMarkdown(result: StudyResult): string {
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  return `${[
    line(HEADERS),
    line(HEADERS.map((_, k) => (k === 0 ? '---' : '---:'))),
    ...rows(result).map(([name, g]) => line(cells(name, g))),
    ...smallGroups(result).map((note) => `\n${note}`),
    ...pairedMarkdown(result),
  ].join('\n')}\n`;
}

function pairedMarkdown(result: StudyResult): string[] {
  const paired = result.experiments.filter((e) => e.paired);
  if (paired.length === 0) return [];
  const line = (cs: string[]) => `| ${cs.join(' | ')} |`;
  return [
    '',
    line(PAIRED_HEADERS),
    line(PAIRED_HEADERS.map((_, k) => (k < 2 || k === 8 ? '---' : '---:'))),
    ...paired.map((e) => line(pairedCells(e))),
  ];
}
