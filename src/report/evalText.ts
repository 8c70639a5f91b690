/** The `eval` report for people. */
import type { AuditSummary, EvalSummary, Scores } from '../eval/summary.js';
import { plural } from '../words.js';
import { count, percentOrDash, renderTable } from './table.js';

/** VES and R-VES are already in percent (and VES may pass 100). */
const score = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(2));

/** Each figure beside its own denominator: EX over the items that ran, exact set match over those with a schema, template match over all. */
function scoreTable(label: string, groups: Record<string, Scores>, exact: boolean, ves = false): string {
  return renderTable(
    [
      { header: label },
      { header: 'items', align: 'right' },
      { header: 'EX n', align: 'right' },
      { header: 'EX', align: 'right' },
      ...(exact
        ? [
            { header: 'EM n', align: 'right' as const },
            { header: 'EM (exact set)', align: 'right' as const },
          ]
        : []),
      { header: 'EM (template)', align: 'right' },
      ...(ves
        ? [
            { header: 'VES', align: 'right' as const },
            { header: 'R-VES', align: 'right' as const },
          ]
        : []),
    ],
    Object.entries(groups).map(([k, s]) => [
      k,
      count(s.items),
      count(s.n),
      percentOrDash(s.ex),
      ...(exact ? [count(s.exactN), percentOrDash(s.exact)] : []),
      percentOrDash(s.templateMatch),
      ...(ves ? [score(s.ves), score(s.rVes)] : []),
    ]),
  );
}

export function renderEvalText(s: EvalSummary): string {
  const out: string[] = [];
  out.push(`sqlalign eval · ${count(s.items)} items · ${s.seconds.toFixed(1)} s`);
  out.push(`EX rule: ${s.semanticsRule}`);
  out.push('');
  const ves = s.vesRepeats !== undefined;
  out.push(scoreTable(s.byDifficultyKey, { ...s.byDifficulty, all: s.overall }, s.exactComputed, ves));
  const c = s.counts;
  out.push('');
  out.push(
    `status: ${count(c.ok)} ok, ${plural(c.pred_error, 'prediction error')}, ${plural(c.timeout, 'time-out')}, ` +
      `${plural(c.gold_error, 'gold error')}, ${count(c.missing_db)} without a database`,
  );
  out.push(
    s.exactComputed
      ? `unparseable predictions: ${count(c.pred_unparseable_spider)} by the Spider evaluator's parser (exact set match 0), ${count(c.pred_unparseable_template)} by the SQL parser`
      : `unparseable predictions: ${count(c.pred_unparseable_template)} by the SQL parser; Spider's exact set match not computed (it needs --tables)`,
  );
  out.push(
    `EX n: items whose gold query ran on a database${s.exactComputed ? '; EM n: items with a tables.json entry' : ''}; EM (template): every item.`,
  );
  if (s.transpile) {
    const t = s.transpile;
    out.push(
      `transpiled from ${t.from} to ${t.to}: gold ${count(t.gold.transpiled)} (${count(t.gold.failed)} failed), ` +
        `predictions ${count(t.pred.transpiled)} (${count(t.pred.failed)} failed); a query that failed ran as written`,
    );
  }
  if (ves) {
    out.push(
      `VES, R-VES: BIRD's efficiency scores over the EX items, each correct item's queries timed ${plural(s.vesRepeats ?? 0, 'time')}.`,
    );
  }
  if (s.audit) out.push('', ...auditLines(s.audit, s.overall));
  if (s.byStratum) {
    out.push('');
    out.push(scoreTable(s.byStratum.key, s.byStratum.groups, s.exactComputed, ves));
  }
  out.push('');
  out.push(scoreTable('database', s.byDb, s.exactComputed, ves));
  return `${out.join('\n')}\n`;
}

/** What the audit of the gold answers found, and EX counting tied answers beside EX. */
function auditLines(a: AuditSummary, overall: Scores): string[] {
  const found = Object.entries(a.codes).filter(([, n]) => n > 0);
  return [
    `audit of the gold answers: ${plural(a.audited, 'item')} audited; ${
      found.length === 0 ? 'nothing found' : found.map(([code, n]) => `${code} ${count(n)}`).join(', ')
    }`,
    `EX ${percentOrDash(overall.ex)}; EX counting tied answers ${percentOrDash(a.exCountingTies)} (${plural(a.tiedGolds, 'gold')} cut at a tie, ${plural(
      a.rightByTie,
      'prediction',
    )} right only by a tied row)`,
  ];
}
