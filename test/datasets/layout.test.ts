/**
 * How a file is read never turns on one line: junk lines are items, blank lines are empty
 * items, a script is split only when it plainly is one, and the user can force either reading.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type LoadOptions, openDataset, readAll } from '../../src/datasets/index.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

async function read(name: string, content: string | Uint8Array, options: LoadOptions = {}) {
  const notes: string[] = [];
  const dataset = await openDataset(tmp.file(name, content), { ...options, onNote: (n) => notes.push(n) });
  return { dataset, records: await readAll(dataset), notes };
}

const JUNK = [
  '0',
  'error',
  'I cannot answer this',
  '{"sql": null}',
  '{Unemployment Increment Rate}',
  '-- Step 1: find the table',
];

describe('one item per line', () => {
  test('junk lines are items: the file is not re-read as a script', async () => {
    const lines = [
      'SELECT count(*) FROM singer;',
      ...JUNK,
      'SELECT name FROM singer WHERE age > 20;',
      'select count ( * ) from singer',
    ];
    const { dataset, records } = await read('junk.sql', `${lines.join('\n')}\n`);
    assert.equal(dataset.format, 'sql-lines');
    assert.deepEqual(
      records.map((r) => r.sql),
      lines.map((l) => l.trim()),
    );
  });

  test('lower-case SQL without semicolons (RESDSQL) is one item per line, not one query', async () => {
    const lines = Array.from({ length: 50 }, (_, k) => `select count ( * ) from singer where age > ${k}`);
    const { records } = await read('resdsql.sql', `${lines.join('\n')}\n`);
    assert.equal(records.length, 50);
  });

  test('half the lines ending in `;`, a few not starting a statement: still lines', async () => {
    const lines = Array.from({ length: 40 }, (_, k) => (k % 2 ? `SELECT ${k} FROM t;` : k % 10 === 0 ? 'error' : `SELECT ${k}`));
    const { records, notes } = await read('mixed.sql', `${lines.join('\n')}\n`);
    assert.equal(records.length, 40);
    assert.equal(notes.length, 1, 'the choice is explained, since the file could be read two ways');
    assert.match(notes[0] as string, /read as one item per line \(36 of 40 lines begin a statement\); --layout script/);
  });

  test('a blank line is an empty item in its place; blank lines after the last item are none', async () => {
    const { records } = await read('blank.txt', 'SELECT 1\n\nSELECT 3\n   \nSELECT 5\n\n\n');
    assert.deepEqual(
      records.map((r) => [r.sql, r.where]),
      [
        ['SELECT 1', 'line 1'],
        ['', 'line 2'],
        ['SELECT 3', 'line 3'],
        ['', 'line 4'],
        ['SELECT 5', 'line 5'],
      ],
    );
  });

  test('CRLF line ends and a byte-order mark change nothing', async () => {
    const { records } = await read('crlf.sql', '\uFEFFSELECT 1\tdb_a\r\nSELECT 2\tdb_b\r\n');
    assert.deepEqual(
      records.map((r) => [r.sql, r.dbId]),
      [
        ['SELECT 1', 'db_a'],
        ['SELECT 2', 'db_b'],
      ],
    );
  });

  test('SQL<TAB>db_id only where (nearly) every line has it', async () => {
    const tabbed = Array.from({ length: 20 }, (_, k) => `SELECT ${k} FROM t\tdb_${k}`);
    const { records } = await read('tabbed.sql', `${tabbed.join('\n')}\nerror\n`);
    assert.equal(records.length, 21);
    assert.equal(records[3]?.dbId, 'db_3');
    assert.equal(records[20]?.sql, 'error');
    const inside = ['SELECT a\tFROM t', 'SELECT b FROM t', 'SELECT c FROM t', 'SELECT d FROM u'];
    const { records: plain } = await read('inside.sql', `${inside.join('\n')}\n`);
    assert.deepEqual(
      plain.map((r) => [r.sql, r.dbId]),
      inside.map((l) => [l, undefined]),
    );
  });

  test('gzip-compressed files are read as their contents', async () => {
    const lines = 'SELECT 1\nerror\nSELECT 3\n';
    const { records } = await read('preds.sql.gz', gzipSync(lines));
    assert.deepEqual(
      records.map((r) => r.sql),
      ['SELECT 1', 'error', 'SELECT 3'],
    );
    const { records: rows } = await read('log.jsonl.gz', gzipSync('{"sql": "SELECT 1"}\n{"sql": "SELECT 2"}\n'));
    assert.equal(rows.length, 2);
    const { records: json } = await read('p.json.gz', gzipSync(JSON.stringify({ 0: 'SELECT 1', 1: 'SELECT 2' })));
    assert.equal(json.length, 2);
  });
});

describe('scripts', () => {
  const script = [
    '-- monthly report',
    'SELECT a,',
    '  b -- a comment; with a semicolon',
    'FROM t',
    "WHERE c = 'x;y';",
    '',
    'INSERT INTO log',
    'VALUES (1, "z;w");',
    'UPDATE t',
    'SET a = 1',
    'WHERE b = 2;',
    'WITH x AS (',
    '  SELECT 1',
    ')',
    'SELECT * FROM x',
  ].join('\n');

  test('statements over several lines, strings and comments holding `;`', async () => {
    const { dataset, records, notes } = await read('report.sql', script);
    assert.equal(dataset.format, 'sql-statements');
    assert.deepEqual(
      records.map((r) => r.where),
      ['line 2', 'line 7', 'line 9', 'line 12'],
    );
    assert.equal(records[0]?.sql, "SELECT a,\n  b -- a comment; with a semicolon\nFROM t\nWHERE c = 'x;y'");
    assert.match(notes[0] as string, /a script of 4 statements split on ';'/);
  });

  test('--layout forces either reading', async () => {
    const { records: lines } = await read('forced.sql', script, { layout: 'lines' });
    assert.equal(lines.length, 15, 'every line an item, the blank one empty');
    const { records: statements } = await read('forced2.sql', 'SELECT 1; SELECT 2;\nSELECT 3;\n', { layout: 'script' });
    assert.equal(statements.length, 3);
  });

  test('a file of prose with a few semicolons stays one item per line', async () => {
    const prose = ['I think the answer is;', 'the table singer holds it;', 'SELECT name FROM singer;', 'so that is it'];
    const { records } = await read('prose.txt', `${prose.join('\n')}\n`);
    assert.equal(records.length, 4);
  });
});

describe('JSON prediction files', () => {
  test('a value that is not a string is an empty prediction, counted and named (as BIRD evaluates it)', async () => {
    const sep = '\t----- bird -----\t';
    const preds = { 0: `SELECT 1${sep}db`, 1: 0, 2: `SELECT 2${sep}db`, 3: null };
    const { records, notes } = await read('predict_dev.json', JSON.stringify(preds));
    assert.deepEqual(
      records.map((r) => r.sql),
      ['SELECT 1', '', 'SELECT 2', ''],
    );
    assert.equal(notes.length, 1);
    assert.match(notes[0] as string, /2 values that are not a string read as empty \(key '1', key '3'\)/);
  });
});
