/**
 * Selected examples as training records for SFT trainers: the prompt `predict` would send (the
 * schema, the question, BIRD's evidence) and the gold SQL as the answer, in OpenAI chat messages,
 * Alpaca or ShareGPT form. Every record keeps its source pool and id.
 */
import { writeFileSync } from 'node:fs';
import { questionOf } from '../datasets/question.js';
import { DEFAULT_SYSTEM, DEFAULT_TEMPLATE, renderPrompt } from '../prompt/prompt.js';
import { SchemaSource } from '../prompt/schemaSource.js';
import type { TablesJsonFull } from '../prompt/schemaText.js';
import type { SelectedItem } from './select.js';

export type ExportFormat = 'chat' | 'alpaca' | 'sharegpt';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly dbDir?: string;
  readonly schema?: readonly TablesJsonFull[];
  readonly evidence?: boolean;
  readonly dialect?: string;
}

/** What a prompt says where no schema could be found for the item. */
export const NO_SCHEMA = '(no schema available: give --db-dir or --schema to include it)';

export function trainingRecord(item: SelectedItem, schemas: SchemaSource, options: ExportOptions, schema?: string): object {
  const r = item.record;
  const prompt = renderPrompt(DEFAULT_TEMPLATE, {
    schema: schema ?? schemas.of(r),
    question: questionOf(r) ?? '',
    evidence: options.evidence !== false && typeof r.fields?.evidence === 'string' ? (r.fields.evidence as string) : undefined,
    dialect: options.dialect ?? 'sqlite',
    dbId: r.dbId,
  });
  const answer = `\`\`\`sql\n${(r.sql ?? '').trim()}\n\`\`\``;
  const id = r.fields?.question_id ?? r.fields?.id ?? r.i;
  const meta = { source: item.pool, id, db_id: r.dbId ?? null };
  if (options.format === 'alpaca') return { instruction: `${DEFAULT_SYSTEM}\n\n${prompt}`, input: '', output: answer, ...meta };
  if (options.format === 'sharegpt') {
    return {
      conversations: [
        { from: 'system', value: DEFAULT_SYSTEM },
        { from: 'human', value: prompt },
        { from: 'gpt', value: answer },
      ],
      ...meta,
    };
  }
  return {
    messages: [
      { role: 'system', content: DEFAULT_SYSTEM },
      { role: 'user', content: prompt },
      { role: 'assistant', content: answer },
    ],
    ...meta,
  };
}

/**
 * Writes every record as JSONL. An item whose schema cannot be found (no sql_context, no database
 * in `dbDir`, no tables.json entry) is still written, its prompt saying the schema is missing, and
 * counted: the caller reports how many.
 */
export function exportSelection(
  path: string,
  items: readonly SelectedItem[],
  options: ExportOptions,
): { written: number; without_schema: number } {
  const schemas = new SchemaSource({ dbDir: options.dbDir, schema: options.schema });
  let withoutSchema = 0;
  const lines = items.map((item) => {
    let schema: string | undefined;
    try {
      schemas.of(item.record);
    } catch {
      schema = NO_SCHEMA;
      withoutSchema++;
    }
    return `${JSON.stringify(trainingRecord(item, schemas, options, schema))}\n`;
  });
  writeFileSync(path, lines.join(''));
  return { written: items.length, without_schema: withoutSchema };
}
