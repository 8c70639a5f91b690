/**
 * A template never keeps a name (spec §1): every query of the shared real-data fixtures and of
 * the amended edge cases goes through the templater, and the test fails where a template token
 * is a name in that query (a token the parser's tokenizer reads as a bare or quoted identifier,
 * not followed by `(`, and not a keyword). The amended edge cases must also equal the reference.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { SPECIAL_WORDS } from '../../src/sql/keywords.js';
import { loadParser, tokenizeQuery } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import type { Golden } from '../helpers/golden.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

const read = (...parts: string[]) =>
  readFileSync(shared(...parts), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Golden);

/** The names in a query: identifier tokens not followed by `(` that are no keyword. */
function namesOf(sql: string, parserDialect: string): Set<string> {
  const tokenized = tokenizeQuery(sql, parserDialect);
  const names = new Set<string>();
  if (!tokenized.ok) return names;
  // A word that is also syntax somewhere in the query (a function name, a keyword) is not told apart by text.
  const syntax = new Set<string>();
  tokenized.tokens.forEach((t, k) => {
    const word = t.text.toUpperCase();
    const call = tokenized.tokens[k + 1]?.type === 'L_PAREN';
    if ((t.type !== 'VAR' && t.type !== 'QUOTED_IDENTIFIER') || call) syntax.add(word);
    else if (t.type === 'VAR' && (SPECIAL_WORDS.has(word) || word === 'INDEXED')) syntax.add(word);
    else names.add(word);
  });
  for (const word of syntax) names.delete(word);
  return names;
}

const FILES: [string, ...string[]][] = [
  ['spider dev', 'fixtures', 'templates', 'spider_dev.jsonl'],
  ['BIRD dev', 'fixtures', 'templates', 'bird_dev.jsonl'],
  ['BIRD mini-dev (SQLite)', 'fixtures', 'templates', 'bird_minidev_sqlite.jsonl'],
  ['BIRD mini-dev (MySQL)', 'fixtures', 'templates', 'bird_minidev_mysql.jsonl'],
  ['BIRD mini-dev (PostgreSQL)', 'fixtures', 'templates', 'bird_minidev_postgres.jsonl'],
  ['DIN-SQL predictions', 'fixtures', 'templates', 'spider_dev_din_sql_gpt4_pred.jsonl'],
  ['amended edge cases', 'fixtures', 'dialects', 'edge_cases_amended.jsonl'],
];

describe('no name ever leaks into a template', sharedOrSkip(), () => {
  before(loadParser);
  for (const [label, ...path] of FILES) {
    test(label, () => {
      const leaks: string[] = [];
      for (const row of read(...path)) {
        const parserDialect = dialectInfo(row.dialect).parserName;
        const got = templateOf(row.sql, parserDialect);
        if (!('template' in got)) continue;
        const names = namesOf(row.sql, parserDialect);
        const leaked = got.template.split(' ').filter((w) => names.has(w));
        if (leaked.length > 0) leaks.push(`item ${row.i}: ${leaked.join(', ')} in '${got.template}'`);
      }
      assert.deepEqual(leaks, []);
    });
  }

  test('the amended edge cases equal the reference, unparseable ones included', () => {
    for (const row of read('fixtures', 'dialects', 'edge_cases_amended.jsonl')) {
      const got = templateOf(row.sql, dialectInfo(row.dialect).parserName);
      if (row.error !== undefined) assert.ok('error' in got, `item ${row.i}: ${row.sql} should be unparseable`);
      else assert.deepEqual(got, { template: row.template }, `item ${row.i}: ${row.sql}`);
    }
  });
});
