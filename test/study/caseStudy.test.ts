/**
 * The case study's command on a subset of the NL2SQL360 runs (the full run is `npm run case-study`):
 * the CSV has the agreed columns, DIN-SQL's EX and EM equal the official Spider evaluator's on the
 * same predictions (../shared/fixtures/eval), copies are measured once, and the committed study is
 * whole (136 runs, every column filled where it can be).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readEvidence } from '../../src/study/evidence.js';
import { ROOT, SHARED, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const COLUMNS = ['file', 'family', 'n_train', 'ex', 'ex_n', 'em', 'd', 'alignment', 'coverage', 'unparseable'];
type Row = Record<string, string>;
const readCsv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Row[];

/** The official evaluator's per-item results for DIN-SQL (GPT-4) on Spider dev: EX and EM over the items with a database. */
function officialDinSql(): { ex: number; em: number; n: number } {
  const items = readFileSync(shared('fixtures', 'eval', 'spider_dev_din_sql_gpt4.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { spider_exec: number | null; spider_exact: number | null; missing_db: boolean });
  const judged = items.filter((i) => !i.missing_db);
  return {
    ex: (100 * judged.filter((i) => i.spider_exec === 1).length) / judged.length,
    em: (100 * judged.filter((i) => i.spider_exact === 1).length) / judged.length,
    n: judged.length,
  };
}

test(
  'case study --quick: the agreed CSV, official EX and EM for DIN-SQL, copies measured once, evidence written',
  sharedOrSkip(),
  () => {
    const tmp = scratchDir();
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts', 'case-study', 'main.ts'),
        '--quick',
        '--data',
        join(SHARED, 'data'),
        '--out',
        tmp.dir,
        '--cache-dir',
        join(tmp.dir, 'cache'),
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SQLALIGN_CACHE: 'off' } },
    );
    assert.equal(run.status, 0, run.stderr);
    const rows = readCsv(join(tmp.dir, 'docs', 'case-study-nl2sql360.csv'));
    for (const column of COLUMNS) assert.ok(column in (rows[0] as Row), `column ${column}`);
    const din = rows.find((r) => r.file === 'DINSQL.sql') as Row;
    const official = officialDinSql();
    assert.equal(Number(din.ex_n), official.n);
    assert.ok(Math.abs(Number(din.ex) - official.ex) < 0.2, `EX ${din.ex} vs the official ${official.ex}`);
    assert.ok(Math.abs(Number(din.em) - official.em) < 0.2, `EM ${din.em} vs the official ${official.em}`);
    const copy = rows.find((r) => r.file === 'DIN_SQL_GPT4.sql') as Row;
    assert.equal(copy.same_as, 'DINSQL.sql');
    assert.deepEqual({ ...copy, file: '', series: '', same_as: '' }, { ...din, file: '', series: '', same_as: '' });
    for (const r of rows) {
      assert.ok(Math.abs(Number(r.alignment) - Math.exp(-Number(r.d) / 5)) < 1e-5, `${r.file}: A_KL = exp(−D/5)`);
    }
    const markdown = readFileSync(join(tmp.dir, 'docs', 'case-study-nl2sql360.md'), 'utf8');
    assert.match(markdown, /QUICK subset/);
    for (const heading of [
      '## In plain words',
      '## 1. Does AR',
      '## 2. Does alignment',
      '## 3. Where',
      '## 4. Small',
      '## 5. Every run',
    ]) {
      assert.ok(markdown.includes(heading), heading);
    }
    const evidence = readEvidence(join(tmp.dir, 'evidence', 'nl2sql360-spider.json'));
    assert.equal(evidence.experiments, 3, 'CodeLlama-7B at N = 500, 2000, 7000');
  },
);

test('the committed case study is whole: 136 runs, the target of 972 items, evidence of every fine-tuning series', () => {
  const rows = readCsv(join(ROOT, 'docs', 'case-study-nl2sql360.csv'));
  assert.equal(rows.length, 136);
  assert.ok(rows.every((r) => r.ex_n === '972'));
  assert.equal(rows.filter((r) => r.same_as === '').length, 120);
  const families = new Set(rows.filter((r) => r.kind === 'pretrained').map((r) => r.family));
  assert.equal(families.size, 5);
  const evidence = readEvidence(join(ROOT, 'evidence', 'nl2sql360-spider.json'));
  const series = rows.filter((r) => r.kind === 'fine-tuned' && r.n_train !== '' && families.has(r.family) && r.same_as === '');
  assert.equal(evidence.experiments, series.length);
});
