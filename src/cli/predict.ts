/** `sqlalign predict`: a model's SQL for every question, from any OpenAI-compatible server. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { DataError } from '../datasets/errors.js';
import type { Endpoint } from '../llm/client.js';
import { RequestFailedError } from '../llm/errors.js';
import type { OutputFormat, PredictOptions, PredictSummary } from '../llm/predict.js';
import { DESCRIPTIONS } from './descriptions.js';
import { dialectOption, jsonOption, nonNegativeNumber, positiveNumber, seedOption, wholeNumber } from './options.js';
import { note, writeJson } from './output.js';
import { createProgress } from './progress.js';
import { readTablesJson } from './tablesJson.js';

interface PredictFlags {
  questions: string;
  dbDir?: string;
  schema?: string;
  baseUrl: string;
  model: string;
  apiKeyEnv: string;
  evidence?: boolean;
  prompt?: string;
  fewShot?: string;
  shots: number;
  concurrency: number;
  maxTokens: number;
  temperature: number;
  seed?: number;
  timeout: number;
  retries: number;
  endpoint: Endpoint;
  dialect: string;
  out: string;
  restart?: boolean;
  format: OutputFormat;
  json?: boolean;
}

export function predictCommand(): Command {
  return new Command('predict')
    .description(DESCRIPTIONS.predict)
    .requiredOption('--questions <dataset>', 'questions with db_id (Spider/BIRD json, Gretel rows with sql_context, ...)')
    .option('--db-dir <dir>', 'folder of <db_id>/<db_id>.sqlite: the schema (and example rows) come from the database')
    .option('--schema <tables.json>', 'Spider/BIRD tables.json: the schema when there is no database')
    .requiredOption('--base-url <url>', 'the server, e.g. http://localhost:8000/v1')
    .requiredOption('--model <name>', 'the model name the server knows')
    .option('--api-key-env <name>', 'environment variable holding the API key', 'OPENAI_API_KEY')
    .option('--evidence', "add BIRD's evidence to the prompt")
    .option(
      '--prompt <file>',
      'a prompt template with {{schema}}, {{question}}, {{evidence}}, {{examples}}, {{dialect}}, {{db_id}}',
    )
    .option('--few-shot <dataset>', 'examples (question and SQL) to put in each prompt')
    .option('--shots <n>', 'how many few-shot examples per prompt', wholeNumber(0), 3)
    .option('--concurrency <n>', 'requests in flight at once', wholeNumber(1), 8)
    .option('--max-tokens <n>', 'longest answer', wholeNumber(1), 512)
    .option('--temperature <t>', 'sampling temperature', nonNegativeNumber, 0)
    .addOption(seedOption('sampling, sent to the server (and of the few-shot picks)'))
    .option('--timeout <seconds>', 'give up on a request after this long (then retry)', positiveNumber, 120)
    .option('--retries <n>', 'retries on 429, 5xx and dropped connections', wholeNumber(0), 6)
    .addOption(
      new Option('--endpoint <kind>', 'chat (instruction models) or completions (base models)')
        .choices(['chat', 'completions'])
        .default('chat'),
    )
    .addOption(dialectOption('the SQL dialect named in the prompt (and of the answers)'))
    .requiredOption(
      '--out <file>',
      'results: JSONL (resumed if it holds answers of the same run), or with --format bird/spider the final file',
    )
    .option('--restart', 'start over even if the results file holds answers of another run (model, prompt, questions)')
    .addOption(
      new Option('--format <format>', 'jsonl, BIRD prediction JSON, or Spider one query per line')
        .choices(['jsonl', 'bird', 'spider'])
        .default('jsonl'),
    )
    .addOption(jsonOption('the summary'))
    .action(runPredict);
}

async function runPredict(flags: PredictFlags): Promise<void> {
  // The run's code is loaded when it runs: `predict --help` starts without it.
  const [{ predict }, { renderPredictText }] = await Promise.all([
    import('../llm/predict.js'),
    import('../report/predictText.js'),
  ]);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write('\nsqlalign: stopping (results so far are saved; Ctrl-C again to quit at once)\n');
    controller.abort(new Error('interrupted'));
  };
  process.on('SIGINT', onInterrupt);
  const progress = createProgress(!flags.json);
  try {
    const summary = await predict({
      ...predictOptionsOf(flags),
      signal: controller.signal,
      onProgress: (done, total) => progress.update('predict', done, total),
    });
    progress.done();
    if (flags.json) await writeJson(summary);
    else process.stdout.write(renderPredictText(summary, flags.format));
    reportEnd(summary);
  } finally {
    progress.done();
    process.off('SIGINT', onInterrupt);
  }
}

/** The library's options from the flags (files named by the flags read here). */
function predictOptionsOf(flags: PredictFlags): PredictOptions {
  return {
    questions: flags.questions,
    dbDir: flags.dbDir,
    schema: flags.schema ? readTablesJson(flags.schema) : undefined,
    baseUrl: flags.baseUrl,
    model: flags.model,
    apiKey: process.env[flags.apiKeyEnv],
    endpoint: flags.endpoint,
    evidence: flags.evidence,
    template: flags.prompt ? { text: readText(flags.prompt), file: flags.prompt } : undefined,
    fewShot: flags.fewShot,
    shots: flags.shots,
    concurrency: flags.concurrency,
    maxTokens: flags.maxTokens,
    temperature: flags.temperature,
    seed: flags.seed,
    timeoutMs: flags.timeout * 1000,
    maxRetries: flags.retries,
    dialect: flags.dialect,
    out: flags.out,
    restart: flags.restart,
    format: flags.format,
  };
}

/** What the summary leaves to say: strings changed by the one-line export, and the exit code of a stopped or partly failed run. */
function reportEnd(summary: PredictSummary): void {
  if (summary.changedInExport.length > 0) {
    const items = summary.changedInExport;
    note(
      `${items.length === 1 ? '1 query holds' : `${items.length} queries hold`} a line break inside a string, written on one line in ${summary.exported} with a space instead (items ${items.slice(0, 5).join(', ')}${items.length > 5 ? ', ...' : ''}); the JSONL keeps them as answered`,
    );
  }
  if (summary.stopped) process.exitCode = 130;
  else if (summary.failed.length > 0) {
    const first = summary.failed[0] as { i: number; error: string };
    throw new RequestFailedError(
      `${summary.failed.length === 1 ? '1 question' : `${summary.failed.length} questions`} failed (first: item ${first.i}: ${first.error}); run again to retry them`,
    );
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new DataError(path, 'cannot read the prompt template');
  }
}
