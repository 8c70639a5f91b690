/** A dataset made from queries in memory, for library users who already hold their SQL. */
import type { Dataset, QueryRecord } from './record.js';

export interface InlineDataset {
  readonly name: string;
  readonly queries: readonly (string | { sql: string; db_id?: string; [field: string]: unknown })[];
}

export function inlineDataset(input: InlineDataset): Dataset {
  return {
    name: input.name,
    path: input.name,
    format: 'json',
    async *records(): AsyncIterable<QueryRecord> {
      for (let i = 0; i < input.queries.length; i++) {
        const q = input.queries[i];
        if (typeof q === 'string') yield { i, sql: q, where: `item ${i}` };
        else if (q) yield { i, sql: q.sql, db_id: q.db_id, where: `item ${i}`, fields: q };
      }
    },
  };
}
