/**
 * Result values as the official evaluators (Python) compare them: 1 == 1.0, text by value,
 * bytes apart from text, NULL equal to NULL. Each value gets a canonical key so that rows can
 * be hashed into sets and bags.
 */
export type SqlValue = number | bigint | string | Uint8Array | null;
export type Row = readonly SqlValue[];

export function valueKey(v: SqlValue): string {
  if (v === null) return 'z';
  if (typeof v === 'bigint') return `n${v}`;
  if (typeof v === 'number')
    return Number.isInteger(v) && Number.isSafeInteger(v) ? `n${v}` : Number.isInteger(v) ? `n${BigInt(v)}` : `n${v}`;
  if (typeof v === 'string') return `s${v}`;
  return `b${Buffer.from(v).toString('hex')}`;
}

export const rowKey = (row: Row): string => row.map(valueKey).join('\u0001');
