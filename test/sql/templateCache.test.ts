/**
 * The persistent template cache: a second run gives the same results without the parser, a new
 * template version or parser version never sees old entries, two runs may write at once, the
 * bound holds, and a cache that cannot be opened is skipped.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadParser } from '../../src/sql/parser.js';
import { templateOf } from '../../src/sql/template.js';
import { TemplateCache } from '../../src/sql/templateCache.js';
import { createTemplater, TEMPLATE_CACHE_MAX_QUERIES } from '../../src/sql/templater.js';
import { runCli } from '../helpers/cli.js';
import { CLI, EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const QUERIES = ['SELECT count(*) FROM singer', 'SELECT name FROM t WHERE a = 1', 'error', 'SELECT a FROM t INDEXED BY i'];

test('a second templater over the same queries answers from the cache, identically', async () => {
  const dir = join(tmp.dir, 'one');
  const first = await createTemplater('sqlite', { cache: { dir } });
  const fresh = await first.templateAll(QUERIES);
  await first.close();
  const cache = TemplateCache.open('sqlite', { dir }) as TemplateCache;
  assert.deepEqual(cache.lookup(QUERIES), fresh, 'every result, errors included, is cached');
  cache.close();
  const second = await createTemplater('sqlite', { cache: { dir } });
  assert.deepEqual(await second.templateAll(QUERIES), fresh);
  await second.close();
  await loadParser();
  assert.deepEqual(
    fresh,
    QUERIES.map((q) => templateOf(q, 'sqlite')),
    'cached results equal fresh parses',
  );
});

test('entries are kept apart by dialect, and never returned for another template version', async () => {
  const dir = join(tmp.dir, 'two');
  const sqlite = TemplateCache.open('sqlite', { dir }) as TemplateCache;
  sqlite.store(['SELECT 1'], [{ template: 'SELECT' }]);
  sqlite.close();
  const mysql = TemplateCache.open('mysql', { dir }) as TemplateCache;
  assert.deepEqual(mysql.lookup(['SELECT 1']), [undefined]);
  mysql.close();
  const again = TemplateCache.open('sqlite', { dir }) as TemplateCache;
  assert.deepEqual(again.lookup(['SELECT 1']), [{ template: 'SELECT' }]);
  again.close();
  // The key holds the template rules' and the parser's versions: under another, nothing is found.
  const newer = TemplateCache.open('sqlite', { dir, version: 'rules of tomorrow' }) as TemplateCache;
  assert.deepEqual(newer.lookup(['SELECT 1']), [undefined]);
  newer.close();
});

test('the bound drops the oldest entries', () => {
  const dir = join(tmp.dir, 'bound');
  const cache = TemplateCache.open('sqlite', { dir, maxEntries: 10 }) as TemplateCache;
  for (let k = 0; k < 30; k++) cache.store([`SELECT ${k}`], [{ template: 'SELECT' }]);
  cache.close();
  const reopened = TemplateCache.open('sqlite', { dir, maxEntries: 10 }) as TemplateCache;
  const found = reopened.lookup(Array.from({ length: 30 }, (_, k) => `SELECT ${k}`)).filter((r) => r !== undefined);
  assert.ok(found.length <= 10, `${found.length} entries kept`);
  assert.deepEqual(reopened.lookup(['SELECT 29']), [{ template: 'SELECT' }], 'the newest stays');
  reopened.close();
});

test('a cache folder that cannot be written is skipped with one note, and the results are the same', async () => {
  const dir = join(tmp.dir, 'locked');
  mkdirSync(dir);
  chmodSync(dir, 0o500);
  const notes: string[] = [];
  const templater = await createTemplater('sqlite', { cache: { dir: join(dir, 'inside'), onNote: (n) => notes.push(n) } });
  const results = await templater.templateAll(QUERIES);
  await templater.close();
  chmodSync(dir, 0o700);
  await loadParser();
  assert.deepEqual(
    results,
    QUERIES.map((q) => templateOf(q, 'sqlite')),
  );
  if (process.getuid?.() !== 0) assert.equal(notes.length, 1, 'root can write anywhere; others are told');
});

test('two runs writing one cache at once both finish with the same output', async () => {
  const dir = join(tmp.dir, 'shared');
  const args = [
    'align',
    '--target',
    join(EXAMPLES, 'spider_dev_sample.json'),
    '--train',
    join(EXAMPLES, 'bird_dev_sample.json'),
    '--json',
    '--cache-dir',
    dir,
  ];
  const run = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
  const [a, b] = await Promise.all([run(), run()]);
  assert.equal(a, b);
  const uncached = await runCli([...args.slice(0, -2), '--no-cache']);
  assert.equal(uncached.stdout, a, 'the cache changes no number');
});

test('an input larger than TEMPLATE_CACHE_MAX_QUERIES is templated without the cache (the dataset cache serves its re-runs)', async () => {
  const dir = join(tmp.dir, 'large');
  const templater = await createTemplater('sqlite', {
    workers: 0,
    expectedQueries: TEMPLATE_CACHE_MAX_QUERIES + 1,
    cache: { dir },
  });
  const results = await templater.templateAll(QUERIES);
  await templater.close();
  assert.equal(existsSync(join(dir, 'templates.sqlite')), false, 'no cache file written');
  await loadParser();
  assert.deepEqual(
    results,
    QUERIES.map((q) => templateOf(q, 'sqlite')),
  );
});
