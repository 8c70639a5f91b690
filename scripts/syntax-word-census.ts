/**
 * Finds words the parser reads as syntax where a name stands although its tokenizer calls them
 * plain names (VAR tokens), such as `SYSDATE` and `CONNECT_BY_ROOT`. The shape cache and the
 * folding of long repeats trust every VAR word outside `SPECIAL_WORDS` (src/sql/keywords.ts) to be
 * a name wherever it stands, so each word printed here must be added to that list.
 *
 * Run after upgrading @polyglot-sql/sdk: `node --import tsx scripts/syntax-word-census.ts
 * [dialect,…]` (about a minute and a half per dialect on two cores). The candidates are every
 * upper-case run of letters, digits and `_` in the parser's WebAssembly module, and every piece of
 * one (its keyword tables are runs of words written without separators); each candidate the
 * tokenizer calls a plain name is tried, in batches, in seven places a name stands, against the
 * same query with made-up names. It prints `dialect word places` per word found. (Eleven more places
 * were tried once, on 2026-12-01 in eight dialects: `AS` aliases, `ORDER BY`, `GROUP BY`, joined
 * tables, CTE names, insert and update columns, function arguments, `IN` lists, qualified columns,
 * the right of a comparison; they found no word beyond these seven places'.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DIALECT_NAMES, dialectInfo } from '../src/sql/dialects.js';
import { SPECIAL_WORDS } from '../src/sql/keywords.js';
import { loadParser, tokenizeQuery } from '../src/sql/parser.js';
import { templateOf } from '../src/sql/template.js';

const MAX_WORD = 32;
const BATCH = 400;

/** The places a name stands, each as a query holding a batch of words there. */
const PLACES: readonly [string, (words: readonly string[]) => string][] = [
  ['item', (ws) => `SELECT c0, ${ws.join(', ')} FROM t`],
  ['alias', (ws) => `SELECT ${ws.map((w, i) => `c${i} ${w}`).join(', ')} FROM t`],
  ['where', (ws) => `SELECT a FROM t WHERE ${ws.map((w) => `${w} = 1`).join(' AND ')}`],
  ['table', (ws) => `SELECT a FROM ${ws.join(', ')}`],
  ['table-alias', (ws) => `SELECT a FROM ${ws.map((w, i) => `t${i} ${w}`).join(', ')}`],
  ['qualifier', (ws) => `SELECT ${ws.map((w) => `${w}.a`).join(', ')} FROM t`],
  ['operand', (ws) => `SELECT ${ws.map((w) => `${w} + 1`).join(', ')} FROM t`],
];

function candidates(wasm: Buffer): string[] {
  const words = new Set<string>();
  for (const run of wasm.toString('latin1').match(/[A-Z][A-Z0-9_]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      if (!/[A-Z_]/.test(run[i] as string)) continue;
      for (let j = i + 2; j <= Math.min(run.length, i + MAX_WORD); j++) words.add(run.slice(i, j));
    }
  }
  return [...words].filter((w) => !SPECIAL_WORDS.has(w)).sort();
}

await loadParser();
const require = createRequire(import.meta.url);
const sdkDir = dirname(require.resolve('@polyglot-sql/sdk'));
const all = candidates(readFileSync(join(sdkDir, 'polyglot_sql.wasm')));
// One dialect per parser dialect (`postgres` and `postgresql` are one).
const dialects = process.argv[2]?.split(',') ?? [...new Map(DIALECT_NAMES.map((d) => [dialectInfo(d).parserName, d])).values()];
process.stderr.write(`${all.length} candidate words\n`);

for (const dialect of dialects) {
  const parser = dialectInfo(dialect).parserName;
  const plain = all.filter((w) => {
    const tokenized = tokenizeQuery(w, parser);
    return tokenized.ok && tokenized.tokens.length === 1 && tokenized.tokens[0]?.type === 'VAR';
  });
  const found = new Map<string, string[]>();
  for (const [place, query] of PLACES) {
    const template = (words: readonly string[]) => {
      const result = templateOf(query(words), parser);
      return 'template' in result ? result.template : 'error';
    };
    const madeUp = new Map<number, string>(); // by batch size: the template with made-up names
    const tryBatch = (words: readonly string[]): void => {
      let expected = madeUp.get(words.length);
      if (expected === undefined) {
        expected = template(words.map((_, i) => `zq${i}x`));
        madeUp.set(words.length, expected);
      }
      if (template(words) === expected) return;
      if (words.length === 1) {
        const word = words[0] as string;
        found.set(word, [...(found.get(word) ?? []), place]);
        return;
      }
      const half = words.length >> 1;
      tryBatch(words.slice(0, half));
      tryBatch(words.slice(half));
    };
    for (let i = 0; i < plain.length; i += BATCH) tryBatch(plain.slice(i, i + BATCH));
  }
  for (const [word, places] of found) process.stdout.write(`${dialect}\t${word}\t${places.join(',')}\n`);
  process.stderr.write(`${dialect}: ${plain.length} plain to the tokenizer, ${found.size} read as syntax\n`);
}
