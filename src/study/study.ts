/**
 * Does AR predict the gain? Over a set of fine-tuning experiments (AR, EX before and after),
 * overall and per model family: Pearson's r and Spearman's ρ between AR (and log AR) and ΔEX with
 * p-values and bootstrap intervals, how often AR > 1 coincided with a gain, and the mean ΔEX when
 * AR > 1 and when AR ≤ 1 (the paper's +4.43 vs −2.22 points for CodeLlama 7B on Gretel).
 */
import { dirname, isAbsolute, join } from 'node:path';
import { DataError, type DatasetInput, readAll, resolveDataset, UsageError } from '../datasets/index.js';
import { replicatesProblem } from '../stats/interval.js';
import { type Evidence, evidenceOf } from './evidence.js';
import { bootstrapInterval, mean, pearson, spearman } from './stats.js';

export interface Experiment {
  readonly model: string;
  readonly family: string;
  readonly train: string;
  readonly target: string;
  readonly ar: number;
  /** D(T‖P) − D(T‖S), which does not depend on c; null where the AR was given without it. */
  readonly klGap?: number | null;
  readonly exBefore: number;
  readonly exAfter: number;
  readonly emBefore: number | null;
  readonly emAfter: number | null;
  /** Where the row names its two `eval --out` files: the paired comparison its ΔEX comes from (in EX points). */
  readonly paired?: PairedGain;
}

/** A ΔEX measured item by item: its interval and p-value, and whether it is within noise. */
export interface PairedGain {
  readonly n: number;
  readonly aOnly: number;
  readonly bOnly: number;
  /** Exact McNemar p-value of the two runs. */
  readonly pValue: number;
  /** Paired bootstrap interval of ΔEX, on the scale of ex_before and ex_after (points). */
  readonly deltaCi95: readonly [number, number] | null;
  /** p ≥ 0.05: the runs' difference is not told apart from chance. */
  readonly withinNoise: boolean;
}

export interface GroupStats {
  readonly n: number;
  readonly pearson: { r: number | null; p: number | null; ci: [number, number] | null };
  readonly spearman: { rho: number | null; p: number | null; ci: [number, number] | null };
  readonly pearsonLogAr: { r: number | null; p: number | null };
  /** AR > 1 against ΔEX > 0. */
  readonly confusion: { arAboveGain: number; arAboveNoGain: number; arBelowGain: number; arBelowNoGain: number };
  /** How often the AR > 1 call matched the sign of ΔEX. */
  readonly agreement: number | null;
  readonly meanDeltaEx: { arAbove1: number | null; arAtMost1: number | null };
}

export interface StudyResult {
  readonly overall: GroupStats;
  /** The decision record, for `align --evidence`. */
  readonly evidence: Evidence;
  readonly families: Record<string, GroupStats>;
  readonly experiments: readonly (Experiment & { deltaEx: number })[];
}

export interface StudyOptions {
  readonly bootstrap?: number;
  readonly seed?: number;
  readonly dialect?: string;
  /**
   * A fixed c for ARs computed from datasets. By default each experiment's comparison has its own
   * c (the larger of its two D), so its AR lies in [1/e, e] on a scale of its own; a fixed c puts
   * every experiment's AR on one scale.
   */
  readonly scale?: number;
  /**
   * AR of a row that names datasets instead of an AR (target_path, train_path, pred_path): the
   * study layer does not compute alignment itself; `ratioFromDatasets` (align) is the usual one.
   */
  readonly ratioOf?: (paths: { target: string; train: string; pred: string }) => Promise<{ ar: number; klGap: number }>;
  /**
   * The paired comparison of a row's two `eval --out` files (eval_before, eval_after): EX of each as
   * a share, and the paired figures (eval's `compare` is the usual one).
   */
  readonly pairedOf?: (paths: { before: string; after: string }) => {
    readonly exA: number | null;
    readonly exB: number | null;
    readonly n: number;
    readonly aOnly: number;
    readonly bOnly: number;
    readonly pValue: number;
    readonly deltaCi95: readonly [number, number] | null;
  };
  /** How the evidence names itself in `align` reports (default: "N fine-tuning experiments"). */
  readonly evidenceName?: string;
  /** Where the evidence applies (default: the experiments' targets). */
  readonly evidenceScope?: string;
}

