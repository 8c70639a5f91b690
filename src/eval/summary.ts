/** Aggregates of per-item evaluation results: overall, by difficulty or hardness, and by database. */

import { rvesOf, vesOf } from '../exec/efficiency.js';
import { AUDIT_CODES, type AuditCode, type ExecStatus } from '../exec/protocol.js';
import { SEMANTICS_DESCRIPTION, type Semantics } from '../exec/resultsEqual.js';
import type { ItemResult } from './itemResult.js';

export interface Scores {
  /** Every item of the group (the denominator of the template match). */
  readonly items: number;
  /** Items whose result could be judged (a database, a gold query that runs): the denominator of EX. */
  readonly n: number;
  /** Execution accuracy over those items. */
  readonly ex: number | null;
  /** Spider exact set match over items where it is known (a tables.json entry): `exact_n` of them. */
  readonly exact: number | null;
  readonly exactN: number;
  /** Template match over all items. */
  readonly templateMatch: number | null;
  /** With --ves: BIRD's VES and mini-dev's R-VES over the EX items (in percent, as BIRD reports them). */
  readonly ves?: number | null;
  readonly rVes?: number | null;
}

export interface EvalSummary {
  readonly semantics: Semantics;
  readonly semanticsRule: string;
  readonly items: number;
  readonly overall: Scores;
  readonly counts: Record<ExecStatus, number> & { pred_unparseable_spider: number; pred_unparseable_template: number };
  /** Whether Spider's exact set match was computed at all (it needs tables.json). */
  readonly exactComputed: boolean;
  /** By BIRD `difficulty` where the gold has it, else by Spider hardness. */
  readonly byDifficultyKey: 'difficulty' | 'hardness';
  readonly byDifficulty: Record<string, Scores>;
  readonly byDb: Record<string, Scores>;
  /** With --transpile-from: how many of each side's queries were transpiled, and how many failed to (and ran as written). */
  readonly transpile?: {
    readonly from: string;
    readonly to: string;
    readonly gold: TranspileTally;
    readonly pred: TranspileTally;
  };
  /** With --ves: how many times each correct item's queries were timed. */
  readonly vesRepeats?: number;
  /** With --by: the scores per stratum. */
  readonly byStratum?: { readonly key: string; readonly groups: Record<string, Scores> };
  /** With --audit: what the audit of the gold answers found. */
  readonly audit?: AuditSummary;
  readonly seconds: number;
}

export interface AuditSummary {
  /** Items whose gold was audited (it ran; an item with no database or no prediction is not). */
  readonly audited: number;
  /** Items with each finding (an item may have several). */
  readonly codes: Record<AuditCode, number>;
  /** Items whose gold cuts at a tie, and of those the items right only by a tied row. */
  readonly tiedGolds: number;
  readonly rightByTie: number;
  /** EX counting tied answers: judged items right by the rule or by a tied row. */
  readonly exCountingTies: number | null;
}

function auditSummary(items: readonly ItemResult[]): AuditSummary {
  const audited = items.filter((i) => i.audit !== undefined);
  const codes = Object.fromEntries(AUDIT_CODES.map((c) => [c, 0])) as Record<AuditCode, number>;
  for (const item of audited) for (const code of item.audit ?? []) codes[code]++;
  const judged = items.filter((i) => i.ex !== null);
  return {
    audited: audited.length,
    codes,
    tiedGolds: codes.tie_at_limit,
    rightByTie: items.filter((i) => i.exTie && !i.ex).length,
    exCountingTies: judged.length === 0 ? null : judged.filter((i) => i.ex || i.exTie).length / judged.length,
  };
}

function scores(items: readonly ItemResult[]): Scores {
  const judged = items.filter((i) => i.ex !== null);
  const exactKnown = items.filter((i) => i.exact !== null);
  const share = (n: number, d: number) => (d === 0 ? null : n / d);
  return {
    items: items.length,
    n: judged.length,
    ex: share(judged.filter((i) => i.ex).length, judged.length),
    exact: share(exactKnown.filter((i) => i.exact).length, exactKnown.length),
    exactN: exactKnown.length,
    templateMatch: share(items.filter((i) => i.templateMatch).length, items.length),
    ...(items.some((i) => i.timeRatio !== undefined) ? efficiencyOf(judged) : {}),
  };
}

