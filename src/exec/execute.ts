/** Executing one evaluation item: both queries on the item's database, then the comparison. */

import { NO_JUDGEMENT, SpiderJudge, type SpiderJudgement } from '../spider/judge.js';
import { spiderExecutionSql, spiderOrderMatters } from '../spider/prep.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import { resultsEqual } from './compare.js';
import type { ExecRequest, ExecResult, PhaseMessage } from './protocol.js';
import { type Db, openFromContext, openReadOnly, runQuery } from './sqlite.js';

export class Executor {
  private readonly open = new Map<string, Db>();
  private readonly judge = new SpiderJudge();
  /** tables.json entries, sent once per database. */
  private readonly tables = new Map<string, TablesJsonEntry>();

  constructor(private readonly onPhase: (message: PhaseMessage) => void = () => {}) {}

  execute(request: ExecRequest): ExecResult {
    const started = performance.now();
    const judgement = request.spider ? this.spiderJudgement(request, request.spider) : NO_JUDGEMENT;
    const done = (fields: Omit<ExecResult, 'id' | 'ms' | 'judgement'>): ExecResult => ({
      id: request.id,
      ms: Math.round(performance.now() - started),
      judgement,
      ...fields,
    });
    if (!request.execute) return done({ status: 'ok', ex: false, gold_rows: null, pred_rows: null, error: null });
    let db: Db;
    let scratch = false;
    try {
      if (request.db === null) {
        db = openFromContext(request.context ?? '');
        scratch = true;
      } else db = this.database(request.db);
    } catch (err) {
      return done({
        status: 'gold_error',
        ex: false,
        gold_rows: null,
        pred_rows: null,
        error: `cannot open the database: ${String(err)}`,
      });
    }
    try {
      const spider = request.semantics === 'spider';
      const gold = spider ? spiderExecutionSql(request.gold, request.keepDistinct) : request.gold;
      const pred = spider ? spiderExecutionSql(request.pred, request.keepDistinct) : request.pred;
      // The prediction first, as BIRD's evaluator does.
      // The parent's timer already covers the prediction (it started with the request); a message
      // marks the start of the gold query, so each query gets the whole time-out.
      const p = runQuery(db, pred, request.maxRows);
      this.onPhase({ id: request.id, phase: 'gold', judgement });
      const g = runQuery(db, gold, request.maxRows);
      if (!g.ok)
        return done({ status: 'gold_error', ex: false, gold_rows: null, pred_rows: p.ok ? p.rows.length : null, error: g.error });
      if (!p.ok) return done({ status: 'pred_error', ex: false, gold_rows: g.rows.length, pred_rows: null, error: p.error });
      const ex = resultsEqual(request.semantics, g.rows, p.rows, spider && spiderOrderMatters(gold));
      return done({ status: 'ok', ex, gold_rows: g.rows.length, pred_rows: p.rows.length, error: null });
    } finally {
      if (scratch) db.close();
    }
  }

  private spiderJudgement(request: ExecRequest, spider: NonNullable<ExecRequest['spider']>): SpiderJudgement {
    if (spider.tables !== null && spider.tables !== 'sent') this.tables.set(spider.dbId, spider.tables);
    const tables = this.tables.get(spider.dbId) ?? null;
    return this.judge.judge(spider.dbId, request.db, tables, request.gold, request.pred === '' ? null : request.pred);
  }

  private database(path: string): Db {
    let db = this.open.get(path);
    if (!db) {
      db = openReadOnly(path);
      this.open.set(path, db);
    }
    return db;
  }

  close(): void {
    for (const db of this.open.values()) db.close();
    this.open.clear();
  }
}
