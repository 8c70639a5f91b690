/** The table of model answer shapes (test/fixtures/llm/answers.jsonl): each answer, with the SQL and status it must give. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerStatus } from '../../src/llm/extract.js';
import { FIXTURES_HERE } from './paths.js';

export interface AnswerShape {
  readonly name: string;
  readonly answer: string;
  readonly finish_reason: string | null;
  readonly sql: string;
  readonly status: AnswerStatus;
}

export const ANSWER_SHAPES: readonly AnswerShape[] = readFileSync(join(FIXTURES_HERE, 'llm', 'answers.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as AnswerShape);
