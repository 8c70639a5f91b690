/** The whole `align` pipeline as one library call: inputs (inputs.ts: load → template) → features → compare → decide. */

import { UsageError } from '../datasets/index.js';
import { checkReadDialects } from '../datasets/readDialects.js';
import { checkWeightFields } from '../datasets/weights.js';
import { type Distribution, TemplateCounter } from '../features/distribution.js';
import { NgramIndex } from '../features/ngrams.js';
import { type QuerySet, requireSomeParsed } from '../features/querySet.js';
import { ReducedCache } from '../features/reducedCache.js';
import { replicatesProblem } from '../stats/interval.js';
import { type BootstrapResult, bootstrap } from './bootstrap.js';
import { type Explanation, explain } from './explain.js';
import {
  type AlignParams,
  type Comparison,
  compare,
  DEFAULT_ALPHA,
  DEFAULT_LMAX,
  distributionsOf,
  type RatioRow,
} from './figures.js';
import { openInputs, type TemplatedInputs, templateInputs } from './inputs.js';
import { type AlignOptions, bootstrapReplicates } from './options.js';
import { samplePerGroup, type TargetEntry, weightsOf } from './sample.js';
import { type SensitivityRow, sensitivity } from './sensitivity.js';
import { DEFAULT_SIZE_MATCH_REPLICATES, type SizeMatchedRatio, sizeMatchedRatios } from './sizeMatched.js';
import { type StrataResult, stratify } from './stratify.js';

export interface AlignResult extends Comparison {
  /** Every input reduced to its templates, target first, for reports that need more than the numbers. */
  readonly querySets: { readonly target: QuerySet; readonly train: readonly QuerySet[]; readonly pred: readonly QuerySet[] };
  readonly sample: { readonly perGroup: number; readonly by: string; readonly seed: number; readonly from: number } | null;
  readonly bootstrap: BootstrapResult | null;
  /** Per ratio, what the bootstrap interval says: AR above 1, at most 1, or either. */
  readonly confidence: readonly Confidence[];
  /** Per ratio, AR with the larger of its two sets drawn down to the smaller one's size (empty when turned off). */
  readonly sizeMatched: readonly SizeMatchedRatio[];
  readonly sensitivity: readonly SensitivityRow[];
  readonly explanations: readonly Explanation[] | null;
  readonly strata: StrataResult | null;
  /** What makes a figure doubtful: predictions that cannot be for the target's questions. */
  readonly warnings: readonly string[];
}

export type Confidence = 'fine-tune' | 'no-gain' | 'uncertain';

export async function align(options: AlignOptions): Promise<AlignResult> {
  const params: AlignParams = {
    dialect: options.dialect ?? 'sqlite',
    alpha: options.alpha ?? DEFAULT_ALPHA,
    lmax: options.lmax ?? DEFAULT_LMAX,
    scale: options.scale,
  };
  validateParams(params);
  checkReadDialects(options.read, [options.target, ...options.train, ...(options.pred ?? [])]);
  checkWeightFields(options.weights, [options.target, ...options.train, ...(options.pred ?? [])]);
  const tooFew = options.bootstrap === undefined ? null : replicatesProblem(options.bootstrap, 'bootstrap');
  if (tooFew !== null) throw new UsageError(tooFew, ['bootstrap']);
  const cache = ReducedCache.open(options.cache);
  const { inputs, templater } = await openInputs(options, params, cache);
  try {
    const templated = await templateInputs(await inputs, templater.get, cache, options, params);
    const warnings = inputWarnings(templated, options);
    for (const warning of warnings) options.onNote?.(warning);
    return analyze(templated, warnings, options, params);
  } finally {
    await templater.close().catch(() => {});
  }
}

/** What makes a figure doubtful: training sets holding target items, predictions that cannot be for the target. */
function inputWarnings(inputs: TemplatedInputs, options: AlignOptions): string[] {
  const { target, train, pred } = inputs;
  return [
    ...train.flatMap((set, k) => {
      const n = inputs.leaked[k] ?? 0;
      if (n === 0) return [];
      return options.dropOverlap
        ? [`${set.name}: left out ${n} items that are target items (--drop-overlap); ${set.queries} remain`]
        : [
            `${set.name} holds ${n} of the target's ${target.queries} items (the same question, or the same SQL on the same database): its low D measures leakage, not alignment; --drop-overlap leaves them out`,
          ];
    }),
    ...pred.flatMap((set, k) => predictionWarnings(target, set, inputs.targetDbIds, inputs.predDbIds[k] ?? [])),
  ];
}

