/** The `align` report for people: the table, the ratios, the decision in words, and why. */
import type { AlignResult } from '../align/align.js';
import type { Interval } from '../align/bootstrap.js';
import type { Explanation, Pattern } from '../align/explain.js';
import type { RatioRow } from '../align/figures.js';
import { SENSITIVITY_ALPHAS, SENSITIVITY_LMAX } from '../align/sensitivity.js';
import type { SizeMatchedRatio } from '../align/sizeMatched.js';
import { BASELINE_SUBSETS } from '../align/stratify.js';
import type { QuerySet } from '../features/querySet.js';
import type { EvidenceMatch } from '../study/evidence.js';
import { creditNotes, dialectNotes, weightNotes } from './dialectNotes.js';
import { evidenceMatches, type ReportOptions, ratioNotes } from './ratioNotes.js';
import { type CellFormat, stratumCells } from './stratumCells.js';
import { clipped, count, fixed, percent, renderTable } from './table.js';

const withInterval = (value: string, ci: Interval | undefined, format: (x: number) => string) =>
  ci ? `${value} [${format(ci[0])}–${format(ci[1])}]` : value;
const TEXT_CELLS: CellFormat = {
  number: (x) => fixed(x),
  count,
  percent: (x) => percent(x),
  interval: (v, ci) => withInterval(v, ci, (x) => fixed(x)),
};

/**
 * What a sample supports. Measured on the shared data (Spider dev, 2 per database, 12 seeds), a
 * sample's D lies well above the whole target's (a sparse target distribution) and its bootstrap
 * interval held the whole target's D in 0 of 12 seeds, while the AR interval held the whole
 * target's AR in 23 of 24: so a sample's report gives AR, the decisions and the ranking, with
 * intervals for AR only.
 */
export const SAMPLE_NOTE =
  "a sample's D, A_KL and coverage are biased (D upward: a small target is sparse) and are shown without intervals: they rank the sets, they do not estimate the whole workload's values; AR, the decisions and their intervals carry over.";

export function renderAlignText(result: AlignResult, options: ReportOptions = {}): string {
  const out: string[] = [...headerLines(result), '', rowsTable(result), ...ratioLines(result)];
  out.push('');
  out.push(...decisionLines(result, evidenceMatches(result, options)));
  const sensitivity = sensitivityLines(result);
  if (sensitivity.length > 0) out.push('', ...sensitivity);
  const notes = scaleNotes(result);
  if (notes.length > 0) out.push('', ...notes);
  if (result.strata) out.push('', ...strataLines(result));
  if (result.explanations) out.push('', ...result.explanations.flatMap(explanationLines));
  const unparseable = unparseableLines(result);
  if (unparseable.length > 0) out.push('', ...unparseable);
  return `${out.join('\n')}\n`;
}

/** The settings, the target, and the sample and intervals where there are. */
function headerLines(result: AlignResult): string[] {
  const { params, target, sample, bootstrap: boot } = result;
  const out: string[] = [];
  const scaleNote = params.scaleSource === 'fixed' ? 'fixed by --scale' : 'the largest D of this comparison';
  out.push(
    `sqlalign align · dialect ${params.dialect} · α ${params.alpha} · l_max ${params.lmax} · c ${fixed(params.scale, 3)} (${scaleNote})`,
  );
  out.push(`target: ${target.name} (${count(target.queries)} queries, ${count(target.unparseable)} unparseable)`);
  for (const note of dialectNotes(result.params.dialect, [result.target, ...result.rows])) out.push(`dialect: ${note}`);
  for (const note of weightNotes([result.target, ...result.rows])) out.push(`weights: ${note}`);
  for (const note of creditNotes([result.target, ...result.rows])) out.push(`source: ${note}`);
  if (sample) {
    out.push(
      `sample: ${sample.perGroup} per ${sample.by} (seed ${sample.seed}): ${count(target.queries)} of the target's ${count(sample.from)} queries`,
    );
  }
  if (boot)
    out.push(
      `intervals: ${Math.round(100 * boot.level)}% bootstrap percentile intervals, ${count(boot.replicates)} replicates over the target's queries`,
    );
  if (boot && sample) out.push(SAMPLE_NOTE);
  return out;
}

const f4 = (x: number) => fixed(x);

/** One row per compared set: D, A_KL and coverage (with intervals, unless the target is a sample). */
function rowsTable(result: AlignResult): string {
  // A sample's D, A_KL and coverage rank the sets; their intervals would only say how this sample varies.
  const rowCi = result.sample ? undefined : result.bootstrap?.rows;
  const dialects = result.rows.some((r) => r.dialect !== result.params.dialect);
  return renderTable(
    [
      { header: 'role' },
      { header: 'dataset' },
      ...(dialects ? [{ header: 'dialect' }] : []),
      { header: 'queries', align: 'right' },
      { header: 'unparseable', align: 'right' },
      { header: 'D(T‖X)', align: 'right' },
      { header: 'A_KL', align: 'right' },
      { header: 'coverage', align: 'right' },
    ],
    result.rows.map((r, k) => [
      r.role,
      r.name,
      ...(dialects ? [r.dialect] : []),
      count(r.queries),
      count(r.unparseable),
      withInterval(fixed(r.kl), rowCi?.[k]?.kl, f4),
      withInterval(fixed(r.alignment), rowCi?.[k]?.alignment, f4),
      withInterval(percent(r.coverage), rowCi?.[k]?.coverage, (x) => percent(x)),
    ]),
  );
}

