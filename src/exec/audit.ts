/**
 * An audit of a gold query on its database (`eval --audit`): is its answer well defined? Run under
 * the same read-only rules, row cap and time-out as the item's own queries, on every engine.
 *
 * - The gold query is run a second time: an error, or a result that differs from the first run
 *   under the item's rule, is flagged.
 * - A top-level `ORDER BY … LIMIT k` is run again with its ORDER BY keys as extra columns and one
 *   row past the cut: rows k and k+1 that agree on every key mean the gold is one arbitrary choice
 *   among equals (`tie_at_limit`). Where it is, a prediction that returns the same rows up to the
 *   tie and then other rows of the tied group is right by the tie (`exTie`).
 * - Where the rule compares rows in order, rows that agree on every key but differ elsewhere have
 *   no fixed order (`order_not_fixed`); NULLs and numbers stored as text among the keys decide an
 *   order by rules that differ between engines (`null_in_order_key`, `text_number_order_key`).
 */
import { dialectInfo } from '../sql/dialects.js';
import type { Lexical } from '../sql/lexer.js';
import { type OrderProbe, orderProbeOf, widened } from './orderProbe.js';
import type { AuditCode, ExecRequest } from './protocol.js';
import { resultsEqual, type Semantics } from './resultsEqual.js';
import { type Row, rowKey, type SqlValue, valueKey } from './values.js';
import { type QueryOutcome, spiderOrdered, type Verdict } from './verdict.js';

export interface AuditFindings {
  readonly audit: AuditCode[];
  /** Only where the gold ties at its cut: whether the prediction is right counting the tied rows. */
  readonly exTie?: boolean;
}

/** Never more than this many rows are fetched to find a tied group's end. */
const GROUP_STEPS = 4;

/**
 * The findings on one item. `gold`: the gold query as it ran, with its outcome; `pred`: the
 * prediction's outcome; `run`: the engine's way of running one more query (its guards apply).
 */
export async function auditGold(
  gold: { readonly sql: string; readonly outcome: QueryOutcome },
  pred: QueryOutcome,
  how: { readonly semantics: Semantics; readonly ordered: boolean; readonly lexical: Lexical; readonly maxRows: number },
  run: (sql: string) => QueryOutcome | Promise<QueryOutcome>,
): Promise<AuditFindings> {
  if (!gold.outcome.ok) return { audit: [gold.outcome.timeout ? 'gold_timeout' : 'gold_error'] };
  const codes = new Set<AuditCode>();
  const again = await run(gold.sql);
  if (!again.ok) codes.add(again.timeout ? 'gold_timeout' : 'gold_error');
  else if (!resultsEqual(how.semantics, gold.outcome.rows, again.rows, how.ordered)) codes.add('gold_unstable');
  const probe = orderProbeOf(gold.sql, how.lexical);
  let exTie: boolean | undefined;
  if (probe !== null) {
    const probed = await run(probe.sql);
    if (!probed.ok) codes.add('audit_incomplete');
    else {
      for (const code of orderFindings(probe, probed.rows, how)) codes.add(code);
      if (codes.has('tie_at_limit') && probe.limit) {
        // A prediction that fails is not right by any row; else the tied group decides.
        const group = pred.ok ? await tiedGroup(probe, probed.rows, how.maxRows, run) : [];
        if (group === null) codes.add('audit_incomplete');
        else exTie = pred.ok && rightByTie(probe, group, pred.rows, how);
      }
    }
  }
  return exTie === undefined ? { audit: [...codes] } : { audit: [...codes], exTie };
}

/** The keys of a probe row, as comparable keys. */
const keysOf = (probe: OrderProbe, row: Row): string => probe.keys.map((k) => valueKey(row.at(k) as SqlValue)).join('\u0001');
/** The gold's own columns of a probe row (the appended keys left out). */
const ownOf = (probe: OrderProbe, row: Row): Row => row.slice(0, row.length - probe.appended);

/** What the probe's rows say of the gold's order: ties at the cut, unfixed order, NULL and text-number keys. */
export function orderFindings(probe: OrderProbe, rows: readonly Row[], how: { readonly semantics: Semantics }): AuditCode[] {
  const codes: AuditCode[] = [];
  const from = probe.limit?.offset ?? 0;
  const to = probe.limit ? Math.min(rows.length, from + probe.limit.count) : rows.length;
  const ties = (a: number, b: number) =>
    rows[a] !== undefined && rows[b] !== undefined && keysOf(probe, rows[a] as Row) === keysOf(probe, rows[b] as Row);
  if (probe.limit && (ties(to - 1, to) || (from > 0 && ties(from - 1, from)))) codes.push('tie_at_limit');
  // The rows compared: those the gold returns (and, for a cut, the rows on either side of it).
  const compared = rows.slice(Math.max(0, from - 1), Math.min(rows.length, to + 1));
  if (how.semantics !== 'bird') {
    for (let k = from + 1; k < to; k++) {
      const a = rows[k - 1] as Row;
      const b = rows[k] as Row;
      if (keysOf(probe, a) === keysOf(probe, b) && rowKey(ownOf(probe, a)) !== rowKey(ownOf(probe, b))) {
        codes.push('order_not_fixed');
        break;
      }
    }
  }
  if (compared.length > 1 && compared.some((row) => probe.keys.some((k) => row.at(k) === null))) codes.push('null_in_order_key');
  if (probe.keys.some((k) => textNumbersMisordered(compared.map((row) => row.at(k) as SqlValue)))) {
    codes.push('text_number_order_key');
  }
  return codes;
}

