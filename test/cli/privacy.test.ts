/**
 * Private by default: a workload whose literals are canaries (strings and numbers no query
 * structure holds) run through every report, a counts file, a profile and the caches on disk: no
 * canary anywhere, unless the user asks with --show-literals.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { maskSecret } from '../../src/llm/client.js';
import { maskLiterals } from '../../src/sql/literals.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
const CANARIES = ['alice.canary@example.com', 'CANARY-SSN-7731', '918273645', '4242.4242', 'Zq9Canary'];

/** Queries of a customer log: the canaries as values, in queries that parse and in some that do not. */
const LOG = [
  `SELECT * FROM users WHERE email = '${CANARIES[0]}' AND ssn = '${CANARIES[1]}'`,
  `SELECT name FROM orders WHERE id = ${CANARIES[2]} AND total > ${CANARIES[3]}`,
  `SELECT count(*) FROM accounts WHERE owner = "${CANARIES[4]}"`,
  `SELECT FROM WHERE '${CANARIES[0]}' ${CANARIES[2]} ((`,
  `UPDATE users SET note = '${CANARIES[4]}' WHERE id = ${CANARIES[2]}`,
].join('\n');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const leaked = (text: string) => CANARIES.filter((c) => text.includes(c));

/** The same queries as a PostgreSQL server log (a DETAIL line with a parameter, an error's quote) and as a weighted export. */
const QUERIES = LOG.split('\n');
const PG_LOG = [
  ...QUERIES.map((q) => `2026-12-07 03:44:20.030 UTC [27665] app@shop LOG:  statement: ${q}`),
  `2026-12-07 03:44:21.000 UTC [27665] app@shop LOG:  execute <unnamed>: SELECT a FROM t WHERE b = $1`,
  `2026-12-07 03:44:21.000 UTC [27665] app@shop DETAIL:  parameters: $1 = '${CANARIES[0]}'`,
  `2026-12-07 03:44:22.000 UTC [27665] app@shop ERROR:  syntax error at or near "SELEC"`,
  `2026-12-07 03:44:22.000 UTC [27665] app@shop STATEMENT:  SELEC '${CANARIES[1]}'`,
].join('\n');
const EXPORT = `query,calls\n${QUERIES.map((q, k) => `"${q.replace(/"/g, '""')}",${k + 2}`).join('\n')}\n`;

describe('no literal of an input reaches an output by default', () => {
  const log = tmp.file('log.sql', `${LOG}\n`);
  const cache = join(tmp.dir, 'cache');
  const train = join(EXAMPLES, 'spider_train_sample.sql');

  for (const input of [log, tmp.file('postgresql.log', `${PG_LOG}\n`), tmp.file('pg_stat_statements.csv', EXPORT)]) {
    test(`${basename(input)}: align --explain, --json, --markdown, --html; count --out; profile; the caches`, async () => {
      const outputs: string[] = [];
      const md = join(tmp.dir, 'r.md');
      const html = join(tmp.dir, 'r.html');
      const counts = join(tmp.dir, 'log.counts.json');
      for (const args of [
        ['align', '--target', input, '--train', train, '--explain', '--markdown', md, '--html', html],
        ['align', '--target', input, '--train', train, '--explain', '--json'],
        ['count', input, '--out', counts],
        ['profile', input],
        ['profile', input, '--json'],
        ['align', '--target', counts, '--train', train, '--explain'],
      ]) {
        const run = await runCli([...args, '--cache-dir', cache]);
        assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
        outputs.push(run.stdout, run.stderr);
      }
      for (const file of [md, html, counts, ...filesUnder(cache)]) outputs.push(readFileSync(file, 'latin1'));
      assert.deepEqual(leaked(outputs.join('\n')), []);
      // The examples are there, with `?` for each literal.
      assert.match(outputs.join('\n'), /email = \? AND ssn = \?/);
      assert.equal(JSON.parse(readFileSync(counts, 'utf8')).literals, undefined);
    });
  }

  test('--show-literals shows them, and a counts file says so', async () => {
    const counts = join(tmp.dir, 'shown.counts.json');
    const shown = await runCli([
      'align',
      '--target',
      log,
      '--train',
      train,
      '--explain',
      '--show-literals',
      '--cache-dir',
      cache,
    ]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.ok(leaked(shown.stdout).length > 0);
    const count = await runCli(['count', log, '--out', counts, '--show-literals', '--cache-dir', cache]);
    assert.equal(count.code, 0, count.stderr);
    assert.equal(JSON.parse(readFileSync(counts, 'utf8')).literals, 'shown');
    // Read back without asking, the counts file's literals are masked.
    const read = await runCli(['align', '--target', counts, '--train', train, '--explain', '--cache-dir', cache]);
    assert.deepEqual(leaked(read.stdout + read.stderr), []);
  });
});

test('literals are masked by the lexer, in queries that do not parse too; names, keywords and parameters stay', () => {
  assert.equal(
    maskLiterals("SELECT a FROM t WHERE b = 'x''y' AND c > 1.5e3 LIMIT 10", 'sqlite'),
    'SELECT a FROM t WHERE b = ? AND c > ? LIMIT ?',
  );
  assert.equal(maskLiterals('SELECT "my col" FROM t WHERE name = "Aruba"', 'sqlite'), 'SELECT "my col" FROM t WHERE name = ?');
  assert.equal(maskLiterals('SELECT $$secret$$, :p, @q FROM WHERE ((', 'postgres'), 'SELECT ?, :p, @q FROM WHERE ((');
  assert.equal(maskLiterals('SELECT "secret" FROM t', 'mysql'), 'SELECT ? FROM t');
});

test("a server's message never carries the API key, whole or cut short", () => {
  const key = 'sk-live-0123456789abcdef';
  assert.equal(maskSecret(`: Incorrect API key provided: ${key}.`, key), ': Incorrect API key provided: ***.');
  assert.equal(maskSecret(': Incorrect API key provided: sk-live-0************cdef', key), ': Incorrect API key provided: ***');
  assert.equal(maskSecret(': nothing secret', key), ': nothing secret');
});