export function studyStats(experiments: readonly Experiment[], options: StudyOptions = {}): StudyResult {
  const tooFew = options.bootstrap === undefined ? null : replicatesProblem(options.bootstrap, 'bootstrap');
  if (tooFew !== null) throw new UsageError(tooFew, ['bootstrap']);
  const groups = new Map<string, Experiment[]>();
  for (const e of experiments) groups.set(e.family, [...(groups.get(e.family) ?? []), e]);
  const withDelta = experiments.map((e) => ({ ...e, deltaEx: e.exAfter - e.exBefore }));
  const targets = [...new Set(experiments.map((e) => e.target).filter(Boolean))];
  return {
    overall: groupStats(experiments, options),
    evidence: evidenceOf(
      withDelta.map((e) => ({ ar: e.ar, klGap: e.klGap ?? null, deltaEx: e.deltaEx })),
      {
        name: options.evidenceName ?? `${experiments.length} fine-tuning experiments`,
        scope: options.evidenceScope ?? (targets.length ? `targets: ${targets.join(', ')}` : 'targets not named'),
        scale: options.scale ?? null,
      },
    ),
    families: Object.fromEntries(
      [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([f, list]) => [f, groupStats(list, options)]),
    ),
    experiments: withDelta,
  };
}

/**
 * Fewer experiments than this get no bootstrap interval: resampling 3 or 4 points gives intervals
 * that look precise and mean nothing. Groups below SMALL_GROUP are flagged in the reports.
 */
export const MIN_BOOTSTRAP_N = 8;
export const SMALL_GROUP = 10;

function groupStats(list: readonly Experiment[], options: StudyOptions): GroupStats {
  const ar = list.map((e) => e.ar);
  const delta = list.map((e) => e.exAfter - e.exBefore);
  const replicates = options.bootstrap ?? 2000;
  const seed = options.seed ?? 0;
  const p = pearson(ar, delta);
  const s = spearman(ar, delta);
  const l = pearson(
    ar.map((a) => Math.log(a)),
    delta,
  );
  const confusion = { arAboveGain: 0, arAboveNoGain: 0, arBelowGain: 0, arBelowNoGain: 0 };
  list.forEach((e, k) => {
    const gain = (delta[k] as number) > 0;
    if (e.ar > 1) confusion[gain ? 'arAboveGain' : 'arAboveNoGain']++;
    else confusion[gain ? 'arBelowGain' : 'arBelowNoGain']++;
  });
  const above = delta.filter((_, k) => (ar[k] as number) > 1);
  const below = delta.filter((_, k) => (ar[k] as number) <= 1);
  const interval = (statistic: (x: number[], y: number[]) => number | null) =>
    list.length < MIN_BOOTSTRAP_N ? null : bootstrapInterval(ar, delta, statistic, replicates, seed);
  return {
    n: list.length,
    pearson: { r: p.value, p: p.p, ci: interval((x, y) => pearson(x, y).value) },
    spearman: { rho: s.value, p: s.p, ci: interval((x, y) => spearman(x, y).value) },
    pearsonLogAr: { r: l.value, p: l.p },
    confusion,
    agreement: list.length === 0 ? null : (confusion.arAboveGain + confusion.arBelowNoGain) / list.length,
    meanDeltaEx: { arAbove1: above.length ? mean(above) : null, arAtMost1: below.length ? mean(below) : null },
  };
}

const number = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/**
 * Reads experiments from CSV or JSONL: model, family (default: the model), train, target,
 * ex_before, exAfter, optionally em_before and em_after, and either ar or the datasets from which
 * align computes it (target_path, train_path, pred_path; relative to the experiments file).
 */
