#!/usr/bin/env node
/** The command line: parse arguments, call the library, print. Errors become one line and an exit code. */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { DataError, type NamesOptions, UsageError } from '../datasets/errors.js';
import { DatabaseServerError } from '../exec/serverError.js';
import { ServerError } from '../llm/errors.js';
import { UnknownDialectError } from '../sql/dialects.js';
import { sqlalignVersion } from '../version.js';
import { type CommandName, DESCRIPTIONS } from './descriptions.js';
import { withFlags } from './flags.js';

/**
 * Each command's code is loaded only when that command runs: `--version`, `--help` and every
 * command start without the others' dependencies (the parser, SQLite, the charts).
 */
const LOADERS: Record<CommandName, () => Promise<Command>> = {
  templates: () => import('./templates.js').then((m) => m.templatesCommand()),
  align: () => import('./align.js').then((m) => m.alignCommand()),
  profile: () => import('./profile.js').then((m) => m.profileCommand()),
  eval: () => import('./eval.js').then((m) => m.evalCommand()),
  predict: () => import('./predict.js').then((m) => m.predictCommand()),
  study: () => import('./study.js').then((m) => m.studyCommand()),
  compare: () => import('./compare.js').then((m) => m.compareCommand()),
  select: () => import('./select.js').then((m) => m.selectCommand()),
  count: () => import('./count.js').then((m) => m.countCommand()),
  sets: () => import('./sets.js').then((m) => m.setsCommand()),
  'copy-db': () => import('./copyDb.js').then((m) => m.copyDbCommand()),
};

// The parser is a 22 MB WebAssembly module. V8 compiles it quickly (Liftoff), then recompiles
// hot functions with its optimizing compiler; on two cores that recompiling costs more than it
// saves for runs of up to some 100,000 distinct query shapes (measured: docs/performance.md).
// Flags must be set before the module is compiled, i.e. before the parser is first loaded.
if (!process.env.SQLALIGN_WASM_TIERUP) setFlagsFromString('--liftoff-only');

const EXIT_DATA = 1;
const EXIT_USAGE = 2;

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('sqlalign')
    .description('Will fine-tuning on this dataset help on my text-to-SQL workload? Structural alignment of SQL query sets.')
    .version(sqlalignVersion())
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // The command named on the command line is loaded whole; the others are listed by name for --help.
  const words = argv.filter((a) => !a.startsWith('-'));
  const named = (words[0] === 'help' ? words[1] : words[0]) as CommandName | undefined;
  try {
    for (const name of Object.keys(DESCRIPTIONS) as CommandName[]) {
      program.addCommand(name === named ? await LOADERS[name]() : new Command(name).description(DESCRIPTIONS[name]));
    }
    for (const command of program.commands) command.exitOverride();
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return report(err);
  }
}

function report(err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help or version).
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : EXIT_USAGE;
  }
  if (err instanceof UsageError || err instanceof UnknownDialectError) {
    process.stderr.write(`sqlalign: ${withFlags(err.message, (err as NamesOptions).options)}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof DataError || err instanceof ServerError || err instanceof DatabaseServerError) {
    process.stderr.write(`sqlalign: ${oneLine(withFlags(err.message, (err as NamesOptions).options))}\n`);
    return EXIT_DATA;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`sqlalign: internal error: ${oneLine(message)}\n`);
  if (process.env.SQLALIGN_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT_DATA;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

// Output cut short by a closed pipe (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
