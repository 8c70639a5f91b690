/**
 * One naming convention: the library's results are camelCase, the JSON the command line writes is
 * snake_case, and io/jsonNames.ts is the one mapping between them. A result field added without
 * its JSON name would leak camelCase into the JSON outputs: the CLI test below catches it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ItemResult } from '../../src/eval/itemResult.js';
import { summarize } from '../../src/eval/summary.js';
import { fromJsonNames, toJsonNames } from '../../src/io/jsonNames.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES, shared, sharedOrSkip } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

const item = (i: number, dbId: string, ex: boolean): ItemResult => ({
  i,
  dbId,
  ex,
  exact: null,
  templateMatch: ex,
  status: 'ok',
  hardness: 'easy',
  difficulty: null,
  goldSql: 'SELECT 1',
  predSql: 'SELECT 1',
  goldRows: 1,
  predRows: 1,
  predParsed: true,
  predUnparseable: false,
  error: null,
  ms: 1,
});

test('fields are renamed both ways; keys of maps keyed by data are kept, even ones that look like fields', () => {
  // Databases named like library fields: their names are data and must come through as they are.
  const summary = summarize([item(0, 'exactN', true), item(1, 'by_db', false), item(2, 'Concert_Singer', true)], 'spider', 1);
  const json = toJsonNames(summary) as Record<string, Record<string, Record<string, unknown>>>;
  assert.deepEqual(Object.keys(json.by_db ?? {}), ['by_db', 'Concert_Singer', 'exactN']);
  assert.equal(json.by_db?.exactN?.exact_n, 0);
  assert.equal(json.by_db?.exactN?.template_match, 1);
  assert.equal(json.by_difficulty_key as unknown, 'hardness');
  assert.deepEqual(Object.keys(json.counts ?? {}), Object.keys(summary.counts));
  assert.deepEqual(fromJsonNames(JSON.parse(JSON.stringify(json))), JSON.parse(JSON.stringify(summary)));
  // Field order is kept: the JSON outputs are compared byte for byte across versions.
  assert.deepEqual(
    Object.keys(json),
    Object.keys(summary).map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
  );
});

/** Every object key of a JSON value, outside the maps whose keys are data. */
function fieldNames(value: unknown, out = new Set<string>(), path = ''): Set<string> {
  if (Array.isArray(value)) for (const v of value) fieldNames(v, out, path);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      out.add(`${path}${key}`);
      const dataKeyed =
        /^(by_db|by_difficulty|groups|counts|families|composition|overlap|statuses|unparseable_examples|fields|usage)$/.test(key);
      if (dataKeyed && child !== null && typeof child === 'object' && !Array.isArray(child))
        for (const grand of Object.values(child)) fieldNames(grand, out, `${key}.*.`);
      else fieldNames(child, out, '');
    }
  }
  return out;
}

const camel = (names: Set<string>) => [...names].filter((n) => /[A-Z]/.test(n.split('.').pop() as string));

test('the JSON outputs of align, profile, select, study and eval hold no camelCase field', sharedOrSkip(), async () => {
  const target = join(EXAMPLES, 'spider_dev_sample.json');
  const train = join(EXAMPLES, 'spider_train_sample.sql');
  const pred = `${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`;
  const experiments = tmp.file(
    'experiments.csv',
    `model,family,train,target,ar,kl_gap,ex_before,ex_after,em_before,em_after\n${Array.from({ length: 8 }, (_, k) => `m${k},${k % 2 ? 'a' : 'b'},s,t,${Math.exp((0.1 * k - 0.3) / 2)},${0.1 * k - 0.3},50,${50 + k - 3},40,41`).join('\n')}\n`,
  );
  const items = join(tmp.dir, 'items.jsonl');
  const align = ['align', '--target', target, '--train', train, '--pred', pred];
  const runs: string[][] = [
    [...align, '--explain', '--bootstrap', '100', '--by', 'joins', '--target-sample', '3'],
    [...align, '--by', 'hardness', '--tables', shared('data', 'spider', 'tables.json')],
    ['profile', train],
    ['select', '--target', target, '--pool', join(EXAMPLES, 'bird_dev_sample.json'), '--budget', '10'],
    ['study', experiments, '--bootstrap', '100'],
    [
      'eval',
      '--gold',
      target,
      '--pred',
      pred,
      '--db-dir',
      shared('data', 'spider', 'database'),
      '--ves',
      '1',
      '--by',
      'joins',
      '--out',
      items,
    ],
  ];
  for (const args of runs) {
    const run = await runCli([...args, '--json', ...(args[0] === 'study' || args[0] === 'eval' ? [] : ['--no-cache'])]);
    assert.equal(run.code, 0, `${args[0]}: ${run.stderr}`);
    assert.deepEqual(camel(fieldNames(JSON.parse(run.stdout))), [], args.join(' '));
  }
  const lines = readFileSync(items, 'utf8').trim().split('\n');
  assert.ok(lines.length > 0);
  for (const line of lines) assert.deepEqual(camel(fieldNames(JSON.parse(line))), [], line);
  assert.ok(lines.every((line) => 'db_id' in JSON.parse(line) && 'template_match' in JSON.parse(line)));
});
