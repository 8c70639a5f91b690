/**
 * Training records as SFT trainers take them, which is also how `select --out` writes them:
 * OpenAI chat (`messages` of `{role, content}`), ShareGPT (`conversations` of `{from, value}`),
 * and records of a question and its answer: Alpaca (`instruction`, `output`), prompt–completion
 * (OpenAI's older fine-tuning form and TRL's), `question`–`answer` (b-mc2/sql-create-context),
 * `instruction`–`response`. The SQL is the answer the model is taught: the last assistant turn, or
 * the answer field, with its code fence taken off. A fence is how trainers' answers usually carry
 * SQL (`select` writes one); where an answer reasons first and then gives a fenced block, the last
 * SQL block is the answer. An answer with no fence is read whole, and one that is not SQL is an
 * unparseable item like any other.
 */

import type { QueryRecord } from '../record.js';
import { objectsOf } from './rows.js';

export type SftShape =
  | { readonly kind: 'chat'; readonly column: string }
  | { readonly kind: 'sharegpt'; readonly column: string }
  /** A question–answer record: the answer in `column`, beside its question in `asked`. */
  | { readonly kind: 'answer'; readonly column: string; readonly asked: string };

/** Answer fields and the question fields they stand beside, in order of preference. */
const ANSWER_PAIRS: readonly (readonly [string, string])[] = [
  ['output', 'instruction'],
  ['completion', 'prompt'],
  ['answer', 'question'],
  ['response', 'instruction'],
  ['response', 'prompt'],
  // Sequence-to-sequence sets (T5-style): a source text and its target.
  ['output', 'input'],
  ['target', 'input'],
  ['target', 'source'],
];

const ANSWER_ROLES = new Set(['assistant', 'gpt', 'model', 'bot']);

/** A conversation: a non-empty list of turns. */
const turnsOf = (value: unknown): Record<string, unknown>[] | null => {
  const turns = objectsOf(value);
  return turns && turns.length > 0 ? turns : null;
};

/**
 * A turn's text: a string, or the text parts of a list of content parts
 * (`[{"type": "text", "text": "…"}]`, the newer OpenAI form); null for anything else.
 */
function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  const parts = content.filter(
    (p): p is { text: string } => p !== null && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string',
  );
  return parts.length === content.length ? parts.map((p) => p.text).join('') : null;
}

/** Whether the sampled values of a column are turns with the given keys (absent values aside). */
function holdsTurns(column: string, sample: readonly unknown[], role: string, text: string): boolean {
  let seen = false;
  for (const row of sample) {
    const value = (row as Record<string, unknown> | null)?.[column];
    if (value === null || value === undefined) continue;
    const turns = turnsOf(value);
    if (!turns?.every((t) => typeof t[role] === 'string' && (textOf(t[text]) !== null || t[text] === null))) return false;
    seen = true;
  }
  return seen;
}

/**
 * The SFT shape of a table, from its columns and first rows: `named` (a `#field` the user gave)
 * must be the conversation column itself; without it the usual names are looked for.
 */
export function sftShapeOf(columns: readonly string[], sample: readonly unknown[], named?: string): SftShape | null {
  const pick = (wanted: string) => (named === undefined ? columns.find((c) => c.toLowerCase() === wanted) : named);
  const chat = pick('messages');
  if (chat !== undefined && columns.includes(chat) && holdsTurns(chat, sample, 'role', 'content'))
    return { kind: 'chat', column: chat };
  const sharegpt = pick('conversations');
  if (sharegpt !== undefined && columns.includes(sharegpt) && holdsTurns(sharegpt, sample, 'from', 'value'))
    return { kind: 'sharegpt', column: sharegpt };
  if (named !== undefined) return null;
  const has = (name: string) => columns.find((c) => c.toLowerCase() === name);
  for (const [answer, question] of ANSWER_PAIRS) {
    const column = has(answer);
    const asked = has(question);
    if (column !== undefined && asked !== undefined) return { kind: 'answer', column, asked };
  }
  return null;
}

/** What the reading says, for the dataset's layout line. */
export function describeShape(shape: SftShape): string {
  if (shape.kind === 'answer')
    return `records of \`${shape.asked}\` and \`${shape.column}\`: the SQL is each record's \`${shape.column}\`, its code fence removed`;
  const who = shape.kind === 'chat' ? 'assistant message' : 'assistant turn (gpt)';
  const form = shape.kind === 'chat' ? 'OpenAI chat' : 'ShareGPT';
  return `${form} records: the SQL is the last ${who} of \`${shape.column}\`, its code fence removed`;
}

