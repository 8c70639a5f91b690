/**
 * The `align` report as one self-contained HTML file: the decision at the top; A_KL and AR with
 * their intervals; the patterns that make each set differ (with --explain); and the template
 * length and construct distributions of the target next to each set's.
 */
import type { AlignResult } from '../align/align.js';
import { lengthBinWidth, lengthHistogram, profileQuerySet, templateLengths } from '../features/profile.js';
import type { QuerySet } from '../features/querySet.js';
import { type ChartSpec, renderSvg } from './charts.js';
import { escapeHtml, page } from './htmlPage.js';
import { evidenceMatches, type ReportOptions, ratioNotes } from './ratioNotes.js';
import { fixed, percent } from './table.js';

export async function renderAlignHtml(result: AlignResult, options: ReportOptions = {}): Promise<string> {
  const boot = result.bootstrap;
  const figures: string[] = [];
  const figure = async (name: string, title: string, spec: ChartSpec) =>
    figures.push(`<figure data-chart="${name}"><figcaption>${escapeHtml(title)}</figcaption>${await renderSvg(spec)}</figure>`);

  const rows = result.rows.map((r, k) => ({
    set: `${r.name} (${r.role})`,
    alignment: r.alignment,
    lo: boot?.rows[k]?.alignment[0] ?? r.alignment,
    hi: boot?.rows[k]?.alignment[1] ?? r.alignment,
  }));
  await figure('alignment', 'A_KL per set (with its interval)', {
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
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { y: { field: 'set', type: 'nominal' }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  });
  if (result.ratios.length > 0) {
    const ratios = result.ratios.map((r, k) => ({
      pair: `${r.train} vs ${r.pred}`,
      ar: r.ar,
      lo: boot?.ratios[k]?.[0] ?? r.ar,
      hi: boot?.ratios[k]?.[1] ?? r.ar,
      decision: result.confidence[k] ?? r.decision,
    }));
    await figure('ratio', 'Alignment Ratio (AR > 1: fine-tuning is expected to help)', {
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
        {
          mark: { type: 'rule', color: '#222' },
          encoding: { y: { field: 'pair', type: 'nominal' }, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        {
          data: { values: [{ one: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
          encoding: { x: { field: 'one', type: 'quantitative' } },
        },
      ],
    });
  }
  if (result.strata && result.ratios.length > 0) {
    const values = result.strata.strata.flatMap((s) =>
      s.ratios.map((r) => ({
        stratum: `${s.stratum}${s.small ? ' (few)' : ''}`,
        pair: `${r.train} vs ${r.pred}`,
        ar: r.ar,
        lo: r.ci?.[0] ?? r.ar,
        hi: r.ci?.[1] ?? r.ar,
      })),
    );
    await figure('strata', `AR per stratum (by ${result.strata.key})`, {
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
        {
          data: { values: [{ one: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#888' },
          encoding: { x: { field: 'one', type: 'quantitative' } },
        },
      ],
    });
  }
  for (const e of result.explanations ?? []) {
    const values = [
      ...e.missing.map((p) => ({ pattern: p.ngram, side: 'the target needs, it lacks', share: p.share_target - p.share_other })),
      ...e.excess.map((p) => ({
        pattern: p.ngram,
        side: 'the set has far more often than the target',
        share: p.share_target - p.share_other,
      })),
    ];
    if (values.length === 0) continue;
    await figure(`patterns-${e.role}-${e.name}`, `Patterns that set ${e.name} apart (share in target − share in ${e.name})`, {
      data: { values },
      width: 420,
      mark: 'bar',
      encoding: {
        y: { field: 'pattern', type: 'nominal', sort: '-x', title: null },
        x: { field: 'share', type: 'quantitative', title: 'share of n-gram mass: target − set', axis: { format: '.1%' } },
        color: { field: 'side', type: 'nominal', title: null, scale: { range: ['#4c78a8', '#f58518'] } },
      },
    });
  }
  const sets = [result.querySets.target, ...result.querySets.train, ...result.querySets.pred];
  const profiles = sets.map((set, k) => ({
    label: k === 0 ? `${set.name} (target)` : set.name,
    profile: profileQuerySet(set, result.params.lmax),
  }));
  // One set of bins for every set, so that the bars compare.
  const maxLength = Math.max(0, ...profiles.map(({ profile }) => profile.template_length.max));
  const bin = lengthBinWidth(maxLength);
  await figure('template-length', 'Template length (tokens): target and each set', {
    data: {
      values: profiles.flatMap(({ label, profile }, k) => {
        const parsed = profile.queries - profile.unparseable || 1;
        return lengthHistogram(templateLengths(sets[k] as QuerySet), bin, maxLength).map((h) => ({
          set: label,
          length: `${h.from}–${h.to}`,
          from: h.from,
          share: h.queries / parsed,
        }));
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
  });
  await figure('constructs', 'Constructs: share of queries that use each', {
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
  });

  const matches = evidenceMatches(result, options);
  const decisions = result.ratios.map((r, k) => {
    const ci = boot?.ratios[k];
    const confidence = result.confidence[k] ?? r.decision;
    const sized = result.sizeMatched[k];
    const equal = sized && sized.subsampled !== 'none' ? `; at equal size ${fixed(sized.ar, 3)} ±${fixed(sized.ar_sd, 3)}` : '';
    const notes = ratioNotes(r, sized, matches[k] ?? null)
      .map((note) => `<br><small>${escapeHtml(note)}</small>`)
      .join('');
    return `<li class="${confidence}"><strong>${escapeHtml(r.train)}</strong> against ${escapeHtml(r.pred)}: <strong>${confidence}</strong> (AR ${fixed(r.ar, 3)}${ci ? `, ${Math.round(100 * (boot?.level ?? 0.95))}% CI ${fixed(ci[0], 3)}–${fixed(ci[1], 3)}` : ''}${equal})${notes}</li>`;
  });
  const table = `<table><thead><tr><th>role</th><th>dataset</th><th>queries</th><th>unparseable</th><th>D(T‖X)</th><th>A_KL</th><th>coverage</th></tr></thead><tbody>${result.rows
    .map((r, k) => {
      const ci = boot?.rows[k];
      const interval = (v: string, c: readonly [number, number] | undefined, f: (x: number) => string) =>
        c ? `${v} <small>[${f(c[0])}–${f(c[1])}]</small>` : v;
      return `<tr><td>${r.role}</td><td>${escapeHtml(r.name)}</td><td>${r.queries}</td><td>${r.unparseable}</td><td>${interval(fixed(r.kl), ci?.kl, (x) => fixed(x))}</td><td>${interval(fixed(r.alignment), ci?.alignment, (x) => fixed(x))}</td><td>${interval(percent(r.coverage), ci?.coverage, (x) => percent(x))}</td></tr>`;
    })
    .join('')}</tbody></table>`;
  const p = result.params;
  const strataTable = result.strata
    ? `<table data-table="strata"><thead><tr><th>${escapeHtml(result.strata.key)}</th><th>queries</th><th>n-gram mass</th>${(result.strata.strata[0]?.rows ?? []).map((r) => `<th>D(T‖${escapeHtml(r.name)})</th>`).join('')}${(result.strata.strata[0]?.ratios ?? []).map((r) => `<th>AR ${escapeHtml(r.train)}/${escapeHtml(r.pred)}</th>`).join('')}</tr></thead><tbody>${result.strata.strata
        .map(
          (s) =>
            `<tr><td>${escapeHtml(s.stratum)}${s.small ? ' <small>(few)</small>' : ''}</td><td>${s.queries}</td><td>${percent(s.mass_share)}</td>${s.rows.map((r) => `<td>${fixed(r.kl)}</td>`).join('')}${s.ratios
              .map(
                (r) => `<td>${fixed(r.ar, 3)}${r.ci ? ` <small>[${fixed(r.ci[0], 3)}–${fixed(r.ci[1], 3)}]</small>` : ''}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return page(
    'sqlalign: alignment report',
    `<header><h1>Will fine-tuning help on ${escapeHtml(result.target.name)}?</h1>
<ul class="decisions">${decisions.join('') || '<li>No AR without the base model’s predictions (--pred).</li>'}</ul>
<p class="params">target: ${result.target.queries} queries${result.sample ? ` (${result.sample.per_group} per ${escapeHtml(result.sample.by)}, seed ${result.sample.seed}, from ${result.sample.from})` : ''} · dialect ${escapeHtml(p.dialect)} · α ${p.alpha} · l_max ${p.lmax} · c ${fixed(p.scale, 3)} (${p.scale_source === 'fixed' ? 'fixed' : 'the largest D'})</p></header>
${table}
${strataTable}
${figures.join('\n')}`,
  );
}
