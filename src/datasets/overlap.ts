/**
 * When is an item of one dataset an item of another? The same question, or the same SQL on the
 * same database (white space, case and a final `;` aside). A training pool that holds target
 * items trains on the test: a low D then means leakage, not alignment.
 */
import { questionOf } from './question.js';
import type { QueryRecord } from './record.js';

export class ItemKeys {
  private readonly questions = new Set<string>();
  private readonly queries = new Set<string>();

  add(record: QueryRecord): void {
    const q = questionOf(record);
    if (q !== null) this.questions.add(normalize(q));
    if (record.sql) this.queries.add(sqlKey(record));
  }

  has(record: QueryRecord): boolean {
    const q = questionOf(record);
    if (q !== null && this.questions.has(normalize(q))) return true;
    return record.sql !== null && record.sql !== '' && this.queries.has(sqlKey(record));
  }
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').replace(/;$/, '').toLowerCase();
const sqlKey = (record: QueryRecord) => `${record.db_id ?? ''}\u0000${normalize(record.sql ?? '')}`;
