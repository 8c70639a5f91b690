/** `predict` against a real HTTP server on 127.0.0.1 that speaks the OpenAI protocol. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FatalApiError, parseRetryAfter } from '../../src/llm/client.js';
import { type Prediction, predict } from '../../src/llm/predict.js';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { GRETEL_ROWS } from '../helpers/gretel.js';
import { readJsonl } from '../helpers/jsonl.js';
import { type Behaviour, type ScriptedServer, startServer } from '../helpers/openaiServer.js';
import { CLI } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);
const QUESTIONS = [
  'How many singers are there?',
  'List the names of singers from France.',
  'What is the average age?',
  'Which concerts were in 2014?',
];
const questions = { name: 'q', queries: QUESTIONS.map((question) => ({ sql: '', question, db_id: 'concert_singer' })) };
const answerFor = (q: string) => `Here you go:\n\`\`\`sql\nSELECT '${q.replace(/'/g, "''")}' FROM singer;\n\`\`\``;
/** A line of `predict --out`: a prediction in the JSON's names. */
type PredictionLine = Omit<Prediction, 'dbId' | 'finishReason'> & { db_id: string | null; finish_reason: string | null };
const lines = (file: string) => readJsonl<PredictionLine>(file);
let n = 0;
const outFile = (ext = 'jsonl') => join(tmp.dir, `out-${n++}.${ext}`);

