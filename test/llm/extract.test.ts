/** SQL extraction on a corpus of real-looking model answers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractSql } from '../../src/llm/extract.js';

const CASES: [string, string, string][] = [
  ['a bare query', 'SELECT count(*) FROM singer', 'SELECT count(*) FROM singer'],
  ['a trailing semicolon', 'SELECT count(*) FROM singer;', 'SELECT count(*) FROM singer'],
  ['a sql code fence', '```sql\nSELECT name FROM singer\nWHERE age > 30;\n```', 'SELECT name FROM singer\nWHERE age > 30'],
  ['prose around a fence', 'Here is the query:\n\n```sql\nSELECT 1\n```\n\nThis counts the rows.', 'SELECT 1'],
  ['an unlabelled fence', 'Sure!\n```\nSELECT a FROM t\n```', 'SELECT a FROM t'],
  ['a fence never closed (max tokens)', '```sql\nSELECT a FROM t WHERE b = 1', 'SELECT a FROM t WHERE b = 1'],
  ['the sql fence among others', '```python\nprint(1)\n```\n```sql\nSELECT b FROM u\n```', 'SELECT b FROM u'],
  ['a label', 'SQL: SELECT name FROM singer', 'SELECT name FROM singer'],
  ['leading prose, no fence', 'To answer this we count singers.\nSELECT count(*) FROM singer', 'SELECT count(*) FROM singer'],
  [
    'a trailing explanation after a blank line',
    'SELECT name FROM singer\n\nThis query returns every name.',
    'SELECT name FROM singer',
  ],
  ['several statements', 'SELECT a FROM t; SELECT b FROM u;', 'SELECT a FROM t'],
  ['a semicolon inside a string', "SELECT a FROM t WHERE b = 'x;y'; DROP TABLE t", "SELECT a FROM t WHERE b = 'x;y'"],
  ['a base model running on', 'SELECT a FROM t;\n-- Question: how many rows?\nSELECT count(*) FROM t;', 'SELECT a FROM t'],
  ['a CTE', 'WITH x AS (SELECT 1) SELECT * FROM x', 'WITH x AS (SELECT 1) SELECT * FROM x'],
  [
    'a multi-line query without a fence',
    'SELECT name\nFROM singer\nWHERE age > 30\nORDER BY name',
    'SELECT name\nFROM singer\nWHERE age > 30\nORDER BY name',
  ],
  ['windows line ends', '```sql\r\nSELECT 1\r\n```', 'SELECT 1'],
];

for (const [name, answer, sql] of CASES) test(name, () => assert.equal(extractSql(answer), sql));
