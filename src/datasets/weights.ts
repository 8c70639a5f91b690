/**
 * Weights (`--weight NAME=FIELD`): a log export holds one row per distinct query with how often it
 * ran, and each row's n-gram counts are multiplied by that number, so that a query run a million
 * times weighs a million times one run once. A `pg_stat_statements`-shaped export (a `calls`
 * column) is weighted by `calls` without asking; `NAME=none` turns that off.
 */
import { DataError } from './errors.js';
import type { InlineDataset } from './inline.js';
import { checkNamedDatasets, inputName, parseNamedValues } from './spec.js';

/** Dataset name → the field holding each item's weight, or 'none' (each item counts once, even with a `calls` column). */
export type WeightFields = Readonly<Record<string, string>>;

/**
 * The column a table dataset is weighted by without being asked: pg_stat_statements' `calls`. Other
 * exports name their counts otherwise (Query Store's `count_executions`, Snowflake's none): `--weight`.
 */
export const AUTOMATIC_WEIGHT = 'calls';

/** The weight field `weights` names for `input` ('none', a field, or undefined: the automatic rule). */
export function weightFieldOf(input: string | InlineDataset, weights: WeightFields | undefined): string | undefined {
  if (weights === undefined) return undefined;
  const name = inputName(input);
  return Object.hasOwn(weights, name) ? weights[name] : undefined;
}

/** Every name in `weights` is a dataset of the run, or a one-line usage error. */
export function checkWeightFields(weights: WeightFields | undefined, inputs: readonly (string | InlineDataset)[]): void {
  if (weights !== undefined) checkNamedDatasets('weight', Object.keys(weights), inputs);
}

/** `NAME=FIELD` arguments as a map; a malformed or repeated one is a usage error. */
export const parseWeightArguments = (values: readonly string[]): Record<string, string> =>
  parseNamedValues('weight', values, "NAME=FIELD (a dataset's name and its column, e.g. log=calls, or log=none)");

/** An item's weight from its field: a non-negative finite number (a number, or text that is one), else a one-line error naming the item. */
export function weightOf(value: unknown, field: string, file: string, where: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (value === undefined || value === null || value === '') throw new DataError(file, `no weight: '${field}' is missing`, where);
  if (!Number.isFinite(n))
    throw new DataError(file, `weight '${field}' is not a number (${JSON.stringify(value).slice(0, 40)})`, where);
  if (n < 0) throw new DataError(file, `weight '${field}' is negative (${n})`, where);
  return n;
}
