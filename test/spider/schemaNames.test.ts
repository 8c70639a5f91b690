/** The databases' names that tell SQLite's double-quoted strings from names, from the SQLite file or tables.json. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { exportSelection } from '../../src/select/export.js';
import { schemaNames } from '../../src/spider/schemaNames.js';
import { loadParser } from '../../src/sql/parser.js';
import { makeSingerDb, SINGER_TABLES } from '../helpers/db.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);

before(() => loadParser());

test('names from the database file, else from tables.json; none where neither knows the database', () => {
  const fromFile = schemaNames({ dbDir: tmp.dir });
  assert.ok(fromFile?.('concert_singer')?.has('age'));
  assert.ok(fromFile?.('concert_singer')?.has('concert'));
  assert.equal(fromFile?.('nowhere'), undefined);
  const fromTables = schemaNames({ tables: [SINGER_TABLES] });
  assert.ok(fromTables?.('concert_singer')?.has('singer_id'));
  assert.equal(schemaNames({}), undefined);
});

test("select's export: with the database's names, a double-quoted column in a value position stays a name", async () => {
  const item = {
    pool: 'p',
    template: '',
    dialect: 'sqlite',
    record: {
      i: 0,
      where: 'line 1',
      sql: 'SELECT Name FROM singer WHERE Country = "Age" OR Country = "France"',
      dbId: 'concert_singer',
      question: 'q?',
      fields: { question: 'q?' },
    },
  };
  const out = join(tmp.dir, 'out.jsonl');
  await exportSelection(out, [item as never], {
    format: 'chat',
    dialect: 'postgres',
    dbDir: tmp.dir,
    namesOf: schemaNames({ dbDir: tmp.dir }),
  });
  const answer = JSON.parse(readFileSync(out, 'utf8')).messages[2].content as string;
  assert.match(answer, /Country = "Age"/, answer);
  assert.match(answer, /Country = 'France'/, answer);
  await exportSelection(out, [item as never], { format: 'chat', dialect: 'postgres', dbDir: tmp.dir });
  assert.match(JSON.parse(readFileSync(out, 'utf8')).messages[2].content, /Country = 'Age'/, 'by position, without the names');
});
