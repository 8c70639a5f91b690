/**
 * A folder of SQL files, one query per file: Spider 2.0 keeps its gold queries so
 * (`evaluation_suite/gold/sql/bq001.sql`, `sf_local009.sql`, …) and takes a model's answers the
 * same way. A file is one item however many statements it holds (a gold query may open with
 * `DECLARE …;` or `CREATE TEMP FUNCTION …;`). The folder is named as it is, or with a pattern in
 * its last part (`gold/sql/bq*.sql`, quoted from the shell) to take one benchmark's files out of
 * a folder that mixes dialects.
 */
import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../errors.js';
import type { QueryRecord } from '../record.js';
import { BATCH_SIZE } from './rows.js';
import { readBytes, readText } from './source.js';

export interface SqlFileList {
  /** The folder the files are in. */
  readonly folder: string;
  /** The files' names, in code-point order (the same on every machine and locale). */
  readonly names: readonly string[];
}

const SQL_FILE = /\.sql(\.gz)?$/i;

/**
 * The SQL files a dataset path stands for: every `.sql` (or `.sql.gz`) file in a folder, or those
 * of a folder whose names match a pattern (`*` any run of characters, `?` one). Null for a path
 * that is neither (a plain file, or nothing).
 */
export function sqlFilesAt(path: string): SqlFileList | null {
  if (isFolder(path)) return { folder: path, names: sqlFilesIn(path, () => true) };
  const pattern = basename(path);
  if (!/[*?]/.test(pattern) || existsSync(path) || !isFolder(dirname(path))) return null;
  const matches = patternOf(pattern);
  return { folder: dirname(path), names: sqlFilesIn(dirname(path), (name) => matches.test(name)) };
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function sqlFilesIn(folder: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && SQL_FILE.test(entry.name) && wanted(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `bq*.sql` as a whole-name regular expression. */
function patternOf(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** The instance a file holds, as Spider 2.0 names it: the file's name without `.sql`. */
export const instanceIdOf = (name: string) => name.replace(SQL_FILE, '');

/** Files read at once: enough to keep the disk busy, few enough to stay far below the open-file limit. */
const READS_AT_ONCE = 32;

/** One item per file, its whole text (a blank file is an empty query, counted like one). */
export async function* sqlFileBatches(list: SqlFileList): AsyncIterable<QueryRecord[]> {
  for (let from = 0; from < list.names.length; from += BATCH_SIZE) {
    const names = list.names.slice(from, from + BATCH_SIZE);
    const texts: string[] = [];
    for (let k = 0; k < names.length; k += READS_AT_ONCE) {
      const some = names.slice(k, k + READS_AT_ONCE);
      texts.push(...(await Promise.all(some.map((name) => readFileText(join(list.folder, name))))));
    }
    yield names.map((name, k) => ({
      i: from + k,
      sql: (texts[k] as string).trim(),
      where: `file ${name}`,
      fields: { instance_id: instanceIdOf(name), file: name },
    }));
  }
}

async function readFileText(file: string): Promise<string> {
  try {
    return await readText(file);
  } catch (err) {
    throw new DataError(file, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/**
 * A hash of what the files hold: each file's name, length and bytes in order, so that a renamed,
 * added or removed file changes it as an edited one does.
 */
export async function hashSqlFiles(list: SqlFileList, hash: Hash): Promise<void> {
  for (const name of list.names) {
    const body = await readBytes(join(list.folder, name));
    hash.update(`${name}\0${body.length}\0`).update(body);
  }
}
