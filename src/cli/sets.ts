/** `sqlalign sets`: the built-in public sets, each usable as `builtin:NAME` wherever a dataset goes. */
import { Command } from 'commander';
import { DESCRIPTIONS } from './descriptions.js';
import { jsonOption } from './options.js';
import { write, writeJson } from './output.js';

export function setsCommand(): Command {
  return new Command('sets')
    .description(DESCRIPTIONS.sets)
    .addOption(jsonOption('the sets'))
    .action(async (flags: { json?: boolean }) => {
      const [{ builtinSets }, { renderTable, count }] = await Promise.all([
        import('../datasets/builtin.js'),
        import('../report/table.js'),
      ]);
      const sets = builtinSets();
      if (flags.json) return writeJson(sets);
      const table = renderTable(
        [
          { header: 'set' },
          { header: 'dialect' },
          { header: 'queries', align: 'right' },
          { header: 'templates', align: 'right' },
          { header: 'licence' },
          { header: 'what' },
        ],
        sets.map((s) => [s.name, s.dialect, count(s.queries), count(s.distinctTemplates), s.licence, s.title]),
      );
      const sources = [...new Map(sets.map((s) => [s.citation, s.source])).entries()].map(([c, u]) => `  ${c}: ${u}`);
      const stale = sets.filter((s) => !s.current).map((s) => s.name);
      await write(
        `${table}\n\nCite:\n${sources.join('\n')}\n` +
          (stale.length > 0 ? `\nBuilt under other template rules (templated again when used): ${stale.join(', ')}\n` : ''),
      );
    });
}
