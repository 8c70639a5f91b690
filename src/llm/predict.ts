/**
 * `predict` as a library call: for every question of a dataset, a prompt with its database's
 * schema goes to an OpenAI-compatible server, and the SQL in the answer is saved. Results are
 * appended to a JSONL file as they arrive, keyed by item, so that a re-run skips what is done;
 * at the end the predictions can also be written in BIRD's and Spider's formats.
 */
import { getMaxListeners, setMaxListeners } from 'node:events';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { forEachConcurrently } from '../concurrency.js';
import { DataError, type DatasetInput, inputHash, type QueryRecord, readAll, resolveDataset } from '../datasets/index.js';
import { QUESTION_FIELDS, questionOf } from '../datasets/question.js';
import { BIRD_SEPARATOR } from '../datasets/readers/json.js';
import { type Fingerprint, openResumable, type ResumedFile, textHash } from '../io/resumableJsonl.js';
import { checkTemplate, DEFAULT_SYSTEM, DEFAULT_TEMPLATE, formatExamples, renderPrompt } from '../prompt/prompt.js';
import { SchemaSource } from '../prompt/schemaSource.js';
import type { TablesJsonFull } from '../prompt/schemaText.js';
import { dialectInfo } from '../sql/dialects.js';
import { TemplateEngine } from '../sql/engine.js';
import type { Lexical } from '../sql/lexer.js';
import { loadParser } from '../sql/parser.js';
import { seededRandom, shuffleInPlace } from '../stats/random.js';
import { sqlalignVersion } from '../version.js';
import { type ClientOptions, type Completion, createClient, FatalApiError, RequestFailedError, type Usage } from './client.js';
import { ANSWER_STATUSES, type AnswerStatus, extractAnswer, oneLineSql } from './extract.js';

export type OutputFormat = 'jsonl' | 'bird' | 'spider';

/** The server and sampling settings are the client's (client.ts); the rest says what to ask and where to write. */
export interface PredictOptions extends ClientOptions {
  readonly questions: DatasetInput;
  readonly dbDir?: string;
  readonly schema?: readonly TablesJsonFull[];
  readonly evidence?: boolean;
  /** A prompt template (see prompt.ts); the default prompt otherwise. */
  readonly template?: { readonly text: string; readonly file: string };
  readonly fewShot?: DatasetInput;
  readonly shots?: number;
  readonly concurrency?: number;
  readonly dialect?: string;
  /** The results file. With format bird or spider, the JSONL goes beside it (`<out>.jsonl`). */
  readonly out: string;
  /** Start the JSONL over even if it holds answers of another run (another model, prompt or question set). */
  readonly restart?: boolean;
  readonly format?: OutputFormat;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Prediction {
  readonly i: number;
  readonly id?: unknown;
  readonly dbId: string | null;
  readonly question: string;
  readonly sql: string;
  /** `ok`, or why `sql` is empty: `refused`, `empty`, `truncated`, `no_sql` (see extract.ts). */
  readonly status: AnswerStatus;
  readonly raw: string;
  readonly finishReason: string | null;
  readonly usage: Usage;
  readonly model: string;
  readonly attempts: number;
  readonly ms: number;
}

export interface PredictSummary {
  readonly items: number;
  readonly done: number;
  readonly skipped: number;
  readonly failed: readonly { i: number; error: string }[];
  /** How many answers (this run's and earlier ones) gave SQL (`ok`) or why none. */
  readonly statuses: Readonly<Record<AnswerStatus, number>>;
  /** Items whose SQL holds a line break inside a string: written on one line, that string changed. */
  readonly changedInExport: readonly number[];
  readonly usage: Usage;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly tokensPerSecond: number;
  readonly stopped: boolean;
  readonly jsonl: string;
  readonly exported: string | null;
}

export { questionOf } from '../datasets/question.js';
export { SchemaSource } from '../prompt/schemaSource.js';

export const progressFile = (out: string, format: OutputFormat) => (format === 'jsonl' ? out : `${out}.jsonl`);

export async function predict(options: PredictOptions): Promise<PredictSummary> {
  const started = performance.now();
  const format = options.format ?? 'jsonl';
  const jsonl = progressFile(options.out, format);
  if (options.template) checkTemplate(options.template.text, options.template.file);
  const questionsSet = await resolveDataset(options.questions, { requireSql: false });
  const records = await readAll(questionsSet);
  const examples = options.fewShot ? await loadExamples(options.fewShot) : [];
  const resumed = openResumable<Prediction>(jsonl, await fingerprintOf(options), {
    isItem: isPrediction,
    restart: options.restart,
  });
  // The parser decides where a statement in an answer ends (extract.ts).
  await loadParser();
  const run = new PredictRun(options, records, resumed, {
    options,
    schemas: new SchemaSource(options),
    examples,
    completions: options.endpoint === 'completions',
  });
  const todo = records.filter((r) => !resumed.done.has(r.i));
  options.onProgress?.(run.finished, records.length);
  // At most `concurrency` requests in flight; stop taking new items on a fatal error or Ctrl-C.
  const limit = Math.max(1, options.concurrency ?? 8);
  // Each request in flight listens for the caller's abort: that many listeners are expected.
  if (options.signal) setMaxListeners(Math.max(getMaxListeners(options.signal), limit + 10), options.signal);
  await forEachConcurrently(
    todo,
    limit,
    (record) => run.answer(record),
    () => run.fatal !== null || (options.signal?.aborted ?? false),
  );
  if (run.fatal) throw run.fatal;
  return run.summary(started, format, jsonl, records.length - todo.length);
}

/** One run: the items, the answers so far (earlier runs' included), and what went wrong. */
class PredictRun {
  readonly usage: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  readonly failed: { i: number; error: string }[] = [];
  fatal: Error | null = null;
  finished: number;
  private readonly client: ReturnType<typeof createClient>;
  private readonly lexical: Lexical;
  private readonly isStatement: (sql: string) => boolean;
  private readonly done: Map<number, Prediction>;

