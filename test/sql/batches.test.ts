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

test('control of flow (IF, WHILE, BEGIN … END, ELSE, TRY/CATCH) keeps its words and its condition’s structure, as the reference does', () => {
  const tsql = new TemplateEngine('tsql');
  const cases: [string, string][] = [
    ['IF EXISTS (SELECT 1 FROM t) BEGIN SELECT a FROM t END', 'IF EXISTS ( SELECT FROM ) BEGIN SELECT FROM END'],
    [
      'IF @x > 1 BEGIN SELECT a FROM t END ELSE BEGIN SELECT b FROM u WHERE c = 2 END',
      'IF > BEGIN SELECT FROM END ELSE BEGIN SELECT FROM WHERE = END',
    ],
    [
      'DECLARE @n int = ##N## IF @n > 10 SELECT TOP 10 a FROM t ELSE SELECT a FROM t',
      'DECLARE INT = IF > SELECT TOP FROM ELSE SELECT FROM',
    ],
    ['WHILE @i < 10 BEGIN SET @i = @i + 1 END SELECT @i', 'WHILE < BEGIN SET = + END SELECT'],
    [
      'BEGIN TRY SELECT 1 / 0 END TRY BEGIN CATCH SELECT ERROR_MESSAGE() END CATCH',
      'BEGIN TRY SELECT / END TRY BEGIN CATCH SELECT ERROR_MESSAGE ( ) END CATCH',
    ],
    // The reference's own T-SQL test (sqlglot_tests_tsql i = 404), as it templates it.
    [
      'IF ((@a = 1 AND GETDATE() = GETDATE()) OR (GETDATE() = 2)) BEGIN SET @x = (SELECT MAX(a) + 1 FROM t) END',
      'IF ( ( = AND GETDATE ( ) = GETDATE ( ) ) OR ( GETDATE ( ) = ) ) BEGIN SET = ( SELECT MAX ( ) + FROM ) END',
    ],
    // Words of control that belong to a statement stay in it.
    ['SELECT CASE WHEN a > 1 THEN 1 ELSE 0 END AS b FROM t SELECT 2', 'SELECT CASE WHEN > THEN ELSE END FROM SELECT'],
    ['DROP TABLE IF EXISTS t SELECT 1', 'DROP TABLE IF EXISTS SELECT'],
  ];
  for (const [sql, template] of cases) assert.deepEqual(tsql.template(sql), { template }, sql);
  // Control of flow and nothing else is no query; nor is a condition the parser cannot read.
  assert.ok('error' in tsql.template('IF @x > 1 RETURN'));
  assert.ok('error' in tsql.template('IF ((( SELECT 1'));
});

test('only T-SQL reads batches: elsewhere two statements need their ;', () => {
  assert.ok('error' in new TemplateEngine('sqlite').template('SELECT 1 SELECT 2'));
  assert.ok('error' in new TemplateEngine('postgres').template('SELECT 1 SELECT 2'));
});

test('GO lines, with or without a count, end a batch; GO inside a line is left alone', () => {
  assert.equal(withoutGoLines('SELECT 1\nGO\nSELECT 2\n  go 5\nSELECT 3'), 'SELECT 1\n;\nSELECT 2\n;\nSELECT 3');
  assert.equal(withoutGoLines('SELECT go FROM t'), 'SELECT go FROM t');
});
