/**
 * What every engine does around its two queries, written once: the SQL each runs under the
 * item's rule, Spider's judgement of the item (with the tables.json entries sent once per
 * database), and the verdict from the two outcomes. SQLite's processes and the PostgreSQL runner
 * differ only in how they run a query.
 */
import { NO_JUDGEMENT, SpiderJudge, type SpiderJudgement } from '../spider/judge.js';
import { spiderExecutionSql, spiderOrderMatters } from '../spider/prep.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import { timeRatio } from './efficiency.js';
import type { ExecRequest, ExecResult } from './protocol.js';
import { resultsEqual } from './resultsEqual.js';
import type { Row } from './values.js';

export type QueryOutcome =
  | { ok: true; rows: Row[] }
  /** `timeout`: stopped by the server's time-out, or given up by the client (the connection is then in doubt). */
  | { ok: false; error: string; timeout?: 'server' | 'client' };

/** The error of a result too large to hold, in every engine's words alike. */
export const tooManyRows = (maxRows: number): QueryOutcome => ({
  ok: false,
  error: `result has more than ${maxRows} rows (--max-rows)`,
});

/**
 * A server's answer as an outcome: its rows, unless the statement returned no result set (it was
 * not a query) or more rows than `maxRows`.
 */
export function serverRows(rows: unknown, hasFields: boolean, maxRows: number): QueryOutcome {
  if (!Array.isArray(rows) || !hasFields) return { ok: false, error: 'refused: the statement returns no rows' };
  if (rows.length > maxRows) return tooManyRows(maxRows);
  return { ok: true, rows: rows as Row[] };
}

/** An item's result without its id, time and judgement, which the engine adds. */
export type Verdict = Omit<ExecResult, 'id' | 'ms' | 'judgement'>;

/** An item that is only judged (no database, or no prediction to run). */
export const NOT_RUN: Verdict = { status: 'ok', ex: false, goldRows: null, predRows: null, error: null };

/** The queries as they run: Spider's rule deletes DISTINCT from both (unless --keep-distinct). */
export function queriesOf(request: ExecRequest): { gold: string; pred: string } {
  const { gold, pred } = request.run ?? request;
  if (request.semantics !== 'spider') return { gold, pred };
  return {
    gold: spiderExecutionSql(gold, request.keepDistinct),
    pred: spiderExecutionSql(pred, request.keepDistinct),
  };
}

/**
 * BIRD's timing of a correct item (efficiency.ts): the prediction then the gold query,
 * `request.timeRepeats` times, each timed on its own with its results fetched; `before` is told
 * each query first (the SQLite pool re-arms its time-out). Adds `time_ratio` to the verdict:
 * 0 for an item that is not correct, or whose query fails in a repetition (a time-out, a lost
 * connection), as the official scripts score it.
 */
export async function withTimeRatio(
  request: ExecRequest,
  verdict: Verdict,
  queries: { gold: string; pred: string },
  run: (sql: string) => QueryOutcome | Promise<QueryOutcome>,
  before: (phase: 'pred' | 'gold') => void = () => {},
): Promise<Verdict> {
  const repeats = request.timeRepeats ?? 0;
  if (repeats <= 0) return verdict;
  if (verdict.status !== 'ok' || !verdict.ex) return { ...verdict, timeRatio: 0 };
  const goldMs: number[] = [];
  const predMs: number[] = [];
  /** Milliseconds, or null when the query failed this time. */
  const timed = async (sql: string) => {
    const started = performance.now();
    const outcome = await run(sql);
    return outcome.ok ? performance.now() - started : null;
  };
  for (let k = 0; k < repeats; k++) {
    before('pred');
    const p = await timed(queries.pred);
    before('gold');
    const g = await timed(queries.gold);
    if (p === null || g === null) return { ...verdict, timeRatio: 0 };
    predMs.push(p);
    goldMs.push(g);
  }
  return { ...verdict, timeRatio: timeRatio(goldMs, predMs) };
}

/** Whether Spider's rule compares the rows in order: where the gold query (as it runs) has ORDER BY. */
export const spiderOrdered = (request: ExecRequest, gold: string): boolean =>
  request.semantics === 'spider' && spiderOrderMatters(gold);

/** A failing gold query makes the item unjudgeable, then a failing prediction is wrong, else the results are compared. */
export function verdictOf(request: ExecRequest, gold: string, pred: QueryOutcome, goldOutcome: QueryOutcome): Verdict {
  if (!goldOutcome.ok) {
    return {
      status: 'gold_error',
      ex: false,
      goldRows: null,
      predRows: pred.ok ? pred.rows.length : null,
      error: goldOutcome.error,
    };
  }
  if (!pred.ok) return { status: 'pred_error', ex: false, goldRows: goldOutcome.rows.length, predRows: null, error: pred.error };
  const ordered = spiderOrdered(request, gold);
  const ex = resultsEqual(request.semantics, goldOutcome.rows, pred.rows, ordered);
  return { status: 'ok', ex, goldRows: goldOutcome.rows.length, predRows: pred.rows.length, error: null };
}

/** Spider's exact set match and hardness for each request; a database's tables.json entry arrives once. */
export class RequestJudge {
  private readonly judge = new SpiderJudge();
  private readonly tables = new Map<string, TablesJsonEntry>();

  judgementOf(request: ExecRequest, dbPath: string | null): SpiderJudgement {
    const spider = request.spider;
    if (!spider) return NO_JUDGEMENT;
    if (spider.tables !== null && spider.tables !== 'sent') this.tables.set(spider.dbId, spider.tables);
    const tables = this.tables.get(spider.dbId) ?? null;
    return this.judge.judge(spider.dbId, dbPath, tables, request.gold, request.pred === '' ? null : request.pred);
  }
}