/** Numbers stored as text whose order as text is not their order as numbers ('10' before '9'). */
function textNumbersMisordered(values: readonly SqlValue[]): boolean {
  const texts = values.filter((v): v is string => typeof v === 'string');
  if (texts.length < 2 || !texts.every((t) => /^\s*[-+]?\d+(\.\d+)?\s*$/.test(t))) return false;
  const byText = [...texts].sort();
  const byNumber = [...texts].sort((a, b) => Number(a) - Number(b));
  return byText.some((t, k) => Number(t) !== Number(byNumber[k]));
}

/**
 * The probe's rows through the end of the group tied at the cut: fetched again with a wider limit
 * until a row past the group is seen (null if the group runs past the row cap).
 */
async function tiedGroup(
  probe: OrderProbe,
  rows: readonly Row[],
  maxRows: number,
  run: (sql: string) => QueryOutcome | Promise<QueryOutcome>,
): Promise<readonly Row[] | null> {
  const limit = probe.limit as NonNullable<OrderProbe['limit']>;
  const last = limit.offset + limit.count - 1;
  const groupKey = keysOf(probe, rows[last] as Row);
  let have = rows;
  let count = limit.offset + limit.count + 1;
  for (let step = 0; step < GROUP_STEPS; step++) {
    const end = have.at(-1);
    // The group ends inside what is fetched (or the result ends).
    if (have.length < count || (end !== undefined && keysOf(probe, end) !== groupKey)) return have;
    count = Math.min(maxRows, count * 8 + 64);
    const fetched = await run(widened(probe, count));
    if (!fetched.ok) return null;
    have = fetched.rows;
  }
  return null;
}

/**
 * Whether the prediction returns the gold's rows up to the tie and then rows of the tied group
 * (as many as the gold keeps), compared under the item's rule: in order where it compares in
 * order, as a bag or set otherwise. Rows are matched column for column.
 */
export function rightByTie(
  probe: OrderProbe,
  rows: readonly Row[],
  pred: readonly Row[],
  how: { readonly semantics: Semantics; readonly ordered: boolean },
): boolean {
  const limit = probe.limit as NonNullable<OrderProbe['limit']>;
  const last = limit.offset + limit.count - 1;
  const groupKey = keysOf(probe, rows[last] as Row);
  let first = last;
  while (first > limit.offset && keysOf(probe, rows[first - 1] as Row) === groupKey) first--;
  const before = rows.slice(limit.offset, first).map((r) => ownOf(probe, r));
  const group = rows.filter((r) => keysOf(probe, r) === groupKey).map((r) => ownOf(probe, r));
  const take = last - first + 1;
  const inOrder = how.semantics === 'ordered' || (how.semantics === 'spider' && how.ordered);
  const rest = inOrder ? withoutPrefix(pred, before) : withoutRows(pred, before);
  if (rest === null || rest.length !== take) return how.semantics === 'bird' && setRightByTie(before, group, pred);
  const pool = new Map<string, number>();
  for (const row of group) pool.set(rowKey(row), (pool.get(rowKey(row)) ?? 0) + 1);
  for (const row of rest) {
    const left = pool.get(rowKey(row)) ?? 0;
    if (left === 0) return false;
    pool.set(rowKey(row), left - 1);
  }
  return true;
}

/** BIRD's rule compares sets: the prediction's distinct rows are the rows before the tie and some of the group's. */
function setRightByTie(before: readonly Row[], group: readonly Row[], pred: readonly Row[]): boolean {
  const allowed = new Set([...before, ...group].map(rowKey));
  const got = new Set(pred.map(rowKey));
  return before.every((row) => got.has(rowKey(row))) && [...got].every((key) => allowed.has(key));
}

/** `pred` after its first rows, which must be `prefix` row for row; null if they are not. */
function withoutPrefix(pred: readonly Row[], prefix: readonly Row[]): readonly Row[] | null {
  if (pred.length < prefix.length) return null;
  for (let k = 0; k < prefix.length; k++) if (rowKey(pred[k] as Row) !== rowKey(prefix[k] as Row)) return null;
  return pred.slice(prefix.length);
}

/** `pred` without one of its rows for each of `rows` (as bags); null if some row is missing. */
function withoutRows(pred: readonly Row[], rows: readonly Row[]): readonly Row[] | null {
  const left = [...pred];
  for (const row of rows) {
    const at = left.findIndex((r) => rowKey(r) === rowKey(row));
    if (at < 0) return null;
    left.splice(at, 1);
  }
  return left;
}

/**
 * The audit of the gold query (`eval --audit`, audit.ts) added to a verdict: `before` is told of
 * each of its queries with the verdict so far (the SQLite pool keeps it if an audit query times
 * out). The item's EX is never changed by it.
 */
export async function withAudit(
  request: ExecRequest,
  verdict: Verdict,
  outcomes: { readonly gold: string; readonly goldOutcome: QueryOutcome; readonly pred: QueryOutcome },
  run: (sql: string) => QueryOutcome | Promise<QueryOutcome>,
  before: (verdict: Verdict) => void = () => {},
): Promise<Verdict> {
  if (!request.audit || !request.execute) return verdict;
  const ordered = request.semantics === 'ordered' || spiderOrdered(request, outcomes.gold);
  const findings = await auditGold(
    { sql: outcomes.gold, outcome: outcomes.goldOutcome },
    outcomes.pred,
    { semantics: request.semantics, ordered, lexical: dialectInfo(request.audit.dialect), maxRows: request.maxRows },
    (sql) => {
      before(verdict);
      return run(sql);
    },
  );
  return { ...verdict, ...findings };
}
