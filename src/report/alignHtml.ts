/**
 * The `align` report as one self-contained HTML file: the decision at the top; A_KL and AR with
 * their intervals; the patterns that make each set differ (with --explain); and the template
 * length and construct distributions of the target next to each set's.
 */

import type { AlignResult } from '../align/align.js';
import type { StrataResult } from '../align/stratify.js';
import { defaultName } from '../datasets/spec.js';
import { type ComparedProfile, compareProfiles } from '../features/profile.js';
import { type ChartSpec, renderSvg } from './charts.js';
import { creditNotes, dialectNotes, weightNotes } from './dialectNotes.js';
import { escapeHtml, page } from './htmlPage.js';
import { evidenceMatches, type ReportOptions, ratioNotes } from './ratioNotes.js';
import { fixed, percent } from './table.js';

export interface AlignHtmlOptions extends ReportOptions {
  /** The sets' profiles, side by side (default: compareProfiles of the result's sets). */
  readonly profiles?: readonly ComparedProfile[];
}

export async function renderAlignHtml(result: AlignResult, options: AlignHtmlOptions = {}): Promise<string> {
  const sets = [result.querySets.target, ...result.querySets.train, ...result.querySets.pred];
  const profiles = options.profiles ?? compareProfiles(sets, result.params.lmax);
  const figures = [
    alignmentFigure(result),
    ...(result.ratios.length > 0 ? [ratioFigure(result)] : []),
    ...(result.strata && result.ratios.length > 0 ? [strataFigure(result.strata)] : []),
    ...patternFigures(result),
    lengthFigure(profiles),
    constructFigure(profiles),
  ];
  const rendered: string[] = [];
  for (const f of figures) {
    rendered.push(
      `<figure data-chart="${f.name}"><figcaption>${escapeHtml(f.title)}</figcaption>${await renderSvg(f.spec)}</figure>`,
    );
  }
  const p = result.params;
  return page(
    'sqlalign: alignment report',
    `<header><h1>${escapeHtml(reportTitle(result))}</h1>
<ul class="decisions">${decisionItems(result, options).join('') || '<li>No AR without the base model’s predictions (--pred).</li>'}</ul>
<p class="params">target: ${escapeHtml(result.querySets.target.path)}, ${result.target.queries} queries${result.sample ? ` (${result.sample.perGroup} per ${escapeHtml(result.sample.by)}, seed ${result.sample.seed}, from ${result.sample.from})` : ''} · dialect ${escapeHtml(p.dialect)} · α ${p.alpha} · l_max ${p.lmax} · c ${fixed(p.scale, 3)} (${p.scaleSource === 'fixed' ? 'fixed' : 'the largest D'})</p>
${[
  ...dialectNotes(result.params.dialect, [result.target, ...result.rows]),
  ...weightNotes([result.target, ...result.rows]),
  ...creditNotes([result.target, ...result.rows]),
]
  .map((note) => `<p class="params">${escapeHtml(note)}</p>`)
  .join('')}</header>
${rowsTable(result)}
${result.strata ? strataTable(result.strata) : ''}
${rendered.join('\n')}`,
  );
}

/**
 * The question the report answers, as a user would write it: with the target's label where the user
 * gave one; a file's name and field (`dev#query`, the default name) is no title, and is said below it.
 */
function reportTitle(result: AlignResult): string {
  const name = result.target.name;
  const labelled = !name.includes('#') && name !== defaultName(result.querySets.target.path);
  return labelled ? `Will fine-tuning help on ${name}?` : 'Will fine-tuning help on this workload?';
}

interface Figure {
  readonly name: string;
  readonly title: string;
  readonly spec: ChartSpec;
}

/** The dashed line at AR = 1 that every AR chart carries. */
const arOne = () => ({
  data: { values: [{ one: 1 }] },
  mark: { type: 'rule' as const, strokeDash: [4, 4], color: '#888' },
  encoding: { x: { field: 'one', type: 'quantitative' as const } },
});

/** A bar's interval, `lo` to `hi`, as a rule across it. */
const intervalRule = (by: string) => ({
  mark: { type: 'rule' as const, color: '#222' },
  encoding: {
    y: { field: by, type: 'nominal' as const },
    x: { field: 'lo', type: 'quantitative' as const },
    x2: { field: 'hi' },
  },
});

