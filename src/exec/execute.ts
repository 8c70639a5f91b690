/** Executing one evaluation item: both queries on the item's database, then the comparison. */
import { resultsEqual } from '../eval/compare.js';
import { spiderExecutionSql, spiderOrderMatters } from '../eval/spiderPrep.js';
import type { ExecRequest, ExecResult } from './protocol.js';
import { type Db, openFromContext, openReadOnly, runQuery } from './sqlite.js';

export class Executor {
  private readonly open = new Map<string, Db>();

  constructor(private readonly onPhase: (id: number, phase: 'pred' | 'gold') => void = () => {}) {}

  execute(request: ExecRequest): ExecResult {
    const started = performance.now();
    const done = (fields: Omit<ExecResult, 'id' | 'ms'>): ExecResult => ({
      id: request.id,
      ms: Math.round(performance.now() - started),
      ...fields,
    });
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
      this.onPhase(request.id, 'pred');
      const p = runQuery(db, pred, request.maxRows);
      this.onPhase(request.id, 'gold');
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
