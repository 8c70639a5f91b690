/**
 * A synthetic production log: real Spider and BIRD queries repeated with their literal values
 * varied, as a production log repeats the same shapes with different constants.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../src/stats/random.js';

/** The query with every number and '...' string replaced by a random value of the same kind. */
export function varyLiterals(sql: string, next: () => number): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, () => `'${Math.floor(next() * 1e6).toString(36)}'`)
    .replace(/(?<![\w.])\d+(\.\d+)?(?![\w.])/g, (m) =>
      m.includes('.') ? (next() * 1000).toFixed(2) : String(Math.floor(next() * 10000)),
    );
}

export async function writeSyntheticLog(path: string, sources: readonly string[], count: number, seed = 1): Promise<void> {
  const next = seededRandom(seed);
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
