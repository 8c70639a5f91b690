/** Spider's tokenizer, parser, hardness and exact set match on hand-made queries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactMatch, hardness, rebuildForMatch } from '../../src/spider/exactMatch.js';
import { EMPTY_SQL, parseSpiderSql } from '../../src/spider/parse.js';
import { foreignKeyMap, SpiderSchema, schemaFromTablesJson } from '../../src/spider/schema.js';
import { spiderTokenize, wordTokenize } from '../../src/spider/tokenize.js';
import { SINGER_TABLES } from '../helpers/db.js';

const schema = new SpiderSchema(schemaFromTablesJson(SINGER_TABLES));
const kmap = foreignKeyMap(SINGER_TABLES);
const em = (pred: string, gold: string) => {
  let p = EMPTY_SQL();
  try {
    p = parseSpiderSql(schema, pred);
  } catch {}
  return exactMatch(rebuildForMatch(p, schema, kmap), rebuildForMatch(parseSpiderSql(schema, gold), schema, kmap));
};

test("NLTK's Treebank rules as the evaluator sees SQL", () => {
  assert.deepEqual(wordTokenize('SELECT count(*) FROM t WHERE a>=3'), [
    'SELECT',
    'count',
    '(',
    '*',
    ')',
    'FROM',
    't',
    'WHERE',
    'a',
    '>',
    '=3',
  ]);
  assert.deepEqual(spiderTokenize("SELECT T1.name FROM singer AS T1 WHERE age != 3 AND b = 'x y'"), [
    'select',
    't1.name',
    'from',
    'singer',
    'as',
    't1',
    'where',
    'age',
    '!=',
    '3',
    'and',
    'b',
    '=',
    '"x y"',
  ]);
  assert.throws(() => spiderTokenize("SELECT 'unbalanced"), /Unexpected quote/);
});

test('exact set match ignores values, DISTINCT, select order and join order, and follows foreign keys', () => {
  assert.equal(em('SELECT name FROM singer WHERE age > 30', 'SELECT name FROM singer WHERE age > 50'), true);
  assert.equal(em('SELECT DISTINCT name, country FROM singer', 'SELECT country, name FROM singer'), true);
  assert.equal(
    em(
      'SELECT T2.year FROM concert AS T2 JOIN singer AS T1 ON T2.singer_id = T1.singer_id',
      'SELECT T2.year FROM singer AS T1 JOIN concert AS T2 ON T1.singer_id = T2.singer_id',
    ),
    true,
  );
  assert.equal(em('SELECT name FROM singer WHERE age > 30', 'SELECT name FROM singer WHERE age < 30'), false);
  assert.equal(em('SELECT name FROM singer ORDER BY age', 'SELECT name FROM singer ORDER BY age DESC'), false);
});

test('what the official parser cannot read scores 0: INNER JOIN, column aliases, aliases without AS', () => {
  const gold = 'SELECT T2.year FROM singer AS T1 JOIN concert AS T2 ON T1.singer_id = T2.singer_id';
  assert.equal(em('SELECT T2.year FROM singer AS T1 INNER JOIN concert AS T2 ON T1.singer_id = T2.singer_id', gold), false);
  assert.equal(em('SELECT count(*) AS n FROM singer', 'SELECT count(*) FROM singer'), false);
  assert.equal(em('SELECT s.name FROM singer s', 'SELECT name FROM singer'), false);
});

test('hardness levels', () => {
  const h = (q: string) => hardness(parseSpiderSql(schema, q));
  assert.equal(h('SELECT count(*) FROM singer'), 'easy');
  assert.equal(h('SELECT name, country FROM singer WHERE age > 20'), 'medium');
  assert.equal(h('SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer)'), 'hard');
  // One nested query and nothing else is hard; with two WHERE conditions besides, extra.
  assert.equal(h('SELECT name FROM singer WHERE age > 1 INTERSECT SELECT name FROM singer WHERE country = "x"'), 'hard');
  assert.equal(
    h('SELECT name FROM singer WHERE age > 1 AND country = "x" INTERSECT SELECT name FROM singer WHERE country = "y"'),
    'extra',
  );
});
