/**
 * Runs that would otherwise print a confident wrong number: resumed results from other inputs
 * or settings, a mistyped database folder, a dataset where nothing parses, predictions for
 * another question set. Each either refuses in one line or says what it did.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { makeSingerDb } from '../helpers/db.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);
const gold = tmp.file(
  'gold.sql',
  'SELECT count(*) FROM singer\tconcert_singer\nSELECT Name FROM singer WHERE Age > 40\tconcert_singer\nSELECT Name FROM singer\tconcert_singer\n',
);
const right = tmp.file(
  'right.txt',
  'SELECT count(*) FROM singer\nSELECT Name FROM singer WHERE Age > 40\nSELECT Name FROM singer\n',
);
const wrong = tmp.file('wrong.txt', 'SELECT 1\nSELECT 2\nSELECT 3\n');

const oneLineError = (stderr: string) => {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  return lines[0] as string;
};

describe('eval --out resumes only the same run', () => {
  const out = join(tmp.dir, 'items.jsonl');
  const evalWith = (pred: string, ...extra: string[]) =>
    runCli(['eval', '--gold', gold, '--pred', pred, '--db-dir', tmp.dir, '--json', '--out', out, ...extra]);

  test('the same inputs again: every item reused, the same summary', async () => {
    const first = await evalWith(wrong);
    assert.equal(first.code, 0, first.stderr);
    const again = await evalWith(wrong);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).overall.ex, JSON.parse(first.stdout).overall.ex);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.ok(
      lines.every((l) => typeof JSON.parse(l).run === 'string'),
      'each line records the run that made it',
    );
  });

  test('other predictions: refused in one line naming what changed', async () => {
    const run = await evalWith(right);
    assert.equal(run.code, 1);
    assert.match(oneLineError(run.stderr), /holds results of another run \(pred changed\); --restart starts over/);
  });

  test('another --semantics: refused, naming the old and new value', async () => {
    const run = await evalWith(wrong, '--semantics', 'bird');
    assert.equal(run.code, 1);
    assert.match(oneLineError(run.stderr), /semantics: "spider" → "bird"/);
  });

  test('--restart starts over and reports the new predictions truly', async () => {
    const run = await evalWith(right, '--restart');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).overall.ex, 1);
  });
});

describe('setups that cannot give a number fail loudly', () => {
  test('eval --db-dir that does not exist', async () => {
    const run = await runCli(['eval', '--gold', gold, '--pred', right, '--db-dir', join(tmp.dir, 'typo')]);
    assert.equal(run.code, 1);
    assert.match(oneLineError(run.stderr), /typo: no such folder \(--db-dir\)/);
  });

  test('eval --db-dir that holds none of the databases', async () => {
    const empty = join(tmp.dir, 'no-databases');
    mkdirSync(empty);
    const run = await runCli(['eval', '--gold', gold, '--pred', right, '--db-dir', empty]);
    assert.equal(run.code, 1);
    assert.match(oneLineError(run.stderr), /holds none of the 1 databases the items name/);
  });

  test('eval where not one prediction parses', async () => {
    const junk = tmp.file('junk.txt', 'error\n0\nI cannot answer this\n');
    const out = join(tmp.dir, 'junk-items.jsonl');
    const run = await runCli(['eval', '--gold', gold, '--pred', junk, '--db-dir', tmp.dir, '--out', out]);
    assert.equal(run.code, 1);
    assert.match(oneLineError(run.stderr), /not one of its 3 predictions parses/);
    // The processes ran items while the queries were templated; none was judged or kept.
    const kept = existsSync(out)
      ? readFileSync(out, 'utf8')
          .split('\n')
          .filter((l) => l.includes('"i"'))
      : [];
    assert.deepEqual(kept, []);
  });

  test('profile and templates where nothing parses: exit 1, no NaN', async () => {
    const junk = tmp.file('junk2.txt', 'error\nnull\nShow me all singers\n');
    const profile = await runCli(['profile', junk]);
    assert.equal(profile.code, 1);
    assert.doesNotMatch(profile.stdout, /NaN/);
    assert.match(oneLineError(profile.stderr), /every one of its 3 queries is unparseable/);
    const templates = await runCli(['templates', junk]);
    assert.equal(templates.code, 1);
    assert.match(templates.stdout, /0\tERROR: not a statement \(a bare expression\)/);
    assert.match(templates.stdout, /2\tERROR: not a parseable statement/);
  });

  test('align warns when a training set holds target items verbatim: a low D is leakage then', async () => {
    const target = tmp.file('t.sql', 'SELECT 1 FROM a\tdb1\nSELECT 2 FROM b\tdb2\nSELECT 3 FROM c\tdb3\n');
    const train = tmp.file('leaky.sql', 'select 1 from a;\tdb1\nSELECT 9 FROM z\tdb9\nSELECT 3 FROM c\tdb3\n');
    const run = await runCli(['align', '--target', target, '--train', train, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /leaky holds 2 of the target's 3 items .*leakage, not alignment/);
    assert.equal(JSON.parse(run.stdout).warnings.length, 1);
  });

  test('align warns when predictions cannot be for the target questions', async () => {
    const target = tmp.file('target.sql', 'SELECT 1 FROM a\tdb1\nSELECT 2 FROM b\tdb2\nSELECT 3 FROM c\tdb3\n');
    const fewer = tmp.file('fewer.sql', 'SELECT 1 FROM a\nSELECT 2 FROM b\n');
    const run = await runCli(['align', '--target', target, '--train', target, '--pred', fewer, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /fewer has 2 items but the target target has 3/);
    const warnings = JSON.parse(run.stdout).warnings as string[];
    assert.equal(warnings.filter((w) => /has 2 items but the target/.test(w)).length, 1);
    assert.ok(
      warnings.some((w) => /leakage/.test(w)),
      'the target used as its own training set is leakage too',
    );
    const shuffled = tmp.file('shuffled.sql', 'SELECT 1 FROM a\tdb2\nSELECT 2 FROM b\tdb1\nSELECT 3 FROM c\tdb3\n');
    const other = await runCli(['align', '--target', target, '--train', target, '--pred', shuffled]);
    assert.match(other.stderr, /2 of its 3 items name another database than the target's item at the same place/);
  });
});