/** Everything `align` computes from the templated inputs: the comparison, then what qualifies it. */
function analyze(inputs: TemplatedInputs, warnings: readonly string[], options: AlignOptions, params: AlignParams): AlignResult {
  const { train, pred, entries } = inputs;
  const fullTarget = inputs.target;
  const seed = options.seed ?? 0;
  const sampled = options.targetSample && entries ? samplePerGroup(entries, options.targetSample, seed) : null;
  const target = sampled ? sampleQuerySet(fullTarget, sampled) : fullTarget;
  if (sampled) requireSomeParsed(target);
  // Every template of the run expanded into n-grams once, for the distributions and the draws.
  const index = new NgramIndex(params.lmax);
  const distributions = distributionsOf({ target, train, pred }, params.lmax, index);
  const comparison = compare({ target, train, pred }, params, distributions);
  const run: Analysis = {
    target,
    train,
    pred,
    entries: sampled ?? entries,
    distributions,
    scale: comparison.params.scale,
    replicates: bootstrapReplicates(options),
    seed,
  };
  const boot = bootstrapOf(run, params);
  return {
    ...comparison,
    warnings,
    strata: options.by ? strataOf(run, options.by, params) : null,
    querySets: { target, train, pred },
    sample: sampled
      ? { perGroup: options.targetSample as number, by: options.sampleBy ?? 'db_id', seed, from: fullTarget.queries }
      : null,
    bootstrap: boot,
    confidence: confidenceOf(comparison.ratios, boot),
    sizeMatched: sizeMatchedOf(inputs, comparison, distributions.target, index, options, params),
    sensitivity: sensitivityOf(run, params),
    explanations: options.explain ? explanationsOf(run, params) : null,
  };
}

/** What the figures beyond the comparison are computed from: the (sampled) target and its entries, and the distributions. */
interface Analysis {
  readonly target: QuerySet;
  readonly train: readonly QuerySet[];
  readonly pred: readonly QuerySet[];
  /** The target's queries one by one (the sample's, if sampled); null when nothing asked for them. */
  readonly entries: readonly TargetEntry[] | null;
  readonly distributions: ReturnType<typeof distributionsOf>;
  /** The comparison's c. */
  readonly scale: number;
  readonly replicates: number;
  readonly seed: number;
}

function bootstrapOf(run: Analysis, params: AlignParams): BootstrapResult | null {
  if (run.replicates <= 0 || !run.entries) return null;
  const parsed = run.entries.filter((e) => e.template !== null);
  return bootstrap({
    targetTemplates: parsed.map((e) => e.template as string),
    targetWeights: weightsOf(parsed),
    others: run.distributions.others,
    trainIndex: run.train.map((_, k) => k),
    predIndex: run.pred.map((_, k) => run.train.length + k),
    alpha: params.alpha,
    lmax: params.lmax,
    scale: params.scale,
    replicates: run.replicates,
    seed: run.seed,
  });
}

function strataOf(run: Analysis, key: string, params: AlignParams): StrataResult | null {
  if (!run.entries) return null;
  return stratify({
    key,
    entries: run.entries,
    others: run.distributions.others,
    train: run.train.map((set) => set.name),
    pred: run.pred.map((set) => set.name),
    params: { ...params, scale: run.scale },
    targetTotal: run.distributions.target.total,
    replicates: run.replicates,
    seed: run.seed,
  });
}

function sensitivityOf(run: Analysis, params: AlignParams): SensitivityRow[] {
  if (run.pred.length === 0) return [];
  const named = (list: readonly QuerySet[]) => list.map((set) => ({ name: set.name, templates: set.templates }));
  return sensitivity({
    target: run.target.templates,
    train: named(run.train),
    pred: named(run.pred),
    scale: params.scale,
    // Shorter l_max are cut from the distributions already made, not counted again.
    distributions: { lmax: params.lmax, target: run.distributions.target, others: run.distributions.others },
  });
}

function explanationsOf(run: Analysis, params: AlignParams): Explanation[] {
  return [...run.train, ...run.pred].map((other, k) =>
    explain({
      role: k < run.train.length ? 'train' : 'pred',
      target: run.target,
      other,
      targetDistribution: run.distributions.target,
      otherDistribution: run.distributions.others[k] as Distribution,
      alpha: params.alpha,
    }),
  );
}