function alignmentFigure(result: AlignResult): Figure {
  const boot = result.bootstrap;
  // A sample's rows get no interval (it would say only how the sample varies): none is drawn then.
  const intervals = boot !== null && !result.sample;
  const rows = result.rows.map((r, k) => ({
    set: `${r.name} (${r.role})`,
    alignment: r.alignment,
    lo: intervals ? (boot?.rows[k]?.alignment[0] ?? r.alignment) : r.alignment,
    hi: intervals ? (boot?.rows[k]?.alignment[1] ?? r.alignment) : r.alignment,
  }));
  return {
    name: 'alignment',
    title: intervals ? 'A_KL per set, with its 95% bootstrap interval' : 'A_KL per set',
    spec: {
      data: { values: rows },
      width: 480,
      layer: [
        {
          mark: { type: 'bar', color: '#4c78a8' },
          encoding: {
            y: { field: 'set', type: 'nominal', title: null },
            x: { field: 'alignment', type: 'quantitative', title: 'A_KL', scale: { domain: [0, 1] } },
          },
        },
        ...(intervals ? [intervalRule('set')] : []),
      ],
    },
  };
}

function ratioFigure(result: AlignResult): Figure {
  const boot = result.bootstrap;
  const ratios = result.ratios.map((r, k) => ({
    pair: `${r.train} vs ${r.pred}`,
    ar: r.ar,
    lo: boot?.ratios[k]?.[0] ?? r.ar,
    hi: boot?.ratios[k]?.[1] ?? r.ar,
    decision: result.confidence[k] ?? r.decision,
  }));
  return {
    name: 'ratio',
    title: 'Alignment Ratio (AR > 1: fine-tuning is expected to help)',
    spec: {
      data: { values: ratios },
      width: 480,
      layer: [
        {
          mark: 'bar',
          encoding: {
            y: { field: 'pair', type: 'nominal', title: null },
            x: { field: 'ar', type: 'quantitative', title: 'AR' },
            color: {
              field: 'decision',
              type: 'nominal',
              scale: { domain: ['fine-tune', 'uncertain', 'no-gain'], range: ['#54a24b', '#eeca3b', '#e45756'] },
            },
          },
        },
        intervalRule('pair'),
        arOne(),
      ],
    },
  };
}

function strataFigure(strata: StrataResult): Figure {
  const values = strata.strata.flatMap((s) =>
    s.ratios.map((r) => ({
      stratum: `${s.stratum}${s.small ? ' (few)' : ''}`,
      pair: `${r.train} vs ${r.pred}`,
      ar: r.ar,
      lo: r.ci?.[0] ?? r.ar,
      hi: r.ci?.[1] ?? r.ar,
    })),
  );
  return {
    name: 'strata',
    title: `AR per stratum (by ${strata.key})`,
    spec: {
      data: { values },
      width: 480,
      layer: [
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            y: { field: 'stratum', type: 'nominal', title: null },
            x: { field: 'ar', type: 'quantitative', title: 'AR', scale: { zero: false } },
            color: { field: 'pair', type: 'nominal', title: null },
          },
        },
        {
          mark: 'rule',
          encoding: {
            y: { field: 'stratum', type: 'nominal' },
            x: { field: 'lo', type: 'quantitative' },
            x2: { field: 'hi' },
            color: { field: 'pair', type: 'nominal' },
          },
        },
        arOne(),
      ],
    },
  };
}

/** With --explain: per set, the patterns the target needs that it lacks, and those it has far more often. */
function patternFigures(result: AlignResult): Figure[] {
  return (result.explanations ?? []).flatMap((e) => {
    const values = [
      ...e.missing.map((p) => ({ pattern: p.ngram, side: 'the target needs, it lacks', share: p.shareTarget - p.shareOther })),
      ...e.excess.map((p) => ({
        pattern: p.ngram,
        side: 'the set has far more often than the target',
        share: p.shareTarget - p.shareOther,
      })),
    ];
    if (values.length === 0) return [];
    return [
      {
        name: `patterns-${e.role}-${e.name}`,
        title: `Patterns that set ${e.name} apart (share in target − share in ${e.name})`,
        spec: {
          data: { values },
          width: 300,
          mark: 'bar',
          encoding: {
            // Whole patterns: two long n-grams cut at one width can read the same.
            y: { field: 'pattern', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 0 } },
            x: {
              field: 'share',
              type: 'quantitative',
              title: 'share of n-gram mass: target − set',
              axis: { format: percentFormat(values.map((v) => v.share)) },
            },
            color: { field: 'side', type: 'nominal', title: null, scale: { range: ['#4c78a8', '#f58518'] } },
          },
        },
      },
    ];
  });
}

/**
 * A percent format with as many decimals as the axis's ticks need to read apart: the ticks of a
 * domain of ±0.05% are 0.01% apart, which '.1%' printed as '0.0%, 0.0%'.
 */
export function percentFormat(values: readonly number[]): string {
  const span = Math.max(...values.map(Math.abs), 1e-9) * 2;
  // Vega puts a tick every 40 pixels or so (about a dozen on these charts), at a step of 1, 2 or 5
  // times a power of ten: enough decimals for the smallest such step, trailing zeros trimmed (`~`).
  const step = 10 ** Math.floor(Math.log10(span / 12));
  return `.${Math.max(0, -Math.floor(Math.log10(step * 100)))}~%`;
}