/** The AR table (with the size-matched column where there is one), or nothing without predictions. */
function ratioLines(result: AlignResult): string[] {
  const { ratios, sizeMatched: sized, bootstrap: boot } = result;
  if (ratios.length === 0) return [];
  const table = renderTable(
    [
      { header: 'train' },
      { header: 'pred' },
      { header: 'AR', align: 'right' },
      { header: 'D(T‖P)−D(T‖S)', align: 'right' },
      ...(sized.length > 0 ? [{ header: 'AR at equal size', align: 'right' as const }] : []),
      { header: 'decision' },
    ],
    ratios.map((r, k) => [
      r.train,
      r.pred,
      withInterval(fixed(r.ar), boot?.ratios[k], f4),
      fixed(r.klGap),
      ...(sized.length > 0 ? [sizeMatchedCell(sized[k])] : []),
      result.confidence[k] ?? r.decision,
    ]),
  );
  return [
    '',
    'Alignment Ratio AR = A_KL(T,S) / A_KL(T,P) = exp((D(T‖P) − D(T‖S)) / c):',
    table,
    ...(sized.length > 0 ? [SIZE_MATCH_NOTE] : []),
  ];
}

/** What the size-matched column is, in one line under the table. */
export const SIZE_MATCH_NOTE =
  "AR at equal size: the larger of S and P drawn down to the smaller one's parsed queries (mean ± sd over random draws, and that size): D also depends on a set's size through the smoothing.";

function sizeMatchedCell(s: SizeMatchedRatio | undefined): string {
  if (!s) return '';
  return s.subsampled === 'none' ? `= AR (n ${count(s.size)})` : `${fixed(s.ar)} ±${fixed(s.arSd)} (n ${count(s.size)})`;
}

function decisionLines(result: AlignResult, matches: readonly (EvidenceMatch | null)[]): string[] {
  const { rows, ratios } = result;
  const byName = new Map(rows.map((r) => [`${r.role}:${r.name}`, r]));
  if (ratios.length === 0) {
    const ranked = rows.filter((r) => r.role === 'train').sort((a, b) => a.kl - b.kl);
    const lines = ["Decision: AR needs the base model's own predictions on the target questions (--pred); without them,"];
    lines.push('training sets ranked by alignment with the target (closest first):');
    for (const r of ranked) {
      lines.push(
        `  ${r.name}: D ${fixed(r.kl)}, A_KL ${fixed(r.alignment)}, covers ${percent(r.coverage)} of the target's n-gram mass`,
      );
    }
    return lines;
  }
  const lines = ['Decision:'];
  ratios.forEach((r, k) => {
    lines.push(
      `  ${sentence(r, byName.get(`train:${r.train}`)?.coverage, result.bootstrap?.ratios[k], result.bootstrap?.level, result.sample !== null)}`,
    );
    for (const note of ratioNotes(r, result.sizeMatched[k], matches[k] ?? null)) lines.push(`    ${note}`);
  });
  const best = [...ratios].sort((a, b) => b.ar - a.ar)[0] as RatioRow;
  if (ratios.length > 1) {
    lines.push(
      best.ar > 1
        ? `Best candidate: ${best.train} (AR ${fixed(best.ar, 3)} against ${best.pred}).`
        : 'No candidate is structurally closer to the target than the model already is: expect little or no gain from SFT on these sets.',
    );
  }
  return lines;
}

function sentence(
  r: RatioRow,
  trainCoverage: number | undefined,
  ci: Interval | undefined,
  level = 0.95,
  sampled = false,
): string {
  // The coverage is the training set's: say whose it is, since the sentence also names the predictions.
  const cover = trainCoverage === undefined ? '' : `; ${r.train} covers ${percent(trainCoverage)} of the target's n-gram mass`;
  const interval = ci ? `, ${Math.round(100 * level)}% CI ${fixed(ci[0], 3)}–${fixed(ci[1], 3)}` : '';
  if (ci && ci[0] <= 1 && ci[1] > 1) {
    const more = sampled
      ? 'a larger target sample would tell'
      : 'the whole target was used, so the two sets are simply this close';
    return `fine-tune on ${r.train}: uncertain (AR ${fixed(r.ar, 3)}${interval}): the interval contains 1; ${more}${cover}.`;
  }
  if (r.decision === 'fine-tune') {
    return `fine-tune on ${r.train}: likely to help (AR ${fixed(r.ar, 3)}${interval} > 1): it is structurally closer to the target than ${r.pred} (D lower by ${fixed(r.klGap)})${cover}.`;
  }
  return `fine-tune on ${r.train}: no gain expected (AR ${fixed(r.ar, 3)}${interval} ≤ 1): ${r.pred} is already as close to the target's structure or closer (D lower by ${fixed(-r.klGap)}); a loss is possible${cover}.`;
}

