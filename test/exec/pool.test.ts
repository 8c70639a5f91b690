/**
 * The pool of execution processes on its own: requests queue for a free process, a query past the
 * time-out has its process killed and replaced (the next request runs on the new one), and a
 * closed pool takes no more requests.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createExecPool, type ExecPool } from '../../src/exec/pool.js';
import { makeSingerDb } from '../helpers/db.js';
import { execRequest } from '../helpers/execRequest.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const db = makeSingerDb(tmp.dir);
const FOREVER = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c';

const request = (pred: string, gold = 'SELECT count(*) FROM singer') => execRequest(db, pred, gold);

let pool: ExecPool;
before(async () => {
  pool = await createExecPool(1, 1500);
});
after(() => pool.close());

test('one process: concurrent requests queue and each gets its own result', async () => {
  const results = await Promise.all([
    pool.run(request('SELECT count(*) FROM singer')),
    pool.run(request('SELECT 4')),
    pool.run(request('SELECT count(*) FROM concert', 'SELECT count(*) FROM concert')),
  ]);
  assert.deepEqual(
    results.map((r) => [r.status, r.ex]),
    [
      ['ok', true],
      ['ok', false],
      ['ok', true],
    ],
  );
});

test('a prediction past the time-out: its process is killed, the item is a time-out, the next runs on a new process', async () => {
  const stuck = await pool.run(request(FOREVER));
  assert.equal(stuck.status, 'timeout');
  assert.match(stuck.error ?? '', /prediction ran longer than 1.5 s/);
  const next = await pool.run(request('SELECT count(*) FROM singer'));
  assert.deepEqual([next.status, next.ex], ['ok', true]);
});

test('items sent behind a stuck one run on the new process, each with its own result', async () => {
  // With one process, the second request is already in the process when the first is killed.
  const requests = [request(FOREVER), request('SELECT count(*) FROM singer'), request('SELECT 4')];
  const [stuck, behind, third] = await Promise.all(requests.map((r) => pool.run(r)));
  assert.deepEqual(
    [stuck, behind, third].map((r) => r?.id),
    requests.map((r) => r.id),
  );
  assert.equal(stuck?.status, 'timeout');
  assert.deepEqual([behind?.status, behind?.ex], ['ok', true]);
  assert.deepEqual([third?.status, third?.ex], ['ok', false]);
});

test('a closed pool refuses requests', async () => {
  const closing = await createExecPool(1, 1000);
  await closing.close();
  await assert.rejects(closing.run(request('SELECT 1')), /closed/);
});
