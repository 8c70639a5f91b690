/** `sqlalign count`: a dataset's template counts as a file; several datasets or counts files merged into one. */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { TemplateCountsFile } from '../datasets/counts.js';
import { count, plural } from '../words.js';
import { DESCRIPTIONS } from './descriptions.js';
import {
  addParsingOptions,
  cacheOf,
  datasetReadOf,
  type ParsingFlags,
  readOption,
  showLiteralsOption,
  weightOption,
} from './options.js';
import { note, write } from './output.js';
import { createProgress } from './progress.js';

export function countCommand(): Command {
  const command = new Command('count')
    .description(DESCRIPTIONS.count)
    .argument('<dataset...>', 'datasets ([label=]path[#field]) or counts files to count and add up')
    .requiredOption('--out <counts.json>', 'where to write the counts (JSON)')
    .option('--name <label>', "the label of the counts in reports (default: the first input's)");
  return addParsingOptions(command.addOption(readOption()).addOption(weightOption()).addOption(showLiteralsOption())).action(
    async (
      specs: string[],
      flags: ParsingFlags & { read?: string[]; weight?: string[]; showLiterals?: boolean; out: string; name?: string },
    ) => {
      // The run's code is loaded when it runs: `count --help` starts without it.
      const [
        { mergeCounts },
        { estimateQueries },
        { countsOfQuerySet, requireSomeParsed },
        { cachedQuerySet, ReducedCache },
        { lazyTemplaters },
        { parseReadArguments, readDialectOf, checkReadDialects },
        { parseWeightArguments, weightFieldOf, checkWeightFields },
        { querySetDialectNotes, weightNotes },
      ] = await Promise.all([
        import('../datasets/counts.js'),
        import('../datasets/index.js'),
        import('../features/querySet.js'),
        import('../features/reducedCache.js'),
        import('../sql/templater.js'),
        import('../datasets/readDialects.js'),
        import('../datasets/weights.js'),
        import('../report/dialectNotes.js'),
      ]);
      const progress = createProgress(true);
      const parts: { path: string; counts: TemplateCountsFile }[] = [];
      const cache = cacheOf(flags, note);
      const read = parseReadArguments(flags.read ?? []);
      checkReadDialects(read, specs);
      const weights = parseWeightArguments(flags.weight ?? []);
      checkWeightFields(weights, specs);
      const estimate = await estimateQueries(specs);
      const templater = lazyTemplaters(flags.dialect, {
        workers: flags.workers,
        expectedQueries: () => estimate,
        cache,
      });
      const reduced = ReducedCache.open(cache);
      try {
        for (const spec of specs) {
          const { set, counts } = await cachedQuerySet(spec, {
            read: datasetReadOf(flags, { from: readDialectOf(spec, read), weight: weightFieldOf(spec, weights) }),
            cache: reduced,
            templater: templater.get,
            onProgress: (name, done) => progress.update(name, done),
          });
          requireSomeParsed(set);
          for (const line of [...querySetDialectNotes(set, flags.dialect), ...weightNotes([set])]) note(line);
          parts.push({ path: set.path, counts: counts ?? countsOfQuerySet(set, flags.dialect) });
        }
      } finally {
        progress.done();
        await templater.close();
      }
      const merged = mergeCounts(parts, flags.name ?? (parts[0] as { counts: TemplateCountsFile }).counts.name);
      writeFileSync(flags.out, `${JSON.stringify(merged)}\n`);
      await write(
        `${plural(merged.queries, 'query', 'queries')} (${count(merged.unparseable)} unparseable), ${plural(merged.templates.length, 'distinct template')} from ${plural(parts.length, 'input')}: ${flags.out}\n`,
      );
    },
  );
}
