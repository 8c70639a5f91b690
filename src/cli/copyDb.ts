/** `sqlalign copy-db`: Spider/BIRD SQLite databases copied to a PostgreSQL or MySQL server, for `eval --db-url`. */
import { Command } from 'commander';
import { plural } from '../words.js';
import { DESCRIPTIONS } from './descriptions.js';
import { collect, jsonOption } from './options.js';
import { write, writeJson } from './output.js';
import { createProgress } from './progress.js';

interface CopyDbFlags {
  dbDir: string;
  dbUrl: string;
  dbId: string[];
  replace?: boolean;
  json?: boolean;
}

export function copyDbCommand(): Command {
  return new Command('copy-db')
    .description(DESCRIPTIONS['copy-db'])
    .requiredOption('--db-dir <dir>', 'folder of <db_id>/<db_id>.sqlite (Spider and BIRD layout)')
    .requiredOption(
      '--db-url <url>',
      'postgres://user@host/db (one schema per database) or mysql://user@host (one database each)',
    )
    .option('--db-id <id>', 'copy this database only (repeatable; default: every database in --db-dir)', collect, [])
    .option('--replace', 'drop a schema or database of the same name first (default: it is an error)')
    .addOption(jsonOption('what was copied'))
    .action(async (flags: CopyDbFlags) => {
      // The run's code (SQLite and the servers' drivers) is loaded when it runs: `copy-db --help` starts without it.
      const [{ copyDatabases }, { redact }] = await Promise.all([import('../exec/copyDatabase.js'), import('../exec/server.js')]);
      const progress = createProgress(!flags.json);
      const ids = flags.dbId.flatMap((id) => id.split(',')).filter((id) => id !== '');
      let copied: Awaited<ReturnType<typeof copyDatabases>>;
      try {
        copied = await copyDatabases({
          dbDir: flags.dbDir,
          url: flags.dbUrl,
          dbIds: ids,
          replace: flags.replace,
          onProgress: (done, total) => progress.update('copy-db', done, total),
        });
      } finally {
        progress.done();
      }
      if (flags.json) return writeJson(copied);
      const rows = copied.reduce((a, c) => a + c.rows, 0);
      const lines = copied.map((c) => `${c.dbId}: ${plural(c.tables, 'table')}, ${plural(c.rows, 'row')}`);
      await write(
        `${lines.join('\n')}\n${plural(copied.length, 'database')} (${plural(rows, 'row')}) copied to ${redact(flags.dbUrl)}\n`,
      );
    });
}
