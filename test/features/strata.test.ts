/** Strata: the built-in ones on hand-made templates, and per-stratum figures that add up to the whole. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { align } from '../../src/align/align.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { builtInStratum, stratumOf, subqueryDepth } from '../../src/features/strata.js';
import { seededRandom, shuffleInPlace } from '../../src/stats/random.js';
import { makeSingerDb } from '../helpers/db.js';
import { EXAMPLES, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

test('length bins', () => {
  assert.equal(builtInStratum('length', 'SELECT COUNT ( * ) FROM'), '01–10 tokens');
  assert.equal(builtInStratum('length', Array(15).fill('X').join(' ')), '11–20 tokens');
  assert.equal(builtInStratum('length', Array(31).fill('X').join(' ')), '31+ tokens');
});

test('joins: 0, 1, 2+ (INNER and LEFT joins count)', () => {
  assert.equal(builtInStratum('joins', 'SELECT FROM WHERE ='), '0 joins');
  assert.equal(builtInStratum('joins', 'SELECT FROM INNER JOIN ON ='), '1 join');
  assert.equal(builtInStratum('joins', 'SELECT FROM JOIN ON = LEFT JOIN ON = JOIN ON ='), '2+ joins');
});

test('nesting: the depth of subqueries, not of parentheses', () => {
  assert.equal(subqueryDepth('SELECT COUNT ( * ) FROM'.split(' ')), 0);
  assert.equal(subqueryDepth('SELECT FROM WHERE IN ( SELECT FROM )'.split(' ')), 1);
  assert.equal(subqueryDepth('SELECT FROM WHERE IN ( SELECT FROM WHERE > ( SELECT AVG ( ) FROM ) )'.split(' ')), 2);
  assert.equal(subqueryDepth('SELECT FROM ( SELECT FROM ) UNION SELECT FROM WHERE IN ( SELECT FROM )'.split(' ')), 1);
  assert.equal(builtInStratum('nesting', 'WITH ( SELECT FROM ) SELECT FROM'), 'depth 1');
});

test('clauses: which of GROUP BY, ORDER BY, HAVING, set operations, windows, CASE', () => {
  assert.equal(builtInStratum('clauses', 'SELECT FROM'), 'none of these');
  assert.equal(
    builtInStratum('clauses', 'SELECT , COUNT ( * ) FROM GROUP BY HAVING COUNT ( * ) > ORDER BY DESC'),
    'GROUP BY + ORDER BY + HAVING',
  );
  assert.equal(
    builtInStratum('clauses', 'SELECT ROW_NUMBER ( ) OVER ( ORDER BY ) FROM UNION SELECT CASE WHEN THEN END FROM'),
    'ORDER BY + set operation + window + CASE',
  );
});

test('columns as strata; a missing value is its own stratum', () => {
  const record = { i: 0, sql: 'SELECT 1', where: 'item 0', dbId: 'a', fields: { difficulty: 'simple' } };
  assert.equal(stratumOf('difficulty', record, 'SELECT'), 'simple');
  assert.equal(stratumOf('db_id', record, 'SELECT'), 'a');
  assert.equal(stratumOf('domain', record, 'SELECT'), '(none)');
});

test('align --by: the strata cover the target, their n-gram mass adds up to the whole', async () => {
  const result = await align({
    target: join(EXAMPLES, 'bird_dev_sample.json'),
    train: [join(EXAMPLES, 'spider_train_sample.sql')],
    pred: [`${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`],
    by: 'difficulty',
    bootstrap: 100,
  });
  const strata = result.strata?.strata ?? [];
  assert.deepEqual(
    strata.map((s) => s.stratum),
    ['challenging', 'moderate', 'simple'],
  );
  assert.equal(
    strata.reduce((a, s) => a + s.queries, 0),
    result.target.queries - result.target.unparseable,
  );
  assert.ok(Math.abs(strata.reduce((a, s) => a + s.massShare, 0) - 1) < 1e-12);
  assert.ok(strata.every((s) => s.ratios[0]?.ci?.length === 2));
  assert.ok(
    strata.every((s) => s.small === s.queries < 30),
    'strata of fewer than 30 queries are marked',
  );
  // With one stratum holding everything, its figures are the whole comparison's.
  const single = await align({
    target: join(EXAMPLES, 'spider_train_sample.sql'),
    train: [join(EXAMPLES, 'bird_dev_sample.json')],
    by: 'no_such_column',
  });
  assert.equal(single.strata?.strata.length, 1);
  assert.ok(Math.abs((single.strata?.strata[0]?.rows[0]?.kl as number) - (single.rows[0]?.kl as number)) < 1e-12);
});

test('eval --by: EX and EM per stratum, adding up to the whole', async () => {
  const tmp = scratchDir();
  makeSingerDb(tmp.dir);
  const gold = [
    'SELECT count(*) FROM singer',
    'SELECT T1.Name FROM singer AS T1 JOIN concert AS T2 ON T1.Singer_ID = T2.Singer_ID',
    'SELECT Name FROM singer WHERE Age > (SELECT avg(Age) FROM singer)',
  ];
  const { summary } = await evaluate({
    gold: { name: 'g', queries: gold.map((sql) => ({ sql, db_id: 'concert_singer' })) },
    pred: {
      name: 'p',
      queries: ['SELECT count(*) FROM singer', 'SELECT Name FROM singer', 'SELECT Name FROM singer WHERE Age > 40'],
    },
    dbDir: tmp.dir,
    by: 'joins',
  });
  const groups = summary.byStratum?.groups ?? {};
  assert.deepEqual(Object.keys(groups), ['0 joins', '1 join']);
  assert.equal(groups['0 joins']?.n, 2);
  assert.equal(groups['1 join']?.ex, 0);
  assert.equal((groups['0 joins']?.n ?? 0) + (groups['1 join']?.n ?? 0), summary.overall.n);
});

test('align --by hardness: Spider hardness from tables.json', async () => {
  const tables = [
    {
      db_id: 'concert_singer',
      table_names_original: ['singer'],
      column_names_original: [
        [-1, '*'],
        [0, 'Name'],
        [0, 'Age'],
        [0, 'Country'],
      ] as [number, string][],
      foreign_keys: [],
    },
  ];
  const queries = [
    'SELECT count(*) FROM singer',
    'SELECT name, country FROM singer WHERE age > 20',
    'SELECT name FROM singer WHERE age > (SELECT avg(age) FROM singer)',
    'SELECT name FROM unknown_table',
  ].map((sql) => ({ sql, db_id: 'concert_singer' }));
  const result = await align({
    target: { name: 't', queries },
    train: [{ name: 's', queries: ['SELECT a FROM b'] }],
    by: 'hardness',
    tables,
  });
  assert.deepEqual(
    result.strata?.strata.map((s) => [s.stratum, s.queries]),
    [
      ['(not parsed by the Spider evaluator)', 1],
      ['easy', 1],
      ['hard', 1],
      ['medium', 1],
    ],
  );
});

test(
  'random strata of BIRD dev against BIRD dev: each D lies in its same-size baseline (the size effect, removed)',
  sharedOrSkip(),
  async () => {
    const dev = JSON.parse(readFileSync(shared('data', 'bird', 'dev.json'), 'utf8')) as { SQL: string; db_id: string }[];
    // Strata of 925, 464 and 145 queries drawn at random: one distribution by construction, three sizes.
    const order = shuffleInPlace(
      dev.map((_, k) => k),
      seededRandom(5),
    );
    const part = new Map(order.map((k, rank) => [k, rank < 925 ? 'a-925' : rank < 925 + 464 ? 'b-464' : 'c-145']));
    const queries = dev.map((d, k) => ({ sql: d.SQL, db_id: d.db_id, part: part.get(k) }));
    const result = await align({
      target: { name: 'bird_dev_random_strata', queries },
      train: [{ name: 'bird_dev', queries: dev.map((d) => ({ sql: d.SQL, db_id: d.db_id })) }],
      by: 'part',
      scale: 5,
    });
    const strata = result.strata?.strata ?? [];
    assert.deepEqual(
      strata.map((s) => s.queries),
      [925, 464, 145],
    );
    const kls = strata.map((s) => s.rows[0]?.kl as number);
    assert.ok((kls[2] as number) > 2 * (kls[0] as number), `D grows as a stratum shrinks: ${kls.join(', ')}`);
    for (const s of strata) {
      const d = s.rows[0]?.kl as number;
      const b = s.baseline[0] as { klMean: number; klSd: number };
      assert.ok(Math.abs(d - b.klMean) <= 4 * b.klSd, `${s.stratum}: D ${d} vs baseline ${b.klMean} ± ${b.klSd}`);
    }
  },
);