  constructor(
    private readonly options: PredictOptions,
    private readonly records: readonly QueryRecord[],
    private readonly resumed: ResumedFile<Prediction>,
    private readonly context: PromptContext,
  ) {
    this.done = resumed.done;
    this.finished = this.done.size;
    this.client = createClient(options);
    this.lexical = dialectInfo(options.dialect ?? 'sqlite');
    const engine = new TemplateEngine(options.dialect ?? 'sqlite');
    this.isStatement = (sql) => 'template' in engine.template(sql);
  }

  /** Asks for one item's SQL and appends the answer; a failure is counted, a fatal one stops the run. */
  async answer(record: QueryRecord): Promise<void> {
    const question = questionOf(record);
    if (question === null) {
      this.failed.push({ i: record.i, error: `${record.where}: no question (fields ${QUESTION_FIELDS.join(', ')})` });
      return;
    }
    let prompt: string;
    try {
      prompt = promptOf(record, question, this.context);
    } catch (err) {
      this.failed.push({ i: record.i, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const t0 = performance.now();
    let completion: Completion;
    try {
      completion = await this.client.complete(prompt, this.options.template ? undefined : DEFAULT_SYSTEM);
    } catch (err) {
      if (err instanceof FatalApiError) this.fatal ??= err;
      else if (err instanceof RequestFailedError) this.failed.push({ i: record.i, error: err.message });
      else if (!this.options.signal?.aborted)
        this.failed.push({ i: record.i, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    const prediction: Prediction = {
      ...identityOf(record, question),
      ...extractAnswer(completion.text, {
        finishReason: completion.finishReason,
        isStatement: this.isStatement,
        lexical: this.lexical,
      }),
      raw: completion.text,
      finishReason: completion.finishReason,
      usage: completion.usage,
      model: this.options.model,
      attempts: completion.attempts,
      ms: Math.round(performance.now() - t0),
    };
    this.usage.prompt_tokens += completion.usage.prompt_tokens;
    this.usage.completion_tokens += completion.usage.completion_tokens;
    this.usage.total_tokens += completion.usage.total_tokens;
    this.done.set(record.i, prediction);
    await this.resumed.append(prediction);
    this.options.onProgress?.(++this.finished, this.records.length);
  }

  /** The run's counts and rates; with every item answered, the predictions also in BIRD's or Spider's format. */
  summary(started: number, format: OutputFormat, jsonl: string, skipped: number): PredictSummary {
    const { records, options, done } = this;
    const seconds = (performance.now() - started) / 1000;
    let exported: string | null = null;
    let changed: number[] = [];
    if (done.size === records.length && format !== 'jsonl') {
      changed = exportPredictions(options.out, format, records, done, this.lexical);
      exported = options.out;
    }
    const statuses = Object.fromEntries(ANSWER_STATUSES.map((s) => [s, 0])) as Record<AnswerStatus, number>;
    for (const p of done.values()) statuses[p.status ?? 'ok']++;
    const made = this.finished - skipped;
    return {
      items: records.length,
      done: done.size,
      skipped,
      failed: this.failed,
      statuses,
      changedInExport: changed,
      usage: this.usage,
      seconds,
      requestsPerSecond: made / seconds,
      tokensPerSecond: this.usage.total_tokens / seconds,
      stopped: options.signal?.aborted ?? false,
      jsonl,
      exported,
    };
  }
}

interface PromptContext {
  readonly options: PredictOptions;
  readonly schemas: SchemaSource;
  readonly examples: Awaited<ReturnType<typeof loadExamples>>;
  readonly completions: boolean;
}

/** The prompt of one question: its schema, evidence and few-shot examples in the template. */
function promptOf(record: QueryRecord, question: string, { options, schemas, examples, completions }: PromptContext): string {
  const prompt = renderPrompt(options.template?.text ?? DEFAULT_TEMPLATE, {
    schema: schemas.of(record),
    question,
    evidence: options.evidence && typeof record.fields?.evidence === 'string' ? (record.fields.evidence as string) : undefined,
    examples:
      examples.length > 0
        ? formatExamples(pickExamples(examples, question, options.shots ?? 3, (options.seed ?? 0) + record.i))
        : undefined,
    dialect: options.dialect ?? 'sqlite',
    dbId: record.dbId,
  });
  // A base model continues text: the default prompt ends where its SQL should begin.
  return completions && !options.template ? `${prompt}\n\`\`\`sql\n` : prompt;
}

/** Which item a prediction answers: its index, the dataset's own id where it has one, database and question. */
function identityOf(record: QueryRecord, question: string): Pick<Prediction, 'i' | 'id' | 'dbId' | 'question'> {
  return {
    i: record.i,
    ...(record.fields && 'question_id' in record.fields
      ? { id: record.fields.question_id }
      : record.fields && 'id' in record.fields
        ? { id: record.fields.id }
        : {}),
    dbId: record.dbId ?? null,
    question,
  };
}

/** Everything an answer depends on: answers made with any of it different are not reused. */
async function fingerprintOf(options: PredictOptions): Promise<Fingerprint> {
  return {
    sqlalign: sqlalignVersion(),
    questions: await inputHash(options.questions),
    base_url: options.baseUrl,
    model: options.model,
    endpoint: options.endpoint ?? 'chat',
    max_tokens: options.maxTokens ?? null,
    temperature: options.temperature ?? null,
    seed: options.seed ?? null,
    template: options.template ? textHash(options.template.text) : null,
    few_shot: options.fewShot === undefined ? null : await inputHash(options.fewShot),
    shots: options.shots ?? null,
    evidence: options.evidence ?? false,
    dialect: options.dialect ?? 'sqlite',
    db_dir: options.dbDir === undefined ? null : resolve(options.dbDir),
    schema: options.schema ? textHash(JSON.stringify(options.schema)) : null,
  };
}

function isPrediction(value: unknown): value is Prediction {
  const p = value as Partial<Prediction> | null;
  return p !== null && typeof p === 'object' && typeof p.i === 'number' && typeof p.sql === 'string';
}

/**
 * BIRD's prediction JSON and Spider's one-query-per-line file, in item order, each query on one
 * line (comments removed, white space collapsed outside strings). An item without SQL is written
 * as `SELECT` in Spider's file, since its evaluator skips blank lines and would pair every later
 * line with the wrong question. Returns the items whose one-line form had to change a string.
 */
function exportPredictions(
  out: string,
  format: 'bird' | 'spider',
  records: readonly QueryRecord[],
  done: ReadonlyMap<number, Prediction>,
  lexical: Lexical,
): number[] {
  const changed: number[] = [];
  const line = (r: QueryRecord) => {
    const one = oneLineSql(done.get(r.i)?.sql ?? '', lexical);
    if (one.changed) changed.push(r.i);
    return one.sql;
  };
  if (format === 'bird') {
    const object = Object.fromEntries(records.map((r) => [String(r.i), `${line(r)}${BIRD_SEPARATOR}${r.dbId ?? ''}`]));
    writeFileSync(out, `${JSON.stringify(object, null, 4)}\n`);
  } else {
    writeFileSync(out, records.map((r) => `${line(r) || 'SELECT'}\n`).join(''));
  }
  return changed;
}

interface Example {
  readonly question: string;
  readonly sql: string;
}

async function loadExamples(input: DatasetInput): Promise<Example[]> {
  const set = await resolveDataset(input);
  const examples: Example[] = [];
  for (const r of await readAll(set)) {
    const question = questionOf(r);
    if (question && r.sql) examples.push({ question, sql: r.sql });
  }
  if (examples.length === 0) throw new DataError(set.path, 'has no items with both a question and SQL for few-shot examples');
  return examples;
}

/** `shots` examples drawn with a seed (one per item: reproducible), never the question itself. */
function pickExamples(pool: readonly Example[], question: string, shots: number, seed: number): Example[] {
  const candidates = pool.filter((e) => e.question !== question);
  return shuffleInPlace([...candidates], seededRandom(seed)).slice(0, shots);
}
