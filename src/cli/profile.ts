/** `sqlalign profile <dataset>`: the dataset's structure. */

import { Command } from 'commander';
import { DEFAULT_LMAX } from '../align/figures.js';
import { DESCRIPTIONS } from './descriptions.js';
import {
  addParsingOptions,
  cacheOf,
  datasetReadOf,
  jsonOption,
  type ParsingFlags,
  readOption,
  showLiteralsOption,
  weightOption,
  wholeNumber,
} from './options.js';
import { note, write, writeJson } from './output.js';
import { createProgress } from './progress.js';

export function profileCommand(): Command {
  const command = new Command('profile')
    .description(DESCRIPTIONS.profile)
    .argument('<dataset>', 'dataset: [label=]path[#field], or a folder of .sql files (one query each)')
    .option('--lmax <n>', 'longest n-gram', wholeNumber(1), DEFAULT_LMAX)
    .option('--top <n>', 'how many of the most common templates to list', wholeNumber(1), 10)
    .addOption(jsonOption('the profile'));
  return addParsingOptions(command.addOption(readOption()).addOption(weightOption()).addOption(showLiteralsOption())).action(
    async (
      spec: string,
      flags: ParsingFlags & {
        read?: string[];
        weight?: string[];
        showLiterals?: boolean;
        lmax: number;
        top: number;
        json?: boolean;
      },
    ) => {
      // The run's code is loaded when it runs: `profile --help` starts without it.
      const [
        { estimateQueries },
        { profileQuerySet },
        { requireSomeParsed },
        { cachedQuerySet, ReducedCache },
        { renderProfileText },
        { lazyTemplaters },
        { parseReadArguments, readDialectOf, checkReadDialects },
        { parseWeightArguments, weightFieldOf, checkWeightFields },
        { querySetDialectNotes, weightNotes },
      ] = await Promise.all([
        import('../datasets/index.js'),
        import('../features/profile.js'),
        import('../features/querySet.js'),
        import('../features/reducedCache.js'),
        import('../report/profileText.js'),
        import('../sql/templater.js'),
        import('../datasets/readDialects.js'),
        import('../datasets/weights.js'),
        import('../report/dialectNotes.js'),
      ]);
      const cache = cacheOf(flags, note);
      const read = parseReadArguments(flags.read ?? []);
      checkReadDialects(read, [spec]);
      const weights = parseWeightArguments(flags.weight ?? []);
      checkWeightFields(weights, [spec]);
      const estimate = await estimateQueries([spec]);
      const templater = lazyTemplaters(flags.dialect, {
        workers: flags.workers,
        expectedQueries: () => estimate,
        cache,
      });
      const progress = createProgress(!flags.json);
      try {
        const { set } = await cachedQuerySet(spec, {
          read: datasetReadOf(flags, { from: readDialectOf(spec, read), weight: weightFieldOf(spec, weights) }),
          cache: ReducedCache.open(cache),
          templater: templater.get,
          onProgress: (name, done) => progress.update(name, done),
        });
        progress.done();
        requireSomeParsed(set);
        for (const line of [...querySetDialectNotes(set, flags.dialect), ...weightNotes([set])]) note(line);
        const profile = profileQuerySet(set, flags.lmax, flags.top);
        await (flags.json ? writeJson(profile) : write(renderProfileText(profile)));
      } finally {
        progress.done();
        await templater.close();
      }
    },
  );
}
