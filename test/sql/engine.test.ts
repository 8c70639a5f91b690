/** The template cache gives exactly the parser's templates, parses once per shape, and learns syntax words. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import { EXAMPLES, shared, sharedOrSkip } from '../helpers/paths.js';

before(loadParser);

test('queries that differ only in names and literals are parsed once', () => {
  const engine = new TemplateEngine('sqlite');
  const queries = [
    "SELECT nickname FROM singer WHERE height > 30 AND country = 'France'",
    "SELECT title FROM song WHERE rating > 1999 AND genre = 'pop'",
    'SELECT T1.x FROM a AS T1 WHERE T1.y > 1 AND T1.z = "q"',
  ];
  for (const sql of queries) assert.deepEqual(engine.template(sql), templateOf(sql, 'sqlite'));
  assert.equal(engine.stats.parsed, 2, 'the first two share a shape; the third has a qualified name');
  assert.deepEqual(engine.template(queries[1] as string), { template: 'SELECT FROM WHERE > AND =' });
  assert.equal(engine.stats.parsed, 2);
});

test('a name the parser keeps as syntax is learned and never shares a cached shape', () => {
  // With no keyword list at all, YEAR and MONTH look like plain names until a parse shows otherwise.
  const engine = new TemplateEngine('postgres', { specialWords: new Set(['SELECT', 'FROM', 'EXTRACT']) });
  const run = (sql: string) => engine.template(sql);
  assert.deepEqual(run('SELECT EXTRACT(YEAR FROM d) FROM t'), { template: 'SELECT EXTRACT ( YEAR FROM ) FROM' });
  assert.ok(engine.learnedWords.has('YEAR'));
  assert.deepEqual(run('SELECT EXTRACT(MONTH FROM d) FROM t'), { template: 'SELECT EXTRACT ( MONTH FROM ) FROM' });
  assert.ok(engine.learnedWords.has('MONTH'));
  assert.deepEqual(run('SELECT EXTRACT(YEAR FROM e) FROM u'), { template: 'SELECT EXTRACT ( YEAR FROM ) FROM' });
  assert.deepEqual(run('SELECT EXTRACT(MONTH FROM e) FROM u'), { template: 'SELECT EXTRACT ( MONTH FROM ) FROM' });
});

test('words the parser reads as syntax where a name stands never share a cached shape', () => {
  // The tokenizer calls these plain names (scripts/syntax-word-census.ts found them); a cached shape
  // of plain names must not answer for them.
  const words = ['sysdate', 'systimestamp', 'current_datetime', 'connect_by_root', 'approximate'];
  const places = [
    (w: string) => `SELECT c0, ${w} FROM t`,
    (w: string) => `SELECT a FROM t WHERE ${w} = 1`,
    (w: string) => `SELECT ${w} + 1 FROM t`,
  ];
  const aliases = [
    ['indexed', (w: string) => `SELECT a FROM t ${w}, u`],
    ['match_condition', (w: string) => `SELECT a FROM t ${w}, u`],
    ['sysdate', (w: string) => `SELECT c0 ${w} FROM t`],
  ] as const;
  for (const dialect of ['sqlite', 'postgres', 'mysql', 'snowflake', 'oracle', 'tsql', 'redshift']) {
    const parser = dialectInfo(dialect).parserName;
    const cases: string[] = [
      ...words.flatMap((w) => places.map((place) => place(w))),
      ...aliases.map(([w, place]) => place(w)),
      ...(dialect === 'oracle' ? ['SELECT c0, object_id FROM t', 'SELECT c0, object_value FROM t'] : []),
    ];
    for (const sql of cases) {
      const engine = new TemplateEngine(dialect);
      engine.template(
        sql.replace(
          /\b(sysdate|systimestamp|current_datetime|connect_by_root|approximate|indexed|match_condition|object_id|object_value)\b/,
          'plain_name',
        ),
      );
      assert.deepEqual(engine.template(sql), templateOf(sql, parser), `${dialect}: ${sql}`);
    }
  }
});

test('errors are reported per query, never cached', () => {
  const engine = new TemplateEngine('sqlite');
  const bad = engine.template('SELECT FROM WHERE garbage ((');
  assert.ok('error' in bad);
  assert.ok('error' in engine.template('SELECT FROM WHERE rubbish (('));
  assert.equal(engine.stats.parsed, 2);
});

async function agreesWithParser(file: string, dialect: string) {
  const engine = new TemplateEngine(dialect);
  const parserName = dialectInfo(dialect).parserName;
  const records = await readAll(await openDataset(file));
  let differ = 0;
  for (const r of records) {
    const sql = r.sql ?? '';
    if (JSON.stringify(engine.template(sql)) !== JSON.stringify(templateOf(sql, parserName))) differ++;
  }
  assert.equal(differ, 0, `${differ} of ${records.length} cached templates differ from a fresh parse`);
  assert.ok(engine.stats.parsed < records.length);
}

test('cached templates equal fresh parses on the examples', async () => {
  await agreesWithParser(`${EXAMPLES}/spider_train_sample.sql`, 'sqlite');
  await agreesWithParser(`${EXAMPLES}/bird_dev_sample.json`, 'sqlite');
});

describe('cached templates equal fresh parses on whole shared datasets', sharedOrSkip(), () => {
  const golden = (file: string) => `${shared('fixtures', 'templates', file)}#sql`;
  test('Spider train (8,659 queries)', () => agreesWithParser(shared('data', 'spider', 'train_gold.sql'), 'sqlite'));
  test('BIRD dev', () => agreesWithParser(golden('bird_dev.jsonl'), 'sqlite'));
  test('BIRD mini-dev, PostgreSQL', () => agreesWithParser(golden('bird_minidev_postgres.jsonl'), 'postgres'));
  test('BIRD mini-dev, MySQL', () => agreesWithParser(golden('bird_minidev_mysql.jsonl'), 'mysql'));
  test('DIN-SQL predictions', () => agreesWithParser(golden('spider_dev_din_sql_gpt4_pred.jsonl'), 'sqlite'));
  test('the reference edge cases, each in its dialect', () => {
    for (const line of readFileSync(shared('fixtures', 'templates', 'edge_cases.jsonl'), 'utf8')
      .trim()
      .split('\n')) {
      const row = JSON.parse(line) as { dialect: string; sql: string };
      const engine = new TemplateEngine(row.dialect);
      const parserName = dialectInfo(row.dialect).parserName;
      assert.deepEqual(engine.template(row.sql), templateOf(row.sql, parserName), row.sql);
      assert.deepEqual(engine.template(row.sql), templateOf(row.sql, parserName), `${row.sql} (cached)`);
    }
  });
});
