/** The `profile` report for people. */
import type { Profile } from '../features/profile.js';
import { plural } from '../words.js';
import { clipped, count, percent, renderTable } from './table.js';

/** Characters of a template shown in the table. */
const TEMPLATE_WIDTH = 200;

export function renderProfileText(p: Profile): string {
  const out: string[] = [];
  out.push(
    `${p.name}: ${plural(p.queries, 'query', 'queries')}, ${count(p.unparseable)} unparseable, ${plural(p.distinctTemplates, 'distinct template')}`,
  );
  if (p.credit) out.push(`source: the built-in ${p.credit}`);
  out.push(`n-grams: ${count(p.ngrams.distinct)} distinct, ${count(p.ngrams.total)} occurrences`);
  out.push('');
  out.push('Most common templates:');
  out.push(
    renderTable(
      [{ header: 'queries', align: 'right' }, { header: 'share', align: 'right' }, { header: 'template' }],
      // A generated query's template can run to megabytes; the JSON report has it whole.
      p.topTemplates.map((t) => [count(t.count), percent(t.share), clipped(t.template, TEMPLATE_WIDTH)]),
    ),
  );
  out.push('');
  out.push('Constructs (share of parsed queries that use each):');
  out.push(
    renderTable(
      [{ header: 'construct' }, { header: 'queries', align: 'right' }, { header: 'share', align: 'right' }],
      p.constructs.map((c) => [c.construct, count(c.queries), percent(c.share)]),
    ),
  );
  const l = p.templateLength;
  out.push('');
  out.push(`Template length (tokens): min ${l.min}, median ${l.median}, mean ${l.mean.toFixed(1)}, p90 ${l.p90}, max ${l.max}`);
  const peak = Math.max(1, ...l.histogram.map((h) => h.queries));
  for (const h of l.histogram) {
    const bar = '█'.repeat(Math.round((30 * h.queries) / peak));
    out.push(`  ${`${h.from}–${h.to}`.padStart(7)}  ${count(h.queries).padStart(8)}  ${bar}`);
  }
  if (p.unparseable > 0) {
    out.push('');
    out.push(`Unparseable (${count(p.unparseable)}), first ones:`);
    for (const e of p.unparseableExamples) out.push(`  ${e.where}: ${e.error}`);
  }
  return `${out.join('\n')}\n`;
}
