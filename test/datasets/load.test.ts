/** Every supported format loads as it is; every kind of bad input fails with the file and place named. */
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DataError, inputHash, openDataset, parseDatasetSpec, type QueryRecord, readAll } from '../../src/datasets/index.js';
import { trainingTurnsOf } from '../../src/datasets/readers/sftRecords.js';
import { distinctNames } from '../../src/datasets/spec.js';
import { dialectInfo } from '../../src/sql/dialects.js';
import { splitStatements } from '../../src/sql/lexer.js';
import { writeGretelParquet } from '../helpers/gretel.js';
import { EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

async function load(arg: string): Promise<{ format: string; field?: string; records: QueryRecord[] }> {
  const dataset = await openDataset(arg);
  const records: QueryRecord[] = [];
  records.push(...(await readAll(dataset)));
  return { format: dataset.format, field: dataset.field, records };
}

let folders = 0;

/** A folder laid out like Spider 2.0's `evaluation_suite/gold/sql` (queries written for the test). */
function spider2Folder(): string {
  const folder = join(tmp.dir, `spider2-${folders++}`);
  mkdirSync(folder);
  const files: Record<string, string> = {
    'sf_bq010.sql': 'SELECT product.value:"v2ProductName" FROM s, LATERAL FLATTEN(input => hits) AS product\n',
    'bq001.sql': "DECLARE d STRING DEFAULT '2017';\nSELECT a FROM t WHERE b = d;\n",
    'local004.sql': '\n',
    'bq002_1.sql': 'SELECT COUNT(*) FROM `p.d.t`',
    'README.md': 'not a query',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  mkdirSync(join(folder, 'nested.sql'));
  return folder;
}

async function failsWith(arg: string, pattern: RegExp) {
  await assert.rejects(load(arg), (err: unknown) => {
    assert.ok(err instanceof DataError, `not a DataError: ${err}`);
    assert.match(err.message, pattern);
    assert.ok(!err.message.includes('\n'), 'the message is one line');
    return true;
  });
}

describe('dataset arguments', () => {
  const exists = (p: string) => ['a.json', 'odd=name.sql', 'x#y.csv'].includes(p);
  test('label, path and field', () => {
    assert.deepEqual(parseDatasetSpec('a.json', exists), { name: 'a', path: 'a.json' });
    assert.deepEqual(parseDatasetSpec('dev=a.json', exists), { name: 'dev', path: 'a.json' });
    assert.deepEqual(parseDatasetSpec('a.json#SQL', exists), { name: 'a#SQL', path: 'a.json', field: 'SQL' });
    assert.deepEqual(parseDatasetSpec('p=a.json#PREDICTED SQL', exists), { name: 'p', path: 'a.json', field: 'PREDICTED SQL' });
  });
  test('= and # inside real file names', () => {
    assert.deepEqual(parseDatasetSpec('odd=name.sql', exists), { name: 'odd=name', path: 'odd=name.sql' });
    assert.deepEqual(parseDatasetSpec('x#y.csv', exists), { name: 'x#y', path: 'x#y.csv' });
    assert.deepEqual(parseDatasetSpec('lbl=x#y.csv#q', exists), { name: 'lbl', path: 'x#y.csv', field: 'q' });
  });
});

describe('labels', () => {
  test('without a label: the file stem (and the field), never the whole path', () => {
    const exists = () => true;
    assert.equal(parseDatasetSpec('../shared/data/spider/dev.json', exists).name, 'dev');
    assert.equal(parseDatasetSpec('logs/q.jsonl.gz', exists).name, 'q');
    assert.equal(parseDatasetSpec('p/DIN-SQL_GPT4.csv#PREDICTED SQL', () => false).name, 'DIN-SQL_GPT4#PREDICTED SQL');
  });
  test('labels that collide are lengthened with their folders; given labels are kept', () => {
    const spec = (name: string, path: string, labelled = false) => ({ name, path, labelled });
    assert.deepEqual(
      distinctNames([spec('dev', '../data/spider/dev.json'), spec('dev', '../data/bird/dev.json'), spec('x', 'x.sql', true)]),
      ['spider/dev', 'bird/dev', 'x'],
    );
  });
});

describe('formats', () => {
  test('Spider json: the `query` field (not the parsed `sql` object), db_id and the other fields kept', async () => {
    const { format, field, records } = await load(join(EXAMPLES, 'spider_dev_sample.json'));
    assert.equal(format, 'json');
    assert.equal(field, 'query');
    assert.equal(records.length, 289);
    assert.equal(records[0]?.sql, 'SELECT count(*) FROM singer');
    assert.equal(records[0]?.dbId, 'concert_singer');
    assert.equal(records[0]?.fields?.question, 'How many singers do we have?');
  });

  test('query-log exports are read by their own column names, with nothing to name', async () => {
    const exports: [string, string][] = [
      ['snowflake_query_history.csv', 'QUERY_ID,QUERY_TEXT,WAREHOUSE_NAME\n1,SELECT 1,wh\n'],
      ['pg_stat_statements.csv', 'queryid,query,calls\n7,SELECT $1,12\n'],
      ['query_store.csv', 'query_id,query_sql_text,count_executions\n3,SELECT 1,4\n'],
      ['v_sql.csv', 'SQL_ID,SQL_TEXT,EXECUTIONS\nab,SELECT 1 FROM dual,2\n'],
      ['digests.csv', 'DIGEST,DIGEST_TEXT,COUNT_STAR\nd,SELECT ? FROM t,5\n'],
      ['sede.csv', 'Id,QueryBody\n1,SELECT TOP 10 Id FROM Posts\n'],
      ['jobs.jsonl', '{"job_id": "j", "query": "SELECT 1", "total_bytes_processed": 10}\n'],
    ];
    for (const [name, content] of exports) {
      const { records } = await load(tmp.file(name, content));
      assert.equal(records.length, 1, name);
      assert.match(records[0]?.sql ?? '', /^SELECT/, name);
    }
  });

  test('BIRD json: the `SQL` field, difficulty and evidence kept', async () => {
    const { field, records } = await load(join(EXAMPLES, 'bird_dev_sample.json'));
    assert.equal(field, 'SQL');
    assert.equal(records.length, 300);
    assert.ok(records.every((r) => typeof r.fields?.difficulty === 'string' && 'evidence' in (r.fields ?? {})));
  });

  test('BIRD prediction json: SQL and db_id split, items in numeric key order', async () => {
    const preds: Record<string, string> = {};
    for (let k = 0; k < 12; k++) preds[String(k)] = `SELECT ${k} FROM t\t----- bird -----\tdb_${k}`;
    const { format, records } = await load(tmp.file('predict_dev.json', JSON.stringify(preds)));
    assert.equal(format, 'bird-predictions');
    assert.deepEqual(
      records.map((r) => [r.i, r.sql, r.dbId]),
      Array.from({ length: 12 }, (_, k) => [k, `SELECT ${k} FROM t`, `db_${k}`]),
    );
  });

  test('Spider gold text: one query per line with TAB db_id, trailing `;` kept in the text', async () => {
    const { format, records } = await load(join(EXAMPLES, 'spider_train_sample.sql'));
    assert.equal(format, 'sql-lines');
    assert.equal(records.length, 600);
    assert.ok(records.every((r) => r.dbId && !r.sql?.includes('\t')));
  });

  test('prediction text without db_id: one query per line, a blank line an empty item (none after the last)', async () => {
    const { records } = await load(
      tmp.file('pred.txt', 'SELECT a FROM t\n\nselect count(*) from u;\nWITH x AS (SELECT 1) SELECT * FROM x\n\n\n'),
    );
    assert.deepEqual(
      records.map((r) => [r.sql, r.where]),
      [
        ['SELECT a FROM t', 'line 1'],
        ['', 'line 2'],
        ['select count(*) from u;', 'line 3'],
        ['WITH x AS (SELECT 1) SELECT * FROM x', 'line 4'],
      ],
    );
  });

  test('a .sql script: statements over several lines, split on `;` outside strings and comments', async () => {
    const script =
      '-- report queries\nSELECT a,\n  b\nFROM t\nWHERE c = \'x;y\';\n\n/* second; */ SELECT 1;\nSELECT "se;mi"\nFROM u';
    const { format, records } = await load(tmp.file('script.sql', script));
    assert.equal(format, 'sql-statements');
    assert.deepEqual(
      records.map((r) => [r.sql, r.where]),
      [
        ["SELECT a,\n  b\nFROM t\nWHERE c = 'x;y'", 'line 2'],
        ['SELECT 1', 'line 7'],
        ['SELECT "se;mi"\nFROM u', 'line 8'],
      ],
    );
    assert.equal(splitStatements('SELECT 1;;  ;SELECT 2', dialectInfo('sqlite')).length, 2);
  });

  test("a folder of SQL files (Spider 2.0's gold and submission layout): one item per file, in name order", async () => {
    const folder = spider2Folder();
    const { format, records } = await load(folder);
    assert.equal(format, 'sql-files');
    assert.deepEqual(
      records.map((r) => [r.i, r.where, r.fields?.instance_id]),
      [
        [0, 'file bq001.sql', 'bq001'],
        [1, 'file bq002_1.sql', 'bq002_1'],
        [2, 'file local004.sql', 'local004'],
        [3, 'file sf_bq010.sql', 'sf_bq010'],
      ],
    );
    // A file is one item whatever statements it holds; a blank file an empty query.
    assert.equal(records[0]?.sql, "DECLARE d STRING DEFAULT '2017';\nSELECT a FROM t WHERE b = d;");
    assert.equal(records[2]?.sql, '');
    // A pattern in the last part takes one benchmark's files out of a folder of several.
    const bq = await load(join(folder, 'bq*.sql'));
    assert.deepEqual(
      bq.records.map((r) => r.fields?.file),
      ['bq001.sql', 'bq002_1.sql'],
    );
    await failsWith(join(folder, 'x*.sql'), /no \.sql file in .* matches 'x\*\.sql'$/);
    // A pattern of another format is not read as those files: the error says what a pattern gathers.
    writeFileSync(join(folder, 'preds.jsonl'), '{"sql": "SELECT 1"}\n');
    await failsWith(
      join(folder, 'p*.jsonl'),
      /matches 'p\*\.jsonl' \(a pattern gathers \.sql files, one query each; give a \.jsonl file by its name\)/,
    );
    await failsWith(`${folder}#query`, /a folder of SQL files has no fields/);
  });

  test('a folder dataset hashes by file names and bytes: a renamed or edited file changes the hash', async () => {
    const folder = spider2Folder();
    const before = await inputHash(folder);
    assert.equal(await inputHash(folder), before);
    renameSync(join(folder, 'bq001.sql'), join(folder, 'bq000.sql'));
    const renamed = await inputHash(folder);
    assert.notEqual(renamed, before);
    writeFileSync(join(folder, 'bq000.sql'), 'SELECT 2');
    assert.notEqual(await inputHash(folder), renamed);
    assert.notEqual(await inputHash(join(folder, 'bq*.sql')), await inputHash(folder));
  });

  test('training records (OpenAI chat, ShareGPT, Alpaca, prompt–completion, question–answer): the SQL of the last answer, its code fence removed', async () => {
    const chat = (answer: unknown, ...more: object[]) =>
      JSON.stringify({
        messages: [{ role: 'system', content: 'You write SQLite.' }, { role: 'user', content: 'How many?' }, ...more, answer],
        db_id: 'pets_1',
      });
    const lines = [
      chat({ role: 'assistant', content: 'SELECT count(*) FROM pets' }),
      chat({ role: 'assistant', content: '```sql\nSELECT name FROM pets;\n```' }),
      chat({ role: 'assistant', content: 'Pets first.\n```python\nx = 1\n```\n```sql\nSELECT 1 FROM pets\n```' }),
      chat({ role: 'user', content: 'no answer here' }),
      chat({
        role: 'assistant',
        content: [
          { type: 'text', text: 'SELECT ' },
          { type: 'text', text: 'age FROM pets' },
        ],
      }),
      // Two turns: SELECT 1, a follow-up question, then the last answer.
      chat(
        { role: 'assistant', content: 'SELECT 2' },
        { role: 'assistant', content: 'SELECT 1' },
        { role: 'user', content: 'and?' },
      ),
    ];
    const notes: string[] = [];
    const dataset = await openDataset(tmp.file('sft-chat.jsonl', `${lines.join('\n')}\n`), { onNote: (n) => notes.push(n) });
    assert.match(dataset.layout ?? '', /OpenAI chat records: the SQL is the last assistant message of `messages`/);
    assert.deepEqual(
      (await readAll(dataset)).map((r) => [r.sql, r.dbId]),
      [
        ['SELECT count(*) FROM pets', 'pets_1'],
        ['SELECT name FROM pets;', 'pets_1'],
        ['SELECT 1 FROM pets', 'pets_1'],
        [null, 'pets_1'],
        ['SELECT age FROM pets', 'pets_1'],
        ['SELECT 2', 'pets_1'],
      ],
    );
    assert.match(notes.join('\n'), /1 of the first 6 records hold several answers: the last answer of each record is read/);
    const sharegpt = await load(
      tmp.file(
        'sft-sharegpt.jsonl',
        `${JSON.stringify({
          conversations: [
            { from: 'human', value: 'How many?' },
            { from: 'gpt', value: '```\nSELECT 3\n```' },
          ],
        })}\n`,
      ),
    );
    assert.deepEqual(
      sharegpt.records.map((r) => r.sql),
      ['SELECT 3'],
    );
    const alpaca = await load(
      tmp.file(
        'sft-alpaca.json',
        JSON.stringify([{ instruction: 'Write SQL.', input: 'How many?', output: '```sql\nSELECT 4\n```' }]),
      ),
    );
    assert.deepEqual(
      alpaca.records.map((r) => r.sql),
      ['SELECT 4'],
    );
    // Other question–answer records: prompt–completion (a string, or TRL's chat turns), sql-create-context's question–answer.
    const others = [
      { prompt: 'How many?', completion: ' SELECT 7' },
      { prompt: [{ role: 'user', content: 'How many?' }], completion: [{ role: 'assistant', content: '```sql\nSELECT 8\n```' }] },
    ];
    const completion = await openDataset(
      tmp.file('sft-completion.jsonl', `${others.map((o) => JSON.stringify(o)).join('\n')}\n`),
    );
    assert.match(completion.layout ?? '', /records of `prompt` and `completion`/);
    assert.deepEqual(
      (await readAll(completion)).map((r) => r.sql),
      ['SELECT 7', 'SELECT 8'],
    );
    const seq2seq = tmp.file('t5.jsonl', `${JSON.stringify({ input: 'translate: how many?', target: 'SELECT 9' })}\n`);
    assert.deepEqual(
      (await load(seq2seq)).records.map((r) => r.sql),
      ['SELECT 9'],
    );
    const createContext = JSON.stringify([
      { question: 'How many heads?', context: 'CREATE TABLE head (age INTEGER)', answer: 'SELECT COUNT(*) FROM head' },
    ]);
    assert.deepEqual(
      (await load(tmp.file('sql-create-context.json', createContext))).records.map((r) => r.sql),
      ['SELECT COUNT(*) FROM head'],
    );
    // A SQL field wins over the conversation; `#messages` names the conversation outright.
    const both = tmp.file(
      'both.jsonl',
      `${JSON.stringify({
        sql: 'SELECT 5',
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: 'SELECT 6' },
        ],
      })}\n`,
    );
    assert.deepEqual(
      (await load(both)).records.map((r) => r.sql),
      ['SELECT 5'],
    );
    assert.deepEqual(
      (await load(`${both}#messages`)).records.map((r) => r.sql),
      ['SELECT 6'],
    );
    // Only an item read from its answer is a training record (for select's export).
    assert.equal(trainingTurnsOf((await load(both)).records[0] as QueryRecord), null);
    assert.deepEqual(trainingTurnsOf((await load(`${both}#messages`)).records[0] as QueryRecord), {
      system: null,
      prompt: 'q',
      answer: 'SELECT 6',
      shape: { kind: 'chat', column: 'messages' },
    });
  });

  test("SParC/CoSQL interactions: one item per turn, with its utterance and the interaction's database", async () => {
    const interactions = [
      {
        database_id: 'concert_singer',
        interaction: [
          { utterance: 'How many singers?', query: 'SELECT count(*) FROM singer', sql: { select: [] } },
          { utterance: 'French ones?', query: "SELECT count(*) FROM singer WHERE country = 'France'", sql: {} },
        ],
        final: { utterance: 'How many French singers?', query: "SELECT count(*) FROM singer WHERE country = 'France'" },
      },
      { database_id: 'pets_1', interaction: [{ utterance: 'All pets?', query: 'SELECT * FROM pets' }], final: {} },
    ];
    const dataset = await openDataset(tmp.file('sparc-dev.json', JSON.stringify(interactions)));
    assert.match(dataset.layout ?? '', /one item per turn/);
    const records = await readAll(dataset);
    assert.deepEqual(
      records.map((r) => [r.i, r.sql, r.dbId, r.where, r.fields?.utterance, r.fields?.turn]),
      [
        [0, 'SELECT count(*) FROM singer', 'concert_singer', 'item 0, turn 1', 'How many singers?', 1],
        [1, "SELECT count(*) FROM singer WHERE country = 'France'", 'concert_singer', 'item 0, turn 2', 'French ones?', 2],
        [2, 'SELECT * FROM pets', 'pets_1', 'item 1, turn 1', 'All pets?', 1],
      ],
    );
    assert.ok(!('sql' in (records[0]?.fields ?? {})), "Spider's parsed-SQL object is not kept");
  });

  test('JSONL with a `sql` field, and JSONL of bare strings', async () => {
    const rows = tmp.file(
      'log.jsonl',
      '{"sql": "SELECT 1", "db_id": "a", "user": "x"}\n\n{"sql": "SELECT 2", "db_id": "b", "user": "y"}\n',
    );
    const { format, field, records } = await load(rows);
    assert.equal(format, 'jsonl');
    assert.equal(field, 'sql');
    assert.deepEqual(
      records.map((r) => [r.sql, r.dbId, r.where, r.fields?.user]),
      [
        ['SELECT 1', 'a', 'line 1', 'x'],
        ['SELECT 2', 'b', 'line 3', 'y'],
      ],
    );
    const strings = await load(tmp.file('strings.jsonl', '"SELECT a FROM t"\n"SELECT b FROM u"\n'));
    assert.deepEqual(
      strings.records.map((r) => r.sql),
      ['SELECT a FROM t', 'SELECT b FROM u'],
    );
  });

  test('CSV: a named column with a space, quoted cells with commas and newlines', async () => {
    const csv = tmp.file(
      'preds.csv',
      'NLQ,PREDICTED SQL,GOLD SQL,DATABASE\n"q, one","SELECT a,\nb FROM t",SELECT a FROM t,db1\nq2,SELECT 1,SELECT 2,db2\n',
    );
    const { format, field, records } = await load(`${csv}#PREDICTED SQL`);
    assert.equal(format, 'csv');
    assert.equal(field, 'PREDICTED SQL');
    assert.deepEqual(
      records.map((r) => [r.sql, r.dbId, r.fields?.NLQ]),
      [
        ['SELECT a,\nb FROM t', 'db1', 'q, one'],
        ['SELECT 1', 'db2', 'q2'],
      ],
    );
    const loose = await load(`${csv}#predicted_sql`);
    assert.equal(loose.field, 'PREDICTED SQL', 'field names match case- and punctuation-insensitively');
  });

  test("CSV separated by ';' (Excel where ',' is the decimal mark): told by the header, and said", async () => {
    const csv = tmp.file(
      'semicolons.csv',
      '\uFEFFquestion;query;db_id\r\n"How many; really?";"SELECT a, b FROM t WHERE c = 1.5";db1\r\nq2;SELECT 1 FROM u;db2\r\n',
    );
    const notes: string[] = [];
    const dataset = await openDataset(csv, { onNote: (n) => notes.push(n) });
    assert.deepEqual(
      (await readAll(dataset)).map((r) => [r.sql, r.dbId, r.fields?.question]),
      [
        ['SELECT a, b FROM t WHERE c = 1.5', 'db1', 'How many; really?'],
        ['SELECT 1 FROM u', 'db2', 'q2'],
      ],
    );
    assert.deepEqual(notes, [
      `${csv}: read with ';' between fields: its header line ('question;query;db_id') holds ';' and no ','`,
    ]);
    // A comma in the header (outside quotes) keeps the comma; a ';' inside a quoted name does not count.
    const quoted = tmp.file('quoted.csv', '"a;b",query\nx,SELECT 1; \n');
    const plain: string[] = [];
    const commas = await openDataset(quoted, { onNote: (n) => plain.push(n) });
    assert.deepEqual(
      (await readAll(commas)).map((r) => r.sql),
      ['SELECT 1; '],
    );
    assert.deepEqual(plain, []);
  });

  test('TSV', async () => {
    const { field, records } = await load(tmp.file('q.tsv', 'question\tquery\tdb_id\nhow many?\tSELECT count(*) FROM t\tdb\n'));
    assert.equal(field, 'query');
    assert.equal(records[0]?.sql, 'SELECT count(*) FROM t');
  });

  test("Parquet shaped like Gretel's synthetic_text_to_sql: `sql`, not `sql_context`; the other columns kept", async () => {
    const path = join(tmp.dir, 'gretel.parquet');
    writeGretelParquet(path);
    const { format, field, records } = await load(path);
    assert.equal(format, 'parquet');
    assert.equal(field, 'sql');
    assert.equal(records.length, 3);
    assert.match(records[2]?.sql ?? '', /^SELECT COUNT\(\*\) FROM marine_species/);
    assert.equal(records[0]?.fields?.domain, 'forestry');
    assert.equal(records[0]?.fields?.sql_complexity, 'single join');
    assert.match(String(records[1]?.fields?.sql_context), /^CREATE TABLE equipment_maintenance/);
  });
});

describe('bad input: one line naming the file and the place', () => {
  test('a missing file', () => failsWith(join(tmp.dir, 'nope.json'), /nope\.json: no such file/));
  test('a directory without SQL files', () => {
    const folder = join(tmp.dir, 'no-sql');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'SELECT 1');
    return failsWith(folder, /no-sql: holds no \.sql files/);
  });
  test('an unknown format', () => failsWith(tmp.file('data.xlsx', 'hello world'), /unknown dataset format '\.xlsx'/));
  test('a binary file', () =>
    failsWith(tmp.file('blob.bin', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])), /is a binary file/));
  test('malformed JSON, with line and column', () =>
    failsWith(
      tmp.file('bad.json', '[\n {"query": "SELECT 1"},\n {"query": }\n]'),
      /bad\.json: malformed JSON \(line 3, column 12: Unexpected token/,
    ));
  test('malformed JSONL, with the line', () =>
    failsWith(tmp.file('bad.jsonl', '{"sql": "SELECT 1"}\n{"sql": "SELECT 2"\n'), /bad\.jsonl: line 2: malformed JSON/));
  test('malformed CSV, with the line', () =>
    failsWith(tmp.file('bad.csv', 'sql,db_id\nSELECT 1,a\n"SELECT 2,b\n'), /bad\.csv: line \d+: malformed CSV/));
  test('a named field that does not exist', () =>
    failsWith(
      `${join(EXAMPLES, 'spider_dev_sample.json')}#SQL_TEXT`,
      /no field 'SQL_TEXT' \(fields: 'db_id', 'question', 'query'\)/,
    ));
  test('an ambiguous field', () =>
    failsWith(
      join(EXAMPLES, 'spider_dev_sample_din_sql.csv'),
      /several fields could hold the SQL \('PREDICTED SQL', 'GOLD SQL'\); name one/,
    ));
  test('no field that could hold SQL', () =>
    failsWith(tmp.file('nosql.jsonl', '{"text": "hi"}\n'), /cannot tell which field holds the SQL/));
  test('an empty dataset', async () => {
    await failsWith(tmp.file('empty.sql', '\n\n'), /empty\.sql: the dataset holds no queries/);
    await failsWith(tmp.file('empty.json', '[]'), /empty\.json: the dataset holds no queries/);
  });
  test('a 10 MB query', () =>
    failsWith(
      tmp.file('huge.sql', `SELECT a FROM t\nSELECT ${'x + '.repeat(2_500_000)}1 FROM t\n`),
      /huge\.sql: line 2: query of 10\.0 MB is over the 1\.0 MB limit/,
    ));
});
