/**
 * `npm run bench`: times sqlalign on the shared Spider and BIRD data and on a synthetic log of
 * 1,000,000 queries, as a user runs it (the built CLI in a fresh process), and the template
 * stage in-process. Prints medians of several runs, queries per second and peak memory.
 * Set BENCH_RUNS (default 5) and BENCH_LOG_QUERIES (default 1000000) to change the work, and
 * BENCH_ONLY to run some sections (comma-separated: align, dialects, sets, eval, templates, log, weights, select, long).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { openDataset, readAll } from '../src/datasets/index.js';
import { TemplateEngine } from '../src/sql/engine.js';
import { loadParser } from '../src/sql/parser.js';
import { seededRandom } from '../src/stats/random.js';
import { varyLiterals, writeSyntheticLog } from './synthetic.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.SQLALIGN_SHARED ?? resolve(ROOT, '..', 'shared');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOG_QUERIES = Number(process.env.BENCH_LOG_QUERIES ?? 1_000_000);
const data = (p: string) => join(SHARED, 'data', p);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Timed {
  seconds: number;
  maxRssMb: number;
}

/** One run of the built CLI in a fresh process: its wall time and peak memory. */
function runCli(args: string[], exitCode: number): { seconds: number; rssMb: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'bench', 'rss.mjs'), CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // No template cache unless a case names one: every other case measures templating itself.
    env: { ...process.env, SQLALIGN_CACHE: 'off' },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== exitCode) throw new Error(`sqlalign ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  return { seconds, rssMb: Number(/BENCH_MAXRSS_KB (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024 };
}

/** Runs the CLI `RUNS` times in fresh processes; medians of wall time and peak memory. */
function timeCli(args: string[], runs = RUNS, before?: () => void, exitCode = 0): Timed {
  return timeCliInterleaved([args], runs, before, exitCode)[0] as Timed;
}

/**
 * Variants of one case timed in turn, run after run (A B A B …), so that a busy spell of the
 * machine falls on all of them alike: rows meant to be compared with each other.
 */
function timeCliInterleaved(variants: string[][], runs = RUNS, before?: () => void, exitCode = 0): Timed[] {
  const seconds: number[][] = variants.map(() => []);
  const rss: number[][] = variants.map(() => []);
  for (let r = 0; r < runs; r++) {
    variants.forEach((args, v) => {
      before?.();
      const run = runCli(args, exitCode);
      seconds[v]?.push(run.seconds);
      rss[v]?.push(run.rssMb);
    });
  }
  return variants.map((_, v) => ({ seconds: median(seconds[v] ?? []), maxRssMb: median(rss[v] ?? []) }));
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A file of one query: start-up alone (node, modules, the parser's load). */
const ONE_QUERY = join(ROOT, 'bench', 'one.sql');

const rows: string[][] = [];
const row = (what: string, queries: number, t: Timed, note = '') =>
  rows.push([what, fmt(queries), fmt(t.seconds, 2), fmt(queries / t.seconds), fmt(t.maxRssMb), note]);

async function benchAlign() {
  // 1. The first comparison of ../shared/fixtures/align/CASES.json, end to end.
  const case1 = [
    'align',
    '--target',
    data('spider/dev.json#query'),
    '--train',
    data('spider/train_gold.sql'),
    '--train',
    data('bird/dev.json#SQL'),
    '--pred',
    data('predictions/spider_dev_din_sql_gpt4/DIN-SQL_GPT4.csv#PREDICTED SQL'),
    '--json',
  ];
  const case1Queries = 1034 + 8659 + 1534 + 1034;
  // Cold: no template cache; warm: a cache filled by a first run (the parser is then never loaded).
  // Parser threads (the default) and this thread alone, run by turns.
  const [threads, alone] = timeCliInterleaved([
    [...case1, '--no-cache'],
    [...case1, '--no-cache', '--workers', '0'],
  ]) as [Timed, Timed];
  row('align, CASES.json case 1 (whole process, no cache)', case1Queries, threads, 'parser threads, by turns with the next row');
  row('  the same, parsed in this thread (--workers 0)', case1Queries, alone);
  const cacheDir = mkdtempSync(join(tmpdir(), 'sqlalign-bench-cache-'));
  timeCli([...case1, '--cache-dir', cacheDir], 1);
  row(
    '  the same, second run (warm caches)',
    case1Queries,
    timeCli([...case1, '--cache-dir', cacheDir]),
    'no query read, no parser load',
  );
  // Files changed since (a new target, an edited log): their queries are read again, their templates mostly cached.
  row(
    '  the same, files changed (template cache only)',
    case1Queries,
    timeCli([...case1, '--cache-dir', cacheDir], RUNS, () => rmSync(join(cacheDir, 'sets'), { recursive: true, force: true })),
    'every query read, no parser load',
  );
  rmSync(cacheDir, { recursive: true, force: true });
  row('  --version (start-up of the command line)', 0, timeCli(['--version']));
  row(
    '  start-up only: align on a 1-query file',
    1,
    timeCli(['align', '--target', ONE_QUERY, '--train', ONE_QUERY, '--json']),
    'node + modules + parser load',
  );
}

/**
 * A T-SQL workload against Spider train read as SQLite (`--read`): every training query transpiled
 * before it is templated, against the same run comparing the files as T-SQL as they are. By turns.
 */
function benchCrossDialect() {
  const spiderTrain = [
    '--train',
    `train=${data('spider/train_spider.json')}`,
    '--train',
    `others=${data('spider/train_others.json')}`,
  ];
  const base = ['align', '--target', data('spider/dev.json'), ...spiderTrain, '--dialect', 'tsql', '--json', '--no-cache'];
  const [plain, transpiled] = timeCliInterleaved([base, [...base, '--read', 'train=sqlite', '--read', 'others=sqlite']]) as [
    Timed,
    Timed,
  ];
  const queries = 1034 + 8659;
  row('align in T-SQL vs Spider train, read as T-SQL (no cache)', queries, plain, 'by turns with the next row');
  row(
    '  the same, Spider train read as SQLite (--read, transpiled)',
    queries,
    transpiled,
    `${fmt(transpiled.seconds / plain.seconds, 2)}x`,
  );
}

/**
 * Built-in sets: Spider dev against three of them costs no more than Spider dev alone (cold, no
 * cache): the sets are read as counts, none of their queries parsed.
 */
function benchSets() {
  const dev = data('spider/dev.json');
  const [sets, alone] = timeCliInterleaved([
    [
      'align',
      '--target',
      dev,
      '--train',
      'builtin:spider-train',
      '--train',
      'builtin:bird-train',
      '--train',
      'builtin:bird-dev',
      '--json',
    ],
    ['align', '--target', dev, '--train', dev, '--json'],
  ]);
  row(
    'align Spider dev vs builtin:spider-train, bird-train, wikisql-train',
    1034,
    sets as Timed,
    'no set query parsed, by turns',
  );
  row('  Spider dev alone (against itself)', 1034, alone as Timed);
}

async function benchEval() {
  // 2. Evaluation of Spider dev (DIN-SQL GPT-4 predictions): EX plus both exact matches, against the
  // official scripts' times on this machine (../shared/fixtures/eval/README.md: 5.3 s and 1.3 s).
  const evalArgs = [
    'eval',
    '--gold',
    data('spider/dev_gold.sql'),
    '--pred',
    data('predictions/spider_dev_din_sql_gpt4/DIN-SQL_GPT4.csv#PREDICTED SQL'),
    '--db-dir',
    data('spider/database'),
    '--tables',
    data('spider/tables.json'),
    '--json',
  ];
  const spiderEval = timeCli(evalArgs);
  row(
    'eval Spider dev, spider rule, EX + EM (exact set, template)',
    1034,
    spiderEval,
    `official evaluation.py 5.3 s: ${fmt(5.3 / spiderEval.seconds, 1)}x`,
  );
  const evalCache = mkdtempSync(join(tmpdir(), 'sqlalign-bench-cache-'));
  timeCli([...evalArgs, '--cache-dir', evalCache], 1);
  const warmEval = timeCli([...evalArgs, '--cache-dir', evalCache]);
  rmSync(evalCache, { recursive: true, force: true });
  row('  the same, warm template cache', 1034, warmEval, `no parser load; official 5.3 s: ${fmt(5.3 / warmEval.seconds, 1)}x`);
  const birdEval = timeCli([...evalArgs, '--semantics', 'bird']);
  row(
    'eval Spider dev, bird rule, EX + EM',
    1034,
    birdEval,
    `BIRD evaluation_ex.py (EX only) 1.3 s: ${fmt(1.3 / birdEval.seconds, 1)}x`,
  );
}

/** The distinct query texts of Spider and BIRD: the in-process cases' input, and the synthetic log's pieces. */
async function distinctTexts() {
  const distinct = new Set<string>();
  for (const spec of [
    'spider/train_gold.sql',
    'spider/dev.json#query',
    'bird/dev.json#SQL',
    'bird/mini_dev/mini_dev_sqlite.json#SQL',
  ]) {
    for (const r of await readAll(await openDataset(data(spec)))) if (r.sql) distinct.add(r.sql);
  }
  return [...distinct];
}

async function benchTemplates(texts: string[]) {
  // 3. Template extraction in-process, after start-up: distinct queries never seen before.
  // The same V8 setting as the CLI (src/cli/main.ts), before the parser is compiled.
  setFlagsFromString('--liftoff-only');
  await loadParser();
  const engine = new TemplateEngine('sqlite');
  let t0 = performance.now();
  for (const sql of texts) engine.template(sql);
  const cold = (performance.now() - t0) / 1000;
  rows.push([
    'templates, distinct texts, first pass (in-process, 1 thread)',
    fmt(texts.length),
    fmt(cold, 2),
    fmt(texts.length / cold),
    '',
    `${fmt(engine.stats.parsed)} parses (the rest share a shape)`,
  ]);
  const fresh = new TemplateEngine('sqlite');
  t0 = performance.now();
  for (const sql of texts) fresh.template(sql);
  const warm = (performance.now() - t0) / 1000;
  rows.push([
    '  the same, parser warmed up, empty cache',
    fmt(texts.length),
    fmt(warm, 2),
    fmt(texts.length / warm),
    '',
    `${fmt(fresh.stats.parsed)} parses`,
  ]);
  t0 = performance.now();
  for (let rep = 0; rep < 10; rep++) for (const sql of texts) fresh.template(sql);
  const seen = (performance.now() - t0) / 1000;
  rows.push([
    '  queries already seen (cache hits)',
    fmt(10 * texts.length),
    fmt(seen, 2),
    fmt((10 * texts.length) / seen),
    '',
    '',
  ]);
}

async function benchLog(texts: string[]) {
  // 4. A synthetic log of LOG_QUERIES real queries with varied literals, end to end.
  const dir = mkdtempSync(join(tmpdir(), 'sqlalign-bench-'));
  try {
    for (const size of [LOG_QUERIES / 10, LOG_QUERIES]) {
      const log = join(dir, `log-${size}.sql`);
      await writeSyntheticLog(log, texts, size);
      const logRuns = Math.max(1, Math.min(RUNS, 3));
      row(
        `profile, synthetic log of ${fmt(size)} queries`,
        size,
        timeCli(['profile', log, '--json'], logRuns),
        'literals varied',
      );
      const logAlign = ['align', '--target', log, '--train', data('spider/train_gold.sql'), '--json'];
      row(`align, log as target vs Spider train`, size + 8659, timeCli(logAlign, logRuns));
      if (size === LOG_QUERIES) {
        // The caches as a user has them by default: a first run fills the dataset cache, the second reads it.
        const logCache = mkdtempSync(join(tmpdir(), 'sqlalign-bench-cache-'));
        row('  the same, first run with the caches on', size + 8659, timeCli([...logAlign, '--cache-dir', logCache], 1));
        row('  the same, second run (dataset cache)', size + 8659, timeCli([...logAlign, '--cache-dir', logCache], logRuns));
        rmSync(logCache, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 5. A weighted export (pg_stat_statements' shape): 50,000 distinct queries standing for
 * 10,000,000 calls, Zipf-distributed as a server's are. Weighted, it must count no slower than its
 * distinct queries counted once each (`--weight export=none`): the runs are never expanded.
 */
async function benchWeighted(texts: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sqlalign-bench-'));
  try {
    const distinct = 50_000;
    const calls = 10_000_000;
    const next = seededRandom(7);
    const zipf = Array.from({ length: distinct }, (_, k) => 1 / (k + 1));
    const sum = zipf.reduce((a, b) => a + b, 0);
    const perQuery = zipf.map((z) => Math.max(1, Math.floor((calls * z) / sum)));
    perQuery[0] = (perQuery[0] as number) + calls - perQuery.reduce((a, b) => a + b, 0);
    const seen = new Set<string>();
    const lines: string[] = ['queryid,query,calls,total_exec_time'];
    while (seen.size < distinct) {
      const sql = varyLiterals((texts[Math.floor(next() * texts.length)] as string).replace(/\s+/g, ' '), next);
      if (seen.has(sql)) continue;
      lines.push(`${seen.size},"${sql.replace(/"/g, '""')}",${perQuery[seen.size]},1.5`);
      seen.add(sql);
    }
    const file = join(dir, 'export.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const runs = Math.max(1, Math.min(RUNS, 3));
    const base = ['align', '--target', file, '--train', data('spider/train_gold.sql'), '--json'];
    const [weighted, once] = timeCliInterleaved([base, [...base, '--weight', 'export=none']], runs);
    row(
      `align, weighted export: ${fmt(distinct)} distinct queries, ${fmt(calls)} calls`,
      distinct + 8659,
      weighted as Timed,
      'calls column',
    );
    row('  the same, each query once (--weight export=none)', distinct + 8659, once as Timed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSelect(texts: string[]) {
  // 5. select: 10,000 from a pool of 100,000 (real queries with varied literals, each with a question).
  const poolDir = mkdtempSync(join(tmpdir(), 'sqlalign-bench-'));
  try {
    const pool = join(poolDir, 'pool.jsonl');
    const next = seededRandom(3);
    writeFileSync(
      pool,
      `${Array.from({ length: 100_000 }, (_, k) =>
        JSON.stringify({
          question: `q${k}`,
          sql: varyLiterals(texts[Math.floor(next() * texts.length)] as string, next),
          db_id: 'x',
        }),
      ).join('\n')}\n`,
    );
    const args = [
      'select',
      '--target',
      data('spider/dev.json'),
      '--pool',
      pool,
      '--budget',
      '10000',
      '--max-template-share',
      '0.01',
      '--json',
    ];
    row('select 10,000 of a 100,000-query pool (greedy)', 100_000, timeCli(args, 3));
    row('  the same, importance resampling', 100_000, timeCli([...args, '--method', 'importance'], 3));
  } finally {
    rmSync(poolDir, { recursive: true, force: true });
  }
}

async function benchLong() {
  // 6. Single long queries (about 1 MB): generated repeats, folded (src/sql/repeats.ts), a chain of
  // set operations told unparseable from its text, and a long query that repeats nothing, which the
  // parser reads whole. Start-up alone, for comparison, in the same run.
  row(
    'templates, start-up only: a 1-query file',
    1,
    timeCli(['templates', ONE_QUERY, '--format', 'jsonl']),
    'node + modules + parser load',
  );
  const longDir = mkdtempSync(join(tmpdir(), 'sqlalign-bench-'));
  try {
    const many = (n: number, item: (i: number) => string, separator: string) =>
      Array.from({ length: n }, (_, i) => item(i)).join(separator);
    // [what, query, exit code]: a file whose every query is unparseable exits with 1.
    const longQueries: [string, string, number?][] = [
      [
        '`IN (…)` list of 130,000 ids',
        `SELECT o.id, o.total FROM orders AS o WHERE o.customer_id IN (${many(130_000, (i) => String(100_000 + i * 7), ', ')})`,
      ],
      [
        '`INSERT … VALUES` of 25,000 rows',
        `INSERT INTO t (a, b, c, d) VALUES ${many(25_000, (i) => `(${i}, 'name${i}', ${i * 1.5}, NULL)`, ', ')}`,
      ],
      [
        '30,000 `OR`ed conditions',
        `SELECT o.id FROM orders AS o WHERE ${many(30_000, (i) => `o.customer_id = ${100_000 + i * 7}`, ' OR ')}`,
      ],
      [
        '`CASE` of 25,000 `WHEN`s',
        `SELECT CASE ${many(25_000, (i) => `WHEN code = ${i} THEN 'label${i}'`, ' ')} ELSE NULL END AS label FROM t`,
      ],
      [
        '`UNION ALL` of 14,000 queries (unparseable)',
        many(14_000, (i) => `SELECT ${i} AS id, 'name${i}' AS name, ${i * 1.5} AS value`, ' UNION ALL '),
        1,
      ],
      ['60,000 distinct columns', `SELECT ${many(60_000, (i) => `col_${i}`, ', ')} FROM t`],
      [
        '40,000 columns, operators at random (no repeat)',
        `SELECT ${many(40_000, (i) => `c${i} ${'+-*/'[Math.imul(i, 2654435761) >>> 30]} ${i}`, ', ')} FROM t`,
      ],
    ];
    for (const [what, sql, exitCode] of longQueries) {
      const file = join(longDir, 'long.sql');
      writeFileSync(file, `${sql}\n`);
      const mb = Buffer.byteLength(sql) / 1e6;
      row(
        `templates, one query: ${what}`,
        1,
        timeCli(['templates', file, '--format', 'jsonl', '--max-query-mb', '2'], RUNS, undefined, exitCode),
        `${fmt(mb, 2)} MB, whole process`,
      );
    }
  } finally {
    rmSync(longDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(CLI)) throw new Error('build first: npm run build');
  if (!existsSync(data('spider'))) throw new Error(`no shared data at ${SHARED}`);
  console.log(
    `sqlalign benchmark · ${cpus()[0]?.model ?? 'cpu'} · ${availableParallelism()} cores · Node ${process.version} · medians of ${RUNS} runs\n`,
  );

  const only = process.env.BENCH_ONLY?.split(',');
  const wants = (section: string) => only === undefined || only.includes(section);
  if (wants('align')) await benchAlign();
  if (wants('dialects')) benchCrossDialect();
  if (wants('sets')) benchSets();
  if (wants('eval')) await benchEval();
  if (wants('templates') || wants('log') || wants('weights') || wants('select')) {
    const texts = await distinctTexts();
    if (wants('templates')) await benchTemplates(texts);
    if (wants('log')) await benchLog(texts);
    if (wants('weights')) await benchWeighted(texts);
    if (wants('select')) await benchSelect(texts);
  }
  if (wants('long')) await benchLong();

  const headers = ['case', 'queries', 'seconds', 'queries/s', 'peak MB', 'note'];
  const widths = headers.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(widths[k] ?? 0)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

await main();
