/**
 * A template never keeps a name (spec §1): every query of the shared fixtures (real data, the
 * amended edge cases, and sqlglot's own dialect tests in 12 dialects) goes through the templater,
 * and the test fails where a template token is a name in that query (a token the parser's
 * tokenizer reads as a bare or quoted identifier, not followed by `(`, and not a keyword). In the
 * dialect tests a word the reference's template keeps too is syntax by the spec's own reading
 * (type names, option keys); the few leaks left are listed with their reason in
 * test/fixtures/known-name-leaks.json, and a listed leak that no longer leaks fails too, so the
 * list only shrinks. The amended edge cases must also equal the reference.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import type { Golden } from '../helpers/golden.js';
import { readJsonl } from '../helpers/jsonl.js';
import { leakedNames, namesOf } from '../helpers/names.js';
import { FIXTURES_HERE, shared, sharedOrSkip } from '../helpers/paths.js';

const read = (...parts: string[]) => readJsonl<Golden>(shared(...parts));

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

  const known = JSON.parse(readFileSync(`${FIXTURES_HERE}/known-name-leaks.json`, 'utf8')) as Record<
    string,
    Record<string, { words: string; reason: string }>
  >;
  const dialectFiles = readdirSync(shared('fixtures', 'dialects')).filter((f) => f.startsWith('sqlglot_tests_'));
  test("sqlglot's dialect tests: 12 dialects", () => {
    assert.equal(dialectFiles.length, 12);
    const unexpected: string[] = [];
    const stale: string[] = [];
    for (const file of dialectFiles) {
      const listed = known[file] ?? {};
      const seen = new Set<string>();
      for (const row of read('fixtures', 'dialects', file)) {
        const parserDialect = dialectInfo(row.dialect).parserName;
        const got = templateOf(row.sql, parserDialect);
        if (!('template' in got)) continue;
        const leaked = leakedNames(got.template, row.sql, parserDialect, row.template);
        if (leaked.length === 0) continue;
        seen.add(String(row.i));
        if (listed[String(row.i)]?.words !== leaked.join(', ')) {
          unexpected.push(`${file} item ${row.i}: ${leaked.join(', ')} in '${got.template}'`);
        }
      }
      for (const i of Object.keys(listed)) if (!seen.has(i)) stale.push(`${file} item ${i}`);
    }
    assert.deepEqual(unexpected, [], 'names in templates that known-name-leaks.json does not list');
    assert.deepEqual(stale, [], 'listed in known-name-leaks.json but no longer leaking: take them off the list');
  });

  test('the amended edge cases equal the reference, unparseable ones included', () => {
    for (const row of read('fixtures', 'dialects', 'edge_cases_amended.jsonl')) {
      const got = templateOf(row.sql, dialectInfo(row.dialect).parserName);
      if (row.error !== undefined) assert.ok('error' in got, `item ${row.i}: ${row.sql} should be unparseable`);
      else assert.deepEqual(got, { template: row.template }, `item ${row.i}: ${row.sql}`);
    }
  });
});
