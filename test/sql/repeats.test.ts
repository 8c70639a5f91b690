/**
 * Long repeats (`IN (1, 2, …)`, `VALUES (…), (…)`, `OR` chains, `CASE WHEN` lists) are found by a
 * scan and folded: the engine parses a few copies and repeats the template's piece. The folded
 * template must be exactly the one a parse of the whole query gives, in every dialect; anything
 * the scan or the probes cannot vouch for is parsed whole.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { dialectInfo } from '../../src/sql/dialects.js';
import { FOLD_DEFAULTS, type FoldOptions, TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import type { ShapeLexicon } from '../../src/sql/queryShape.js';
import { cutRepeats, findRepeats } from '../../src/sql/repeats.js';
import { readJsonl } from '../helpers/jsonl.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

before(loadParser);

const sqlite = dialectInfo('sqlite');
/** A lexicon for the scan alone: every word is a plain name but these few. */
const plainUnless = (...syntax: string[]): ShapeLexicon => ({ isPlainName: (w) => !syntax.includes(w) });
const list = (n: number, item: (i: number) => string, separator = ', ') =>
  Array.from({ length: n }, (_, i) => item(i)).join(separator);

describe('findRepeats and cutRepeats', () => {
  test('an IN list is a repeat of `value ,`, cut to the copies asked for', () => {
    const sql = `SELECT a FROM t WHERE id IN (${list(10, (i) => String(i * 7))}) AND b = 'x'`;
    const repeats = findRepeats(sql, sqlite, 5);
    assert.equal(repeats.length, 1);
    assert.equal(repeats[0]?.count, 9, 'nine copies of `n ,`; the last value has no comma after it');
    assert.equal(cutRepeats(sql, repeats, [2]), "SELECT a FROM t WHERE id IN (0, 7, 63) AND b = 'x'");
    assert.equal(cutRepeats(sql, repeats, [4]), "SELECT a FROM t WHERE id IN (0, 7, 14, 21, 63) AND b = 'x'");
  });

  test('rows of VALUES, OR chains and CASE lists repeat whole pieces', () => {
    const values = `INSERT INTO t (a, b) VALUES ${list(8, (i) => `(${i}, 'n${i}')`)}`;
    assert.equal(
      cutRepeats(values, findRepeats(values, sqlite, 5), [2]),
      "INSERT INTO t (a, b) VALUES (0, 'n0'), (1, 'n1'), (7, 'n7')",
    );
    const or = `SELECT a FROM t WHERE ${list(8, (i) => `x = ${i}`, ' OR ')}`;
    assert.equal(cutRepeats(or, findRepeats(or, sqlite, 5), [3]), 'SELECT a FROM t WHERE x = 0 OR x = 1 OR x = 2 OR x = 7');
    const cases = `SELECT CASE ${list(8, (i) => `WHEN c = ${i} THEN 'l${i}'`, ' ')} END FROM t`;
    assert.equal(
      cutRepeats(cases, findRepeats(cases, sqlite, 5), [2]),
      "SELECT CASE WHEN c = 0 THEN 'l0' WHEN c = 1 THEN 'l1' END FROM t",
    );
  });

  test('two repeats are cut apart; a repeat inside a repeat is left to the outer one', () => {
    const two = `SELECT a FROM t WHERE x IN (${list(6, String)}) AND y IN (${list(7, (i) => `'${i}'`)})`;
    const repeats = findRepeats(two, sqlite, 5);
    assert.equal(repeats.length, 2);
    assert.equal(cutRepeats(two, repeats, [2, 3]), "SELECT a FROM t WHERE x IN (0, 1, 5) AND y IN ('0', '1', '2', '6')");
    // Six rows of six values: rows 1 to 5 repeat `( … ) ,`; inside them the values are no repeat of
    // their own, while those of row 6 (outside the rows' repeat) are.
    const nested = `INSERT INTO t VALUES ${list(6, (i) => `(${list(6, (j) => String(i + j))})`)}`;
    const found = findRepeats(nested, sqlite, 5);
    assert.deepEqual(
      found.map((r) => r.count),
      [5, 5],
    );
    assert.equal(cutRepeats(nested, found, [2, 2]), 'INSERT INTO t VALUES (0, 1, 2, 3, 4, 5), (1, 2, 3, 4, 5, 6), (5, 6, 10)');
  });

  test('with the shape lexicon, pieces that differ in plain names repeat too; a word of syntax ends the run', () => {
    const lexicon = plainUnless('SELECT', 'FROM', 'WHERE', 'OR', 'DATE');
    const columns = `SELECT ${list(8, (i) => `c${i}`)} FROM t`;
    const repeats = findRepeats(columns, sqlite, 5, lexicon);
    assert.deepEqual(
      repeats.map((r) => r.count),
      [7],
    );
    assert.equal(cutRepeats(columns, repeats, [2]), 'SELECT c0, c1, c7 FROM t');
    const or = `SELECT a FROM t WHERE ${list(8, (i) => `"a ${i}" = ${i}`, ' OR ')}`;
    assert.equal(
      cutRepeats(or, findRepeats(or, sqlite, 5, lexicon), [2]),
      'SELECT a FROM t WHERE "a 0" = 0 OR "a 1" = 1 OR "a 7" = 7',
    );
    const broken = `SELECT ${list(8, (i) => (i === 4 ? 'date' : `c${i}`))} FROM t`;
    assert.deepEqual(findRepeats(broken, sqlite, 5, lexicon), [], 'DATE is no plain name: no five copies in a row');
    const calls = `SELECT ${list(8, (i) => `f${i}(x)`)} FROM t`;
    assert.deepEqual(findRepeats(calls, sqlite, 5, lexicon), [], 'a name before ( is a function name');
  });

  test('only pieces of literal values repeat: names, nesting, set operations and comments are not folded', () => {
    const none = (sql: string, why: string) => assert.deepEqual(findRepeats(sql, sqlite, 5), [], why);
    none(`SELECT ${list(8, (i) => `c${i}`)} FROM t`, 'without a lexicon, distinct names are not copies of one piece');
    none(`SELECT a FROM t WHERE ${'NOT '.repeat(8)} x`, 'a piece without a literal');
    none(`SELECT ${'COALESCE(1, '.repeat(8)} x ${')'.repeat(8)}`, 'a piece that opens a bracket it does not close');
    none(
      list(8, (i) => `SELECT ${i}`, ' UNION ALL '),
      'chains of set operations are the parser’s to refuse',
    );
    none(`SELECT a FROM t WHERE x IN (${list(8, (i) => `${i} /* c */`)})`, 'a comment never repeats');
    none(`SELECT a FROM t WHERE x IN (${list(8, String)}, 'unterminated)`, 'an unterminated string: no scan');
  });
});

