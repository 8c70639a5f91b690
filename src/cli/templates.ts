/** `sqlalign templates <dataset>`: one template (or error) per query, in input order. */

import { Command, Option } from 'commander';
import { MEASURED_AGREEMENT } from '../sql/dialects.js';
import { count, plural } from '../words.js';
import { DESCRIPTIONS } from './descriptions.js';
import { addParsingOptions, cacheOf, loadOptionsOf, type ParsingFlags } from './options.js';
import { note, write } from './output.js';
import { createProgress } from './progress.js';

export function templatesCommand(): Command {
  const command = new Command('templates')
    .description(DESCRIPTIONS.templates)
    .argument('<dataset>', 'dataset: [label=]path[#field], or a folder of .sql files (one query each)')
    .addOption(
      new Option('--format <format>', 'text: "i<TAB>template"; jsonl: {"i":0,"template":"..."} or {"i":7,"error":"..."}')
        .choices(['text', 'jsonl'])
        .default('text'),
    );
  command.addHelpText('after', agreementHelp());
  return addParsingOptions(command).action(async (spec: string, flags: ParsingFlags & { format: 'text' | 'jsonl' }) => {
    // The run's code is loaded when it runs: `templates --help` starts without it.
    const [{ estimateQueries, openDataset, UsageError }, { buildQuerySet, requireSomeParsed }, { createTemplater }] =
      await Promise.all([import('../datasets/index.js'), import('../features/querySet.js'), import('../sql/templater.js')]);
    const dataset = await openDataset(spec, { ...loadOptionsOf(flags), onNote: note });
    // Counts (a counts file, a built-in set) hold templates, not queries: nothing to print query by query.
    if (dataset.counts) {
      throw new UsageError(
        `${dataset.path} holds template counts, not queries one by one: \`sqlalign profile\` shows its templates`,
      );
    }
    const templater = await createTemplater(flags.dialect, {
      workers: flags.workers,
      expectedQueries: await estimateQueries([spec]),
      cache: cacheOf(flags, note),
    });
    const progress = createProgress(true);
    let pending = '';
    let set: Awaited<ReturnType<typeof buildQuerySet>>;
    try {
      set = await buildQuerySet(dataset, templater, {
        onRecord(record, result) {
          if (flags.format === 'jsonl') pending += `${JSON.stringify({ i: record.i, ...result })}\n`;
          else pending += 'template' in result ? `${record.i}\t${result.template}\n` : `${record.i}\tERROR: ${result.error}\n`;
        },
        async onProgress(done) {
          progress.update(dataset.name, done);
          const text = pending;
          pending = '';
          await write(text);
        },
      });
      requireSomeParsed(set);
    } finally {
      progress.done();
      await templater.close();
    }
    // Every input says how many items it read (after the bar is gone); the templates went to stdout.
    note(
      `${set.name}: ${plural(set.queries, 'query', 'queries')}, ${count(set.unparseable)} unparseable, ${plural(set.templates.counts.size, 'distinct template')}`,
    );
  });
}

/** What the help says of each dialect: measured, not promised. */
function agreementHelp(): string {
  const cells = Object.entries(MEASURED_AGREEMENT).map(([dialect, pct]) => `${dialect} ${pct}%`);
  return [
    '',
    'Dialects: templates agree with the reference (sqlglot) on 100% of Spider and BIRD (SQLite, MySQL,',
    "PostgreSQL). On sqlglot's own dialect tests (DDL and corner cases), where both parse:",
    `  ${cells.slice(0, 6).join(', ')},`,
    `  ${cells.slice(6).join(', ')}.`,
    'Below 99% a template may differ from the reference in DDL corners: treat those dialects as',
    'approximate, Oracle most of all. Other dialects the parser knows are not measured.',
  ].join('\n');
}
