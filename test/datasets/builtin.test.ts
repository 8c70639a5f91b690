/**
 * Built-in public sets: each gives exactly the figures of its own public files (D, coverage, AR to
 * 1e-9), in its dialect without parsing a query and in another dialect through its masked queries;
 * the shipped files are what `npm run build-sets` makes now, byte for byte; a set built under other
 * template rules is templated again, not refused; together they stay small.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildSet, SETS, setTexts } from '../../scripts/build-sets.js';
import { align } from '../../src/align/align.js';
import { builtinSets } from '../../src/datasets/builtin.js';
import { loadParser } from '../../src/sql/parser.js';
import { runCli } from '../helpers/cli.js';
import { writeGretelParquet } from '../helpers/gretel.js';
import { ROOT, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const SETS_DIR = join(ROOT, 'sets');
const shipped = SETS.filter((s) => !s.own);

/** A set's public files as one dataset (Spider train is two files), with the SQL under `query`. */
function rawFile(files: readonly string[]): string {
  const rows = files.flatMap((file) => {
    const [path, field] = file.split('#') as [string, string];
    return (JSON.parse(readFileSync(shared('data', path), 'utf8')) as Record<string, unknown>[]).map((r) => ({
      query: r[field],
      db_id: r.db_id,
    }));
  });
  return tmp.file(`${files[0]?.replace(/\W/g, '_')}.jsonl`, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
}

const TARGETS: Record<string, string> = {
  sqlite: 'bird/mini_dev/mini_dev_sqlite.json#SQL',
  mysql: 'bird/mini_dev/mini_dev_mysql.json#SQL',
  postgres: 'bird/mini_dev/mini_dev_postgresql.json#SQL',
};

function assertClose(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
}

describe('every built-in set gives the figures of its own public files', sharedOrSkip(), () => {
  // WikiSQL's splits come from one 36 MB file by one reader: its dev split stands for the three here
  // (the byte-for-byte rebuild below makes all three).
  for (const set of shipped.filter((s) => s.name !== 'wikisql-train' && s.name !== 'wikisql-test')) {
    test(`builtin:${set.name}, in its own dialect (${set.dialect}): D, coverage, AR; no query parsed`, async () => {
      const target = shared('data', TARGETS[set.dialect] as string);
      const pred = shared('data', 'bird/mini_dev/mini_dev_sqlite.json#SQL');
      const run = (train: string) =>
        align({
          target,
          train: [train],
          pred: set.dialect === 'sqlite' ? [pred] : [],
          dialect: set.dialect,
          cache: false,
          sizeMatchReplicates: 0,
        });
      // A text2sql-data file is read as it is (its split named as `#split`); Spider and BIRD as one file of their SQL.
      const source = set.files[0]?.startsWith('text2sql_data/') ? shared('data', set.files[0]) : rawFile(set.files);
      const [built, raw] = await Promise.all([run(`builtin:${set.name}`), run(source)]);
      assertClose(built.rows[0]?.kl as number, raw.rows[0]?.kl as number, 'D');
      assertClose(built.rows[0]?.coverage as number, raw.rows[0]?.coverage as number, 'coverage');
      if (set.dialect === 'sqlite') assertClose(built.ratios[0]?.ar as number, raw.ratios[0]?.ar as number, 'AR');
      // The set counts its items as the source does (a text2sql-data SQL as often as it has questions).
      assert.equal(built.rows[0]?.queries, raw.rows[0]?.weighted?.total ?? raw.rows[0]?.queries);
      // Read as counts: the set's own templates, nothing transpiled or parsed.
      assert.equal(built.querySets.train[0]?.transpile, undefined);
      assert.equal(built.querySets.train[0]?.weighted, undefined);
    });
  }

  test('in another dialect, its masked queries transpile as the public queries do (Spider train in T-SQL and PostgreSQL)', async () => {
    const target = shared('data', 'spider/dev.json');
    const raw = rawFile(shipped.find((s) => s.name === 'spider-train')?.files ?? []);
    for (const dialect of ['tsql', 'postgres']) {
      const run = (train: string, name: string) =>
        align({
          target,
          train: [train],
          dialect,
          read: { dev: 'sqlite', [name]: 'sqlite' },
          cache: false,
          sizeMatchReplicates: 0,
        });
      const [built, fromFile] = await Promise.all([
        align({
          target,
          train: ['builtin:spider-train'],
          dialect,
          read: { dev: 'sqlite' },
          cache: false,
          sizeMatchReplicates: 0,
        }),
        run(raw, 'spider_train_spider_json_query'),
      ]);
      assert.ok(built.querySets.train[0]?.transpile, 'transpiled from the set’s own dialect');
      assertClose(built.rows[0]?.kl as number, fromFile.rows[0]?.kl as number, `${dialect} D`);
      assertClose(built.rows[0]?.coverage as number, fromFile.rows[0]?.coverage as number, `${dialect} coverage`);
    }
  });
});

describe('text2sql-data files (the classic sets) as they are published', sharedOrSkip(), () => {
  test('one item per SQL, weighted by its questions; #split keeps one question split; --weight none counts each SQL once', async () => {
    const atis = shared('data', 'text2sql_data', 'atis.json');
    const whole = await align({ target: atis, train: [atis], dialect: 'mysql', cache: false, sizeMatchReplicates: 0 });
    assert.equal(whole.target.queries, 947);
    assert.deepEqual(whole.target.weighted, { field: 'questions', total: 5280, unparseable: 0 });
    const dev = await align({ target: `${atis}#dev`, train: [atis], dialect: 'mysql', cache: false, sizeMatchReplicates: 0 });
    assert.equal(dev.target.weighted?.total, 486);
    const once = await align({ target: atis, train: [atis], dialect: 'mysql', weights: { atis: 'none' }, cache: false });
    assert.equal(once.target.weighted, undefined);
    assert.notEqual(once.rows[0]?.coverage, undefined);
    const bad = await runCli(['profile', `${atis}#spring`, '--no-cache']);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /atis\.json: no question of split 'spring' \(splits: train, dev, test\)/);
  });
});