describe('predict against a real server', () => {
  let server: ScriptedServer;
  before(async () => {
    server = await startServer({ answer: answerFor });
  });
  after(() => server.close());

  test('every question answered: prompt with the right schema and question, SQL extracted, raw kept', async () => {
    server.requests.length = 0;
    const out = outFile();
    const summary = await predict({ questions, dbDir: tmp.dir, baseUrl: server.url, model: 'm', out, concurrency: 2 });
    assert.equal(summary.done, 4);
    const results = lines(out).sort((a, b) => a.i - b.i);
    assert.deepEqual(
      results.map((r) => [r.i, r.db_id, r.question, r.sql]),
      QUESTIONS.map((q, i) => [i, 'concert_singer', q, `SELECT '${q.replace(/'/g, "''")}' FROM singer`]),
    );
    assert.match(results[0]?.raw ?? '', /^Here you go:/);
    assert.ok((results[0]?.usage.total_tokens ?? 0) > 0);
    assert.equal(
      summary.usage.total_tokens,
      results.reduce((s, r) => s + r.usage.total_tokens, 0),
    );
    for (const request of server.requests) {
      const prompt = String(request.body.prompt);
      assert.match(prompt, /CREATE TABLE singer/);
      assert.match(prompt, /1\tJoe Sharp\tNetherlands\t52/);
      assert.ok(QUESTIONS.includes(request.question ?? ''), prompt);
      assert.equal(request.body.model, 'm');
      assert.equal(request.body.temperature, 0);
    }
  });

  test('429 (with Retry-After), 500 and dropped connections are retried', async () => {
    const script = new Map<string, Behaviour[]>([
      [QUESTIONS[0] as string, [{ kind: 'status', status: 429, headers: { 'retry-after': '0' } }]],
      [
        QUESTIONS[1] as string,
        [
          { kind: 'status', status: 500 },
          { kind: 'status', status: 503 },
        ],
      ],
      [QUESTIONS[2] as string, [{ kind: 'drop' }]],
    ]);
    const flaky = await startServer({ answer: answerFor, script });
    try {
      const out = outFile();
      const summary = await predict({ questions, dbDir: tmp.dir, baseUrl: flaky.url, model: 'm', out, backoffMs: 5 });
      assert.equal(summary.done, 4);
      assert.deepEqual(summary.failed, []);
      const attempts = new Map(lines(out).map((r) => [r.i, r.attempts]));
      assert.deepEqual(
        [0, 1, 2, 3].map((i) => attempts.get(i)),
        [2, 3, 2, 1],
      );
      assert.equal(parseRetryAfter('2'), 2000);
      assert.ok((parseRetryAfter(new Date(Date.now() + 5000).toUTCString()) ?? 0) > 3000);
    } finally {
      await flaky.close();
    }
  });

  test('a request that keeps failing is reported and left for a re-run; the others are saved', async () => {
    const script = new Map<string, Behaviour[]>([
      [QUESTIONS[3] as string, Array.from({ length: 5 }, () => ({ kind: 'status', status: 500 }) as const)],
    ]);
    const flaky = await startServer({ answer: answerFor, script });
    try {
      const out = outFile();
      const summary = await predict({
        questions,
        dbDir: tmp.dir,
        baseUrl: flaky.url,
        model: 'm',
        out,
        backoffMs: 1,
        maxRetries: 2,
      });
      assert.equal(summary.done, 3);
      assert.equal(summary.failed[0]?.i, 3);
      assert.match(summary.failed[0]?.error ?? '', /gave up after 3 attempts: 500/);
      // The next run asks only for the missing one.
      flaky.requests.length = 0;
      const again = await predict({ questions, dbDir: tmp.dir, baseUrl: flaky.url, model: 'm', out, backoffMs: 1 });
      assert.equal(again.done, 4);
      assert.deepEqual(
        flaky.requests.map((r) => r.question),
        [QUESTIONS[3], QUESTIONS[3], QUESTIONS[3], QUESTIONS[3], QUESTIONS[3], QUESTIONS[3], QUESTIONS[3], QUESTIONS[3]].slice(
          0,
          flaky.requests.length,
        ),
      );
    } finally {
      await flaky.close();
    }
  });

  test('a 401 ends the run with a clear message; so does an unknown model', async () => {
    const guarded = await startServer({ answer: answerFor, apiKey: 'right', model: 'good' });
    try {
      await assert.rejects(
        predict({ questions, dbDir: tmp.dir, baseUrl: guarded.url, model: 'good', apiKey: 'wrong', out: outFile() }),
        (err: unknown) => err instanceof FatalApiError && /401 Unauthorized: the server refused the API key/.test(err.message),
      );
      await assert.rejects(
        predict({ questions, dbDir: tmp.dir, baseUrl: guarded.url, model: 'bad', apiKey: 'right', out: outFile() }),
        (err: unknown) => err instanceof FatalApiError && /404 Not Found: no such endpoint or model 'bad'/.test(err.message),
      );
      const cli = await runCli(
        [
          'predict',
          '--questions',
          questionsFile(),
          '--db-dir',
          tmp.dir,
          '--base-url',
          guarded.url,
          '--model',
          'good',
          '--out',
          outFile(),
        ],
        {
          env: { OPENAI_API_KEY: 'wrong' },
        },
      );
      assert.equal(cli.code, 1);
      assert.match(
        cli.stderr,
        /^sqlalign: .*401 Unauthorized: the server refused the API key \(--api-key-env\): Incorrect API key provided: \*\*\*\n$/,
      );
      assert.ok(!cli.stderr.includes('wrong'), 'the key the server echoed is masked');
    } finally {
      await guarded.close();
    }
  });

  test('no more requests in flight than --concurrency', async () => {
    const slow = await startServer({ answer: answerFor, delayMs: 60 });
    try {
      const many = {
        name: 'q',
        queries: Array.from({ length: 12 }, (_, k) => ({ sql: '', question: `Question number ${k}?`, db_id: 'concert_singer' })),
      };
      await predict({ questions: many, dbDir: tmp.dir, baseUrl: slow.url, model: 'm', out: outFile(), concurrency: 3 });
      assert.equal(slow.maxInFlight, 3);
    } finally {
      await slow.close();
    }
  });

  test('a prompt template of your own, and few-shot examples drawn with the seed', async () => {
    server.requests.length = 0;
    const fewShot = {
      name: 'shots',
      queries: [1, 2, 3, 4, 5].map((k) => ({ sql: `SELECT ${k} FROM t`, question: `Example question ${k}?` })),
    };
    const template = {
      text: 'Schema:\n{{schema}}\n{{examples}}### Question\n{{question}}\nSQL for {{db_id}} in {{dialect}}:',
      file: 'mine.txt',
    };
    await predict({
      questions,
      dbDir: tmp.dir,
      baseUrl: server.url,
      model: 'm',
      out: outFile(),
      template,
      fewShot,
      shots: 2,
      seed: 4,
    });
    for (const request of server.requests) {
      const prompt = String(request.body.prompt);
      assert.match(prompt, /^Schema:\nCREATE TABLE singer/);
      assert.equal(prompt.match(/### Example question/g)?.length, 2);
      assert.match(prompt, /SQL for concert_singer in sqlite:$/);
      assert.equal(
        request.body.messages && (request.body.messages as unknown[]).length,
        1,
        'no system message with your own template',
      );
    }
    await assert.rejects(
      predict({
        questions,
        dbDir: tmp.dir,
        baseUrl: server.url,
        model: 'm',
        out: outFile(),
        template: { text: '{{question}} {{shema}}', file: 'bad.txt' },
      }),
      /bad\.txt: unknown placeholder \{\{shema\}\}/,
    );
  });

  test('the completions endpoint, Gretel rows (schema from sql_context), evidence, and BIRD and Spider output files', async () => {
    server.requests.length = 0;
    const gretel = {
      name: 'g',
      queries: GRETEL_ROWS.map((r) => ({
        sql: r.sql,
        question: r.sql_prompt,
        sql_context: r.sql_context,
        evidence: 'use SUM',
        db_id: `db${r.id}`,
      })),
    };
    const out = outFile('json');
    const summary = await predict({
      questions: gretel,
      baseUrl: server.url,
      model: 'base',
      out,
      endpoint: 'completions',
      evidence: true,
      format: 'bird',
    });
    assert.equal(summary.done, 3);
    assert.ok(server.requests.every((r) => r.path === '/v1/completions'));
    assert.match(String(server.requests[0]?.body.prompt), /CREATE TABLE salesperson/);
    assert.match(String(server.requests[0]?.body.prompt), /Hint: use SUM/);
    const bird = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(bird), ['0', '1', '2']);
    assert.match(bird['0'] ?? '', /^SELECT '.*' FROM singer\t----- bird -----\tdb5097$/);
    assert.ok(existsSync(`${out}.jsonl`));
    const spiderOut = outFile('sql');
    await predict({ questions, dbDir: tmp.dir, baseUrl: server.url, model: 'm', out: spiderOut, format: 'spider' });
    assert.equal(readFileSync(spiderOut, 'utf8').trim().split('\n').length, 4);
  });
});

function questionsFile(): string {
  const path = join(tmp.dir, 'questions.json');
  writeFileSync(path, JSON.stringify(questions.queries.map(({ question, db_id }) => ({ question, db_id, query: '' }))));
  return path;
}

test('a run killed mid-way resumes without asking again for what it had saved', async () => {
  const server = await startServer({ answer: answerFor, delayMs: 150 });
  try {
    const many = Array.from({ length: 10 }, (_, k) => ({ question: `Slow question ${k}?`, db_id: 'concert_singer', query: '' }));
    const file = join(tmp.dir, 'many.json');
    writeFileSync(file, JSON.stringify(many));
    const out = outFile();
    const args = [
      CLI,
      'predict',
      '--questions',
      file,
      '--db-dir',
      tmp.dir,
      '--base-url',
      server.url,
      '--model',
      'm',
      '--out',
      out,
      '--concurrency',
      '1',
    ];
    // Kill the process (SIGKILL: no chance to clean up) once three answers are saved.
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readFileSync(out, 'utf8').trim().split('\n').length >= 3) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 10);
    });
    await new Promise((r) => child.once('exit', r));
    const saved = new Set(lines(out).map((p) => p.question));
    assert.ok(saved.size >= 3 && saved.size < 10, `saved ${saved.size}`);
    server.requests.length = 0;
    const rerun = await runCli(args.slice(1));
    assert.equal(rerun.code, 0, rerun.stderr);
    const final = lines(out);
    assert.deepEqual(
      [...new Set(final.map((p) => p.i))].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    const askedAgain = server.requests.map((r) => r.question).filter((q) => q !== null && saved.has(q));
    assert.deepEqual(askedAgain, [], 'saved answers are not requested again');
    assert.match(rerun.stdout, /10 of 10 questions answered \(\d from an earlier run\)/);
  } finally {
    await server.close();
  }
});

test('a re-run with another model, prompt or question set never reuses the first run’s answers', async () => {
  const server = await startServer({ answer: answerFor });
  try {
    const out = outFile();
    const run = (model: string, restart = false) =>
      predict({ questions, dbDir: tmp.dir, baseUrl: server.url, model, out, restart });
    await run('model-a');
    assert.ok(lines(out).every((p) => p.model === 'model-a'));
    await assert.rejects(run('model-b'), /holds results of another run \(model: "model-a" → "model-b"\); `restart` starts over/);
    const again = await run('model-b', true);
    assert.equal(again.skipped, 0, 'nothing taken from the run of model-a');
    assert.ok(lines(out).every((p) => p.model === 'model-b'));
    const same = await run('model-b');
    assert.equal(same.skipped, QUESTIONS.length, 'the same run again reuses every answer');
  } finally {
    await server.close();
  }
});
