/**
 * Multi-turn text-to-SQL as SParC and CoSQL keep it: each item an interaction, `{database_id,
 * interaction: [{utterance, query, …}, …], final: {…}}`. Every turn is a query the model must write,
 * so every turn is an item (`interaction[].query`, its utterance the question); `final` restates
 * the last turn's goal and is not read again.
 */
import type { QueryRecord } from '../record.js';
import { dbIdOf, objectsOf, type TableSource } from './rows.js';

export const INTERACTION_COLUMN = 'interaction';

/** Whether a table's items are interactions: an `interaction` list of turns that hold `query` text. */
export function holdsInteractions(columns: readonly string[], sample: readonly unknown[]): boolean {
  if (!columns.includes(INTERACTION_COLUMN)) return false;
  let seen = false;
  for (const row of sample) {
    const value = (row as Record<string, unknown> | null)?.[INTERACTION_COLUMN];
    if (value === null || value === undefined) continue;
    const turns = objectsOf(value);
    if (!turns?.every((t) => typeof t.query === 'string' || t.query === null || t.query === undefined)) return false;
    if (turns.some((t) => typeof t.query === 'string')) seen = true;
  }
  return seen;
}

/** One record per turn, numbered across interactions; the interaction's database on each. */
export async function* interactionBatches(table: TableSource, dbField: string | undefined): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const rows of table.batches()) {
    const batch: QueryRecord[] = [];
    for (const row of rows) {
      const item = (row.value ?? {}) as Record<string, unknown>;
      const dbId = dbIdOf(item, dbField);
      (objectsOf(item[INTERACTION_COLUMN]) ?? []).forEach((turn, k) => {
        const { sql: _parsed, ...fields } = turn;
        const sql = typeof turn.query === 'string' ? turn.query : null;
        batch.push({ i: i++, sql, dbId, where: `${row.where}, turn ${k + 1}`, fields: { ...fields, turn: k + 1 } });
      });
    }
    yield batch;
  }
}