function lengthFigure(profiles: readonly ComparedProfile[]): Figure {
  return {
    name: 'template-length',
    title: 'Template length (tokens): target and each set',
    spec: {
      data: {
        values: profiles.flatMap(({ label, profile, lengths }) => {
          const parsed = profile.queries - profile.unparseable || 1;
          return lengths.map((h) => ({ set: label, length: `${h.from}–${h.to}`, from: h.from, share: h.queries / parsed }));
        }),
      },
      width: 480,
      mark: 'bar',
      encoding: {
        x: { field: 'length', type: 'ordinal', sort: { field: 'from' }, title: 'template length' },
        xOffset: { field: 'set' },
        y: { field: 'share', type: 'quantitative', title: 'share of queries', axis: { format: '%' } },
        color: { field: 'set', type: 'nominal', title: null },
      },
    },
  };
}

function constructFigure(profiles: readonly ComparedProfile[]): Figure {
  return {
    name: 'constructs',
    title: 'Constructs: share of queries that use each',
    spec: {
      data: {
        values: profiles.flatMap(({ label, profile }) =>
          profile.constructs.map((c) => ({ set: label, construct: c.construct, share: c.share })),
        ),
      },
      width: 480,
      // One band per construct, the sets side by side inside it.
      height: 26 * 20,
      mark: 'bar',
      encoding: {
        y: { field: 'construct', type: 'nominal', title: null },
        yOffset: { field: 'set' },
        x: { field: 'share', type: 'quantitative', title: 'share of queries', axis: { format: '%' } },
        color: { field: 'set', type: 'nominal', title: null },
      },
    },
  };
}

/** One line per AR: the decision (from its interval where there is one), AR, and what qualifies it. */
function decisionItems(result: AlignResult, options: ReportOptions): string[] {
  const boot = result.bootstrap;
  const matches = evidenceMatches(result, options);
  return result.ratios.map((r, k) => {
    const ci = boot?.ratios[k];
    const confidence = result.confidence[k] ?? r.decision;
    const sized = result.sizeMatched[k];
    const equal = sized && sized.subsampled !== 'none' ? `; at equal size ${fixed(sized.ar, 3)} ±${fixed(sized.arSd, 3)}` : '';
    const notes = ratioNotes(r, sized, matches[k] ?? null)
      .map((note) => `<br><small>${escapeHtml(note)}</small>`)
      .join('');
    return `<li class="${confidence}"><strong>${escapeHtml(r.train)}</strong> against ${escapeHtml(r.pred)}: <strong>${confidence}</strong> (AR ${fixed(r.ar, 3)}${ci ? `, ${Math.round(100 * (boot?.level ?? 0.95))}% CI ${fixed(ci[0], 3)}–${fixed(ci[1], 3)}` : ''}${equal})${notes}</li>`;
  });
}

function rowsTable(result: AlignResult): string {
  const boot = result.bootstrap;
  const interval = (v: string, c: readonly [number, number] | undefined, f: (x: number) => string) =>
    c ? `${v} <small>[${f(c[0])}–${f(c[1])}]</small>` : v;
  const rows = result.rows.map((r, k) => {
    const ci = boot?.rows[k];
    return `<tr><td>${r.role}</td><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.dialect)}</td><td>${r.queries}</td><td>${r.unparseable}</td><td>${interval(fixed(r.kl), ci?.kl, (x) => fixed(x))}</td><td>${interval(fixed(r.alignment), ci?.alignment, (x) => fixed(x))}</td><td>${interval(percent(r.coverage), ci?.coverage, (x) => percent(x))}</td></tr>`;
  });
  return `<table><thead><tr><th>role</th><th>dataset</th><th>dialect</th><th>queries</th><th>unparseable</th><th>D(T‖X)</th><th>A_KL</th><th>coverage</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function strataTable(strata: StrataResult): string {
  const first = strata.strata[0];
  const head = `<th>${escapeHtml(strata.key)}</th><th>queries</th><th>n-gram mass</th>${(first?.rows ?? []).map((r) => `<th>D(T‖${escapeHtml(r.name)})</th>`).join('')}${(first?.ratios ?? []).map((r) => `<th>AR ${escapeHtml(r.train)}/${escapeHtml(r.pred)}</th>`).join('')}`;
  const body = strata.strata.map(
    (s) =>
      `<tr><td>${escapeHtml(s.stratum)}${s.small ? ' <small>(few)</small>' : ''}</td><td>${s.queries}</td><td>${percent(s.massShare)}</td>${s.rows.map((r) => `<td>${fixed(r.kl)}</td>`).join('')}${s.ratios
        .map((r) => `<td>${fixed(r.ar, 3)}${r.ci ? ` <small>[${fixed(r.ci[0], 3)}–${fixed(r.ci[1], 3)}]</small>` : ''}</td>`)
        .join('')}</tr>`,
  );
  return `<table data-table="strata"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
