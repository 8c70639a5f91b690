/** The `align` report for people: the table, the ratios, and the decision in words. */
import type { AlignResult } from '../align/align.js';
import type { RatioRow } from '../align/compare.js';
import type { QuerySet } from '../features/querySet.js';
import { count, fixed, percent, renderTable } from './table.js';

export function renderAlignText(result: AlignResult): string {
  const { params, target, rows, ratios } = result;
  const out: string[] = [];
  const scaleNote = params.scale_source === 'fixed' ? 'fixed by --scale' : 'the largest D of this comparison';
  out.push(
    `sqlalign align · dialect ${params.dialect} · α ${params.alpha} · l_max ${params.lmax} · c ${fixed(params.scale, 3)} (${scaleNote})`,
  );
  out.push(`target: ${target.name} (${count(target.queries)} queries, ${count(target.unparseable)} unparseable)`);
  out.push('');
  out.push(
    renderTable(
      [
        { header: 'role' },
        { header: 'dataset' },
        { header: 'queries', align: 'right' },
        { header: 'unparseable', align: 'right' },
        { header: 'D(T‖X)', align: 'right' },
        { header: 'A_KL', align: 'right' },
        { header: 'coverage', align: 'right' },
      ],
      rows.map((r) => [
        r.role,
        r.name,
        count(r.queries),
        count(r.unparseable),
        fixed(r.kl),
        fixed(r.alignment),
        percent(r.coverage),
      ]),
    ),
  );
  if (ratios.length > 0) {
    out.push('');
    out.push('Alignment Ratio AR = A_KL(T,S) / A_KL(T,P) = exp((D(T‖P) − D(T‖S)) / c):');
    out.push(
      renderTable(
        [
          { header: 'train' },
          { header: 'pred' },
          { header: 'AR', align: 'right' },
          { header: 'D(T‖P)−D(T‖S)', align: 'right' },
          { header: 'decision' },
        ],
        ratios.map((r) => [r.train, r.pred, fixed(r.ar), fixed(r.kl_gap), r.decision]),
      ),
    );
  }
  out.push('');
  out.push(...decisionLines(result));
  const notes = scaleNotes(result);
  if (notes.length > 0) out.push('', ...notes);
  const unparseable = unparseableLines(result);
  if (unparseable.length > 0) out.push('', ...unparseable);
  return `${out.join('\n')}\n`;
}

function decisionLines(result: AlignResult): string[] {
  const { rows, ratios } = result;
  const byName = new Map(rows.map((r) => [`${r.role}:${r.name}`, r]));
  if (ratios.length === 0) {
    const ranked = rows.filter((r) => r.role === 'train').sort((a, b) => a.kl - b.kl);
    const lines = ["Decision: AR needs the base model's own predictions on the target questions (--pred); without them,"];
    lines.push('training sets ranked by alignment with the target (closest first):');
    for (const r of ranked)
      lines.push(
        `  ${r.name}: D ${fixed(r.kl)}, A_KL ${fixed(r.alignment)}, covers ${percent(r.coverage)} of the target's n-gram mass`,
      );
    return lines;
  }
  const lines = ['Decision:'];
  for (const r of ratios) lines.push(`  ${sentence(r, byName.get(`train:${r.train}`)?.coverage)}`);
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

function sentence(r: RatioRow, trainCoverage: number | undefined): string {
  const cover = trainCoverage === undefined ? '' : `; it covers ${percent(trainCoverage)} of the target's n-gram mass`;
  if (r.decision === 'fine-tune') {
    return `fine-tune on ${r.train}: likely to help (AR ${fixed(r.ar, 3)} > 1): it is structurally closer to the target than ${r.pred} (D lower by ${fixed(r.kl_gap)})${cover}.`;
  }
  return `fine-tune on ${r.train}: no gain expected (AR ${fixed(r.ar, 3)} ≤ 1): ${r.pred} is already as close to the target's structure or closer (D lower by ${fixed(-r.kl_gap)}); a loss is possible${cover}.`;
}

function scaleNotes(result: AlignResult): string[] {
  if (result.params.scale_source === 'max-kl' && result.rows.length === 1) {
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
    for (const ex of set.unparseableExamples) lines.push(`  ${ex.where}: ${ex.error}\n    ${clip(ex.sql)}`);
  }
  return lines;
}

const clip = (sql: string, max = 160) => {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
