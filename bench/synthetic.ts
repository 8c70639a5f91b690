/**
 * A synthetic production log: real Spider and BIRD queries repeated with their literal values
 * varied, as a production log repeats the same shapes with different constants.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same log. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The query with every number and '...' string replaced by a random value of the same kind. */
export function varyLiterals(sql: string, next: () => number): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, () => `'${Math.floor(next() * 1e6).toString(36)}'`)
    .replace(/(?<![\w.])\d+(\.\d+)?(?![\w.])/g, (m) =>
      m.includes('.') ? (next() * 1000).toFixed(2) : String(Math.floor(next() * 10000)),
    );
}

export async function writeSyntheticLog(path: string, sources: readonly string[], count: number, seed = 1): Promise<void> {
  const next = random(seed);
  const out = createWriteStream(path);
  let buffer = '';
  for (let k = 0; k < count; k++) {
    const sql = sources[Math.floor(next() * sources.length)] as string;
    buffer += `${varyLiterals(sql.replace(/\s+/g, ' '), next)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}
