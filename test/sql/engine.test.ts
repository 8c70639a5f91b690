/** The template cache gives exactly the parser's templates, parses once per shape, and learns syntax words. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { openDataset, readAll } from '../../src/datasets/index.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import { readJsonl } from '../helpers/jsonl.js';
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
  // With no keyword list at all, SYSDATE and SYSTIMESTAMP look like plain names until a parse shows otherwise.
  const engine = new TemplateEngine('postgres', { specialWords: new Set(['SELECT', 'FROM', 'WHERE']) });
  const run = (sql: string) => engine.template(sql);
  assert.deepEqual(run('SELECT a FROM t WHERE sysdate > d'), { template: 'SELECT FROM WHERE SYSDATE >' });
  assert.ok(engine.learnedWords.has('SYSDATE'));
  assert.deepEqual(run('SELECT a FROM t WHERE systimestamp > d'), { template: 'SELECT FROM WHERE SYSTIMESTAMP >' });
  assert.ok(engine.learnedWords.has('SYSTIMESTAMP'));
  assert.deepEqual(run('SELECT b FROM u WHERE sysdate > e'), { template: 'SELECT FROM WHERE SYSDATE >' });
  assert.deepEqual(run('SELECT b FROM u WHERE c > e'), { template: 'SELECT FROM WHERE >' });
  assert.deepEqual(run('SELECT b FROM u WHERE systimestamp > e'), { template: 'SELECT FROM WHERE SYSTIMESTAMP >' });
});

test('words the parser reads as syntax where a name stands never share a cached shape', () => {
  // The tokenizer calls these plain names (scripts/syntax-word-census.ts found them); a cached shape
  // of plain names must not answer for them.
  const words = ['sysdate', 'systimestamp', 'current_datetime', 'connect_by_root', 'approximate'];
  type Place = (w: string) => string;
  const places: Place[] = [
    (w) => `SELECT c0, ${w} FROM t`,
    (w) => `SELECT a FROM t WHERE ${w} = 1`,
    (w) => `SELECT ${w} + 1 FROM t`,
  ];
  const aliases: [string, Place][] = [
    ['indexed', (w) => `SELECT a FROM t ${w}, u`],
    ['match_condition', (w) => `SELECT a FROM t ${w}, u`],
    ['sysdate', (w) => `SELECT c0 ${w} FROM t`],
  ];
  const oracleOnly: [string, Place][] = [
    ['object_id', (w) => `SELECT c0, ${w} FROM t`],
    ['object_value', (w) => `SELECT c0, ${w} FROM t`],
  ];
  for (const dialect of ['sqlite', 'postgres', 'mysql', 'snowflake', 'oracle', 'tsql', 'redshift']) {
    const parser = dialectInfo(dialect).parserName;
    const cases: [string, Place][] = [
      ...words.flatMap((w) => places.map((place): [string, Place] => [w, place])),
      ...aliases,
      ...(dialect === 'oracle' ? oracleOnly : []),
    ];
    for (const [word, place] of cases) {
      const sql = place(word);
      // The same query with a plain name in the word's place first fills the cache.
      const engine = new TemplateEngine(dialect);
      engine.template(place('plain_name'));
      assert.deepEqual(engine.template(sql), templateOf(sql, parser), `${dialect}: ${sql}`);
    }
  }
});

test('a built-in type the template keeps never shares a shape with a type of the user’s own', () => {
  // PostgreSQL: a user's type is a name and dropped (`c mood`), a built-in one kept (`c tsvector`).
  const sql = 'CREATE TABLE person (id smallserial, tags tsvector, ranges int4range, email citext, c mood)';
  const engine = new TemplateEngine('postgres');
  engine.template('CREATE TABLE person (id zq0x, tags zq1x, ranges zq2x, email zq3x, c zq4x)');
  assert.deepEqual(engine.template(sql), templateOf(sql, 'postgresql'));
  assert.deepEqual(engine.template(sql), {
    template: 'CREATE TABLE ( SMALLSERIAL , TSVECTOR , INT4RANGE , CITEXT , )',
  });
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

describe('a cached template never depends on the names it masks', sharedOrSkip(), () => {
  // Every query of the shared fixtures (Spider, BIRD in three dialects, DIN-SQL's predictions,
  // sqlglot's dialect tests, the edge cases), after an engine has seen it with each masked name
  // renamed (the same word to the same name, or each occurrence to a name of its own), must get its
  // fresh template: a word the parser reads as syntax that the shape masks shows up here (SET
  // VARIABLE, POSITIONAL JOIN, U&'x').
  const files = ['dialects', 'templates']
    .flatMap((folder) => readdirSync(shared('fixtures', folder)).map((f) => shared('fixtures', folder, f)))
    .filter((f) => f.endsWith('.jsonl'));
  for (const consistent of [true, false]) {
    test(consistent ? 'the same word renamed alike' : 'every occurrence renamed apart', () => {
      let checked = 0;
      const differ: string[] = [];
      for (const file of files) {
        const fileDialect = /sqlglot_tests_(\w+)\.jsonl$/.exec(file)?.[1];
        for (const row of readJsonl<{ sql?: string; dialect?: string }>(file)) {
          const dialect = row.dialect ?? fileDialect ?? 'sqlite';
          if (typeof row.sql !== 'string') continue;
          const engine = new TemplateEngine(dialect);
          const renamed = renameMasked(row.sql, engine, consistent);
          if (renamed === row.sql) continue;
          engine.template(renamed);
          const cached = engine.template(row.sql);
          // A fresh engine's template (the engine reads T-SQL batches, which the parser alone does not).
          if (JSON.stringify(cached) !== JSON.stringify(new TemplateEngine(dialect).template(row.sql)))
            differ.push(`${dialect}: ${row.sql.slice(0, 100)}`);
          checked++;
        }
      }
      assert.deepEqual(differ, []);
      assert.ok(checked > 8000, `queries checked: ${checked}`);
    });
  }
});

function renameMasked(sql: string, engine: TemplateEngine, consistent: boolean): string {
  const names = new Map<string, string>();
  let out = '';
  let at = 0;
  for (const span of engine.shapeOf(sql)?.masked ?? []) {
    if (span.kind !== 'name') continue;
    const word = sql.slice(span.start, span.end).toUpperCase();
    const name = (consistent && names.get(word)) || `zq${names.size}x`;
    names.set(consistent ? word : `${word}#${span.start}`, name);
    out += sql.slice(at, span.start) + name;
    at = span.end;
  }
  return out + sql.slice(at);
}
