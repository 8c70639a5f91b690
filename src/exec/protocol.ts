/** Messages between the evaluator and its execution processes. */

import type { SpiderJudgement } from '../spider/judge.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import type { Semantics } from './resultsEqual.js';

/** What the audit can find; each audited item lists those it found (exec/audit.ts). */
export const AUDIT_CODES = [
  'gold_error',
  'gold_timeout',
  'gold_unstable',
  'tie_at_limit',
  'order_not_fixed',
  'null_in_order_key',
  'text_number_order_key',
  'audit_incomplete',
] as const;
export type AuditCode = (typeof AUDIT_CODES)[number];

export interface ExecRequest {
  readonly id: number;
  /** The database file, or null when the item brings its own schema and rows (`context`). */
  readonly db: string | null;
  readonly context?: string;
  readonly gold: string;
  readonly pred: string;
  readonly semantics: Semantics;
  readonly keepDistinct: boolean;
  readonly maxRows: number;
  /** false: only judged (no database, or no prediction to run). */
  readonly execute: boolean;
  /** The SQL the engine runs when it differs from `gold`/`pred` (transpiled); the judgement reads the originals. */
  readonly run?: { readonly gold: string; readonly pred: string };
  /** BIRD's efficiency: a correct item's queries are timed this many times more (0 or absent: not timed). */
  readonly timeRepeats?: number;
  /** `eval --audit`: the gold query is audited too (exec/audit.ts), read by the lexer of this dialect. */
  readonly audit?: { readonly dialect: string };
  /** Spider's exact set match and hardness, judged here too: the database's schema is at hand. */
  readonly spider: { readonly dbId: string; readonly tables: TablesJsonEntry | 'sent' | null } | null;
}

export type ExecStatus = 'ok' | 'pred_error' | 'gold_error' | 'timeout' | 'missing_db';

export interface ExecResult {
  readonly id: number;
  readonly status: ExecStatus;
  readonly ex: boolean;
  readonly goldRows: number | null;
  readonly predRows: number | null;
  readonly error: string | null;
  readonly ms: number;
  /** null when the process was stopped before it could judge (a time-out, a crash). */
  readonly judgement: SpiderJudgement | null;
  /** With `timeRepeats`: gold over predicted time (see efficiency.ts); 0 for a wrong item. */
  readonly timeRatio?: number;
  /** With `audit`: what the audit of the gold found (exec/audit.ts), and whether the prediction is right counting tied rows. */
  readonly audit?: readonly AuditCode[];
  readonly exTie?: boolean;
}

/** Sent by the child before each query, so that the parent's timer covers one query at a time. */
export interface PhaseMessage {
  readonly id: number;
  /** `audit`: the item is judged, and a query of the gold's audit starts. */
  readonly phase: 'pred' | 'gold' | 'audit';
  /** Known before any query runs, so that a time-out keeps it. */
  readonly judgement: SpiderJudgement;
  /** With `audit`: the item's result so far, which a time-out of the audit keeps. */
  readonly verdict?: Omit<ExecResult, 'id' | 'ms' | 'judgement'>;
}
