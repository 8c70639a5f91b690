/**
 * The classic text-to-SQL sets as jkkummerfeld/text2sql-data keeps them (ATIS, GeoQuery, Advising,
 * Scholar, Restaurants, Academic, IMDB, Yelp; Finegan-Dollak et al., 2018): each record one SQL
 * (`sql`: equivalent variants, the first canonical) with the questions it answers (`sentences`,
 * each in a `question-split`). One item per SQL, weighted by its questions, so that the set counts
 * as its questions do; `#train`, `#dev`, `#test` (or a fold, `#0` …) keep the questions of that split.
 */
import type { QueryRecord } from '../record.js';
import { objectsOf, type TableSource } from './rows.js';

/** Whether a table's items are text2sql-data records: `sql` a list of strings, `sentences` a list of questions. */
export function holdsText2sqlData(columns: readonly string[], sample: readonly unknown[]): boolean {
  if (!columns.includes('sql') || !columns.includes('sentences')) return false;
  return (
    sample.length > 0 &&
    sample.every((row) => {
      const item = row as Record<string, unknown>;
      return Array.isArray(item.sql) && item.sql.every((s) => typeof s === 'string') && objectsOf(item.sentences) !== null;
    })
  );
}

const questionsOf = (item: Record<string, unknown>, split: string | undefined) =>
  (objectsOf(item.sentences) ?? []).filter((s) => split === undefined || s['question-split'] === split).length;

/** The question splits of the file, with how many questions each holds. */
export async function text2sqlSplits(table: TableSource): Promise<Map<string, number>> {
  const splits = new Map<string, number>();
  for await (const rows of table.batches()) {
    for (const row of rows) {
      for (const s of objectsOf((row.value as Record<string, unknown>).sentences) ?? []) {
        const split = String(s['question-split']);
        splits.set(split, (splits.get(split) ?? 0) + 1);
      }
    }
  }
  return splits;
}

/** One record per SQL with questions in `split` (every split: all of them), weighted by them unless `weighted` is false. */
export async function* text2sqlBatches(
  table: TableSource,
  split: string | undefined,
  weighted: boolean,
): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const rows of table.batches()) {
    const batch: QueryRecord[] = [];
    for (const row of rows) {
      const item = row.value as Record<string, unknown>;
      const questions = questionsOf(item, split);
      if (questions === 0) continue;
      const sql = (item.sql as string[])[0] ?? null;
      const fields = { 'query-split': item['query-split'], questions };
      batch.push({ i: i++, sql, where: row.where, fields, ...(weighted ? { weight: questions } : {}) });
    }
    if (batch.length > 0) yield batch;
  }
}