/** VES and R-VES over the items EX counts: a wrong or failed one has ratio 0. */
function efficiencyOf(judged: readonly ItemResult[]): { ves: number | null; rVes: number | null } {
  const ratios = judged.map((i) => i.timeRatio ?? 0);
  return { ves: vesOf(ratios), rVes: rvesOf(ratios) };
}

/** Spider's hardness and BIRD's difficulty in their own order, before other keys (alphabetical). */
const DIFFICULTY_ORDER = ['easy', 'medium', 'hard', 'extra', 'simple', 'moderate', 'challenging'];
export function byGroupKey(a: string, b: string): number {
  const ia = DIFFICULTY_ORDER.indexOf(a);
  const ib = DIFFICULTY_ORDER.indexOf(b);
  return ia >= 0 && ib >= 0 ? ia - ib : ia >= 0 ? -1 : ib >= 0 ? 1 : a.localeCompare(b);
}

function groupBy(items: readonly ItemResult[], key: (i: ItemResult) => string | null): Record<string, Scores> {
  const groups = new Map<string, ItemResult[]>();
  for (const item of items) {
    const k = key(item) ?? '(none)';
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  const sorted = [...groups.keys()].sort(byGroupKey);
  return Object.fromEntries(sorted.map((k) => [k, scores(groups.get(k) ?? [])]));
}

export interface SummaryOptions {
  /** Scores per stratum of this key too. */
  readonly by?: string;
  /** How many times correct items were timed (BIRD's VES), if they were. */
  readonly vesRepeats?: number;
  /** The dialects queries were transpiled between, if they were. */
  readonly transpile?: { readonly from: string; readonly to: string };
  /** Whether the gold answers were audited (--audit). */
  readonly audit?: boolean;
}

export function summarize(
  items: readonly ItemResult[],
  semantics: Semantics,
  seconds: number,
  options: SummaryOptions = {},
): EvalSummary {
  const { by, vesRepeats, transpile, audit } = options;
  const counts = {
    ok: 0,
    pred_error: 0,
    gold_error: 0,
    timeout: 0,
    missing_db: 0,
    pred_unparseable_spider: 0,
    pred_unparseable_template: 0,
  };
  for (const item of items) {
    counts[item.status]++;
    if (item.exact !== null && !item.predParsed) counts.pred_unparseable_spider++;
    if (item.predUnparseable) counts.pred_unparseable_template++;
  }
  const byDifficulty = items.some((i) => i.difficulty !== null) ? 'difficulty' : 'hardness';
  return {
    semantics,
    semanticsRule: SEMANTICS_DESCRIPTION[semantics],
    items: items.length,
    overall: scores(items),
    counts,
    exactComputed: items.some((i) => i.exact !== null),
    byDifficultyKey: byDifficulty,
    byDifficulty: groupBy(items, (i) => (byDifficulty === 'difficulty' ? i.difficulty : i.hardness)),
    byDb: groupBy(items, (i) => i.dbId),
    ...(vesRepeats ? { vesRepeats: vesRepeats } : {}),
    ...(transpile ? { transpile: { ...transpile, gold: tally(items, 'gold'), pred: tally(items, 'pred') } } : {}),
    ...(by
      ? { byStratum: { key: by, groups: groupBy(items, (i) => (by === 'hardness' ? i.hardness : (i.stratum ?? null))) } }
      : {}),
    ...(audit ? { audit: auditSummary(items) } : {}),
    seconds,
  };
}

export interface TranspileTally {
  readonly transpiled: number;
  readonly failed: number;
}

const tally = (items: readonly ItemResult[], side: 'gold' | 'pred'): TranspileTally => ({
  transpiled: items.filter((i) => i.transpiled?.[side] === true).length,
  failed: items.filter((i) => i.transpiled?.[side] === false).length,
});
