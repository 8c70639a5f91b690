/**
 * Did a run really beat its base? Two `eval --out` files of the same gold, compared item by item:
 * only the items where they disagree decide it (the exact McNemar test), and the difference of
 * their EX comes with a paired bootstrap interval. Several runs against one base get Holm-adjusted
 * p-values; `by` gives the same per stratum of the items.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DataError, UsageError } from '../datasets/errors.js';
import { fromJsonNames } from '../io/jsonNames.js';
import { sidecarOf } from '../io/resumableJsonl.js';
import { replicatesProblem } from '../stats/interval.js';
import { holm, mcnemarExact, pairedBootstrapDelta } from '../stats/paired.js';
import type { ItemResult } from './itemResult.js';
import { byGroupKey } from './summary.js';

/** One `eval --out` file: its items by index, as written (snake_case fields kept for `by`), and what made it. */
export interface EvalRun {
  readonly path: string;
  readonly name: string;
  readonly items: ReadonlyMap<number, { readonly item: ItemResult; readonly raw: Readonly<Record<string, unknown>> }>;
  /** The run's settings (`<file>.run.json`), where the file has them beside it. */
  readonly settings: Readonly<Record<string, unknown>> | null;
}

/** The paired figures of a run (b) against its base (a), on the items judged in both. */
export interface PairedStats {
  readonly n: number;
  /** EX of the base and of the run, as fractions. */
  readonly exA: number | null;
  readonly exB: number | null;
  /** exB − exA. */
  readonly delta: number | null;
  /** Items right in the base only, and in the run only. */
  readonly aOnly: number;
  readonly bOnly: number;
  /** Exact two-sided McNemar: the binomial test of bOnly out of aOnly + bOnly at ½. */
  readonly pValue: number;
  /** Paired bootstrap percentile interval of delta (null with no replicates or no items). */
  readonly deltaCi95: readonly [number, number] | null;
}

export interface PairedComparison extends PairedStats {
  readonly base: string;
  readonly run: string;
  /** With several runs: p_value adjusted by Holm's method over the runs. */
  readonly pHolm?: number;
  /** With `by`: the same figures per stratum. */
  readonly strata?: { readonly key: string; readonly groups: Record<string, PairedStats> };
  /** Items that changed, each way (with `list`). */
  readonly changed?: { readonly aOnly: readonly ChangedItem[]; readonly bOnly: readonly ChangedItem[] };
}

export interface ChangedItem {
  readonly i: number;
  readonly dbId: string | null;
  readonly gold: string;
  readonly predA: string | null;
  readonly predB: string | null;
}

export interface CompareOptions {
  /** Bootstrap replicates of the interval (default 10,000; 0: none). */
  readonly bootstrap?: number;
  readonly seed?: number;
  /** The same figures per value of this item field too: hardness, difficulty, db_id, stratum, or any column of the files. */
  readonly by?: string;
  /** How many changed items to list each way (default none). */
  readonly list?: number;
}

export const DEFAULT_PAIRED_REPLICATES = 10_000;

/** Reads an `eval --out` file (and its settings beside it); a line that is not an item is an error naming it. */
export function readEvalRun(path: string, name = basename(path).replace(/\.jsonl$/i, '')): EvalRun {
  if (!existsSync(path)) throw new DataError(path, 'no such file');
  const items = new Map<number, { item: ItemResult; raw: Record<string, unknown> }>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, k) => {
      if (line.trim() === '') return;
      let raw: Record<string, unknown>;
      try {
        raw = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new DataError(path, 'not a JSON line: is it a results file of eval?', `line ${k + 1}`);
      }
      if (typeof raw?.i !== 'number' || !('ex' in raw) || typeof raw.gold_sql !== 'string') {
        throw new DataError(
          path,
          'not an evaluated item (no i, ex and gold_sql): is it a results file of eval?',
          `line ${k + 1}`,
        );
      }
      if (items.has(raw.i)) throw new DataError(path, `item ${raw.i} appears twice`, `line ${k + 1}`);
      items.set(raw.i, { item: fromJsonNames(raw) as ItemResult, raw });
    });
  if (items.size === 0) throw new DataError(path, 'holds no evaluated item');
  const sidecar = sidecarOf(path);
  const settings = existsSync(sidecar) ? (JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, unknown>) : null;
  return { path, name, items, settings };
}

/** Each run against the base, on the items judged in both. Runs of another gold, other items or another rule are refused. */
export function compareRuns(base: EvalRun, runs: readonly EvalRun[], options: CompareOptions = {}): PairedComparison[] {
  if (runs.length === 0) throw new UsageError('give the base run and at least one run to compare with it');
  const replicates = options.bootstrap ?? DEFAULT_PAIRED_REPLICATES;
  const tooFew = replicatesProblem(replicates, 'bootstrap');
  if (tooFew !== null) throw new UsageError(tooFew, ['bootstrap']);
  for (const run of runs) checkComparable(base, run);
  if (options.by !== undefined) checkStratumKey(base, options.by);
  const compared = runs.map((run) => comparePair(base, run, { ...options, bootstrap: replicates }));
  if (compared.length < 2) return compared;
  const adjusted = holm(compared.map((c) => c.pValue));
  return compared.map((c, k) => ({ ...c, pHolm: adjusted[k] as number }));
}

