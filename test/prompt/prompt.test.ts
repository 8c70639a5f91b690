/** Prompts: the schema from the database itself or from tables.json, and templates with named placeholders. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderPrompt } from '../../src/prompt/prompt.js';
import { schemaFromSqlite, schemaFromTablesJson } from '../../src/prompt/schemaText.js';
import { makeSingerDb } from '../helpers/db.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();
makeSingerDb(tmp.dir);

describe('prompts', () => {
  test('the schema comes from the database itself: CREATE TABLE and example rows', () => {
    const schema = schemaFromSqlite(join(tmp.dir, 'concert_singer', 'concert_singer.sqlite'));
    assert.match(schema, /CREATE TABLE singer \(Singer_ID int PRIMARY KEY, Name text, Country text, Age int\);/);
    assert.match(
      schema,
      /3 example rows:\nSELECT \* FROM singer LIMIT 3;\nSinger_ID\tName\tCountry\tAge\n1\tJoe Sharp\tNetherlands\t52/,
    );
    assert.match(schema, /CREATE TABLE concert/);
  });

  test('or from tables.json, with types and keys', () => {
    const schema = schemaFromTablesJson({
      db_id: 'x',
      table_names_original: ['singer', 'concert'],
      column_names_original: [
        [-1, '*'],
        [0, 'Singer_ID'],
        [0, 'Name'],
        [1, 'concert_ID'],
        [1, 'Singer_ID'],
      ],
      column_types: ['text', 'number', 'text', 'number', 'number'],
      primary_keys: [1, 3],
      foreign_keys: [[4, 1]],
    });
    assert.equal(
      schema,
      'CREATE TABLE singer (\n  Singer_ID NUMBER PRIMARY KEY,\n  Name TEXT\n);\n\nCREATE TABLE concert (\n  concert_ID NUMBER PRIMARY KEY,\n  Singer_ID NUMBER,\n  FOREIGN KEY (Singer_ID) REFERENCES singer(Singer_ID)\n);',
    );
  });

  test('a template with named placeholders', () => {
    const text = renderPrompt('{{schema}}|{{question}}|{{evidence}}|{{db_id}}', {
      schema: 'S',
      question: 'Q?',
      evidence: 'E',
      dialect: 'sqlite',
      dbId: 'd',
    });
    assert.equal(text, 'S|Q?|Hint: E\n|d');
  });
});
