/** Messages between the evaluator and its execution processes. */
import type { Semantics } from '../eval/compare.js';

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
}

export type ExecStatus = 'ok' | 'pred_error' | 'gold_error' | 'timeout' | 'missing_db';

export interface ExecResult {
  readonly id: number;
  readonly status: ExecStatus;
  readonly ex: boolean;
  readonly gold_rows: number | null;
  readonly pred_rows: number | null;
  readonly error: string | null;
  readonly ms: number;
}

/** Sent by the child before each query, so that the parent's timer covers one query at a time. */
export interface PhaseMessage {
  readonly id: number;
  readonly phase: 'pred' | 'gold';
}
