/**
 * The library's errors speak of its own options (`dbDir`), never of the command line's flags; the
 * command line says each named option as its flag through one table (src/cli/flags.ts), which
 * names only flags the commands have.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { DESCRIPTIONS } from '../../src/cli/descriptions.js';
import { FLAG_OF, withFlags } from '../../src/cli/flags.js';
import { DataError } from '../../src/datasets/errors.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

/**
 * Not about a flag of the call: a file made by another command, and an item's error that results
 * keep as written (predict's failed items).
 */
const KEPT = ['study/evidence.ts: --json', 'prompt/schemaSource.ts: --db-dir'];

test('no error thrown by the library names a command-line flag', () => {
  const found: string[] = [];
  for (const file of files(SRC).filter((f) => !relative(SRC, f).startsWith('cli'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/throw new \w*Error\(([\s\S]*?)\);/g)) {
      const flag = /--[a-z][a-z-]+/.exec(match[1] ?? '');
      const where = `${relative(SRC, file)}: ${flag?.[0]}`;
      if (flag && !KEPT.includes(where)) found.push(where);
    }
  }
  assert.deepEqual(found, []);
});

test('an error names the option, and the command line says its flag', async () => {
  const err = await evaluate({
    gold: { name: 'gold', queries: [{ sql: 'SELECT 1', db_id: 'a' }] },
    pred: { name: 'pred', queries: ['SELECT 1'] },
    dbDir: join(ROOT, 'no-such-folder'),
  }).catch((e: unknown) => e);
  assert.ok(err instanceof DataError);
  assert.match(err.message, /no such folder \(`dbDir`\)/);
  assert.deepEqual(err.options, ['dbDir']);
  assert.match(withFlags(err.message, err.options), /no such folder \(--db-dir\)$/);
});

test('every flag of the table is a flag of some command', async () => {
  const flags = new Set<string>();
  for (const name of Object.keys(DESCRIPTIONS)) {
    const module = (await import(`../../src/cli/${name === 'copy-db' ? 'copyDb' : name}.js`)) as Record<string, unknown>;
    const build = Object.values(module).find((v) => typeof v === 'function' && v.name.endsWith('Command')) as
      | (() => { options: readonly { long?: string }[] })
      | undefined;
    for (const option of build?.().options ?? []) if (option.long) flags.add(option.long);
  }
  const missing = Object.entries(FLAG_OF).filter(([, flag]) => !flags.has(flag));
  assert.deepEqual(missing, []);
});