/**
 * A record's answer and how many answers it holds: null when it has none (an item without SQL,
 * counted as unparseable).
 */
export function answerOf(shape: SftShape, row: Record<string, unknown>): { text: string | null; answers: number } {
  const value = row[shape.column];
  if (shape.kind === 'answer' && turnsOf(value) === null) {
    const text = textOf(value);
    return { text, answers: text === null ? 0 : 1 };
  }
  // TRL's conversational prompt–completion keeps the completion as chat turns.
  const [role, content] = turnKeys(shape);
  const answers = (turnsOf(value) ?? []).filter((t) => ANSWER_ROLES.has(String(t[role]).toLowerCase()));
  const last = answers.at(-1);
  return { text: last === undefined ? null : textOf(last[content]), answers: answers.length };
}

/** The keys of a turn's speaker and text: ShareGPT's `from`/`value`, everyone else's `role`/`content`. */
const turnKeys = (shape: SftShape): readonly [string, string] =>
  shape.kind === 'sharegpt' ? ['from', 'value'] : ['role', 'content'];

const FENCE = /```([^\n`]*)\n([\s\S]*?)```/g;
const SQL_TAG =
  /^(sql|sqlite|sqlite3|postgres|postgresql|psql|pgsql|mysql|mariadb|tsql|mssql|plsql|bigquery|snowflake|duckdb|spark|sparksql|trino|presto|oracle|redshift|clickhouse)?$/i;

/** The SQL of an answer: its last fenced block tagged as SQL (or untagged), else the whole answer. */
export function sqlOfAnswer(answer: string): string {
  let sql: string | null = null;
  for (const match of answer.matchAll(FENCE)) if (SQL_TAG.test((match[1] as string).trim())) sql = match[2] as string;
  return (sql ?? answer).trim();
}

/** A training record's parts, whatever its form: its system text (if any), its prompt and its answer, verbatim. */
export interface TrainingTurns {
  readonly system: string | null;
  readonly prompt: string;
  readonly answer: string;
}

/** A training record's parts and the form it was found in. */
export interface TrainingRecord extends TrainingTurns {
  readonly shape: SftShape;
}

/**
 * The parts of an item that was read as a training record (so that a pool of such records can be
 * selected from and exported again): null for any other item, including one that merely has
 * fields of such a name beside the SQL field it was read from.
 */
export function trainingTurnsOf(record: QueryRecord): TrainingRecord | null {
  const turns = turnsOfFields(record.fields);
  return turns && record.sql !== null && sqlOfAnswer(turns.answer) === record.sql ? turns : null;
}

/** The parts of a record in any of the forms above, read from its own fields. */
function turnsOfFields(fields: Readonly<Record<string, unknown>> | undefined): TrainingRecord | null {
  if (!fields) return null;
  const columns = Object.keys(fields);
  const shape = sftShapeOf(columns, [fields]);
  if (!shape) return null;
  const answer = answerOf(shape, fields as Record<string, unknown>).text;
  if (answer === null) return null;
  if (shape.kind === 'answer') {
    const asked = fields[shape.asked];
    const turns = turnsOf(asked);
    const prompt = turns ? lastTurn(turns, 'role', 'content', USER_ROLES) : textOf(asked);
    const input = shape.asked.toLowerCase() === 'instruction' ? textOf(fields.input) : null;
    if (prompt === null) return null;
    return {
      system: turns ? lastTurn(turns, 'role', 'content', SYSTEM_ROLES) : null,
      prompt: input ? `${prompt}\n\n${input}` : prompt,
      answer,
      shape,
    };
  }
  const [role, content] = turnKeys(shape);
  const turns = turnsOf(fields[shape.column]) ?? [];
  const prompt = lastTurn(turns, role, content, USER_ROLES);
  return prompt === null ? null : { system: lastTurn(turns, role, content, SYSTEM_ROLES), prompt, answer, shape };
}

const USER_ROLES = new Set(['user', 'human']);
const SYSTEM_ROLES = new Set(['system']);

function lastTurn(
  turns: readonly Record<string, unknown>[],
  role: string,
  content: string,
  roles: ReadonlySet<string>,
): string | null {
  const turn = turns.filter((t) => roles.has(String(t[role]).toLowerCase())).at(-1);
  return turn === undefined ? null : textOf(turn[content]);
}
