/**
 * The cache of reduced datasets: what goes in comes back, keys change with everything that
 * decides a reduction (and only with that), broken entries are misses, the bound holds, and a
 * second `align` over the same files prints the same report without asking for the parser.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { openDataset } from '../../src/datasets/index.js';
import { buildQuerySet } from '../../src/features/querySet.js';
import { dbIdsOf, ItemFactsBuilder, ReducedCache, type ReducedDataset } from '../../src/features/reducedCache.js';
import { createTemplater } from '../../src/sql/templater.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES, ROOT } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const DIN_SQL = join(EXAMPLES, 'spider_dev_sample_din_sql.csv');
const READ = { dialect: 'sqlite' };

/** The CSV with a line of junk SQL and an empty cell: unparseable items, counted and kept as examples. */
const predictions = (() => {
  const text = readFileSync(DIN_SQL, 'utf8');
  return tmp.file('preds.csv', `${text.trimEnd()}\r\nwhat?,SELEC nothing FROM,x,concert_singer\r\nempty,,x,pets_1\r\n`);
})();

async function reduce(arg: string): Promise<ReducedDataset> {
  const dataset = await openDataset(arg, READ);
  const templater = await createTemplater('sqlite', { cache: false });
  const facts = new ItemFactsBuilder();
  const set = await buildQuerySet(dataset, templater, { onRecord: (record) => facts.add(record) });
  await templater.close();
  const { format, field, layout, notes } = dataset;
  return { dataset: { format, field, layout, notes }, set, items: facts.build() };
}

test('a reduced dataset comes back from the cache as it went in', async () => {
  const cache = ReducedCache.open({ dir: join(tmp.dir, 'round') }) as ReducedCache;
  const arg = `${predictions}#PREDICTED SQL`;
  const reduced = await reduce(arg);
  assert.ok(reduced.set.unparseable >= 2 && reduced.set.unparseableExamples.length >= 2, 'junk items are in the reduction');
  const key = (await cache.keyOf(arg, READ)) as string;
  assert.equal(cache.get(key, 'preds', predictions), null, 'nothing before the first put');
  cache.put(key, reduced);
  const back = cache.get(key, reduced.set.name, reduced.set.path) as ReducedDataset;
  assert.deepEqual(back.dataset, JSON.parse(JSON.stringify(reduced.dataset)), 'facts that are undefined are left out');
  assert.deepEqual(
    { ...back.set, templates: [...back.set.templates.counts] },
    { ...reduced.set, templates: [...reduced.set.templates.counts] },
  );
  assert.deepEqual(back.items, reduced.items);
  assert.equal(dbIdsOf(back.items).at(-1), 'pets_1');
  assert.ok(
    Number.isNaN(back.items.queryHashes.at(-1) as number) && back.items.hasSql.at(-1) === 1,
    'an empty cell is SQL without a hash',
  );
});

test('the key follows the bytes and every reading setting, not where the file is', async () => {
  const cache = ReducedCache.open({ dir: join(tmp.dir, 'keys') }) as ReducedCache;
  const arg = `${predictions}#PREDICTED SQL`;
  const key = await cache.keyOf(arg, READ);
  const copy = join(tmp.dir, 'elsewhere.csv');
  copyFileSync(predictions, copy);
  assert.equal(await cache.keyOf(`label=${copy}#PREDICTED SQL`, READ), key, 'the same bytes read the same way');
  const others = [
    await cache.keyOf(`${predictions}#GOLD SQL`, READ),
    await cache.keyOf(arg, { dialect: 'mysql' }),
    await cache.keyOf(arg, { ...READ, layout: 'lines' }),
    await cache.keyOf(arg, { ...READ, maxQueryLength: 100 }),
  ];
  const tsv = join(tmp.dir, 'elsewhere.tsv');
  copyFileSync(predictions, tsv);
  others.push(await cache.keyOf(`${tsv}#PREDICTED SQL`, READ));
  writeFileSync(copy, `${readFileSync(copy, 'utf8')}one more,SELECT 1,x,y\n`);
  others.push(await cache.keyOf(`${copy}#PREDICTED SQL`, READ));
  assert.equal(new Set([key, ...others]).size, others.length + 1, 'each setting and the changed file make a key of their own');
  assert.equal(await cache.keyOf(join(tmp.dir, 'missing.csv'), READ), null);
  assert.equal(await cache.keyOf({ name: 'inline', queries: ['SELECT 1'] }, READ), null, 'queries in memory are not cached');
});

