/** The `align` result as Markdown tables, for a paper or a pull request. */
import type { AlignResult } from '../align/align.js';
import type { Interval } from '../align/bootstrap.js';
import type { StrataResult } from '../align/stratify.js';
import { SAMPLE_NOTE } from './alignText.js';
import { creditNotes, dialectNotes, weightNotes } from './dialectNotes.js';
import { evidenceMatches, type ReportOptions, ratioNotes } from './ratioNotes.js';
import { stratumCells } from './stratumCells.js';
import { fixed, percent } from './table.js';

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const withCi = (value: string, ci: Interval | undefined, format: (x: number) => string) =>
  ci ? `${value} (${format(ci[0])}–${format(ci[1])})` : value;

export function renderAlignMarkdown(result: AlignResult, options: ReportOptions = {}): string {
  const boot = result.bootstrap;
  const out = [
    `Target: ${result.target.name} (${result.target.queries} queries${result.sample ? `, ${result.sample.perGroup} per ${result.sample.by}` : ''}); α = ${result.params.alpha}, l_max = ${result.params.lmax}, c = ${fixed(result.params.scale, 3)}${boot ? `; ${Math.round(100 * boot.level)}% bootstrap intervals` : ''}.${boot && result.sample ? ` Note: ${SAMPLE_NOTE}` : ''}`,
    ...dialectNotes(result.params.dialect, [result.target, ...result.rows]).map((note) => `Dialect: ${note}.`),
    ...weightNotes([result.target, ...result.rows]).map((note) => `Weights: ${note}.`),
    ...creditNotes([result.target, ...result.rows]).map((note) => `Source: ${note}.`),
    '',
    ...rowLines(result),
    ...ratioLines(result, options),
    ...(result.strata ? strataLines(result.strata) : []),
  ];
  return `${out.join('\n')}\n`;
}

const f = (x: number) => fixed(x, 3);

function rowLines(result: AlignResult): string[] {
  // A sample supports AR, the decisions and the ranking (see SAMPLE_NOTE), not intervals for D.
  const rowCi = result.sample ? undefined : result.bootstrap?.rows;
  return [
    line(['role', 'dataset', 'dialect', 'queries', 'D(T‖X)', 'A_KL', 'coverage']),
    line(['---', '---', '---', '---:', '---:', '---:', '---:']),
    ...result.rows.map((r, k) =>
      line([
        r.role,
        r.name,
        r.dialect,
        String(r.queries),
        withCi(f(r.kl), rowCi?.[k]?.kl, f),
        withCi(f(r.alignment), rowCi?.[k]?.alignment, f),
        withCi(percent(r.coverage), rowCi?.[k]?.coverage, (x) => percent(x)),
      ]),
    ),
  ];
}

function ratioLines(result: AlignResult, options: ReportOptions): string[] {
  if (result.ratios.length === 0) return [];
  const sized = result.sizeMatched;
  const out = [
    '',
    line(['train', 'pred', 'AR', ...(sized.length ? ['AR at equal size'] : []), 'decision']),
    line(['---', '---', '---:', ...(sized.length ? ['---:'] : []), '---']),
  ];
  result.ratios.forEach((r, k) => {
    const s = sized[k];
    const equal = s ? [s.subsampled === 'none' ? '= AR' : `${f(s.ar)} ± ${f(s.arSd)} (n ${s.size})`] : [];
    out.push(
      line([r.train, r.pred, withCi(f(r.ar), result.bootstrap?.ratios[k], f), ...equal, result.confidence[k] ?? r.decision]),
    );
  });
  const matches = evidenceMatches(result, options);
  const notes = result.ratios.flatMap((r, k) =>
    ratioNotes(r, sized[k], matches[k] ?? null).map((note) => `- ${r.train} against ${r.pred}: ${note}`),
  );
  if (notes.length > 0) out.push('', ...notes);
  return out;
}

function strataLines(st: StrataResult): string[] {
  const first = st.strata[0];
  return [
    '',
    line([
      st.key,
      'queries',
      'n-gram mass',
      ...(first?.rows.flatMap((r) => [`D(T‖${r.name})`, 'same-size random']) ?? []),
      ...(first?.ratios.map((r) => `AR ${r.train}/${r.pred}`) ?? []),
    ]),
    line([
      '---',
      '---:',
      '---:',
      ...(first?.rows.flatMap(() => ['---:', '---:']) ?? []),
      ...(first?.ratios.map(() => '---:') ?? []),
    ]),
    ...st.strata.map((s) => line(stratumCells(s, { number: f, count: String, percent, interval: (v, ci) => withCi(v, ci, f) }))),
    '',
    'same-size random: D of random subsets of the whole target with as many queries as the stratum (mean ± sd); D grows as a target shrinks.',
  ];
}
