/** `sqlalign count`: a dataset's template counts as a file; several datasets or counts files merged into one. */
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { mergeCounts, type TemplateCountsFile } from '../datasets/counts.js';
import { estimateQueries, openDataset } from '../datasets/index.js';
import { buildQuerySet, countsOfQuerySet, requireSomeParsed } from '../features/querySet.js';
import { createTemplater } from '../sql/templater.js';
import { DESCRIPTIONS } from './descriptions.js';
import { addParsingOptions, cacheOf, loadOptionsOf, type ParsingFlags } from './options.js';
import { note, write } from './output.js';
import { createProgress } from './progress.js';

export function countCommand(): Command {
  const command = new Command('count')
    .description(DESCRIPTIONS.count)
    .argument('<dataset...>', 'datasets ([label=]path[#field]) or counts files to count and add up')
    .requiredOption('--out <counts.json>', 'where to write the counts (JSON)')
    .option('--name <label>', "the label of the counts in reports (default: the first input's)");
  return addParsingOptions(command).action(async (specs: string[], flags: ParsingFlags & { out: string; name?: string }) => {
    const progress = createProgress(true);
    const parts: { path: string; counts: TemplateCountsFile }[] = [];
    const templater = await createTemplater(flags.dialect, {
      workers: flags.workers,
      expectedQueries: await estimateQueries(specs),
      cache: cacheOf(flags, note),
    });
    try {
      for (const spec of specs) {
        const dataset = await openDataset(spec, { ...loadOptionsOf(flags), onNote: note });
        const set = await buildQuerySet(dataset, templater, {
          dialect: flags.dialect,
          onProgress: (done) => progress.update(dataset.name, done),
        });
        requireSomeParsed(set);
        parts.push({ path: dataset.path, counts: dataset.counts ?? countsOfQuerySet(set, flags.dialect) });
      }
    } finally {
      progress.done();
      await templater.close();
    }
    const merged = mergeCounts(parts, flags.name ?? (parts[0] as { counts: TemplateCountsFile }).counts.name);
    writeFileSync(flags.out, `${JSON.stringify(merged)}\n`);
    await write(
      `${merged.queries} queries (${merged.unparseable} unparseable), ${merged.templates.length} distinct templates from ${parts.length} input${parts.length === 1 ? '' : 's'}: ${flags.out}\n`,
    );
  });
}
