/**
 * Cross-dialect alignment (`--read NAME=DIALECT`): Spider's own queries, rewritten by the parser
 * into another dialect, compared with the same queries read as SQLite, sit at D = 0 once the
 * SQLite side is transpiled too; without it, dialect spelling alone makes them look far apart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { align } from '../../src/align/align.js';
import { loadParser } from '../../src/sql/parser.js';
import { transpileQuery } from '../../src/sql/transpile.js';
import { runCli } from '../helpers/cli.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const { skip } = sharedOrSkip();
const tmp = scratchDir();
const DEV = shared('data', 'spider', 'dev.json');
const TRAIN = shared('data', 'spider', 'train_spider.json');
const DIALECTS = ['tsql', 'oracle', 'snowflake', 'postgres', 'duckdb', 'bigquery', 'mysql'];

before(async () => {
  if (!skip) await loadParser();
});

/** Spider dev's gold queries rewritten into `dialect` by the parser, as a user's workload in that dialect. */
function devIn(dialect: string): { name: string; queries: { sql: string; db_id: string }[] } {
  const dev = JSON.parse(readFileSync(DEV, 'utf8')) as { query: string; db_id: string }[];
  const queries = dev.map((item) => {
    const out = transpileQuery(item.query, 'sqlite', dialect, null);
    assert.ok(out.ok, `${dialect}: ${item.query}`);
    return { sql: out.sql, db_id: item.db_id };
  });
  return { name: `dev_${dialect}`, queries };
}

const options = { cache: false as const, workers: 0, sizeMatchReplicates: 0 };

test('a workload in each of seven dialects against Spider read as SQLite: D 0 against itself, near the all-SQLite D against train', {
  skip,
}, async () => {
  const sqlite = await align({ target: DEV, train: [`train=${TRAIN}`], ...options });
  const base = sqlite.rows[0]?.kl as number;
  for (const dialect of DIALECTS) {
    const result = await align({
      target: devIn(dialect),
      train: [`dev=${DEV}`, `train=${TRAIN}`],
      dialect,
      read: { dev: 'sqlite', train: 'sqlite' },
      ...options,
    });
    const [dev, train] = result.rows;
    assert.ok(dev && train);
    assert.ok(dev.kl <= 0.03, `${dialect}: D(target‖dev) ${dev.kl}`);
    assert.ok(Math.abs(train.kl - base) <= 0.05, `${dialect}: D(target‖train) ${train.kl} against ${base} in SQLite`);
    assert.deepEqual(
      [dev.dialect, dev.transpiled, dev.transpileFailed, train.transpiled, train.transpileFailed],
      ['sqlite', 1034, 0, 7000, 0],
    );
    assert.equal(result.target.dialect, dialect);
    assert.equal(result.target.transpiled, undefined);
  }
});

test('without --read the same comparison measures dialect spelling: T-SQL against SQLite is far from itself', {
  skip,
}, async () => {
  const result = await align({ target: devIn('tsql'), train: [`dev=${DEV}`], dialect: 'tsql', ...options });
  assert.ok((result.rows[0]?.kl as number) > 0.5, `D ${result.rows[0]?.kl}`);
});

test('a query the transpiler cannot rewrite is templated as written and counted, never dropped', async () => {
  await loadParser();
  const result = await align({
    target: { name: 't', queries: ['SELECT TOP 3 a FROM t ORDER BY b'] },
    train: [{ name: 'lite', queries: ['SELECT a FROM t ORDER BY b LIMIT 3', 'SELECT FROM WHERE ((', 'SELECT a FROM t'] }],
    dialect: 'tsql',
    read: { lite: 'sqlite' },
    ...options,
  });
  const row = result.rows[0];
  assert.deepEqual([row?.queries, row?.unparseable, row?.transpiled, row?.transpileFailed], [3, 1, 2, 1]);
  assert.equal(row?.kl, result.rows[0]?.kl);
});

test('the CLI: --read in every report, counts files remember the dialect read, names that are no dataset are refused', {
  skip,
}, async () => {
  const target = tmp.file(
    'pg.jsonl',
    `${devIn('postgres')
      .queries.map((q) => JSON.stringify(q))
      .join('\n')}\n`,
  );
  const args = [
    'align',
    '--target',
    target,
    '--train',
    `dev=${DEV}`,
    '--read',
    'dev=sqlite',
    '--dialect',
    'postgres',
    '--no-cache',
  ];
  const run = await runCli([...args, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.equal(json.rows[0].dialect, 'sqlite');
  assert.equal(json.rows[0].transpiled, 1034);
  assert.equal(json.rows[0].transpile_failed, 0);
  assert.ok(json.rows[0].kl <= 0.03);
  const text = await runCli(args);
  assert.match(text.stdout, /dev is written in sqlite: 1,034 queries transpiled into postgres, 0 could not be/);

  const counts = `${tmp.dir}/dev.counts.json`;
  const counted = await runCli([
    'count',
    `dev=${DEV}`,
    '--read',
    'dev=sqlite',
    '--dialect',
    'postgres',
    '--out',
    counts,
    '--no-cache',
  ]);
  assert.equal(counted.code, 0, counted.stderr);
  const file = JSON.parse(readFileSync(counts, 'utf8'));
  assert.deepEqual([file.dialect, file.read_dialect, file.transpiled, file.transpile_failed], ['postgres', 'sqlite', 1034, 0]);
  const fromCounts = await runCli([
    'align',
    '--target',
    target,
    '--train',
    counts,
    '--dialect',
    'postgres',
    '--json',
    '--no-cache',
  ]);
  assert.equal(JSON.parse(fromCounts.stdout).rows[0].kl, json.rows[0].kl);
  const otherDialect = await runCli(['align', '--target', target, '--train', counts, '--dialect', 'mysql', '--no-cache']);
  assert.equal(otherDialect.code, 1);
  assert.match(
    otherDialect.stderr,
    /counted in dialect postgres \(read as sqlite\), not mysql: count it again with --dialect mysql and --read dev=sqlite/,
  );

  const unknown = await runCli(args.map((arg) => (arg === 'dev=sqlite' ? 'train=sqlite' : arg)));
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /--read names 'train', which is no dataset of this run \(datasets: pg, dev\)/);
});

test('select: pools in SQLite, target in Snowflake; answers exported in Snowflake with the original kept', { skip }, async () => {
  const target = tmp.file(
    'sf.jsonl',
    `${devIn('snowflake')
      .queries.slice(0, 200)
      .map((q) => JSON.stringify(q))
      .join('\n')}\n`,
  );
  const out = `${tmp.dir}/sel.jsonl`;
  const run = await runCli([
    'select',
    '--target',
    target,
    '--pool',
    `train=${TRAIN}`,
    '--read',
    'train=sqlite',
    '--dialect',
    'snowflake',
    '--budget',
    '20',
    '--out',
    out,
    '--no-cache',
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /train is written in sqlite: 7,000 queries transpiled into snowflake/);
  const records = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(records.length, 20);
  for (const r of records) {
    assert.equal(r.dialect, 'snowflake');
    assert.equal(r.original_dialect, 'sqlite');
    assert.match(r.messages[1].content, /Write one snowflake SQL query/);
    const written = transpileQuery(r.original_sql, 'sqlite', 'snowflake', null);
    assert.ok(written.ok);
    assert.equal(r.messages[2].content, `\`\`\`sql\n${written.sql}\n\`\`\``);
  }
});
