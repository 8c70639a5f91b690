/**
 * The templaters that use threads give every query the template this thread's engine alone
 * gives it, in order, whichever thread took it, with batches overlapping as the readers send
 * them; and a parser thread that stops fails its batches instead of leaving them waiting.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { createSplitTemplater, createWorkerTemplater } from '../../src/sql/templater.js';
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

test('this thread and a helper, split by shape, give the templates of one engine alone, in order', options, async () => {
  const queries = realQueries();
  const expected = await alone(queries);
  const split = await createSplitTemplater('sqlite', 1);
  try {
    // Every batch sent at once: a batch's shares may pass each other in the threads.
    const got = (await Promise.all(batchesOf(queries, 4096).map((batch) => split.templateAll(batch)))).flat();
    assert.equal(got.length, queries.length);
    assert.deepEqual(got, expected);
    const [here, helper] = split.placed as [number, number];
    assert.equal(here + helper, queries.length);
    assert.ok(
      here > queries.length / 4 && helper > queries.length / 4,
      `both threads work: ${here} here, ${helper} in the helper`,
    );
  } finally {
    await split.close();
  }
});

test('threads fed by a hash of the text give the templates of one engine alone, in order', options, async () => {
  const queries = realQueries().slice(0, 3000);
  const expected = await alone(queries);
  const pool = await createWorkerTemplater('sqlite', 2);
  try {
    assert.deepEqual((await Promise.all(batchesOf(queries, 1000).map((batch) => pool.templateAll(batch)))).flat(), expected);
  } finally {
    await pool.close();
  }
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
