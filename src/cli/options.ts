/** Option parsers shared by the commands: numbers with ranges, and the common flags. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SQL_TEXT_LAYOUTS, type SqlTextLayout } from '../datasets/readers/sqlText.js';
import { DIALECT_NAMES } from '../sql/dialects.js';
import { note } from './output.js';

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number.');
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number ≥ 0.');
  return n;
}

export function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}.`);
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** --layout: how a .sql/.txt file is read (see datasets/readers/sqlText.ts for the rule when it is not given). */
export function layoutOption(): Option {
  return new Option(
    '--layout <layout>',
    '.sql/.txt files: one item per line, or a script split on ";" (default: one item per line unless the file is plainly a script)',
  ).choices(SQL_TEXT_LAYOUTS);
}

/** --dialect, checked against the dialects the parser knows, in every command that takes it. */
export function dialectOption(description = 'SQL dialect of the queries'): Option {
  return new Option('--dialect <name>', description).default('sqlite').choices(DIALECT_NAMES);
}

/** --read NAME=DIALECT (repeatable): the dialect a dataset is written in, where it is not --dialect's. */
export function readOption(): Option {
  return new Option(
    '--read <name=dialect>',
    "a dataset's own dialect, e.g. train=sqlite (repeatable): transpiled into --dialect before it is templated",
  ).argParser(collect);
}

/** --weight NAME=FIELD (repeatable): the column each item of a dataset is weighted by ('none': each counts once). */
export function weightOption(): Option {
  return new Option(
    '--weight <name=field>',
    "weigh each item of a dataset by a column, e.g. log=calls (repeatable); a table with a 'calls' column is weighted by it unless NAME=none",
  ).argParser(collect);
}

/** --show-literals: examples keep the queries' own strings and numbers (by default each is `?`). */
export function showLiteralsOption(): Option {
  return new Option(
    '--show-literals',
    "show the queries' own strings and numbers in examples (by default each is ?, so that no customer data reaches a report, a counts file or a cache)",
  );
}

/** --json: the command's result as JSON on stdout (no progress bar). */
export function jsonOption(what: string): Option {
  return new Option('--json', `print ${what} as JSON`);
}

/** --seed: every random choice of the command is drawn from it (same seed, same result). */
export function seedOption(what: string, fallback?: number): Option {
  const option = new Option('--seed <n>', `seed of ${what}`).argParser(wholeNumber(0));
  return fallback === undefined ? option : option.default(fallback);
}

/** --workers for the commands that parse with threads (0: this thread). */
export function parserWorkersOption(): Option {
  return new Option('--workers <n>', 'parser threads (0: this thread; default: one per core from about 5,000 queries)').argParser(
    wholeNumber(0),
  );
}

/** --max-query-mb: a longer query is refused as bad data. */
export function maxQueryMbOption(): Option {
  return new Option('--max-query-mb <mb>', 'refuse queries longer than this').argParser(positiveNumber).default(1);
}

/** --cache-dir and --no-cache: the persistent template cache (sql/templateCache.ts). */
export function addCacheOptions(command: Command): Command {
  return command
    .option(
      '--cache-dir <dir>',
      'folder of the template and dataset caches (default: $SQLALIGN_CACHE, else $XDG_CACHE_HOME/sqlalign)',
    )
    .option('--no-cache', 'template every query afresh, reading and writing no cache');
}

export interface CacheFlags {
  cache: boolean;
  cacheDir?: string;
}

/** The templater's cache setting from the flags. */
export const cacheOf = (flags: CacheFlags, onNote?: (message: string) => void) =>
  flags.cache ? { dir: flags.cacheDir, onNote } : (false as const);

/** --dialect, --workers, --max-query-mb, --layout and the cache, which every command that parses SQL takes. */
export function addParsingOptions(command: Command): Command {
  return addCacheOptions(
    command.addOption(dialectOption()).addOption(parserWorkersOption()).addOption(maxQueryMbOption()).addOption(layoutOption()),
  );
}

export interface ParsingFlags extends CacheFlags {
  dialect: string;
  workers?: number;
  maxQueryMb: number;
  layout?: SqlTextLayout;
}

/** How the commands that parse SQL open their datasets. */
export const loadOptionsOf = (flags: ParsingFlags) => ({
  maxQueryLength: maxQueryLength(flags),
  dialect: flags.dialect,
  layout: flags.layout,
});

/**
 * How `profile` and `count` read one dataset: the parsing flags, the dialect it is written in and
 * the field that weighs it (both resolved for it from --read and --weight), literals, notes.
 */
export const datasetReadOf = (
  flags: ParsingFlags & { showLiterals?: boolean },
  dataset: { from: string | undefined; weight: string | undefined },
) => ({ ...loadOptionsOf(flags), ...dataset, showLiterals: flags.showLiterals, onNote: note });

export const maxQueryLength = (flags: { maxQueryMb: number }) => Math.round(flags.maxQueryMb * 1e6);
