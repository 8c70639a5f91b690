/**
 * Every Spider dev gold query, wrapped in the answer shapes of real models, comes back out
 * exactly (the check after issue 12 asks for 98%; this holds each shape to 99%; all 1,034 come out
 * exactly in every shape today).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { extractAnswer } from '../../src/llm/extract.js';
import { TemplateEngine } from '../../src/sql/engine.js';
import { loadParser } from '../../src/sql/parser.js';
import { shared, sharedOrSkip } from '../helpers/paths.js';

const F = '```';
const SHAPES: Record<string, (sql: string) => string> = {
  'a sql fence with prose around': (q) => `Here is the query:\n\n${F}sql\n${q}\n${F}\n\nThis returns what was asked.`,
  'a label, then an explanation line': (q) => `SQL: ${q}\nExplanation: This query answers the question.`,
  'prose after the query on its line': (q) => `${q}. This will return the answer.`,
  'a sentence before the query': (q) => `With this query we can find the answer: ${q}`,
  'a reasoning block first': (q) => `<think>\nThe question asks for something. Maybe SELECT * FROM x?\n</think>\n\n${q};`,
  'a base model running on': (q) => `${q};\n\n-- Question: what else?\nSELECT 1;`,
  'a commented fence': (q) => `${F}sql\n-- the answer\n${q};\n${F}`,
};

describe('Spider dev gold queries in answer shapes', sharedOrSkip(), () => {
  let isStatement: (sql: string) => boolean = () => false;
  let gold: string[] = [];
  before(async () => {
    await loadParser();
    const engine = new TemplateEngine('sqlite');
    isStatement = (sql) => 'template' in engine.template(sql);
    gold = (JSON.parse(readFileSync(shared('data', 'spider', 'dev.json'), 'utf8')) as { query: string }[]).map((d) =>
      d.query.trim().replace(/;$/, '').trim(),
    );
  });
  for (const [name, wrap] of Object.entries(SHAPES)) {
    test(name, () => {
      const wrong = gold.filter((q) => extractAnswer(wrap(q), { isStatement }).sql !== q);
      assert.ok(
        wrong.length <= 0.01 * gold.length,
        `${wrong.length} of ${gold.length} wrong, e.g. ${wrong.slice(0, 3).join(' | ')}`,
      );
    });
  }
});
