/** `sqlalign study <experiments.csv|jsonl>`: does AR predict the measured gains? */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { DESCRIPTIONS } from './descriptions.js';
import { dialectOption, jsonOption, positiveNumber, seedOption, wholeNumber } from './options.js';
import { write, writeJson } from './output.js';

export function studyCommand(): Command {
  return new Command('study')
    .description(DESCRIPTIONS.study)
    .argument(
      '<experiments>',
      'CSV or JSONL: model, family, train, target, ex_before, ex_after (or eval_before, eval_after: eval --out files), [em_before, em_after], and ar or target_path/train_path/pred_path',
    )
    .option('--bootstrap <n>', 'bootstrap replicates for the intervals of r and ρ', wholeNumber(0), 2000)
    .addOption(seedOption('the bootstrap', 0))
    .addOption(dialectOption('SQL dialect, where AR is computed from datasets'))
    .option('--scale <c>', 'fixed c for ARs computed from datasets (puts every experiment on one scale)', positiveNumber)
    .option('--evidence-name <words>', 'how `align --evidence` names these experiments (e.g. "40 fine-tuning runs on our logs")')
    .option('--evidence-scope <words>', "where the evidence applies (default: the experiments' targets)")
    .option('--markdown <file>', 'also write the table as Markdown')
    .option('--html <file>', 'also write a self-contained HTML report with the AR against ΔEX charts')
    .addOption(jsonOption('the results'))
    .action(
      async (
        file: string,
        flags: {
          bootstrap: number;
          seed: number;
          dialect: string;
          scale?: number;
          markdown?: string;
          evidenceName?: string;
          evidenceScope?: string;
          html?: string;
          json?: boolean;
        },
      ) => {
        // The run's code is loaded when it runs: `study --help` starts without it (the charts' most of all).
        const [
          { ratioFromDatasets },
          { renderStudyHtml },
          { renderStudyMarkdown, renderStudyText },
          { readExperiments, studyStats },
          { compareRuns, readEvalRun },
        ] = await Promise.all([
          import('../align/align.js'),
          import('../report/studyHtml.js'),
          import('../report/studyText.js'),
          import('../study/study.js'),
          import('../eval/pairedRuns.js'),
        ]);
        const experiments = await readExperiments(file, {
          ...flags,
          ratioOf: ratioFromDatasets({ dialect: flags.dialect, scale: flags.scale }),
          // ΔEX of a row naming its eval --out files: paired, with the command's seed.
          pairedOf: ({ before, after }) =>
            compareRuns(readEvalRun(before), [readEvalRun(after)], { seed: flags.seed })[0] as ReturnType<
              typeof compareRuns
            >[number],
        });
        const result = studyStats(experiments, flags);
        if (flags.markdown) writeFileSync(flags.markdown, renderStudyMarkdown(result));
        if (flags.html) writeFileSync(flags.html, await renderStudyHtml(result));
        await (flags.json ? writeJson(result) : write(renderStudyText(result)));
      },
    );
}
