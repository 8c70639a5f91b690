/**
 * Selected examples as training records for SFT trainers: the prompt `predict` would send (the
 * schema, the question, BIRD's evidence) and the gold SQL as the answer, in OpenAI chat messages,
 * Alpaca or ShareGPT form. Every record keeps its source pool and id.
 */
import { writeFileSync } from 'node:fs';
import { DataError } from '../datasets/errors.js';
import { questionOf, SchemaSource } from '../llm/predict.js';
import { DEFAULT_SYSTEM, DEFAULT_TEMPLATE, renderPrompt } from '../llm/prompt.js';
import type { TablesJsonFull } from '../llm/schemaText.js';
import type { SelectedItem } from './select.js';

export type ExportFormat = 'chat' | 'alpaca' | 'sharegpt';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly dbDir?: string;
  readonly schema?: readonly TablesJsonFull[];
  readonly evidence?: boolean;
  readonly dialect?: string;
}

export function trainingRecord(item: SelectedItem, schemas: SchemaSource, options: ExportOptions): object {
  const r = item.record;
  const prompt = renderPrompt(DEFAULT_TEMPLATE, {
    schema: schemas.of(r),
    question: questionOf(r) ?? '',
    evidence: options.evidence !== false && typeof r.fields?.evidence === 'string' ? (r.fields.evidence as string) : undefined,
    dialect: options.dialect ?? 'sqlite',
    db_id: r.db_id,
  });
  const answer = `\`\`\`sql\n${(r.sql ?? '').trim()}\n\`\`\``;
  const id = r.fields?.question_id ?? r.fields?.id ?? r.i;
  const meta = { source: item.pool, id, db_id: r.db_id ?? null };
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

/** Writes the records as JSONL; returns how many were written. */
export function exportSelection(path: string, items: readonly SelectedItem[], options: ExportOptions): number {
  const schemas = new SchemaSource({ dbDir: options.dbDir, schema: options.schema });
  const lines = items.map((item) => {
    try {
      return `${JSON.stringify(trainingRecord(item, schemas, options))}\n`;
    } catch (err) {
      throw new DataError(item.pool, `${err instanceof Error ? err.message : String(err)}; give --db-dir or --schema for it`);
    }
  });
  writeFileSync(path, lines.join(''));
  return items.length;
}