describe('the shipped sets', () => {
  test('are what build-sets makes now, byte for byte', sharedOrSkip(), async () => {
    await loadParser();
    for (const definition of shipped) {
      const built = setTexts(await buildSet(definition, shared('data')));
      for (const [text, file] of [
        [built.counts, `${definition.name}.json`],
        [built.queries, `${definition.name}.queries.json`],
      ] as const) {
        assert.ok(text === readFileSync(join(SETS_DIR, file), 'utf8'), `${file}: run npm run build-sets`);
      }
    }
  });

  test('together add at most 4 MB to the package (compressed, as npm packs them)', () => {
    const bytes = readdirSync(SETS_DIR).reduce((sum, f) => sum + gzipSync(readFileSync(join(SETS_DIR, f))).length, 0);
    assert.ok(bytes < 4 * 2 ** 20, `${bytes} bytes`);
  });

  test('a set built under other template rules is templated again, not refused', sharedOrSkip(), async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlalign-sets-'));
    const set = JSON.parse(readFileSync(join(SETS_DIR, 'spider-dev.json'), 'utf8'));
    writeFileSync(
      join(dir, 'spider-dev-old.json'),
      JSON.stringify({ ...set, name: 'spider-dev-old', template_version: '2020-01-01' }),
    );
    writeFileSync(join(dir, 'spider-dev-old.queries.json'), readFileSync(join(SETS_DIR, 'spider-dev.queries.json')));
    process.env.SQLALIGN_SETS = dir;
    try {
      const target = shared('data', 'bird/mini_dev/mini_dev_sqlite.json#SQL');
      const run = (train: string) => align({ target, train: [train], cache: false, sizeMatchReplicates: 0 });
      const [old, current] = await Promise.all([run('builtin:spider-dev-old'), run('builtin:spider-dev')]);
      assert.equal(old.querySets.train[0]?.queries, 1034);
      assertClose(old.rows[0]?.kl as number, current.rows[0]?.kl as number, 'D');
      assert.ok(builtinSets().some((s) => s.name === 'builtin:spider-dev-old' && !s.current));
    } finally {
      delete process.env.SQLALIGN_SETS;
    }
  });

  test('a set a user builds from a download (Gretel’s Parquet) is used as builtin: from their own folder', async () => {
    const data = mkdtempSync(join(tmpdir(), 'sqlalign-data-'));
    const out = mkdtempSync(join(tmpdir(), 'sqlalign-own-sets-'));
    mkdirSync(join(data, 'gretel', 'synthetic_text_to_sql'), { recursive: true });
    const parquet = join(data, 'gretel', 'synthetic_text_to_sql', 'train.parquet');
    writeGretelParquet(parquet);
    const build = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'build-sets.ts'), '--data', data, '--out', out, 'gretel-train'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, /gretel-train: 3 queries/);
    const target = join(ROOT, 'examples', 'spider_dev_sample.json');
    const [own, raw] = await Promise.all([
      runCli(['align', '--target', target, '--train', 'builtin:gretel-train', '--json', '--no-cache'], {
        env: { SQLALIGN_SETS: out },
      }),
      runCli(['align', '--target', target, '--train', parquet, '--json', '--no-cache']),
    ]);
    assert.equal(own.code, 0, own.stderr);
    assert.match(own.stderr, /builtin:gretel-train: built-in set: Gretel synthetic_text_to_sql, train; licence: Apache-2\.0/);
    assertClose(JSON.parse(own.stdout).rows[0].kl, JSON.parse(raw.stdout).rows[0].kl, 'D');
  });

  test('sqlalign sets lists them; a name that is no set, and a set as a pool, are one-line errors', async () => {
    const list = await runCli(['sets', '--json']);
    assert.equal(list.code, 0, list.stderr);
    const sets = JSON.parse(list.stdout) as { name: string; licence: string; queries: number; dialect: string }[];
    assert.deepEqual(
      sets.map((s) => s.name),
      shipped.map((s) => `builtin:${s.name}`).sort(),
    );
    assert.ok(sets.every((s) => s.queries > 0 && s.licence !== ''));
    assert.ok(sets.filter((s) => /spider|bird/.test(s.name)).every((s) => s.licence === 'CC BY-SA 4.0'));
    const text = await runCli(['sets']);
    assert.match(text.stdout, /builtin:spider-train\s+sqlite\s+8,659\s+1,180\s+CC BY-SA 4\.0/);
    const templates = await runCli(['templates', 'builtin:spider-dev']);
    assert.equal(templates.code, 2);
    assert.match(templates.stderr, /builtin:spider-dev holds template counts, not queries one by one/);
    const missing = await runCli(['profile', 'builtin:nope']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sqlalign: no built-in set 'nope' \(sets: academic, .*spider-train.*\)/);
    const pool = await runCli([
      'select',
      '--target',
      'builtin:spider-dev',
      '--pool',
      'builtin:spider-train',
      '--budget',
      '5',
      '--out',
      join(tmp.dir, 'x.jsonl'),
    ]);
    assert.notEqual(pool.code, 0);
    assert.match(pool.stderr, /builtin:spider-train: a built-in set holds no questions: it cannot be a pool/);
  });
});
