/** A dataset made from queries in memory, for library users who already hold their SQL. */
import type { Dataset, QueryRecord } from './record.js';

export interface InlineDataset {
  readonly name: string;
  /** SQL strings, or rows as a dataset file holds them (a row's `db_id` names its database, as in Spider and BIRD). */
  readonly queries: readonly (string | { sql: string; db_id?: string; [field: string]: unknown })[];
}

export function inlineDataset(input: InlineDataset): Dataset {
  return {
    name: input.name,
    path: input.name,
    format: 'json',
    async *batches(): AsyncIterable<QueryRecord[]> {
      const records = input.queries.map(
        (q, i): QueryRecord =>
          typeof q === 'string'
            ? { i, sql: q, where: `item ${i}` }
            : { i, sql: q.sql, dbId: q.db_id, where: `item ${i}`, fields: q },
      );
      if (records.length > 0) yield records;
    },
  };
}
