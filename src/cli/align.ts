/** `sqlalign align`: the target against training sets and the base model's predictions. */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { AlignResult } from '../align/align.js';
import { DEFAULT_ALPHA, DEFAULT_LMAX } from '../align/figures.js';
import { DEFAULT_SIZE_MATCH_REPLICATES } from '../align/sizeMatched.js';
import type { ReportOptions } from '../report/ratioNotes.js';
import { DEFAULT_EVIDENCE_PATH, readEvidence } from '../study/evidence.js';
import { DESCRIPTIONS } from './descriptions.js';
import {
  addParsingOptions,
  cacheOf,
  collect,
  jsonOption,
  maxQueryLength,
  type ParsingFlags,
  positiveNumber,
  readOption,
  seedOption,
  showLiteralsOption,
  weightOption,
  wholeNumber,
} from './options.js';
import { note, write, writeJson } from './output.js';
import { createProgress } from './progress.js';
import { readTablesJson } from './tablesJson.js';

interface AlignFlags extends ParsingFlags {
  target: string;
  train: string[];
  pred?: string[];
  alpha: number;
  lmax: number;
  scale?: number;
  json?: boolean;
  targetSample?: number;
  sampleBy?: string;
  seed: number;
  bootstrap?: number;
  explain?: boolean;
  markdown?: string;
  html?: string;
  by?: string;
  tables?: string;
  dropOverlap?: boolean;
  evidence: string;
  sizeMatch: number;
  read?: string[];
  weight?: string[];
  showLiterals?: boolean;
}

export function alignCommand(): Command {
  const command = new Command('align')
    .description(DESCRIPTIONS.align)
    .requiredOption('--target <dataset>', 'the workload the model must serve: [label=]path[#field]')
    .requiredOption('--train <dataset>', 'a candidate fine-tuning set (repeatable)', collect)
    .option('--pred <dataset>', "the base model's predictions on the target questions (repeatable)", collect)
    .option('--alpha <a>', 'Lidstone smoothing of the compared distribution', positiveNumber, DEFAULT_ALPHA)
    .option('--lmax <n>', 'longest n-gram', wholeNumber(1), DEFAULT_LMAX)
    .option('--scale <c>', 'fixed scale c of A_KL = exp(-D/c) (default: the largest D of the comparison)', positiveNumber)
    .option('--target-sample <k>', 'use only K target queries per database (or per --sample-by column)', wholeNumber(1))
    .option('--sample-by <column>', 'the column that groups the target for --target-sample (default: db_id)')
    .addOption(seedOption('the sample and the bootstrap', 0))
    .option(
      '--bootstrap <n>',
      'bootstrap replicates for confidence intervals (default: 1000 with --target-sample, else none)',
      wholeNumber(0),
    )
    .option('--explain', 'which structural patterns the target needs that each set lacks, and the reverse')
    .option(
      '--by <key>',
      'every figure per stratum of the target too: length, joins, nesting, clauses, or a column (difficulty, domain, db_id, ...)',
    )
    .option('--drop-overlap', 'leave out of each training set the items that are target items (they would be leakage)')
    .option('--tables <tables.json>', 'Spider-style tables.json: with --by hardness, the Spider hardness of each target query')
    .option(
      '--evidence <file>',
      "how often each decision held on measured fine-tuning runs: a `study --json` output, or 'none' (default: the shipped NL2SQL360 case study, Spider only)",
      'default',
    )
    .option(
      '--size-match <n>',
      'random draws behind the AR at equal size (the larger set drawn down to the smaller one); 0: none',
      wholeNumber(0),
      DEFAULT_SIZE_MATCH_REPLICATES,
    )
    .addOption(readOption())
    .addOption(weightOption())
    .addOption(showLiteralsOption())
    .option('--markdown <file>', 'also write the tables as Markdown')
    .option('--html <file>', 'also write a self-contained HTML report with charts')
    .addOption(jsonOption('the comparison'));
  return addParsingOptions(command).action(runAlign);
}

async function runAlign(flags: AlignFlags): Promise<void> {
  const progress = createProgress(!flags.json);
  // Read before the run: a wrong path fails in a moment, not after the templating.
  const report = {
    evidence:
      flags.evidence === 'none' ? null : readEvidence(flags.evidence === 'default' ? DEFAULT_EVIDENCE_PATH : flags.evidence),
  };
  // The run's code is loaded when it runs: `align --help` starts without it.
  const [{ align }, { parseReadArguments }, { parseWeightArguments }] = await Promise.all([
    import('../align/align.js'),
    import('../datasets/readDialects.js'),
    import('../datasets/weights.js'),
  ]);
  try {
    const result = await align({
      target: flags.target,
      train: flags.train,
      pred: flags.pred ?? [],
      dialect: flags.dialect,
      read: parseReadArguments(flags.read ?? []),
      weights: parseWeightArguments(flags.weight ?? []),
      showLiterals: flags.showLiterals,
      alpha: flags.alpha,
      lmax: flags.lmax,
      scale: flags.scale,
      workers: flags.workers,
      maxQueryLength: maxQueryLength(flags),
      layout: flags.layout,
      cache: cacheOf(flags, note),
      dropOverlap: flags.dropOverlap,
      onNote: note,
      targetSample: flags.targetSample,
      sampleBy: flags.sampleBy,
      seed: flags.seed,
      bootstrap: flags.bootstrap,
      explain: flags.explain,
      sizeMatchReplicates: flags.sizeMatch,
      by: flags.by,
      tables: flags.tables ? readTablesJson(flags.tables) : undefined,
      onProgress: (name, done) => progress.update(name, done),
    });
    progress.done();
    await writeReports(result, report, flags);
  } finally {
    progress.done();
  }
}

/** The reports asked for; each report's code is loaded only then (the HTML one brings the charts). */
async function writeReports(result: AlignResult, report: ReportOptions, flags: AlignFlags): Promise<void> {
  if (flags.markdown) {
    const { renderAlignMarkdown } = await import('../report/alignMarkdown.js');
    writeFileSync(flags.markdown, renderAlignMarkdown(result, report));
  }
  if (flags.html) {
    const { renderAlignHtml } = await import('../report/alignHtml.js');
    writeFileSync(flags.html, await renderAlignHtml(result, report));
  }
  if (flags.json) {
    const { alignJson } = await import('../report/alignJson.js');
    await writeJson(alignJson(result, report));
  } else {
    const { renderAlignText } = await import('../report/alignText.js');
    await write(renderAlignText(result, report));
  }
}
