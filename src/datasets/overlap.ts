/**
 * When is an item of one dataset an item of another? The same question, or the same SQL on the
 * same database (white space, case and a final `;` aside). A training pool that holds target
 * items trains on the test: a low D then means leakage, not alignment.
 *
 * Keys are 53-bit hashes of the normalised text, computed in one pass without building strings,
 * kept sorted in a typed array: a target of a million queries costs 8 MB, not a copy of every query.
 */
import { questionOf } from './question.js';
import type { QueryRecord } from './record.js';

export class ItemKeys {
  private readonly questions = new HashList();
  private readonly queries = new HashList();

  add(record: QueryRecord): void {
    this.addHashes(questionHash(record), queryHash(record));
  }

  has(record: QueryRecord): boolean {
    return this.hasHashes(questionHash(record), queryHash(record));
  }

  /** `add` from an item's two hashes (NaN where it has no question or no SQL), as kept by a cache. */
  addHashes(question: number, query: number): void {
    if (!Number.isNaN(question)) this.questions.add(question);
    if (!Number.isNaN(query)) this.queries.add(query);
  }

  /** `addHashes` for every item of a set at once, from its facts' arrays (no per-item list kept on the way). */
  addAllHashes(questions: Float64Array, queries: Float64Array): void {
    this.questions.addMany(questions);
    this.queries.addMany(queries);
  }

  hasHashes(question: number, query: number): boolean {
    if (!Number.isNaN(question) && this.questions.has(question)) return true;
    return !Number.isNaN(query) && this.queries.has(query);
  }
}

/** The hash an item's question is known by; NaN without a question. */
export function questionHash(record: QueryRecord): number {
  const q = questionOf(record);
  return q === null ? Number.NaN : normalizedHash(q, 0);
}

/** The hash of an item's SQL on its database; NaN without SQL. */
export function queryHash(record: QueryRecord): number {
  return record.sql ? normalizedHash(record.sql, seedOf(record.dbId)) : Number.NaN;
}

/** Hashes gathered, then (on the first look-up) sorted into 8 bytes each and binary-searched. */
class HashList {
  private pending: number[] = [];
  private sorted = new Float64Array(0);

  add(hash: number): void {
    this.pending.push(hash);
  }

  /** Every value that is not NaN, merged straight into the sorted array. */
  addMany(hashes: Float64Array): void {
    this.merge(hashes.filter((h) => !Number.isNaN(h)));
  }

  has(hash: number): boolean {
    if (this.pending.length > 0) {
      this.merge(this.pending);
      this.pending = [];
    }
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = this.sorted[mid] as number;
      if (value === hash) return true;
      if (value < hash) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private merge(hashes: ArrayLike<number>): void {
    if (hashes.length === 0) return;
    const all = new Float64Array(this.sorted.length + hashes.length);
    all.set(this.sorted);
    all.set(hashes, this.sorted.length);
    this.sorted = all.sort();
  }
}

const seedOf = (dbId: string | undefined) => (dbId === undefined ? 1 : normalizedHash(dbId, 2));

/**
 * A 53-bit hash (two 32-bit FNV-1a lanes) of the text lower-cased, trimmed, with runs of white
 * space as one space and without a final `;`: what `normalize` would give, hashed as it goes.
 */
function normalizedHash(text: string, seed: number): number {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 59 /* ; */) end--;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  let a = (0x811c9dc5 ^ seed) >>> 0;
  let b = (0x01000193 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  let space = false;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (isSpace(c)) {
      space = true;
      continue;
    }
    if (space) {
      a = Math.imul(a ^ 32, 0x01000193);
      b = Math.imul(b ^ 32, 0x5bd1e995);
      space = false;
    }
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = text[k]?.toLowerCase().charCodeAt(0) ?? c;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
