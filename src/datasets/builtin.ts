/**
 * Built-in public sets (`builtin:NAME`): Spider and BIRD as the package ships them, so that "which
 * public set looks like my workload?" needs no download. A set holds what a comparison needs and
 * nothing more: its distinct queries with every literal masked and how many items each stands for,
 * each query's template under the template rules it was built with, its dialect, the source
 * files' checksums, licence and citation (scripts/build-sets.ts makes them). Compared in its own
 * dialect under the current rules, a set is read as counts (no query parsed); otherwise its masked
 * queries (one per item) are templated again (transpiled first where the comparison's dialect is
 * another), never refused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parserVersion } from '../sql/parser.js';
import { TEMPLATE_VERSION } from '../sql/templateResult.js';
import { COUNTS_FORMAT, sortedCounts, type TemplateCountsFile } from './counts.js';
import { DataError, UsageError } from './errors.js';
import { BATCH_SIZE } from './readers/rows.js';
import type { Dataset, QueryRecord } from './record.js';

export const BUILTIN_PREFIX = 'builtin:';
export const SET_FORMAT = 1;

/**
 * A built set, as its file `NAME.json` holds it: what a comparison in its own dialect reads (the
 * template counts, one masked example each). Its masked queries are apart, in `NAME.queries.json`
 * (SetQueries), read only where they are templated again.
 */
export interface BuiltinSet {
  readonly sqlalign_set: number;
  readonly name: string;
  readonly title: string;
  readonly dialect: string;
  readonly licence: string;
  readonly citation: string;
  readonly url: string;
  /** The public files it was built from, with their SHA-256. */
  readonly files: readonly { readonly path: string; readonly sha256: string }[];
  readonly template_version: string;
  readonly parser: string;
  /** Items of the source (questions, each with its SQL). */
  readonly queries: number;
  readonly unparseable: number;
  /** [template, items, the first query with it, each literal a `?`], sorted by template. */
  readonly templates: readonly (readonly [string, number, string])[];
  /** The first few unparseable queries, each literal a `?`. */
  readonly unparseable_examples: readonly string[];
}

/** `NAME.queries.json`: the set's distinct masked queries. */
export interface SetQueries {
  /** [masked SQL, index into the set's `templates` (-1: unparseable), items]: one per distinct (masked SQL, template), sorted. */
  readonly entries: readonly (readonly [string, number, number])[];
}

/** Whether a dataset argument names a built-in set. */
export const isBuiltin = (path: string): boolean => path.startsWith(BUILTIN_PREFIX);

/** The folders sets are looked for in: SQLALIGN_SETS (a user's own builds) first, then the package's. */
export function setFolders(): string[] {
  const own = (process.env.SQLALIGN_SETS ?? '').split(delimiter).filter((d) => d !== '');
  return [...own, fileURLToPath(new URL('../../sets/', import.meta.url))];
}

const loaded = new Map<string, BuiltinSet>();
const files = new Map<string, string>();

/** The set NAME, read once per process; a name no folder holds is a usage error listing the sets. */
export function builtinSet(name: string): BuiltinSet {
  const hit = loaded.get(name);
  if (hit) return hit;
  const file = setFolders()
    .map((dir) => join(dir, `${name}.json`))
    .find((f) => existsSync(f));
  if (!file) {
    throw new UsageError(
      `no built-in set '${name}' (sets: ${builtinNames().join(', ') || 'none'}; \`sqlalign sets\` lists them)`,
    );
  }
  let set: BuiltinSet;
  try {
    set = JSON.parse(readFileSync(file, 'utf8')) as BuiltinSet;
  } catch (err) {
    throw new DataError(file, `not a built set (${(err as Error).message})`);
  }
  if (set.sqlalign_set !== SET_FORMAT)
    throw new DataError(file, `a set of format ${set.sqlalign_set}; this sqlalign reads ${SET_FORMAT}`);
  loaded.set(name, set);
  files.set(name, file);
  return set;
}

