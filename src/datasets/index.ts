export { DataError, UsageError } from './errors.js';
export { type InlineDataset, inlineDataset } from './inline.js';
export { DEFAULT_MAX_QUERY_LENGTH, type LoadOptions, openDataset } from './load.js';
export type { Dataset, DatasetFormat, QueryRecord } from './record.js';
export { type DatasetSpec, defaultName, parseDatasetSpec } from './spec.js';

import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { estimateFileQueries } from './estimate.js';
import { type InlineDataset, inlineDataset } from './inline.js';
import { type LoadOptions, openDataset } from './load.js';
import { hashSqlFiles, sqlFilesAt } from './readers/sqlFiles.js';
import type { Dataset, QueryRecord } from './record.js';
import { defaultName, distinctNames, parseDatasetSpec } from './spec.js';

/** A dataset argument (`[label=]path[#field]`) or queries in memory. */
export type DatasetInput = string | InlineDataset;

export function resolveDataset(input: DatasetInput, options?: LoadOptions): Promise<Dataset> {
  return typeof input === 'string' ? openDataset(input, options) : Promise.resolve(inlineDataset(input));
}

/** Rough query count of the inputs (estimate.ts; a folder's files one each), to choose threads and the template cache. */
export async function estimateQueries(inputs: readonly DatasetInput[]): Promise<number> {
  let total = 0;
  for (const input of inputs) {
    const path = typeof input === 'string' ? parseDatasetSpec(input).path : '';
    const files = path === '' ? null : sqlFilesAt(path);
    if (typeof input !== 'string') total += input.queries.length;
    else if (files) total += files.names.length;
    else total += await estimateFileQueries(path);
  }
  return Math.round(total);
}

/** estimateQueries of each group of inputs (the group of an input by `groupOf`: e.g. the dialect it is written in). */
export async function estimateQueriesBy<K>(
  inputs: readonly DatasetInput[],
  groupOf: (input: DatasetInput) => K,
): Promise<Map<K, number>> {
  const groups = new Map<K, DatasetInput[]>();
  for (const input of inputs) {
    const key = groupOf(input);
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  return new Map(await Promise.all([...groups].map(async ([key, list]) => [key, await estimateQueries(list)] as const)));
}

/** Every record of a dataset, in order (convenient for small datasets and tests). */
export async function readAll(dataset: Dataset): Promise<QueryRecord[]> {
  const out: QueryRecord[] = [];
  for await (const batch of dataset.batches()) out.push(...batch);
  return out;
}

/**
 * A hash of what a dataset argument holds (the file's bytes and the field read from it, or the
 * queries given in memory): results made from one input are never reused for another.
 */
export async function inputHash(input: DatasetInput): Promise<string> {
  const hash = createHash('sha256');
  if (typeof input !== 'string') return hash.update(JSON.stringify(input)).digest('hex');
  const spec = parseDatasetSpec(input);
  hash.update(`${spec.field ?? ''}\0`);
  try {
    await hashBytes(spec.path, hash);
  } catch {
    // A file that cannot be read is reported by the reader, with its name.
  }
  return hash.digest('hex');
}

/** Feeds a dataset's bytes to a hash: the file's, or each file's of a folder of SQL files (with its name). */
export async function hashBytes(path: string, hash: Hash): Promise<void> {
  const files = sqlFilesAt(path);
  if (files) await hashSqlFiles(files, hash);
  else for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** The datasets of one report, renamed where their default labels collide (see distinctNames). */
export function withDistinctNames<D extends Pick<Dataset, 'name' | 'path' | 'field'>>(datasets: readonly D[]): D[] {
  const names = distinctNames(
    datasets.map((d) => ({ name: d.name, path: d.path, field: d.field, labelled: d.name !== defaultName(d.path, d.field) })),
  );
  return datasets.map((d, k) => (names[k] === d.name ? d : { ...d, name: names[k] as string }));
}
