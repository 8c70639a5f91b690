/** `sqlalign compare BASE.jsonl RUN.jsonl [RUN2.jsonl …]`: did a run really beat its base? */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { PairedComparison } from '../eval/pairedRuns.js';
import { DESCRIPTIONS } from './descriptions.js';
import { jsonOption, seedOption, wholeNumber } from './options.js';
import { write, writeJson } from './output.js';

interface CompareFlags {
  bootstrap: number;
  seed: number;
  by?: string;
  list?: number;
  json?: boolean;
  markdown?: string;
  html?: string;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description(DESCRIPTIONS.compare)
    .argument('<base>', 'the base run: an `eval --out` file')
    .argument('<runs...>', '`eval --out` files of the same gold to compare with it (e.g. the fine-tuned model)')
    .option('--bootstrap <n>', 'paired bootstrap replicates of the ΔEX interval (0: none)', wholeNumber(0), 10_000)
    .addOption(seedOption('the bootstrap', 0))
    .option('--by <key>', 'the same per stratum: hardness, difficulty, db_id, or any item column of the files')
    .option('--list <n>', 'print up to N items that changed, each way, with both predictions', wholeNumber(1))
    .option('--markdown <file>', 'also write the tables as Markdown')
    .option('--html <file>', 'also write a self-contained HTML report with the ΔEX intervals per stratum')
    .addOption(jsonOption('the comparisons'))
    .action(async (base: string, runs: string[], flags: CompareFlags) => {
      // The run's code is loaded when it runs: `compare --help` starts without it.
      const [{ compareRuns, readEvalRun }, { renderCompareMarkdown, renderCompareText }] = await Promise.all([
        import('../eval/pairedRuns.js'),
        import('../report/compareText.js'),
      ]);
      const comparisons = compareRuns(
        readEvalRun(base),
        runs.map((run) => readEvalRun(run)),
        { bootstrap: flags.bootstrap, seed: flags.seed, by: flags.by, list: flags.list },
      );
      if (flags.markdown) writeFileSync(flags.markdown, renderCompareMarkdown(comparisons));
      if (flags.html) {
        const { renderCompareHtml } = await import('../report/compareHtml.js');
        writeFileSync(flags.html, await renderCompareHtml(comparisons));
      }
      if (flags.json) await writeJson(jsonOf(comparisons));
      else await write(renderCompareText(comparisons));
    });
}

/** One run: its fields at the top level; several: the base and a list of comparisons. */
function jsonOf(comparisons: readonly PairedComparison[]): object {
  if (comparisons.length === 1) return comparisons[0] as PairedComparison;
  return { base: comparisons[0]?.base, comparisons };
}