/** The shapes generated queries take, in the dialects they come in. */
function longQueries(n: number): [string, string][] {
  const out: [string, string][] = [];
  const dialects = [
    'sqlite',
    'postgres',
    'mysql',
    'bigquery',
    'snowflake',
    'duckdb',
    'tsql',
    'clickhouse',
    'oracle',
    'spark',
    'trino',
  ];
  for (const d of dialects) {
    out.push([d, `SELECT o.id FROM orders AS o WHERE o.customer_id IN (${list(n, (i) => String(1000 + i * 7))})`]);
    out.push([d, `SELECT a FROM t WHERE name IN (${list(n, (i) => `'n${i}'`)}) AND b NOT IN (${list(n, (i) => String(-i))})`]);
    out.push([d, `INSERT INTO t (a, b, c, d) VALUES ${list(n, (i) => `(${i}, 'x${i}', NULL, -1.5e3)`)};`]);
    out.push([d, `SELECT ${list(n, String)} FROM t`]);
    out.push([d, `SELECT GREATEST(${list(n, String)}) AS g FROM t`]);
    out.push([d, `SELECT a FROM t WHERE (a, b) IN (${list(n, (i) => `(${i}, ${i + 1})`)})`]);
    out.push([d, `SELECT o.id FROM orders AS o WHERE ${list(n, (i) => `o.customer_id = ${i}`, ' OR ')}`]);
    out.push([d, `SELECT CASE ${list(n, (i) => `WHEN code = ${i} THEN 'l${i}'`, ' ')} ELSE NULL END AS label FROM t`]);
    out.push([d, `SELECT * FROM t WHERE (a = 1 AND b = 'x') ${list(n, (i) => `OR (a = ${i} AND b = 'y${i}')`, ' ')} ORDER BY a`]);
    out.push([
      d,
      `SELECT a FROM t WHERE id IN (${list(n, String)}) UNION ALL SELECT a FROM u WHERE id IN (${list(n, (i) => `'${i}'`)})`,
    ]);
    // Errors come from the whole query, positions included.
    out.push([d, `SELECT a FROM t WHERE id IN (${list(n, String)}) AND garbage ((`]);
    out.push([d, `SELECT a FROM t WHERE id IN (${list(n, String)},)`]);
    // Long lists of names: wide tables, generated filters and column lists.
    out.push([d, `SELECT ${list(n, (i) => `t${i % 3}.col_${i}`)} FROM t0, t1, t2`]);
    out.push([d, `SELECT ${list(n, (i) => `c${i} AS a${i}`)} FROM t`]);
    out.push([d, `SELECT a FROM t WHERE ${list(n, (i) => `a${i} = ${i}`, ' OR ')}`]);
    out.push([d, `INSERT INTO t (${list(n, (i) => `c${i}`)}) VALUES (${list(n, String)})`]);
    out.push([d, `UPDATE t SET ${list(n, (i) => `c${i} = d${i}`)} WHERE id = 1`]);
    out.push([d, `SELECT CASE ${list(n, (i) => `WHEN c${i} = 'x' THEN a${i}`, ' ')} END FROM t`]);
    // Words of syntax among the names: each is what the whole parse makes of it.
    out.push([d, `SELECT ${list(n, (i) => (i === n - 2 ? 'sysdate' : `c${i}`))} FROM t`]);
    out.push([d, `SELECT a FROM t WHERE ${list(n, (i) => (i === n - 2 ? 'connect_by_root = 1' : `a${i} = ${i}`), ' OR ')}`]);
  }
  for (const d of ['postgres', 'duckdb', 'snowflake', 'trino']) out.push([d, `SELECT ARRAY[${list(n, String)}] AS a`]);
  for (const d of ['bigquery', 'duckdb']) out.push([d, `SELECT x FROM UNNEST([${list(n, String)}]) AS x`]);
  out.push(['mysql', `INSERT INTO t (a, b) VALUES ${list(n, (i) => `(${i}, "s${i}")`)} ON DUPLICATE KEY UPDATE b = VALUES(b)`]);
  out.push(['tsql', `SELECT a FROM t WHERE name IN (${list(n, (i) => `N'n${i}'`)})`]);
  out.push(['postgres', `SELECT a FROM t WHERE b IN (${list(n, (i) => `${i}::int`)})`]);
  return out;
}