/** Per ratio, what its bootstrap interval says (without one, the point decision). */
function confidenceOf(ratios: readonly RatioRow[], boot: BootstrapResult | null): Confidence[] {
  return ratios.map((r, k) => {
    const ci = boot?.ratios[k];
    if (!ci) return r.decision;
    return ci[0] > 1 ? 'fine-tune' : ci[1] <= 1 ? 'no-gain' : 'uncertain';
  });
}

/** Each AR again with the larger of its two sets drawn down to the smaller one's size. */
function sizeMatchedOf(
  inputs: TemplatedInputs,
  comparison: Comparison,
  target: Distribution,
  index: NgramIndex,
  options: AlignOptions,
  params: AlignParams,
): SizeMatchedRatio[] {
  const replicates = options.sizeMatchReplicates ?? DEFAULT_SIZE_MATCH_REPLICATES;
  if (replicates <= 0) return [];
  const sized = (list: readonly QuerySet[], role: 'train' | 'pred') =>
    list.map((set) => ({
      name: set.name,
      templates: set.templates,
      kl: comparison.rows.find((r) => r.role === role && r.name === set.name)?.kl as number,
    }));
  return sizeMatchedRatios({
    target,
    train: sized(inputs.train, 'train'),
    pred: sized(inputs.pred, 'pred'),
    alpha: params.alpha,
    lmax: params.lmax,
    scale: comparison.params.scale,
    replicates,
    seed: options.seed ?? 0,
    index,
  });
}

/** The target reduced to the sampled items, each with its weight. */
function sampleQuerySet(full: QuerySet, sampled: readonly TargetEntry[]): QuerySet {
  const templates = new TemplateCounter();
  for (const e of sampled) if (e.template !== null && (e.weight ?? 1) > 0) templates.add(e.template, e.weight ?? 1);
  const weightOf = (list: readonly TargetEntry[]) => list.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  return {
    ...full,
    queries: sampled.length,
    unparseable: sampled.filter((e) => e.template === null).length,
    templates,
    ...(full.weighted
      ? {
          weighted: {
            field: full.weighted.field,
            total: weightOf(sampled),
            unparseable: weightOf(sampled.filter((e) => e.template === null)),
          },
        }
      : {}),
  };
}

function validateParams(params: AlignParams): void {
  if (!(params.alpha > 0) || !Number.isFinite(params.alpha))
    throw new UsageError(`alpha must be a positive number (got ${params.alpha})`);
  if (!Number.isInteger(params.lmax) || params.lmax < 1)
    throw new UsageError(`lmax must be a whole number ≥ 1 (got ${params.lmax})`);
  if (params.scale !== undefined && !(params.scale > 0 && Number.isFinite(params.scale))) {
    throw new UsageError(`scale must be a positive number (got ${params.scale})`);
  }
}

/**
 * Predictions are the base model's answers to the target's own questions: a prediction set of
 * another size, or whose db_ids differ from the target's item by item, answers other questions,
 * and its D (and every AR built on it) compares unrelated workloads.
 */
function predictionWarnings(
  target: QuerySet,
  pred: QuerySet,
  targetDbIds: readonly (string | undefined)[],
  predDbIds: readonly (string | undefined)[],
): string[] {
  if (pred.queries !== target.queries) {
    return [
      `${pred.name} has ${pred.queries} items but the target ${target.name} has ${target.queries}: predictions for another question set make its AR meaningless`,
    ];
  }
  let mismatches = 0;
  let first = -1;
  for (let k = 0; k < predDbIds.length; k++) {
    const a = targetDbIds[k];
    const b = predDbIds[k];
    if (a !== undefined && b !== undefined && a !== b) {
      mismatches++;
      if (first < 0) first = k;
    }
  }
  if (mismatches === 0) return [];
  return [
    `${pred.name}: ${mismatches} of its ${pred.queries} items name another database than the target's item at the same place (first: item ${first}, ${predDbIds[first]} vs ${targetDbIds[first]}): are they predictions for the target's questions, in order?`,
  ];
}

/** A training set without the target's items (counted into `left[k]`), read after the target. */
export function ratioFromDatasets(options: { dialect?: string; scale?: number } = {}) {
  return async (paths: { target: string; train: string; pred: string }): Promise<{ ar: number; klGap: number }> => {
    const result = await align({
      target: paths.target,
      train: [paths.train],
      pred: [paths.pred],
      sizeMatchReplicates: 0,
      ...options,
    });
    const ratio = result.ratios[0] as RatioRow;
    return { ar: ratio.ar, klGap: ratio.klGap };
  };
}
