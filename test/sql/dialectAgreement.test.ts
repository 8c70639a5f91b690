/**
 * What `templates --help` and the README say of each dialect is what the templater does: on
 * sqlglot's own dialect tests, the share of identical templates where both sides parse equals
 * MEASURED_AGREEMENT to its printed digit. A rule change that moves it must move the figure too
 * (and the README's table), up or down. And every query that differs is listed, with its reason,
 * in test/fixtures/known-dialect-differences.json: a new difference fails, and so does a listed
 * one that no longer differs or differs otherwise.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { dialectInfo, MEASURED_AGREEMENT } from '../../src/sql/dialects.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import type { Golden } from '../helpers/golden.js';
import { readJsonl } from '../helpers/jsonl.js';
import { ROOT, shared, sharedOrSkip } from '../helpers/paths.js';

interface KnownDifference {
  readonly i: number;
  readonly reference: string;
  readonly ours: string;
  readonly reason: string;
}

const KNOWN = (
  JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'known-dialect-differences.json'), 'utf8')) as {
    differences: Record<string, KnownDifference[]>;
  }
).differences;

describe('measured agreement per dialect', sharedOrSkip(), () => {
  before(loadParser);
  for (const [dialect, stated] of Object.entries(MEASURED_AGREEMENT)) {
    test(`${dialect}: ${stated}%`, () => {
      const rows = readJsonl<Golden>(shared('fixtures', 'dialects', `sqlglot_tests_${dialect}.jsonl`));
      let both = 0;
      let same = 0;
      const differing: Omit<KnownDifference, 'reason'>[] = [];
      for (const row of rows) {
        if (row.template === undefined) continue;
        const got = templateOf(row.sql, dialectInfo(row.dialect).parserName);
        if (!('template' in got)) continue;
        both++;
        if (got.template === row.template) same++;
        else differing.push({ i: row.i, reference: row.template, ours: got.template });
      }
      assert.equal((Math.round((1000 * same) / both) / 10).toFixed(1), stated.toFixed(1));
      const listed = (KNOWN[dialect] ?? []).map(({ i, reference, ours }) => ({ i, reference, ours }));
      assert.deepEqual(differing, listed, 'every difference listed, as it is, in known-dialect-differences.json');
      assert.ok((KNOWN[dialect] ?? []).every((d) => d.reason.length > 0));
    });
  }
});

test("the reference-agreement page's table states the measured agreement of every dialect", () => {
  const readme = readFileSync(join(ROOT, 'docs', 'reference-agreement.md'), 'utf8');
  const shown: Record<string, string> = {
    BigQuery: 'bigquery',
    ClickHouse: 'clickhouse',
    DuckDB: 'duckdb',
    MySQL: 'mysql',
    Oracle: 'oracle',
    PostgreSQL: 'postgres',
    Redshift: 'redshift',
    Snowflake: 'snowflake',
    Spark: 'spark',
    SQLite: 'sqlite',
    Trino: 'trino',
    'T-SQL': 'tsql',
  };
  const stated: Record<string, number> = {};
  for (const [, name, pct] of readme.matchAll(/^ {2}\| ([A-Za-z-]+) \| ([\d.]+)% of [\d,]+ \|/gm)) {
    stated[shown[name as string] ?? (name as string)] = Number(pct);
  }
  assert.deepEqual(stated, { ...MEASURED_AGREEMENT });
});
