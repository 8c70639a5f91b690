/** `sqlalign eval`: execution accuracy and exact match against SQLite databases or a PostgreSQL/MySQL server. */

import { Command, Option } from 'commander';
import { UsageError } from '../datasets/errors.js';
import type { SqlTextLayout } from '../datasets/readers/sqlText.js';
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS } from '../eval/defaults.js';
import { SEMANTICS } from '../exec/resultsEqual.js';
import { DESCRIPTIONS } from './descriptions.js';
import {
  addCacheOptions,
  type CacheFlags,
  cacheOf,
  dialectOption,
  jsonOption,
  layoutOption,
  maxQueryLength,
  maxQueryMbOption,
  positiveNumber,
  wholeNumber,
} from './options.js';
import { note, write, writeJson } from './output.js';
import { createProgress } from './progress.js';
import { readTablesJson } from './tablesJson.js';

interface EvalFlags extends CacheFlags {
  gold: string;
  pred: string;
  dbDir?: string;
  dbUrl?: string;
  tables?: string;
  semantics: 'spider' | 'bird' | 'ordered';
  keepDistinct?: boolean;
  timeout: number;
  workers?: number;
  maxRows: number;
  dialect: string;
  maxQueryMb: number;
  json?: boolean;
  out?: string;
  restart?: boolean;
  layout?: SqlTextLayout;
  by?: string;
  ves?: number;
  transpileFrom?: string;
  audit?: boolean;
}

export function evalCommand(): Command {
  const command = new Command('eval')
    .description(DESCRIPTIONS.eval)
    .requiredOption('--gold <dataset>', 'gold SQL with db_id: [label=]path[#field]')
    .requiredOption('--pred <dataset>', 'predictions, in the same order as the gold items')
    .option('--db-dir <dir>', 'folder of <db_id>/<db_id>.sqlite (Spider and BIRD layout)')
    .option(
      '--db-url <url>',
      'a server instead: postgres://user@host/db (each db_id names a schema there) or mysql://user@host (a database)',
    )
    .option('--tables <tables.json>', 'Spider-style tables.json: needed for Spider exact set match')
    .addOption(new Option('--semantics <rule>', 'how results are compared').choices(SEMANTICS).default('spider'))
    .option('--keep-distinct', 'spider rule: keep DISTINCT (the official default removes it from both queries)')
    .option('--timeout <seconds>', 'stop a query running longer than this', positiveNumber, DEFAULT_TIMEOUT_SECONDS)
    .option('--workers <n>', 'execution processes (default: the cores)', wholeNumber(1))
    .option('--max-rows <n>', 'a result with more rows than this is an error', wholeNumber(1), DEFAULT_MAX_ROWS)
    .addOption(dialectOption('SQL dialect for the template match'))
    .addOption(maxQueryMbOption())
    .addOption(jsonOption('the summary'))
    .option('--out <items.jsonl>', 'per-item results; a file from the same inputs and settings is resumed')
    .option('--restart', 'start --out over even if it holds results of another run')
    .addOption(layoutOption())
    .option('--by <key>', 'EX and EM per stratum too: length, joins, nesting, clauses, hardness, or a gold column')
    .option(
      '--transpile-from <dialect>',
      "with --db-url: the queries' dialect (e.g. sqlite for Spider and BIRD), transpiled to the server's before they run",
    )
    .option(
      '--audit',
      'audit the gold answers: run each again, flag ties at a LIMIT, orders not fixed, NULL and text-number keys (audit codes per item)',
    )
    .option(
      '--ves <repeats>',
      "BIRD's efficiency scores (VES, R-VES): time each correct item's queries this many times (BIRD's scripts: 100)",
      wholeNumber(1),
    );
  return addCacheOptions(command).action(runEval);
}

async function runEval(flags: EvalFlags): Promise<void> {
  if (flags.dbDir && flags.dbUrl) throw new UsageError('give --db-dir or --db-url, not both');
  // The run's code is loaded when it runs: `eval --help` starts without it.
  const [{ evaluate }, { renderEvalText }] = await Promise.all([import('../eval/evaluate.js'), import('../report/evalText.js')]);
  const progress = createProgress(!flags.json);
  try {
    const result = await evaluate({
      gold: flags.gold,
      pred: flags.pred,
      dbDir: flags.dbDir,
      dbUrl: flags.dbUrl,
      tables: flags.tables ? readTablesJson(flags.tables) : undefined,
      semantics: flags.semantics,
      keepDistinct: flags.keepDistinct,
      timeoutSeconds: flags.timeout,
      workers: flags.workers,
      maxRows: flags.maxRows,
      dialect: flags.dialect,
      maxQueryLength: maxQueryLength(flags),
      out: flags.out,
      restart: flags.restart,
      layout: flags.layout,
      onNote: note,
      by: flags.by,
      vesRepeats: flags.ves,
      transpileFrom: flags.transpileFrom,
      audit: flags.audit,
      cache: cacheOf(flags, note),
      onProgress: (done, total) => progress.update('eval', done, total),
    });
    progress.done();
    await (flags.json ? writeJson(result.summary) : write(renderEvalText(result.summary)));
  } finally {
    progress.done();
  }
}