export async function readExperiments(input: DatasetInput, options: StudyOptions = {}): Promise<Experiment[]> {
  const set = await resolveDataset(input, { requireSql: false });
  const base = typeof input === 'string' ? dirname(set.path) : '.';
  const records = await readAll(set);
  const arCache = new Map<string, Promise<{ ar: number; klGap: number }>>();
  const out: Experiment[] = [];
  for (const r of records) {
    const f = r.fields ?? {};
    const model = String(f.model ?? '');
    if (!model) throw new DataError(set.path, 'no model', r.where);
    const paired = pairedGainOf(f, base, set.path, r.where, options);
    const exBefore = paired ? paired.exBefore : number(f.ex_before);
    const exAfter = paired ? paired.exAfter : number(f.ex_after);
    if (exBefore === null || exAfter === null || Number.isNaN(exBefore) || Number.isNaN(exAfter)) {
      throw new DataError(set.path, 'ex_before and ex_after must be numbers', r.where);
    }
    let ar = number(f.ar);
    let klGap = number(f.kl_gap);
    if (ar === null) {
      const paths = [f.target_path, f.train_path, f.pred_path].map((p) =>
        typeof p === 'string' && p ? (isAbsolute(p) ? p : join(base, p)) : null,
      );
      if (paths.some((p) => p === null))
        throw new DataError(set.path, 'give ar, or target_path, train_path and pred_path', r.where);
      const key = paths.join('\u0001');
      if (!arCache.has(key)) {
        const [target, train, pred] = paths as [string, string, string];
        if (!options.ratioOf)
          throw new DataError(set.path, 'names datasets instead of an ar: give ratioOf to compute it', r.where);
        arCache.set(key, options.ratioOf({ target, train, pred }));
      }
      const computed = await (arCache.get(key) as Promise<{ ar: number; klGap: number }>);
      ar = computed.ar;
      klGap = computed.klGap;
    }
    if (!(ar > 0)) throw new DataError(set.path, `ar must be a positive number (got ${f.ar})`, r.where);
    out.push({
      model,
      family: String(f.family ?? model),
      train: String(f.train ?? f.train_path ?? ''),
      target: String(f.target ?? f.target_path ?? ''),
      ar,
      klGap: klGap !== null && Number.isFinite(klGap) ? klGap : null,
      exBefore: exBefore,
      exAfter: exAfter,
      emBefore: number(f.em_before),
      emAfter: number(f.em_after),
      ...(paired ? { paired: paired.gain } : {}),
    });
  }
  if (out.length === 0) throw new DataError(set.path, 'no experiments');
  checkOneScale(set.path, out);
  return out;
}

/**
 * A row's ΔEX from its two `eval --out` files (eval_before, eval_after; relative to the experiments
 * file): EX in percent, as the published tables give it, and the paired figures. Null where the row
 * names no such files; one of the two without the other is an error.
 */
function pairedGainOf(
  f: Readonly<Record<string, unknown>>,
  base: string,
  path: string,
  where: string,
  options: StudyOptions,
): { exBefore: number; exAfter: number; gain: PairedGain } | null {
  const given = [f.eval_before, f.eval_after].map((p) =>
    typeof p === 'string' && p ? (isAbsolute(p) ? p : join(base, p)) : null,
  );
  if (given.every((p) => p === null)) return null;
  if (given.some((p) => p === null))
    throw new DataError(path, 'give both eval_before and eval_after (results files of eval)', where);
  if (!options.pairedOf) throw new DataError(path, 'names results files of eval: give pairedOf to compare them', where);
  const [before, after] = given as [string, string];
  const c = options.pairedOf({ before, after });
  if (c.exA === null || c.exB === null) throw new DataError(path, `no item is judged in both ${before} and ${after}`, where);
  const ci = c.deltaCi95;
  return {
    exBefore: 100 * c.exA,
    exAfter: 100 * c.exB,
    gain: {
      n: c.n,
      aOnly: c.aOnly,
      bOnly: c.bOnly,
      pValue: c.pValue,
      deltaCi95: ci ? [100 * ci[0], 100 * ci[1]] : null,
      withinNoise: c.pValue >= 0.05,
    },
  };
}

/**
 * EX as shares (0–1) and as percentages (0–100) in one file would make ΔEX meaningless: a row
 * above 1 among rows that lie wholly in 0–1 is refused, naming both.
 */
function checkOneScale(path: string, experiments: readonly Experiment[]): void {
  const percent = experiments.findIndex((e) => e.exBefore > 1 || e.exAfter > 1);
  const share = experiments.findIndex((e) => e.exBefore <= 1 && e.exAfter <= 1 && (e.exBefore > 0 || e.exAfter > 0));
  if (percent >= 0 && share >= 0) {
    const p = experiments[percent] as Experiment;
    const q = experiments[share] as Experiment;
    throw new DataError(
      path,
      `EX on two scales: ${p.model} has ${p.exBefore}/${p.exAfter} (percent?) while ${q.model} has ${q.exBefore}/${q.exAfter} (a share?); give every EX on one scale`,
    );
  }
}
