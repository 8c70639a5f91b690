/**
 * A dataset argument: `[label=]path[#field]`. The label defaults to the file's stem and the
 * field (`dev` for `../spider/dev.json`, `DIN-SQL_GPT4#PREDICTED SQL`); where two inputs of one
 * report would get the same label, `distinctNames` lengthens them with their folders. `=` and `#` may also occur inside real file names, so the reading under which
 * the path exists wins; when none exists, the plain reading is taken (and the file is then
 * reported missing under that name).
 */
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';

export interface DatasetSpec {
  readonly name: string;
  readonly path: string;
  readonly field?: string;
}

export function parseDatasetSpec(arg: string, exists: (p: string) => boolean = existsSync): DatasetSpec {
  const readings: DatasetSpec[] = [];
  const eq = arg.indexOf('=');
  const labelled = eq > 0 ? { name: arg.slice(0, eq), rest: arg.slice(eq + 1) } : undefined;
  for (const { name, rest } of [{ name: arg, rest: arg }, ...(labelled ? [labelled] : [])]) {
    readings.push({ name, path: rest });
    const hash = rest.lastIndexOf('#');
    if (hash > 0) readings.push({ name, path: rest.slice(0, hash), field: rest.slice(hash + 1) });
  }
  const named = (r: DatasetSpec): DatasetSpec => (r.name === arg ? { ...r, name: defaultName(r.path, r.field) } : r);
  const found = readings.find((r) => exists(r.path));
  if (found) return named(found);
  // Nothing exists: prefer the reading a user most likely meant (label, then field).
  const plain = labelled && !/[\\/]/.test(labelled.name) ? labelled : { name: arg, rest: arg };
  const hash = plain.rest.lastIndexOf('#');
  return named(
    hash > 0
      ? { name: plain.name, path: plain.rest.slice(0, hash), field: plain.rest.slice(hash + 1) }
      : { name: plain.name, path: plain.rest },
  );
}

/** `dev` for `../spider/dev.json`, `log` for `log.jsonl.gz`, `preds#PREDICTED SQL` with a field. */
export function defaultName(path: string, field?: string, folders = 0): string {
  // A built-in set is known by its own name (`builtin:spider-train` is `spider-train`).
  if (path.startsWith('builtin:')) return path.slice('builtin:'.length);
  const parts = path.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
  const file = (parts.at(-1) ?? path).replace(/\.(gz|bz2)$/i, '').replace(/\.[^.]+$/, '');
  const stem = [...parts.slice(Math.max(0, parts.length - 1 - folders), -1), file].join('/');
  return field === undefined ? stem : `${stem}#${field}`;
}

/**
 * Labels that tell a report's inputs apart: where defaults collide (`spider/dev.json` and
 * `bird/dev.json`), each is lengthened with its folders until they differ. Labels a user gave are kept.
 */
export function distinctNames(specs: readonly { name: string; path: string; field?: string; labelled: boolean }[]): string[] {
  const names = specs.map((s) => s.name);
  for (let folders = 1; folders <= 8; folders++) {
    // Which names stand for more than one file (one file given twice keeps its name).
    const files = new Map<string, Set<string>>();
    names.forEach((name, k) => {
      files.set(name, (files.get(name) ?? new Set()).add(`${specs[k]?.path}#${specs[k]?.field}`));
    });
    let changed = false;
    specs.forEach((s, k) => {
      if (s.labelled || (files.get(names[k] as string)?.size ?? 0) < 2) return;
      const longer = defaultName(s.path, s.field, folders);
      if (longer !== names[k]) {
        names[k] = longer;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return names;
}

/** The name options that name datasets (`read`, `weight`) know an input by: its label, or its file's stem (and field). */
export const inputName = (input: string | { readonly name: string }): string =>
  typeof input === 'string' ? parseDatasetSpec(input).name : input.name;

/** Each name `option` names is a dataset of the run, or a one-line usage error saying which are. */
export function checkNamedDatasets(
  option: string,
  names: Iterable<string>,
  inputs: readonly (string | { readonly name: string })[],
): void {
  const known = inputs.map(inputName);
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UsageError(`\`${option}\` names '${name}', which is no dataset of this run (datasets: ${known.join(', ')})`, [
        option,
      ]);
    }
  }
}

/**
 * `NAME=VALUE` arguments of an option that names datasets (`read`, `weight`) as a map; a malformed
 * or repeated one is a usage error, which `expected` completes ("NAME=DIALECT (…)").
 */
export function parseNamedValues(option: string, values: readonly string[], expected: string): Record<string, string> {
  const named: Record<string, string> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0 || eq === value.length - 1) throw new UsageError(`\`${option}\` '${value}': expected ${expected}`, [option]);
    const name = value.slice(0, eq);
    if (Object.hasOwn(named, name)) throw new UsageError(`\`${option}\` names '${name}' twice`, [option]);
    named[name] = value.slice(eq + 1);
  }
  return named;
}
