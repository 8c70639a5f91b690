/**
 * The dialect each dataset is written in (`--read NAME=DIALECT`): a dataset named here is
 * transpiled into the comparison's dialect before it is templated; one not named is taken to be
 * written in the comparison's dialect already.
 */
import { dialectInfo, UnknownDialectError } from '../sql/dialects.js';
import { builtinDialect } from './builtin.js';
import { UsageError } from './errors.js';
import type { InlineDataset } from './inline.js';
import { checkNamedDatasets, inputName, parseDatasetSpec, parseNamedValues } from './spec.js';

/** Dataset name → the dialect its queries are written in (sqlglot's dialect names: sqlite, tsql, snowflake, …). */
export type ReadDialects = Readonly<Record<string, string>>;

/** The dialect `input` is written in where `read` names it; undefined where it is the comparison's. */
export function readDialectOf(input: string | InlineDataset, read: ReadDialects | undefined): string | undefined {
  const name = inputName(input);
  if (read !== undefined && Object.hasOwn(read, name)) return read[name];
  // A built-in set says its own dialect.
  return typeof input === 'string' ? builtinDialect(parseDatasetSpec(input).path) : undefined;
}

/** Every name in `read` is a dataset of the run and every dialect is known, or a one-line usage error. */
export function checkReadDialects(read: ReadDialects | undefined, inputs: readonly (string | InlineDataset)[]): void {
  if (read === undefined) return;
  checkNamedDatasets('read', Object.keys(read), inputs);
  for (const [name, dialect] of Object.entries(read)) {
    try {
      dialectInfo(dialect);
    } catch (err) {
      if (err instanceof UnknownDialectError) throw new UsageError(`\`read\` ${name}=${dialect}: ${err.message}`, ['read']);
      throw err;
    }
  }
}

/** `NAME=DIALECT` arguments as a map; a malformed or repeated one is a usage error. */
export function parseReadArguments(values: readonly string[]): Record<string, string> {
  const read = parseNamedValues('read', values, "NAME=DIALECT (a dataset's name, e.g. train=sqlite)");
  return Object.fromEntries(Object.entries(read).map(([name, dialect]) => [name, dialect.toLowerCase()]));
}
