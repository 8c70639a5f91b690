/**
 * Prompts. The default is a zero-shot prompt in the style of the published baselines (schema as
 * CREATE TABLE statements with example rows, the question, optional evidence, "answer with one
 * SQL query"). A user's template file replaces it: named placeholders {{schema}}, {{question}},
 * {{evidence}}, {{examples}}, {{dialect}} and {{db_id}} are filled in; an unknown placeholder is an error.
 */
import { UsageError } from '../datasets/errors.js';

export interface PromptParts {
  readonly schema: string;
  readonly question: string;
  readonly evidence?: string;
  /** Few-shot examples, already formatted (see formatExamples). */
  readonly examples?: string;
  readonly dialect: string;
  readonly dbId?: string;
}

export const DEFAULT_SYSTEM =
  'You are an expert in SQL. You write one correct SQL query that answers the question, and nothing else.';

export const DEFAULT_TEMPLATE = `### Database schema ({{dialect}})
{{schema}}

{{examples}}### Question
{{question}}
{{evidence}}
### Instructions
Write one {{dialect}} SQL query that answers the question, using only the tables and columns above.
Answer with the SQL query only, in a \`\`\`sql code block.`;

const PLACEHOLDERS = new Set(['schema', 'question', 'evidence', 'examples', 'dialect', 'db_id']);

export function checkTemplate(template: string, file: string): void {
  for (const match of template.matchAll(/\{\{\s*([A-Za-z_]+)\s*\}\}/g)) {
    if (!PLACEHOLDERS.has(match[1] as string)) {
      throw new UsageError(
        `${file}: unknown placeholder {{${match[1]}}} (known: ${[...PLACEHOLDERS].map((p) => `{{${p}}}`).join(', ')})`,
      );
    }
  }
  if (!/\{\{\s*question\s*\}\}/.test(template)) throw new UsageError(`${file}: the template has no {{question}} placeholder`);
}

export function renderPrompt(template: string, parts: PromptParts): string {
  const values: Record<string, string> = {
    schema: parts.schema,
    question: parts.question,
    evidence: parts.evidence ? `Hint: ${parts.evidence}\n` : '',
    examples: parts.examples ? `${parts.examples}\n\n` : '',
    dialect: parts.dialect,
    db_id: parts.dbId ?? '',
  };
  return template.replace(/\{\{\s*([A-Za-z_]+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
}

export function formatExamples(examples: readonly { question: string; sql: string }[]): string {
  return examples.map((e) => `### Example question\n${e.question}\n### Example answer\n\`\`\`sql\n${e.sql}\n\`\`\``).join('\n\n');
}
