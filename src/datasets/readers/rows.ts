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
  /** What a user should know about how the source was read (e.g. a CSV's separator, where it is not a comma). */
  readonly notes?: readonly string[];
}

export const BATCH_SIZE = 4096;

/** A JSON object (not an array, not null): what a row, a turn or an interaction is. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A list of JSON objects (turns of a conversation or an interaction); null for anything else. */
export const objectsOf = (value: unknown): Record<string, unknown>[] | null =>
  Array.isArray(value) && value.every(isObject) ? value : null;

/** The database id an item names in its `dbField`, as text (undefined without one). */
export function dbIdOf(fields: Readonly<Record<string, unknown>>, dbField: string | undefined): string | undefined {
  const db = dbField === undefined ? undefined : fields[dbField];
  return db === undefined || db === null ? undefined : String(db);
}

/** Column names of the first object rows: enough to decide the fields without reading everything. */
export function columnsOf(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const v of values) if (isObject(v)) for (const k of Object.keys(v)) seen.add(k);
  return [...seen];
}
