/** `sqlalign select`: the fine-tuning subset that best matches the target, exported for SFT trainers. */

import { Command, Option } from 'commander';
import type { ExportFormat } from '../select/export.js';
import type { SelectMethod, SelectResult } from '../select/select.js';
import { DIALECT_NAMES } from '../sql/dialects.js';
import { plural } from '../words.js';
import { DESCRIPTIONS } from './descriptions.js';
import {
  addCacheOptions,
  cacheOf,
  collect,
  dialectOption,
  jsonOption,
  nonNegativeNumber,
  parserWorkersOption,
  positiveNumber,
  readOption,
  seedOption,
  weightOption,
  wholeNumber,
} from './options.js';
import { note, write, writeJson } from './output.js';
import { createProgress } from './progress.js';
import { readTablesJson } from './tablesJson.js';

interface SelectFlags {
  target: string;
  pool: string[];
  budget: number;
  method: SelectMethod;
  seed: number;
  holdout: number;
  maxTemplateShare: number;
  out?: string;
  format: ExportFormat;
  dbDir?: string;
  schema?: string[];
  dialect: string;
  read?: string[];
  weight?: string[];
  exportDialect?: string;
  workers?: number;
  json?: boolean;
  allowOverlap?: boolean;
  cache: boolean;
  cacheDir?: string;
}

export function selectCommand(): Command {
  const command = new Command('select')
    .description(DESCRIPTIONS.select)
    .requiredOption('--target <dataset>', 'the workload to match')
    .requiredOption('--pool <dataset>', 'a candidate pool with questions and SQL (repeatable)', collect)
    .requiredOption('--budget <n>', 'how many examples to select', wholeNumber(1))
    .addOption(
      new Option('--method <method>', 'greedy (lowers D the most at each step) or importance (DSIR-style resampling)')
        .choices(['greedy', 'importance'])
        .default('greedy'),
    )
    .addOption(seedOption('the held-out split, item order and resampling', 0))
    .option(
      '--holdout <share>',
      'share of the target held out to judge the selection (0: none, no judgement)',
      nonNegativeNumber,
      0.3,
    )
    .option('--allow-overlap', 'keep pool items that duplicate a target item (same question, or same SQL on the same database)')
    .option('--max-template-share <share>', 'largest share of the budget one template may take', positiveNumber, 0.05)
    .option('--out <file.jsonl>', 'write the selected examples as training records')
    .addOption(new Option('--format <format>', 'training record format').choices(['chat', 'alpaca', 'sharegpt']).default('chat'))
    .option('--db-dir <dir>', 'folder of <db_id>/<db_id>.sqlite, for the schemas in the prompts')
    .option('--schema <tables.json>', 'tables.json, for the schemas in the prompts (repeatable)', collect)
    .addOption(dialectOption("SQL dialect of the comparison: the target's (pools of another are named by --read)"))
    .addOption(readOption())
    .addOption(weightOption())
    .addOption(
      new Option(
        '--export-dialect <name>',
        "the dialect of the exported answers (default: the target's): pool SQL of another is transpiled, the original kept",
      ).choices(DIALECT_NAMES),
    )
    .addOption(parserWorkersOption())
    .addOption(jsonOption('the result'));
  return addCacheOptions(command).action(runSelect);
}

async function runSelect(flags: SelectFlags): Promise<void> {
  // The run's code is loaded when it runs: `select --help` starts without it.
  const [
    { renderSelectText },
    { exportSelection },
    { select },
    { parseReadArguments },
    { schemaNames },
    { parseWeightArguments },
  ] = await Promise.all([
    import('../report/selectText.js'),
    import('../select/export.js'),
    import('../select/select.js'),
    import('../datasets/readDialects.js'),
    import('../spider/schemaNames.js'),
    import('../datasets/weights.js'),
  ]);
  const read = parseReadArguments(flags.read ?? []);
  const progress = createProgress(!flags.json);
  const schema = flags.schema ? flags.schema.flatMap(readTablesJson) : undefined;
  // The databases' names tell SQLite's double-quoted strings from names when pools are transpiled.
  const namesOf = schemaNames({ dbDir: flags.dbDir, tables: schema });
  let result: Awaited<ReturnType<typeof select>>;
  try {
    result = await select({
      target: flags.target,
      pools: flags.pool,
      budget: flags.budget,
      method: flags.method,
      seed: flags.seed,
      holdout: flags.holdout,
      maxTemplateShare: flags.maxTemplateShare,
      allowOverlap: flags.allowOverlap,
      cache: cacheOf(flags, note),
      dialect: flags.dialect,
      read,
      weights: parseWeightArguments(flags.weight ?? []),
      onNote: note,
      namesOf,
      workers: flags.workers,
      onProgress: (stage, done) => progress.update(stage, done),
    });
  } finally {
    progress.done();
  }
  const exported = flags.out
    ? await exportSelection(flags.out, result.selected, {
        format: flags.format,
        dbDir: flags.dbDir,
        schema,
        dialect: flags.exportDialect ?? result.sets[0]?.dialect ?? flags.dialect,
        namesOf,
      })
    : null;
  noteLeftOut(result, exported, flags);
  if (flags.json) {
    const { selected, ...summary } = result;
    return writeJson({
      ...summary,
      selected: selected.length,
      out: flags.out ?? null,
      without_schema: exported?.without_schema ?? 0,
      ...(exported ? { export_transpiled: exported.transpiled, export_transpile_failed: exported.transpile_failed } : {}),
    });
  }
  await write(renderSelectText(result, flags.out ? { out: { path: flags.out, format: flags.format } } : {}));
}

/** What the selection left out, and exported records that lack a schema: said on stderr. */
function noteLeftOut(
  result: SelectResult,
  exported: { without_schema: number; transpiled: number; transpile_failed: number } | null,
  flags: SelectFlags,
): void {
  if (exported && exported.transpiled + exported.transpile_failed > 0) {
    note(
      `${flags.out}: ${plural(exported.transpiled, 'answer')} transpiled into the export's dialect (the original kept in original_sql)` +
        (exported.transpile_failed > 0
          ? `, ${exported.transpile_failed} left in their own dialect (transpile_error says why)`
          : ''),
    );
  }
  const overlapped = Object.entries(result.overlap);
  if (overlapped.length > 0) {
    note(
      `left out ${overlapped.map(([pool, n]) => `${plural(n, 'item')} of ${pool}`).join(', ')} that duplicate target items (same question, or same SQL on the same database); --allow-overlap keeps them`,
    );
  }
  if (exported && exported.without_schema > 0) {
    note(
      `${plural(exported.without_schema, 'record')} of ${flags.out} have no schema in their prompt (none found for their database): give --db-dir or --schema to include it`,
    );
  }
}