/** The set's masked queries, from the file beside its counts. */
function setQueries(name: string): SetQueries {
  const file = (files.get(name) as string).replace(/\.json$/, '.queries.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SetQueries;
  } catch (err) {
    throw new DataError(file, `the set's queries cannot be read (${(err as Error).message})`);
  }
}

/** Every set's name, each once (a user's folder first), sorted. */
export function builtinNames(): string[] {
  const names = new Set<string>();
  for (const dir of setFolders()) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.json') && !f.endsWith('.queries.json')) names.add(f.slice(0, -5));
  }
  return [...names].sort();
}

/** The dialect a built-in dataset argument is written in (undefined for any other argument). */
export function builtinDialect(path: string): string | undefined {
  return isBuiltin(path) ? builtinSet(path.slice(BUILTIN_PREFIX.length)).dialect : undefined;
}

/** What a report says of a set's origin: its title, licence and citation. */
export const builtinCredit = (set: BuiltinSet): string => `${set.title}; licence: ${set.licence}; cite ${set.citation}`;

/**
 * The set as a dataset for a comparison in `dialect`: its counts where its templates were made by
 * these rules and this parser in that dialect; else its masked queries, each weighted by its items.
 */
export function builtinDataset(name: string, path: string, dialect: string, field: string | undefined): Dataset {
  if (field !== undefined) throw new DataError(path, `a built-in set has no fields (got '#${field}')`);
  const setName = path.slice(BUILTIN_PREFIX.length);
  const set = builtinSet(setName);
  const notes = [`built-in set: ${set.title}; licence: ${set.licence}`];
  const current = set.template_version === TEMPLATE_VERSION && set.parser === parserVersion() && set.dialect === dialect;
  const credit = builtinCredit(set);
  if (current)
    return { name, path, format: 'template-counts', notes, credit, counts: countsOf(set, name), batches: async function* () {} };
  return {
    name,
    path,
    format: 'builtin',
    layout: 'built-in set, its masked queries templated again',
    notes,
    credit,
    // Each masked query once per item it stands for, as the source has it (the templater reads each text once).
    async *batches() {
      let batch: QueryRecord[] = [];
      let i = 0;
      for (const [entry, [sql, , items]] of setQueries(setName).entries.entries()) {
        for (let k = 0; k < items; k++) batch.push({ i: i++, sql, where: `entry ${entry}` });
        // In batches of the readers' size, as every other dataset comes (progress, parser threads).
        if (batch.length >= BATCH_SIZE) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

/** The set's templates as a counts file's (what `sqlalign count` of its source would have written). */
function countsOf(set: BuiltinSet, name: string): TemplateCountsFile {
  return {
    sqlalign_counts: COUNTS_FORMAT,
    template_version: set.template_version,
    parser: set.parser,
    dialect: set.dialect,
    name,
    queries: set.queries,
    unparseable: set.unparseable,
    unparseable_examples: set.unparseable_examples.map((sql, i) => ({
      i,
      where: `example ${i + 1}`,
      sql,
      error: 'unparseable when the set was built',
    })),
    templates: sortedCounts(new Map(set.templates.map(([template, items]) => [template, items]))),
    examples: set.templates.map(([template, , sql]) => [template, sql] as const),
    literals: 'masked',
  };
}

/** One line of `sqlalign sets`: what a set is, how big, and whose. */
export interface SetSummary {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly dialect: string;
  readonly queries: number;
  readonly distinctTemplates: number;
  readonly licence: string;
  readonly citation: string;
  /** Built under other template rules or another parser: its queries are templated again when used. */
  readonly current: boolean;
}

/** Every built-in set, summarised. */
export function builtinSets(): SetSummary[] {
  return builtinNames().map((name) => {
    const set = builtinSet(name);
    return {
      name: `${BUILTIN_PREFIX}${name}`,
      title: set.title,
      source: set.url,
      dialect: set.dialect,
      queries: set.queries,
      distinctTemplates: set.templates.length,
      licence: set.licence,
      citation: set.citation,
      current: set.template_version === TEMPLATE_VERSION && set.parser === parserVersion(),
    };
  });
}
