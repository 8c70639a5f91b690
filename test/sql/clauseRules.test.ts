/**
 * The fail-safe's clause rules (sql/clauseRules.ts), one fixture row each in the repository's own
 * fixtures: the template of a query in the rule's dialect, and the names the rule must drop. Every
 * rule has its row; a rule tagged with dialects applies only in those (and in the generic dialect).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { CLAUSE_RULES, DDL_RULES, rulesOf } from '../../src/sql/clauseRules.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { FIXTURES_HERE } from '../helpers/paths.js';

interface RuleRow {
  readonly clause: string;
  readonly dialect: string;
  readonly sql: string;
  readonly template: string;
  /** Names of the query that the rule must drop. */
  readonly names: readonly string[];
}

const ROWS: RuleRow[] = readFileSync(join(FIXTURES_HERE, 'templates', 'clause-rules.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as RuleRow);

before(() => loadParser());

/** Every rule of both tables, each with the table it belongs to. */
const RULES = [
  ...CLAUSE_RULES.map((rule) => ({ rule, table: CLAUSE_RULES })),
  ...DDL_RULES.map((rule) => ({ rule, table: DDL_RULES })),
];

test('every clause rule has a fixture row, and every row names a rule', () => {
  assert.deepEqual(
    RULES.map(({ rule }) => rule.clause).filter((c) => !ROWS.some((row) => row.clause === c)),
    [],
  );
  assert.deepEqual(
    ROWS.map((row) => row.clause).filter((c) => !RULES.some(({ rule }) => rule.clause === c)),
    [],
  );
});

test('each rule drops the names of its clause: the fixture template, with none of the names in it', () => {
  for (const row of ROWS) {
    const result = new TemplateEngine(row.dialect).template(row.sql);
    assert.deepEqual(result, { template: row.template }, row.clause);
    const words = new Set(row.template.split(' '));
    for (const name of row.names) assert.ok(!words.has(name.toUpperCase()), `${row.clause}: ${name} kept`);
  }
});

test("a rule of some dialects applies in those and in the generic dialect only, and each row's dialect is among them", () => {
  for (const { rule, table } of RULES) {
    const row = ROWS.find((r) => r.clause === rule.clause) as RuleRow;
    const parser = dialectInfo(row.dialect).parserName;
    assert.ok(rulesOf(parser, table).includes(rule), `${rule.clause} in ${row.dialect}`);
    assert.ok(rulesOf('generic', table).includes(rule));
    if (rule.dialects !== 'all') {
      const other = ['sqlite', 'postgresql', 'tsql', 'clickhouse', 'snowflake'].find((d) => !rule.dialects.includes(d));
      assert.ok(other && !rulesOf(other, table).includes(rule), `${rule.clause} applied in ${other}`);
    }
  }
});