/** The settings that decide what EX means: the gold file and the rule. */
const RULE_SETTINGS = ['gold', 'semantics', 'keep_distinct'] as const;

function checkComparable(base: EvalRun, run: EvalRun): void {
  if (base.settings && run.settings) {
    for (const key of RULE_SETTINGS) {
      if (base.settings[key] !== run.settings[key]) {
        const what =
          key === 'gold'
            ? 'another gold file'
            : `another rule (${key} ${String(run.settings[key])}, not ${String(base.settings[key])})`;
        throw new DataError(run.path, `evaluated with ${what} than ${base.path}: its EX cannot be paired with it`);
      }
    }
  }
  const missing = [...base.items.keys()].filter((i) => !run.items.has(i));
  const extra = [...run.items.keys()].filter((i) => !base.items.has(i));
  if (missing.length > 0 || extra.length > 0) {
    const first = missing[0] ?? extra[0];
    throw new DataError(
      run.path,
      `holds ${run.items.size} items and ${base.path} ${base.items.size}, not the same items (first differing: item ${first}); finish or rerun both with the same gold`,
    );
  }
  for (const [i, { item }] of base.items) {
    const other = run.items.get(i)?.item;
    if (other && other.goldSql.trim() !== item.goldSql.trim()) {
      throw new DataError(run.path, `item ${i} has another gold query than in ${base.path}: not runs of the same gold`);
    }
  }
}

function checkStratumKey(base: EvalRun, key: string): void {
  for (const { raw } of base.items.values()) if (raw[key] !== undefined) return;
  throw new UsageError(`\`by\` ${key}: no item of ${base.path} has that field (e.g. hardness, difficulty, db_id, stratum)`, [
    'by',
  ]);
}

const stratumOf = (raw: Readonly<Record<string, unknown>>, key: string) => {
  const v = raw[key];
  return v === null || v === undefined ? '(none)' : String(v);
};

function comparePair(base: EvalRun, run: EvalRun, options: CompareOptions & { readonly bootstrap: number }): PairedComparison {
  const indexes = [...base.items.keys()]
    .sort((x, y) => x - y)
    .filter((i) => base.items.get(i)?.item.ex != null && run.items.get(i)?.item.ex != null);
  const statsOf = (subset: readonly number[]) => pairedStats(subset, base, run, options);
  const strata =
    options.by === undefined
      ? undefined
      : {
          key: options.by,
          groups: Object.fromEntries(
            groupsOf(indexes, (i) => stratumOf(base.items.get(i)?.raw ?? {}, options.by as string)).map(([k, subset]) => [
              k,
              statsOf(subset),
            ]),
          ),
        };
  const list = options.list ?? 0;
  const changed = list > 0 ? changedItems(indexes, base, run, list) : undefined;
  return {
    base: base.name,
    run: run.name,
    ...statsOf(indexes),
    ...(strata ? { strata } : {}),
    ...(changed ? { changed } : {}),
  };
}

function pairedStats(
  indexes: readonly number[],
  base: EvalRun,
  run: EvalRun,
  options: { bootstrap: number; seed?: number },
): PairedStats {
  const a = indexes.map((i) => (base.items.get(i)?.item.ex ? 1 : 0));
  const b = indexes.map((i) => (run.items.get(i)?.item.ex ? 1 : 0));
  const n = indexes.length;
  let aOnly = 0;
  let bOnly = 0;
  a.forEach((x, k) => {
    if (x === 1 && b[k] === 0) aOnly++;
    if (x === 0 && b[k] === 1) bOnly++;
  });
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const exA = n === 0 ? null : sum(a) / n;
  const exB = n === 0 ? null : sum(b) / n;
  return {
    n,
    exA,
    exB,
    delta: exA === null || exB === null ? null : exB - exA,
    aOnly,
    bOnly,
    pValue: mcnemarExact(aOnly, bOnly),
    deltaCi95:
      n === 0 || options.bootstrap === 0
        ? null
        : pairedBootstrapDelta(a, b, { replicates: options.bootstrap, seed: options.seed ?? 0 }),
  };
}

/** Items grouped by a key, groups in order of their keys. */
function groupsOf(indexes: readonly number[], key: (i: number) => string): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (const i of indexes) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  return [...groups].sort(([x], [y]) => byGroupKey(x, y));
}

function changedItems(indexes: readonly number[], base: EvalRun, run: EvalRun, list: number) {
  const item = (i: number): ChangedItem => {
    const a = base.items.get(i)?.item as ItemResult;
    return { i, dbId: a.dbId, gold: a.goldSql, predA: a.predSql, predB: run.items.get(i)?.item.predSql ?? null };
  };
  const exOf = (r: EvalRun, i: number) => r.items.get(i)?.item.ex === true;
  return {
    aOnly: indexes
      .filter((i) => exOf(base, i) && !exOf(run, i))
      .slice(0, list)
      .map(item),
    bOnly: indexes
      .filter((i) => !exOf(base, i) && exOf(run, i))
      .slice(0, list)
      .map(item),
  };
}
