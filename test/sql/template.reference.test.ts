/**
 * Templates against the independent sqlglot reference (../shared/fixtures/templates): at least
 * 99.5% identical per file, every query the reference finds unparseable found unparseable here,
 * and no difference that is not listed and explained in test/fixtures/known-template-differences.json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import type { Golden } from '../helpers/golden.js';
import { readJsonl } from '../helpers/jsonl.js';
import { ROOT, shared, sharedOrSkip } from '../helpers/paths.js';

const known = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'known-template-differences.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

describe('templates agree with the sqlglot reference', sharedOrSkip(), () => {
  before(loadParser);
  const dir = shared('fixtures', 'templates');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    test(file, () => {
      const rows = readJsonl<Golden>(join(dir, file));
      const differing: number[] = [];
      for (const row of rows) {
        const got = templateOf(row.sql, dialectInfo(row.dialect).parserName);
        if (row.error !== undefined) {
          assert.ok(
            'error' in got,
            `${file} item ${row.i}: the reference finds it unparseable, here: '${'template' in got ? got.template : ''}'`,
          );
        } else if (!('template' in got) || got.template !== row.template) {
          differing.push(row.i);
        }
      }
      const agreement = 1 - differing.length / rows.length;
      assert.ok(agreement >= 0.995, `${file}: ${(100 * agreement).toFixed(2)}% identical, below 99.5%`);
      const unexplained = differing.filter((i) => !(String(i) in (known[file] ?? {})));
      assert.deepEqual(unexplained, [], `${file}: differences not in known-template-differences.json`);
    });
  }
});
