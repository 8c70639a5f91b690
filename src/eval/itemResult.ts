/** One evaluated item, as `eval --out` writes it (one JSON object per line) and the summary reads it. */
import type { AuditCode, ExecStatus } from '../exec/protocol.js';
import type { Hardness } from '../spider/exactMatch.js';

export interface ItemResult {
  readonly i: number;
  readonly dbId: string | null;
  readonly ex: boolean | null;
  readonly exact: boolean | null;
  readonly templateMatch: boolean;
  readonly status: ExecStatus;
  readonly hardness: Hardness | null;
  readonly difficulty: string | null;
  /** The item's stratum under --by. */
  readonly stratum?: string | null;
  readonly goldSql: string;
  readonly predSql: string | null;
  readonly goldRows: number | null;
  readonly predRows: number | null;
  /** Whether the Spider evaluator's parser could read the prediction (exact set match needs it). */
  readonly predParsed: boolean;
  /** Whether the SQL parser of the alignment templates rejects the prediction. */
  readonly predUnparseable: boolean;
  readonly error: string | null;
  readonly ms: number;
  /** With --transpile-from: whether each query was transpiled (null: not tried), and what ran. */
  readonly transpiled?: TranspiledItem['transpiled'];
  readonly transpileError?: string | null;
  readonly goldRunSql?: string | null;
  readonly predRunSql?: string | null;
  /** With --ves: gold over predicted time of a correct item, 0 otherwise (BIRD's time ratio). */
  readonly timeRatio?: number;
  /** With --audit: what the audit of the gold found (codes of exec/audit.ts; empty: nothing). */
  readonly audit?: readonly AuditCode[];
  /** With --audit, where the gold cuts at a tie: whether the prediction is right counting the tied rows. */
  readonly exTie?: boolean;
}

/** What --transpile-from adds to an item: a query that fails to transpile runs as written. */
export interface TranspiledItem {
  readonly transpiled: { readonly gold: boolean | null; readonly pred: boolean | null };
  readonly transpileError: string | null;
  readonly goldRunSql: string | null;
  readonly predRunSql: string | null;
}
