/**
 * What `templates --help` and the README say of each dialect is what the templater does: on
 * sqlglot's own dialect tests, the share of identical templates where both sides parse equals
 * MEASURED_AGREEMENT to its printed digit. A rule change that moves it must move the figure too
 * (and the README's table), up or down.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { dialectInfo, MEASURED_AGREEMENT } from '../../src/sql/dialects.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import type { Golden } from '../helpers/golden.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

describe('measured agreement per dialect', sharedOrSkip(), () => {
  before(loadParser);
  for (const [dialect, stated] of Object.entries(MEASURED_AGREEMENT)) {
    test(`${dialect}: ${stated}%`, () => {
      const rows = readFileSync(shared('fixtures', 'dialects', `sqlglot_tests_${dialect}.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Golden);
      let both = 0;
      let same = 0;
      for (const row of rows) {
        if (row.template === undefined) continue;
        const got = templateOf(row.sql, dialectInfo(row.dialect).parserName);
        if (!('template' in got)) continue;
        both++;
        if (got.template === row.template) same++;
      }
      assert.equal((Math.round((1000 * same) / both) / 10).toFixed(1), stated.toFixed(1));
    });
  }
});
