/** T-SQL batches without `;` between their statements, and `GO` lines: read as their statements where the parser confirms the cuts. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { withoutGoLines } from '../../src/sql/batches.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';

before(() => loadParser());

test('a batch of statements without ; (the Stack Exchange Data Explorer log) is read as its statements', () => {
  const tsql = new TemplateEngine('tsql');
  const cases: [string, string][] = [
    ['DECLARE @UserId int = ##UserId## SELECT * FROM Users WHERE Id = @UserId', 'DECLARE INT = SELECT * FROM WHERE ='],
    ['SET NOCOUNT ON SELECT 1', 'SET ON SELECT'],
    ['SELECT 1\nGO\nSELECT 2', 'SELECT SELECT'],
    [
      'DECLARE @n int = ##N:int## SELECT TOP (@n) Id FROM Posts UPDATE t SET a = 1',
      'DECLARE INT = SELECT TOP ( ) FROM UPDATE SET =',
    ],
    // Statement words that continue a statement are no cut.
    ['INSERT INTO t SELECT a FROM u', 'INSERT INTO SELECT FROM'],
    ['WITH x AS (SELECT 1 AS a) SELECT a FROM x', 'WITH ( SELECT ) SELECT FROM'],
    ['SELECT 1 UNION SELECT 2', 'SELECT UNION SELECT'],
  ];
  for (const [sql, template] of cases) assert.deepEqual(tsql.template(sql), { template }, sql);
  // One bad statement leaves the whole batch unparseable: it is one item.
  assert.ok('error' in tsql.template('DECLARE @a int = 1 SELECT @a SELECT FROM WHERE (('));
});

test('only T-SQL reads batches: elsewhere two statements need their ;', () => {
  assert.ok('error' in new TemplateEngine('sqlite').template('SELECT 1 SELECT 2'));
  assert.ok('error' in new TemplateEngine('postgres').template('SELECT 1 SELECT 2'));
});

test('GO lines, with or without a count, end a batch; GO inside a line is left alone', () => {
  assert.equal(withoutGoLines('SELECT 1\nGO\nSELECT 2\n  go 5\nSELECT 3'), 'SELECT 1\n;\nSELECT 2\n;\nSELECT 3');
  assert.equal(withoutGoLines('SELECT go FROM t'), 'SELECT go FROM t');
});
