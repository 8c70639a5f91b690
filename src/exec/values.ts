/**
 * Result values as the official evaluators (Python) compare them: 1 == 1.0, text by value,
 * bytes apart from text, NULL equal to NULL. Each value gets a canonical key so that rows can
 * be hashed into sets and bags.
 */
export type SqlValue = number | bigint | string | Uint8Array | Temporal | null;

/**
 * A date, time, timestamp or interval from a server, kept apart from text: Python's drivers hand
 * these over as date and time objects, which equal the same date or time and never a string.
 */
export class Temporal {
  constructor(readonly text: string) {}
}
export type Row = readonly SqlValue[];

export function valueKey(v: SqlValue): string {
  if (v === null) return 'z';
  if (typeof v === 'bigint') return `n${v}`;
  if (typeof v === 'number')
    return Number.isInteger(v) && Number.isSafeInteger(v) ? `n${v}` : Number.isInteger(v) ? `n${BigInt(v)}` : `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  if (v instanceof Temporal) return `t${v.text}`;
  return `b${Buffer.from(v).toString('hex')}`;
}

export const rowKey = (row: Row): string => row.map(valueKey).join('\u0001');

/**
 * A server's number sent as text (PostgreSQL's numeric and int8, MySQL's DECIMAL and BIGINT) as
 * Python's drivers hand it over: a number, and an integer beyond 2^53 with all its digits.
 */
export function numberFromText(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : BigInt(text);
}