function sensitivityLines(result: AlignResult): string[] {
  if (result.sensitivity.length === 0) return [];
  const lines = [`Sensitivity (α in {${SENSITIVITY_ALPHAS.join(', ')}}, l_max in {${SENSITIVITY_LMAX.join(', ')}}):`];
  for (const row of result.sensitivity) {
    if (row.stable)
      lines.push(`  ${row.train} vs ${row.pred}: the decision (${row.decisions[0]?.decision}) holds under every setting.`);
    else {
      const main = result.ratios.find((r) => r.train === row.train && r.pred === row.pred)?.decision;
      const other = row.decisions.filter((d) => d.decision !== main);
      const where = other.map((d) => `α=${d.alpha}, l_max=${d.lmax} (AR ${fixed(d.ar, 3)})`).join('; ');
      lines.push(
        `  ${row.train} vs ${row.pred}: FLIPS: ${main} under ${row.decisions.length - other.length} of ${row.decisions.length} settings, not at ${where}`,
      );
    }
  }
  return lines;
}

function explanationLines(e: Explanation): string[] {
  const clip = (s: string | null, max = 110) => (s === null ? '–' : clipped(s, max));
  const pattern = (p: Pattern) =>
    `    ${p.ngram}${p.variants > 0 ? ` (+${p.variants} overlapping)` : ''}: ${percent(p.shareTarget, 2)} of the target, ${percent(p.shareOther, 2)} of ${e.name}` +
    `\n      target: ${clip(p.exampleTarget)}\n      ${e.name}: ${clip(p.exampleOther)}`;
  const lines = [`Why ${e.name} (${e.role}) differs from the target:`];
  lines.push('  the target needs, it lacks (largest contributions to D):');
  lines.push(...(e.missing.length > 0 ? e.missing.slice(0, 6).map(pattern) : ['    nothing']));
  lines.push('  it has far more often than the target:');
  lines.push(...(e.excess.length > 0 ? e.excess.slice(0, 6).map(pattern) : ['    nothing']));
  lines.push('  templates most under-represented (share of target vs set):');
  for (const t of e.templatesUnder.slice(0, 3))
    lines.push(`    ${percent(t.shareTarget)} vs ${percent(t.shareOther)}  ${clip(t.template, 100)}`);
  lines.push('  templates most over-represented:');
  for (const t of e.templatesOver.slice(0, 3))
    lines.push(`    ${percent(t.shareTarget)} vs ${percent(t.shareOther)}  ${clip(t.template, 100)}`);
  return lines;
}

function strataLines(result: AlignResult): string[] {
  const strata = result.strata;
  if (!strata) return [];
  const names = strata.strata[0]?.rows.map((r) => r.name) ?? [];
  const pairs = strata.strata[0]?.ratios.map((r) => `AR ${r.train}/${r.pred}`) ?? [];
  const table = renderTable(
    [
      { header: strata.key },
      { header: 'queries', align: 'right' },
      { header: 'n-gram mass', align: 'right' },
      ...names.flatMap((n) => [
        { header: `D(T‖${n})`, align: 'right' as const },
        { header: 'same-size random', align: 'right' as const },
      ]),
      ...pairs.map((p) => ({ header: p, align: 'right' as const })),
    ],
    strata.strata.map((s) => stratumCells(s, TEXT_CELLS)),
  );
  const total = strata.strata.reduce((a, s) => a + s.massShare, 0);
  return [
    `By ${strata.key} (each stratum of the target against the whole sets, with the comparison's c; the strata's n-gram mass adds up to ${percent(total)}):`,
    table,
    `same-size random: D of ${BASELINE_SUBSETS} random subsets of the whole target with as many queries as the stratum (mean ± sd).` +
      ' D grows as a target shrinks; a stratum differs in structure only where its D is outside that range.',
    ...(strata.strata.some((s) => s.small) ? [`(few): fewer than 30 target queries: an unstable estimate.`] : []),
  ];
}

function scaleNotes(result: AlignResult): string[] {
  if (result.params.scaleSource === 'max-kl' && result.rows.length === 1) {
    return [
      'Note: with a single row and the default c (its own D), A_KL is 1/e by construction. Give a fixed --scale',
      '(about 5 separates unrelated public benchmarks) to compare A_KL across runs.',
    ];
  }
  return [];
}

function unparseableLines(result: AlignResult): string[] {
  const sets: QuerySet[] = [result.querySets.target, ...result.querySets.train, ...result.querySets.pred];
  const lines: string[] = [];
  for (const set of sets) {
    if (set.unparseable === 0) continue;
    lines.push(
      `Unparseable in ${set.name}: ${count(set.unparseable)} of ${count(set.queries)} (not counted in the n-grams); first ones:`,
    );
    for (const ex of set.unparseableExamples) lines.push(`  ${ex.where}: ${ex.error}\n    ${clipped(ex.sql, 160)}`);
  }
  return lines;
}
