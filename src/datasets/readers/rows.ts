/** A row of a table-like source (JSON array, JSONL, CSV, Parquet) with where it sits. */
export interface SourceRow {
  readonly value: unknown;
  readonly where: string;
}

/** What a table-like reader gives: its column names (from a header or the first rows) and its rows, in batches. */
export interface TableSource {
  readonly columns: readonly string[];
  /** The first rows (up to 100), to tell text columns from structured ones. */
  readonly sample: readonly unknown[];
  batches(): AsyncIterable<readonly SourceRow[]>;
}

export const BATCH_SIZE = 4096;

/** Column names of the first object rows: enough to decide the fields without reading everything. */
export function columnsOf(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) seen.add(k);
  }
  return [...seen];
}
