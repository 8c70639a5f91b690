/** The whole `align` pipeline as one library call: load → template → features → compare. */
import { DataError, type DatasetInput, estimateQueries, resolveDataset, UsageError } from '../datasets/index.js';
import { buildQuerySet, type QuerySet } from '../features/querySet.js';
import { createTemplater } from '../sql/templater.js';
import { type AlignParams, type Comparison, compare, DEFAULT_ALPHA, DEFAULT_LMAX } from './compare.js';

export interface AlignOptions {
  readonly target: DatasetInput;
  readonly train: readonly DatasetInput[];
  readonly pred?: readonly DatasetInput[];
  readonly dialect?: string;
  readonly alpha?: number;
  readonly lmax?: number;
  readonly scale?: number;
  /** Worker threads for parsing; default: threads only for large inputs. */
  readonly workers?: number;
  readonly maxQueryLength?: number;
  /** Progress: which dataset, and how many of its queries are done. */
  readonly onProgress?: (name: string, done: number) => void;
}

export interface AlignResult extends Comparison {
  /** Every input reduced to its templates, target first, for reports that need more than the numbers. */
  readonly querySets: { readonly target: QuerySet; readonly train: readonly QuerySet[]; readonly pred: readonly QuerySet[] };
}

export async function align(options: AlignOptions): Promise<AlignResult> {
  const params: AlignParams = {
    dialect: options.dialect ?? 'sqlite',
    alpha: options.alpha ?? DEFAULT_ALPHA,
    lmax: options.lmax ?? DEFAULT_LMAX,
    scale: options.scale,
  };
  validateParams(params);
  const inputs = [options.target, ...options.train, ...(options.pred ?? [])];
  // Start the parser (threads or this thread) while the inputs are opened and read.
  const templaterReady = estimateQueries(inputs).then((expectedQueries) =>
    createTemplater(params.dialect, { workers: options.workers, expectedQueries }),
  );
  const datasets = await Promise.all(
    inputs.map((input) => resolveDataset(input, { maxQueryLength: options.maxQueryLength })),
  ).catch(async (err: unknown) => {
    await templaterReady.then((t) => t.close()).catch(() => {});
    throw err;
  });
  const templater = await templaterReady;
  try {
    const sets: QuerySet[] = [];
    for (const dataset of datasets) {
      const set = await buildQuerySet(dataset, templater, {
        onProgress: (done) => options.onProgress?.(dataset.name, done),
      });
      requireSomeParsed(set);
      sets.push(set);
    }
    const [target, ...rest] = sets as [QuerySet, ...QuerySet[]];
    const train = rest.slice(0, options.train.length);
    const pred = rest.slice(options.train.length);
    return { ...compare({ target, train, pred }, params), querySets: { target, train, pred } };
  } finally {
    await templater.close();
  }
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

function requireSomeParsed(set: QuerySet): void {
  if (set.unparseable === set.queries) {
    const first = set.unparseableExamples[0];
    const detail = first ? ` (first: ${first.where}: ${first.error})` : '';
    throw new DataError(set.path, `every one of its ${set.queries} queries is unparseable${detail}; is --dialect right?`);
  }
}