test('a folder of SQL files: the key follows each file, its name and the files a pattern takes', async () => {
  const cache = ReducedCache.open({ dir: join(tmp.dir, 'folder-keys') }) as ReducedCache;
  const folder = join(tmp.dir, 'gold-sql');
  mkdirSync(folder);
  writeFileSync(join(folder, 'bq001.sql'), 'SELECT a FROM t');
  writeFileSync(join(folder, 'sf001.sql'), 'SELECT b FROM u');
  const key = (await cache.keyOf(folder, READ)) as string;
  assert.match(key, /^[0-9a-f]{64}$/);
  const keys = [key, (await cache.keyOf(join(folder, 'bq*.sql'), READ)) as string];
  writeFileSync(join(folder, 'sf001.sql'), 'SELECT b FROM u WHERE c = 1');
  keys.push((await cache.keyOf(folder, READ)) as string);
  renameSync(join(folder, 'sf001.sql'), join(folder, 'sf002.sql'));
  keys.push((await cache.keyOf(folder, READ)) as string);
  writeFileSync(join(folder, 'sf003.sql'), '');
  keys.push((await cache.keyOf(folder, READ)) as string);
  assert.equal(new Set(keys).size, keys.length, 'an edited, renamed or added file makes a key of its own');
  assert.equal(await cache.keyOf(join(folder, 'bq*.sql'), READ), keys[1], 'files the pattern leaves out do not count');
});

test('a broken entry is a miss and is removed; the bound drops the least recently used', async () => {
  const dir = join(tmp.dir, 'broken');
  const reduced = await reduce(`${predictions}#PREDICTED SQL`);
  const cache = ReducedCache.open({ dir }) as ReducedCache;
  cache.put('a'.repeat(64), reduced);
  const file = join(dir, 'sets', `${'a'.repeat(64)}.bin`);
  truncateSync(file, 100);
  assert.equal(cache.get('a'.repeat(64), 'x', 'x'), null);
  assert.deepEqual(readdirSync(join(dir, 'sets')), [], 'the broken entry is gone');

  const small = ReducedCache.open({ dir: join(tmp.dir, 'small') }, 3.5 * entryBytes(reduced)) as ReducedCache;
  // Apart in time as runs are (file times are kept to the millisecond).
  const later = () => new Promise((resolve) => setTimeout(resolve, 20));
  for (const k of [1, 2, 3]) {
    small.put(String(k).repeat(64), reduced);
    await later();
  }
  assert.ok(small.get('1'.repeat(64), 'x', 'x'), 'the first entry is used again, so it is kept');
  await later();
  small.put('4'.repeat(64), reduced);
  const kept = readdirSync(join(tmp.dir, 'small', 'sets')).map((f) => f[0]);
  assert.ok(kept.length <= 2 && kept.includes('4') && kept.includes('1'), `kept ${kept.join(',')}`);
});

/** The bytes one entry of this reduction takes. */
function entryBytes(reduced: ReducedDataset): number {
  const cache = ReducedCache.open({ dir: join(tmp.dir, 'measure') }) as ReducedCache;
  cache.put('m'.repeat(64), reduced);
  return readFileSync(join(tmp.dir, 'measure', 'sets', `${'m'.repeat(64)}.bin`)).length;
}

