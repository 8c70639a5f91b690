/** Executing one evaluation item: both queries on the item's database, then the comparison. */

import { withAudit } from './audit.js';
import type { ExecRequest, ExecResult, PhaseMessage } from './protocol.js';
import { type Db, openFromContext, openReadOnly, runQuery } from './sqlite.js';
import { NOT_RUN, queriesOf, RequestJudge, type Verdict, verdictOf, withTimeRatio } from './verdict.js';

export class Executor {
  private readonly open = new Map<string, Db>();
  private readonly judge = new RequestJudge();

  constructor(private readonly onPhase: (message: PhaseMessage) => void = () => {}) {}

  async execute(request: ExecRequest): Promise<ExecResult> {
    const started = performance.now();
    const judgement = this.judge.judgementOf(request, request.db);
    const done = (fields: Verdict): ExecResult => ({
      id: request.id,
      ms: Math.round(performance.now() - started),
      judgement,
      ...fields,
    });
    if (!request.execute) return done(NOT_RUN);
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
        goldRows: null,
        predRows: null,
        error: `cannot open the database: ${String(err)}`,
      });
    }
    try {
      const { gold, pred } = queriesOf(request);
      // The prediction first, as BIRD's evaluator does.
      // The parent's timer already covers the prediction (it started with the request); a message
      // marks the start of the gold query, so each query gets the whole time-out.
      const p = runQuery(db, pred, request.maxRows);
      this.onPhase({ id: request.id, phase: 'gold', judgement });
      const g = runQuery(db, gold, request.maxRows);
      const verdict = verdictOf(request, gold, p, g);
      const timed = await withTimeRatio(
        request,
        verdict,
        { gold, pred },
        (sql) => runQuery(db, sql, request.maxRows),
        (phase) => this.onPhase({ id: request.id, phase, judgement }),
      );
      return done(
        await withAudit(
          request,
          timed,
          { gold, goldOutcome: g, pred: p },
          (sql) => runQuery(db, sql, request.maxRows),
          (so) => this.onPhase({ id: request.id, phase: 'audit', judgement, verdict: so }),
        ),
      );
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