function assertFoldedAsWhole(dialect: string, sql: string, fold: FoldOptions) {
  const engine = new TemplateEngine(dialect, { fold });
  const folded = engine.template(sql);
  const whole = new TemplateEngine(dialect, { fold: false }).template(sql);
  assert.deepEqual(folded, whole, `${dialect}: ${sql.slice(0, 120)}…`);
  return engine.stats.parsed;
}

describe('a folded template is the whole parse’s template', () => {
  test('generated queries of a dozen copies, every dialect (folding from 8 copies)', () => {
    let folded = 0;
    for (const [dialect, sql] of longQueries(12)) {
      const parses = assertFoldedAsWhole(dialect, sql, { minLength: 0, minCopies: 8 });
      if (parses > 1) folded++;
    }
    assert.ok(folded >= 130, `most of these queries are folded (${folded})`);
  });

  test('with the defaults, a query of thousands of copies is folded into a few parses', () => {
    for (const [dialect, sql] of longQueries(2000).filter(([d]) => d === 'sqlite' || d === 'snowflake')) {
      if (sql.includes('garbage')) continue; // an error is parsed whole; checked above
      assert.ok(sql.length >= FOLD_DEFAULTS.minLength);
      const parses = assertFoldedAsWhole(dialect, sql, FOLD_DEFAULTS);
      assert.ok(parses >= 2 && parses <= 6, `${dialect}: ${parses} parses for ${sql.slice(0, 60)}`);
    }
  });

  test('every shared fixture query with a repeat of five or more copies folds to its whole template', sharedOrSkip(), () => {
    const files = [
      ...readdirSync(shared('fixtures', 'templates')).map((f) => shared('fixtures', 'templates', f)),
      ...readdirSync(shared('fixtures', 'dialects')).map((f) => shared('fixtures', 'dialects', f)),
    ].filter((f) => f.endsWith('.jsonl'));
    let checked = 0;
    for (const file of files) {
      const fileDialect = /sqlglot_tests_(\w+)\.jsonl$/.exec(file)?.[1];
      for (const row of readJsonl<{ sql?: string; dialect?: string }>(file)) {
        const dialect = row.dialect ?? fileDialect ?? 'sqlite';
        if (typeof row.sql !== 'string' || findRepeats(row.sql, dialectInfo(dialect), 5).length === 0) continue;
        assertFoldedAsWhole(dialect, row.sql, { minLength: 0, minCopies: 5 });
        checked++;
      }
    }
    assert.ok(checked >= 5, `real queries with repeats were checked (${checked})`);
  });
});
