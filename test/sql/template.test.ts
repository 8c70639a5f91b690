/** Templates (spec §1) on hand-made cases: portable ones in every dialect, and dialect-specific ones. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import { readJsonl } from '../helpers/jsonl.js';
import { ROOT } from '../helpers/paths.js';

interface Case {
  dialect?: string;
  sql: string;
  template?: string;
  error?: boolean;
}

const cases = (file: string): Case[] => readJsonl<Case>(join(ROOT, 'test', 'fixtures', 'templates', file));

function check(c: Case, dialect: string) {
  const got = templateOf(c.sql, dialectInfo(dialect).parserName);
  if (c.error) assert.ok('error' in got, `expected unparseable, got template '${'template' in got ? got.template : ''}'`);
  else assert.deepEqual(got, { template: c.template });
}

before(loadParser);

const PORTABLE_DIALECTS = ['sqlite', 'postgres', 'mysql', 'duckdb', 'snowflake', 'bigquery', 'tsql', 'trino'];

for (const dialect of PORTABLE_DIALECTS) {
  describe(`portable templates in ${dialect}`, () => {
    for (const c of cases('portable.jsonl')) test(c.sql, () => check(c, dialect));
  });
}

describe('dialect-specific templates', () => {
  for (const c of cases('dialects.jsonl')) test(`${c.dialect}: ${c.sql}`, () => check(c, c.dialect as string));
});
