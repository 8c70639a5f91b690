/**
 * The dialect each dataset is written in (`--read NAME=DIALECT`): a dataset named here is
 * transpiled into the comparison's dialect before it is templated; one not named is taken to be
 * written in the comparison's dialect already.
 */
import { dialectInfo, UnknownDialectError } from '../sql/dialects.js';
import { builtinDialect } from './builtin.js';
import { UsageError } from './errors.js';
import type { InlineDataset } from './inline.js';
import { parseDatasetSpec } from './spec.js';

/** Dataset name → the dialect its queries are written in (sqlglot's dialect names: sqlite, tsql, snowflake, …). */
export type ReadDialects = Readonly<Record<string, string>>;

/** The name a dataset argument is known by in `--read`: its label, or its file's stem (and field). */
const nameOf = (input: string | InlineDataset): string => (typeof input === 'string' ? parseDatasetSpec(input).name : input.name);

/** The dialect `input` is written in where `read` names it; undefined where it is the comparison's. */
export function readDialectOf(input: string | InlineDataset, read: ReadDialects | undefined): string | undefined {
  const name = nameOf(input);
  if (read !== undefined && Object.hasOwn(read, name)) return read[name];
  // A built-in set says its own dialect.
  return typeof input === 'string' ? builtinDialect(parseDatasetSpec(input).path) : undefined;
}

/** Every name in `read` is a dataset of the run and every dialect is known, or a one-line usage error. */
export function checkReadDialects(read: ReadDialects | undefined, inputs: readonly (string | InlineDataset)[]): void {
  if (read === undefined) return;
  const names = inputs.map(nameOf);
  for (const [name, dialect] of Object.entries(read)) {
    if (!names.includes(name)) {
      throw new UsageError(`\`read\` names '${name}', which is no dataset of this run (datasets: ${names.join(', ')})`, ['read']);
    }
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
  const read: Record<string, string> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0 || eq === value.length - 1) {
      throw new UsageError(`\`read\` '${value}': expected NAME=DIALECT (a dataset's name, e.g. train=sqlite)`, ['read']);
    }
    const name = value.slice(0, eq);
    if (Object.hasOwn(read, name)) throw new UsageError(`\`read\` names '${name}' twice`, ['read']);
    read[name] = value.slice(eq + 1).toLowerCase();
  }
  return read;
}
