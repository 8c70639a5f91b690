/**
 * The templaters that use threads give every query the template this thread's engine alone
 * gives it, in order, whichever thread took it, with batches overlapping as the readers send
 * them; and a parser thread that stops fails its batches instead of leaving them waiting.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { placementHash } from '../../src/sql/placement.js';
import { createTemplater, createWorkerTemplater, THREADS_MIN_QUERIES } from '../../src/sql/templater.js';
import { TemplaterThread } from '../../src/sql/templaterThread.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

const options = sharedOrSkip();

/** Spider's training queries and BIRD's dev queries: 10,193 queries of about 3,000 shapes. */
function realQueries(): string[] {
  const train = readFileSync(shared('data', 'spider', 'train_gold.sql'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0] as string);
  const bird = (JSON.parse(readFileSync(shared('data', 'bird', 'dev.json'), 'utf8')) as { SQL: string }[]).map((r) => r.SQL);
  return [...train, ...bird];
}

const batchesOf = (items: string[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

async function alone(queries: readonly string[]) {
  await loadParser();
  const engine = new TemplateEngine('sqlite');
  return queries.map((q) => engine.template(q));
}

test('parser threads give the templates of one engine alone, in order, each thread with its share', options, async () => {
  const queries = realQueries();
  const expected = await alone(queries);
  const pool = await createWorkerTemplater('sqlite', 2);
  try {
    // Every batch sent at once: batches may pass each other in the threads.
    const got = (await Promise.all(batchesOf(queries, 4096).map((batch) => pool.templateAll(batch)))).flat();
    assert.equal(got.length, queries.length);
    assert.deepEqual(got, expected);
    const [first, second] = pool.placed as [number, number];
    assert.equal(first + second, queries.length);
    assert.ok(first > queries.length / 3 && second > queries.length / 3, `both threads work: ${first} and ${second}`);
  } finally {
    await pool.close();
  }
});

test('by default an input of thousands of queries is parsed in threads, a small one in this thread', {
  skip: availableParallelism() < 2 && 'one core',
}, async () => {
  const threaded = (t: object) => 'placed' in t;
  for (const [expectedQueries, workers, inThreads] of [
    [THREADS_MIN_QUERIES, undefined, true],
    [THREADS_MIN_QUERIES - 1, undefined, false],
    [undefined, undefined, false],
    [THREADS_MIN_QUERIES, 0, false],
    [10, 1, true],
  ] as const) {
    const templater = await createTemplater('sqlite', { cache: false, expectedQueries, workers });
    try {
      assert.equal(threaded(templater), inThreads, `${expectedQueries} queries, --workers ${workers}`);
      assert.deepEqual(await templater.templateAll(['SELECT a FROM t WHERE b = 1']), [{ template: 'SELECT FROM WHERE =' }]);
    } finally {
      await templater.close();
    }
  }
});

test('queries that differ only in names and values go to one thread; other shapes spread', () => {
  const alike = [
    'SELECT name FROM singer WHERE age > 20',
    'SELECT Id FROM Concert WHERE T1 > 2014',
    'SELECT  x\n  FROM  y  WHERE  z >  7',
  ];
  assert.equal(new Set(alike.map(placementHash)).size, 1);
  const quoted = ["SELECT a FROM t WHERE b = 'x'", "SELECT c FROM u WHERE d = 'SELECT FROM'"];
  assert.equal(new Set(quoted.map(placementHash)).size, 1);
  const apart = [
    'SELECT name FROM singer',
    'SELECT name FROM singer WHERE age < 20',
    'SELECT count(*) FROM singer GROUP BY age',
    'SELECT DISTINCT name FROM singer ORDER BY age DESC',
  ];
  assert.equal(new Set([alike[0] as string, ...apart].map(placementHash)).size, 5);
  // Only the start of a long query is read: a scan of its whole text is its thread's work.
  const columns = Array.from({ length: 50_000 }, (_, k) => `col_${k}`).join(', ');
  assert.equal(placementHash(`SELECT ${columns} FROM t`), placementHash(`SELECT ${columns}, (SELECT 1) FROM t`));
});

test('a parser thread that stops fails the batches it had, and every later one, with one line', {
  ...options,
  timeout: 60_000,
}, async () => {
  const thread = new TemplaterThread('sqlite');
  await thread.ready;
  const pending = thread.run(realQueries());
  await thread.terminate();
  await assert.rejects(pending, /^Error: a parser thread stopped \(exit code 1\)$/);
  await assert.rejects(thread.run(['SELECT 1']), /a parser thread stopped/);
});

test('threads that cannot start fail the templater with their reason', { timeout: 60_000 }, async () => {
  // The dialect is checked in each thread, where its engine is made: every thread fails to start.
  await assert.rejects(createWorkerTemplater('no-such-dialect', 2), /no-such-dialect/);
});