test('a second align over the same files prints the same report, notes and warnings without the parser', async () => {
  const dir = join(tmp.dir, 'align');
  // A training set holding target items (a leakage warning) and predictions for other questions.
  const target = join(EXAMPLES, 'spider_dev_sample.json');
  const items = JSON.parse(readFileSync(target, 'utf8')) as unknown[];
  const leaky = tmp.file('leaky.json', JSON.stringify(items.slice(0, 40)));
  const args = [
    'align',
    '--target',
    target,
    '--train',
    join(EXAMPLES, 'spider_train_sample.sql'),
    '--train',
    leaky,
    '--train',
    join(EXAMPLES, 'bird_dev_sample.json'),
    '--pred',
    `${predictions}#PREDICTED SQL`,
    '--json',
  ];
  const uncached = await runCli([...args, '--no-cache']);
  assert.equal(uncached.code, 0, uncached.stderr);
  assert.match(uncached.stderr, /holds 40 of the target's/);
  const first = await runCli([...args, '--cache-dir', dir]);
  const second = await runCli([...args, '--cache-dir', dir]);
  for (const run of [first, second]) {
    assert.equal(run.stdout, uncached.stdout, 'the cache changes no number');
    assert.equal(run.stderr, uncached.stderr, 'nor any note or warning');
  }
  assert.equal(readdirSync(join(dir, 'sets')).length, 5, 'one entry per input');

  // The same run through the library, in a process of its own, with an empty template cache: every
  // input is served whole from the reduced cache, so the parser is never asked for.
  rmSync(join(dir, 'templates.sqlite'));
  const script = `
    import { align } from ${JSON.stringify(join(ROOT, 'dist', 'align', 'align.js'))};
    import { parserRequested } from ${JSON.stringify(join(ROOT, 'dist', 'sql', 'parser.js'))};
    const result = await align({ target: ${JSON.stringify(target)}, train: ${JSON.stringify(args.filter((_, k) => args[k - 1] === '--train'))},
      pred: [${JSON.stringify(`${predictions}#PREDICTED SQL`)}], cache: { dir: ${JSON.stringify(dir)} } });
    console.log(JSON.stringify({ parser: parserRequested(), d: result.rows.map((r) => r.kl) }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  const out = JSON.parse(stdout) as { parser: boolean; d: number[] };
  assert.equal(out.parser, false);
  const expected = JSON.parse(uncached.stdout) as { rows: { kl: number }[] };
  assert.deepEqual(
    out.d,
    expected.rows.map((r) => r.kl),
  );

  // --drop-overlap reads the training sets item by item; its numbers match the uncached run's too.
  const dropped = await runCli([...args, '--drop-overlap', '--cache-dir', dir]);
  const droppedUncached = await runCli([...args, '--drop-overlap', '--no-cache']);
  assert.equal(dropped.stdout, droppedUncached.stdout);
  assert.equal(readdirSync(join(dir, 'sets')).length, 5, 'a training set without the target items is not stored as the file');
});

test('profile and count read a dataset through the cache: the same output the second time, and as without it', async () => {
  const dir = join(tmp.dir, 'profile');
  const dataset = join(EXAMPLES, 'bird_dev_sample.json');
  const uncached = await runCli(['profile', dataset, '--json', '--no-cache']);
  const first = await runCli(['profile', dataset, '--json', '--cache-dir', dir]);
  assert.equal(readdirSync(join(dir, 'sets')).length, 1);
  rmSync(join(dir, 'templates.sqlite'));
  const second = await runCli(['profile', dataset, '--json', '--cache-dir', dir]);
  assert.equal(first.stdout, uncached.stdout);
  assert.equal(second.stdout, uncached.stdout);
  const counts = (name: string, cache: string[]) =>
    runCli(['count', dataset, join(EXAMPLES, 'spider_train_sample.sql'), '--out', join(tmp.dir, name), ...cache]).then(() =>
      readFileSync(join(tmp.dir, name), 'utf8'),
    );
  assert.equal(await counts('cached.json', ['--cache-dir', dir]), await counts('plain.json', ['--no-cache']));
  // The entry is what the run reads: one doctored by hand shows in the profile.
  const cache = ReducedCache.open({ dir }) as ReducedCache;
  const key = (await cache.keyOf(dataset, READ)) as string;
  const entry = cache.get(key, 'x', dataset) as ReducedDataset;
  cache.put(key, { ...entry, set: { ...entry.set, unparseable: entry.set.unparseable + 1 } });
  const doctored = JSON.parse((await runCli(['profile', dataset, '--json', '--cache-dir', dir])).stdout) as {
    unparseable: number;
  };
  assert.equal(doctored.unparseable, (JSON.parse(uncached.stdout) as { unparseable: number }).unparseable + 1);
});
