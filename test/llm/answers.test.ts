/**
 * predict against a real HTTP server answering in the shapes real models answer in (the table of
 * test/fixtures/llm/answers.jsonl), and failing the ways real servers fail: every answer gives its
 * SQL or a status, once, with no wasted requests and no Node warnings.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Prediction, predict } from '../../src/llm/predict.js';
import { ANSWER_SHAPES } from '../helpers/answerShapes.js';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { readJsonl } from '../helpers/jsonl.js';
import { type Behaviour, startServer } from '../helpers/openaiServer.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);

const SHAPES = ANSWER_SHAPES;

const questionsFor = (names: readonly string[]) =>
  tmp.file(
    `questions-${names.length}.json`,
    JSON.stringify(names.map((question) => ({ question, db_id: 'concert_singer', query: '' }))),
  );

test('every answer shape: the SQL or a status, each question asked once', async () => {
  const script = new Map<string, Behaviour[]>();
  for (const s of SHAPES) script.set(s.name, [{ kind: 'answer', text: s.answer, finishReason: s.finish_reason ?? 'stop' }]);
  script.set('null content', [{ kind: 'answer', text: null }]);
  const server = await startServer({ script, answer: () => 'should not be asked twice' });
  try {
    const names = [...SHAPES.map((s) => s.name), 'null content'];
    const file = questionsFor(names);
    const out = join(tmp.dir, 'shapes.sql');
    const summary = await predict({ questions: file, dbDir: tmp.dir, baseUrl: server.url, model: 'm', out, format: 'spider' });
    assert.equal(server.requests.length, names.length, 'no retries for empty, null, refused or truncated answers');
    const got = new Map(readJsonl<Prediction>(`${out}.jsonl`).map((p) => [p.question, p]));
    for (const s of SHAPES) assert.deepEqual([got.get(s.name)?.sql, got.get(s.name)?.status], [s.sql, s.status], s.name);
    assert.deepEqual([got.get('null content')?.sql, got.get('null content')?.status], ['', 'empty']);
    const expected = { ok: 0, refused: 0, empty: 0, truncated: 0, no_sql: 0 } as Record<string, number>;
    for (const s of [...SHAPES.map((x) => x.status), 'empty']) expected[s] = (expected[s] ?? 0) + 1;
    assert.deepEqual(summary.statuses, expected);
    const spider = readFileSync(out, 'utf8').split('\n').slice(0, -1);
    assert.equal(spider.length, names.length, 'the Spider file has one line per question, empty answers too');
    const k = names.indexOf('a comment line first in the fence');
    assert.equal(spider[k], 'SELECT count(*) FROM singer', 'a comment never swallows the query on one line');
    assert.ok(summary.changedInExport.includes(names.indexOf('a string holding a line break')));
  } finally {
    await server.close();
  }
});

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('a server that is not there fails within seconds, naming the URL and the cause', async () => {
  const file = questionsFor(['How many singers are there?']);
  const port = await closedPort();
  const started = Date.now();
  const run = await runCli([
    'predict',
    '--questions',
    file,
    '--db-dir',
    tmp.dir,
    '--base-url',
    `http://127.0.0.1:${port}/v1`,
    '--model',
    'm',
    '--out',
    join(tmp.dir, 'nowhere.jsonl'),
  ]);
  assert.equal(run.code, 1);
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(
    lines[0] as string,
    new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/v1/chat/completions: connection refused`),
  );
  assert.doesNotMatch(run.stderr, /internal error/);
});

test('a refused API key is the server’s answer, not an internal error; no Node warnings with many requests in flight', async () => {
  const server = await startServer({ apiKey: 'right', answer: () => '```sql\nSELECT 1\n```' });
  try {
    const names = Array.from({ length: 30 }, (_, k) => `Question ${k}?`);
    const file = questionsFor(names);
    const args = ['predict', '--questions', file, '--db-dir', tmp.dir, '--base-url', server.url, '--model', 'm'];
    const refused = await runCli([...args, '--out', join(tmp.dir, 'key.jsonl')], { env: { OPENAI_API_KEY: 'wrong' } });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^sqlalign: .*401 .*refused the API key/);
    assert.doesNotMatch(refused.stderr, /internal error/);
    const many = await runCli([...args, '--concurrency', '16', '--out', join(tmp.dir, 'many.jsonl')], {
      env: { OPENAI_API_KEY: 'right' },
    });
    assert.equal(many.code, 0, many.stderr);
    assert.doesNotMatch(many.stderr, /Warning/);
    assert.match(many.stdout, /answers: 30 ok, 0 refused, 0 empty, 0 truncated, 0 no_sql/);
  } finally {
    await server.close();
  }
});

test('--endpoint completions: the prompt ends where the SQL begins, and stop sequences end it', async () => {
  const server = await startServer({ answer: () => 'SELECT count(*) FROM singer\n' });
  try {
    const file = questionsFor(['How many singers are there?']);
    const out = join(tmp.dir, 'base.jsonl');
    await predict({ questions: file, dbDir: tmp.dir, baseUrl: server.url, model: 'm', out, endpoint: 'completions' });
    const body = server.requests[0]?.body as { prompt: string; stop: string[] };
    assert.ok(body.prompt.endsWith('```sql\n'), 'the prompt opens the SQL block');
    assert.deepEqual(body.stop, ['```', '\n### ']);
    assert.equal((JSON.parse(readFileSync(out, 'utf8').trim()) as Prediction).sql, 'SELECT count(*) FROM singer');
  } finally {
    await server.close();
  }
});
