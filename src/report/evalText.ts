/** The `eval` report for people. */
import type { EvalSummary, Scores } from '../eval/summary.js';
import { count, percent, renderTable } from './table.js';

const pct = (x: number | null) => (x === null ? '–' : percent(x));

function scoreTable(label: string, groups: Record<string, Scores>): string {
  return renderTable(
    [
      { header: label },
      { header: 'n', align: 'right' },
      { header: 'EX', align: 'right' },
      { header: 'EM (exact set)', align: 'right' },
      { header: 'EM (template)', align: 'right' },
    ],
    Object.entries(groups).map(([k, s]) => [k, count(s.n), pct(s.ex), pct(s.exact), pct(s.template_match)]),
  );
}

export function renderEvalText(s: EvalSummary): string {
  const out: string[] = [];
  out.push(`sqlalign eval · ${count(s.items)} items · ${s.seconds.toFixed(1)} s`);
  out.push(`EX rule: ${s.semantics_rule}`);
  out.push('');
  out.push(scoreTable(s.by_difficulty_key, { ...s.by_difficulty, all: s.overall }));
  const c = s.counts;
  out.push('');
  out.push(
    `status: ${count(c.ok)} ok, ${count(c.pred_error)} prediction errors, ${count(c.timeout)} time-outs, ` +
      `${count(c.gold_error)} gold errors, ${count(c.missing_db)} without a database`,
  );
  out.push(
    `unparseable predictions: ${count(c.pred_unparseable_spider)} by the Spider evaluator's parser (EM 0), ${count(c.pred_unparseable_template)} by the SQL parser`,
  );
  out.push('EX counts only items whose gold query ran on a database; EM (exact set) only items with a tables.json entry.');
  if (s.by_stratum) {
    out.push('');
    out.push(scoreTable(s.by_stratum.key, s.by_stratum.groups));
  }
  out.push('');
  out.push(scoreTable('database', s.by_db));
  return `${out.join('\n')}\n`;
}
