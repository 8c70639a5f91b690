/**
 * Selected examples as training records for SFT trainers: the prompt `predict` would send (the
 * schema, the question, BIRD's evidence) and the gold SQL as the answer, in OpenAI chat messages,
 * Alpaca or ShareGPT form. A pool item that is a training record already keeps its own prompt,
 * system text and answer, verbatim, in the format asked for. Every record keeps its source pool and id.
 */
import { writeFileSync } from 'node:fs';
import { questionOf } from '../datasets/question.js';
import { type SftShape, type TrainingTurns, trainingTurnsOf } from '../datasets/readers/sftRecords.js';
import { DEFAULT_SYSTEM, DEFAULT_TEMPLATE, renderPrompt } from '../prompt/prompt.js';
import { SchemaSource } from '../prompt/schemaSource.js';
import type { TablesJsonFull } from '../prompt/schemaText.js';
import type { NamesOf } from '../spider/schemaNames.js';
import { needsTranspiling } from '../sql/dialects.js';
import { loadParser } from '../sql/parser.js';
import { transpileQuery } from '../sql/transpile.js';
import type { SelectedItem } from './select.js';

export type ExportFormat = 'chat' | 'alpaca' | 'sharegpt';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly dbDir?: string;
  readonly schema?: readonly TablesJsonFull[];
  readonly evidence?: boolean;
  /** The dialect each answer is written in (default sqlite): an item's SQL of another is transpiled into it. */
  readonly dialect?: string;
  /** The names of each database, which SQLite's double-quoted words must match to stay names (default: by position). */
  readonly namesOf?: NamesOf;
}

/** What a prompt says where no schema could be found for the item. */
export const NO_SCHEMA = '(no schema available: give --db-dir or --schema to include it)';

export function trainingRecord(item: SelectedItem, schemas: SchemaSource, options: ExportOptions, schema?: string): object {
  const r = item.record;
  const id = r.fields?.question_id ?? r.fields?.id ?? r.i;
  const meta = { source: item.pool, id, db_id: r.dbId ?? null };
  // A pool item that is a training record already is written as it was taught: in its own form the
  // record itself (every turn, every key; its own keys win over ours), else its prompt and answer.
  const given = trainingTurnsOf(r);
  if (given && r.fields && formOf(given.shape) === options.format) return { ...meta, ...r.fields };
  if (given) return inFormat(options.format, given, meta);
  const answer = answerOf(item, options.dialect ?? 'sqlite', options.namesOf);
  const prompt = renderPrompt(DEFAULT_TEMPLATE, {
    schema: schema ?? schemas.of(r),
    question: questionOf(r) ?? '',
    evidence: options.evidence !== false && typeof r.fields?.evidence === 'string' ? (r.fields.evidence as string) : undefined,
    dialect: answer.dialect,
    dbId: r.dbId,
  });
  const text = `\`\`\`sql\n${answer.sql.trim()}\n\`\`\``;
  return inFormat(options.format, { system: DEFAULT_SYSTEM, prompt, answer: text }, { ...meta, ...answer.meta });
}

/**
 * The item's SQL written in `dialect`: transpiled where its pool is written in another, the original
 * kept beside it; where the transpiler cannot, the original in its own dialect, and why.
 */
function answerOf(item: SelectedItem, dialect: string, namesOf?: NamesOf): { sql: string; dialect: string; meta: object } {
  const sql = item.record.sql ?? '';
  if (!needsTranspiling(item.dialect, dialect)) return { sql, dialect, meta: {} };
  const out = transpileQuery(sql, item.dialect, dialect, namesOf?.(item.record.dbId) ?? null);
  if (!out.ok) return { sql, dialect: item.dialect, meta: { dialect: item.dialect, transpile_error: out.error } };
  return { sql: out.sql, dialect, meta: { dialect, original_sql: sql, original_dialect: item.dialect } };
}

/** The export format a training record is in already, if any. */
function formOf(shape: SftShape): ExportFormat | null {
  if (shape.kind === 'chat' || shape.kind === 'sharegpt') return shape.kind;
  return shape.column === 'output' && shape.asked === 'instruction' ? 'alpaca' : null;
}

/** One record in a trainer's format; a system text only where there is one. */
function inFormat(format: ExportFormat, turns: TrainingTurns, meta: object): object {
  const { system, prompt, answer } = turns;
  if (format === 'alpaca') return { instruction: system ? `${system}\n\n${prompt}` : prompt, input: '', output: answer, ...meta };
  if (format === 'sharegpt') {
    const conversations = [
      ...(system ? [{ from: 'system', value: system }] : []),
      { from: 'human', value: prompt },
      { from: 'gpt', value: answer },
    ];
    return { conversations, ...meta };
  }
  const messages = [
    ...(system ? [{ role: 'system', content: system }] : []),
    { role: 'user', content: prompt },
    { role: 'assistant', content: answer },
  ];
  return { messages, ...meta };
}

/**
 * Writes every record as JSONL. An item whose schema cannot be found (no sql_context, no database
 * in `dbDir`, no tables.json entry) is still written, its prompt saying the schema is missing, and
 * counted: the caller reports how many.
 */
export async function exportSelection(
  path: string,
  items: readonly SelectedItem[],
  options: ExportOptions,
): Promise<{ written: number; without_schema: number; transpiled: number; transpile_failed: number }> {
  // The transpiler is the parser's: loaded only where some answer is written in another dialect.
  const dialect = options.dialect ?? 'sqlite';
  if (items.some((item) => needsTranspiling(item.dialect, dialect))) await loadParser();
  let transpiled = 0;
  let transpileFailed = 0;
  const schemas = new SchemaSource({ dbDir: options.dbDir, schema: options.schema });
  let withoutSchema = 0;
  const lines = items.map((item) => {
    let schema: string | undefined;
    try {
      // A training record carries its schema in its own prompt.
      if (!trainingTurnsOf(item.record)) schemas.of(item.record);
    } catch {
      schema = NO_SCHEMA;
      withoutSchema++;
    }
    const record = trainingRecord(item, schemas, options, schema);
    if ('original_sql' in record) transpiled++;
    else if ('transpile_error' in record) transpileFailed++;
    return `${JSON.stringify(record)}\n`;
  });
  writeFileSync(path, lines.join(''));
  return { written: items.length, without_schema: withoutSchema, transpiled, transpile_failed: transpileFailed };
}
