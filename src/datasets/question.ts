/** The natural-language question of an item, from the field its dataset names it by. */
import type { QueryRecord } from './record.js';

export const QUESTION_FIELDS = ['question', 'NLQ', 'sql_prompt', 'utterance', 'nl', 'text', 'prompt'];

export function questionOf(record: QueryRecord): string | null {
  for (const name of QUESTION_FIELDS) {
    const v = record.fields?.[name];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return null;
}
