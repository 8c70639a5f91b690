/**
 * SQL extraction, one table of real answer shapes (test/fixtures/llm/answers.jsonl: reasoning
 * models, chatty instruct models, base models, refusals, several statements, comments, labels,
 * fences with and without a language), each with the SQL and the status it must give.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { extractAnswer, oneLineSql } from '../../src/llm/extract.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { ANSWER_SHAPES } from '../helpers/answerShapes.js';

const SHAPES = ANSWER_SHAPES;

describe('the SQL in an answer, and its status', () => {
  let isStatement: (sql: string) => boolean = () => false;
  before(async () => {
    await loadParser();
    const engine = new TemplateEngine('sqlite');
    isStatement = (sql) => 'template' in engine.template(sql);
  });

  test('the table holds at least 40 shapes', () => {
    assert.ok(SHAPES.length >= 40, `${SHAPES.length} shapes`);
  });

  for (const shape of SHAPES) {
    test(shape.name, () => {
      const got = extractAnswer(shape.answer, { finishReason: shape.finish_reason, isStatement });
      assert.deepEqual(got, { sql: shape.sql, status: shape.status });
    });
  }

  test('a null answer (content: null) is empty, and so is one cut off before any text', () => {
    assert.deepEqual(extractAnswer(null), { sql: '', status: 'empty' });
    assert.deepEqual(extractAnswer('', { finishReason: 'length' }), { sql: '', status: 'truncated' });
  });

  test('without the parser, the lexer and the prose rules still find most statements', () => {
    const found = SHAPES.filter(
      (s) => s.status === 'ok' && extractAnswer(s.answer, { finishReason: s.finish_reason }).sql === s.sql,
    );
    const ok = SHAPES.filter((s) => s.status === 'ok');
    assert.ok(found.length >= 0.9 * ok.length, `${found.length} of ${ok.length}`);
  });
});

describe('one query per line (Spider and BIRD files)', () => {
  test('comments removed and white space collapsed outside strings only', () => {
    assert.deepEqual(oneLineSql("-- count\nSELECT  a,\n  b /* x */ FROM t\nWHERE c = 'two  spaces'"), {
      sql: "SELECT a, b FROM t WHERE c = 'two  spaces'",
      changed: false,
    });
  });
  test('a string holding a line break is reported as changed', () => {
    assert.deepEqual(oneLineSql("SELECT a FROM t WHERE b = 'x\ny'"), { sql: "SELECT a FROM t WHERE b = 'x y'", changed: true });
  });
});
