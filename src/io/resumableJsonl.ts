/**
 * A results file that a long run appends to item by item, so that a run stopped part-way
 * resumes where it stopped, and never reuses a result made from other inputs or settings.
 *
 * What produced the results (input hashes, model, rule, version: the run's *fingerprint*) is
 * written beside the file as `<file>.run.json`, and every line carries the fingerprint's hash
 * as `run`. A re-run with the same fingerprint continues; with anything changed it refuses in
 * one line naming what changed, unless told to restart (which empties the file). A line cut
 * short at the end (a kill mid-write) is dropped and its item done again; a malformed line
 * anywhere else is an error, since the file is then not one this code wrote.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { DataError } from '../datasets/errors.js';
import { fromJsonNames, toJsonNames } from './jsonNames.js';

export type Fingerprint = Readonly<Record<string, string | number | boolean | null>>;

export interface ResumeOptions<T> {
  /** Whether a parsed line is an item of this file's kind. */
  readonly isItem: (value: unknown) => value is T;
  /** Start over even if the file holds results of another run. */
  readonly restart?: boolean;
}

export interface ResumedFile<T> {
  /** Items already done by a run with the same fingerprint, by item index. */
  readonly done: Map<number, T & { readonly run: string }>;
  /** Appends one item (with the run's hash). */
  append(item: T): Promise<void>;
  /** Rewrites the file with these items in this order (atomically). */
  rewrite(items: readonly T[]): void;
}

export const sidecarOf = (file: string) => `${file}.run.json`;

export function fingerprintHash(fingerprint: Fingerprint): string {
  const keys = Object.keys(fingerprint).sort();
  return createHash('sha256')
    .update(JSON.stringify(keys.map((k) => [k, fingerprint[k]])))
    .digest('hex')
    .slice(0, 16);
}

export function openResumable<T extends { readonly i: number }>(
  file: string,
  fingerprint: Fingerprint,
  options: ResumeOptions<T>,
): ResumedFile<T> {
  const run = fingerprintHash(fingerprint);
  // Lines are written and read back in the JSON outputs' names (jsonNames.ts).
  const stamp = (item: T) => toJsonNames({ ...item, run });
  const done = new Map<number, T & { run: string }>();
  const writeSidecar = () => writeFileSync(sidecarOf(file), `${JSON.stringify({ run, ...fingerprint }, null, 2)}\n`);
  const start = () => {
    writeFileSync(file, '');
    writeSidecar();
  };

  if (!existsSync(file) || options.restart) start();
  else {
    const { items, keepBytes, total } = readItems(file, options.isItem);
    const foreign = items.find((item) => item.run !== run);
    if (foreign) {
      throw new DataError(
        file,
        `holds results of another run (${whatChanged(file, foreign.run, fingerprint)}); \`restart\` starts over`,
        undefined,
        ['restart'],
      );
    }
    for (const item of items) done.set(item.i, item);
    if (keepBytes < total) writeFileSync(file, readFileSync(file).subarray(0, keepBytes)); // drop a cut last line
    writeSidecar();
  }
  return {
    done,
    append: (item) => appendFile(file, `${JSON.stringify(stamp(item))}\n`),
    rewrite(items) {
      const temporary = `${file}.tmp`;
      writeFileSync(temporary, items.map((item) => `${JSON.stringify(stamp(item))}\n`).join(''));
      renameSync(temporary, file);
    },
  };
}

/** The file's items, and how many of its bytes are whole lines worth keeping. */
function readItems<T>(
  file: string,
  isItem: (value: unknown) => value is T,
): { items: (T & { run: string })[]; keepBytes: number; total: number } {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const items: (T & { run: string })[] = [];
  let keep = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as string;
    const last = k === lines.length - 1;
    if (line.trim() === '') {
      if (!last) keep += Buffer.byteLength(line) + 1;
      continue;
    }
    let value: unknown;
    try {
      value = fromJsonNames(JSON.parse(line));
    } catch {
      value = undefined;
    }
    const run = (value as { run?: unknown } | undefined)?.run;
    if (value !== undefined && isItem(value) && typeof run === 'string') {
      items.push(value as T & { run: string });
      keep += Buffer.byteLength(line) + (last ? 0 : 1);
      continue;
    }
    // Only the final line, written without its newline, can have been cut short by a kill.
    if (last) break;
    if (value !== undefined && typeof run !== 'string' && isItem(value)) {
      throw new DataError(
        file,
        'has results without a record of the run that made them (an older sqlalign?); `restart` starts over',
        undefined,
        ['restart'],
      );
    }
    throw new DataError(file, 'is not a results file this command wrote (a malformed line)', `line ${k + 1}`);
  }
  return { items, keepBytes: keep, total: bytes.length };
}

/** "pred changed, semantics: spider → bird", from the sidecar of the run that wrote the lines. */
function whatChanged(file: string, oldRun: string, fingerprint: Fingerprint): string {
  let old: Record<string, unknown> | null = null;
  try {
    old = JSON.parse(readFileSync(sidecarOf(file), 'utf8')) as Record<string, unknown>;
  } catch {}
  if (!old || old.run !== oldRun) return 'its inputs or settings differ from this run';
  const changes: string[] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(fingerprint)])) {
    if (key === 'run') continue;
    const was = old[key] ?? null;
    const now = fingerprint[key] ?? null;
    if (was === now) continue;
    const shown = (v: unknown) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : JSON.stringify(v));
    const a = shown(was);
    const b = shown(now);
    changes.push(a === null || b === null ? `${key} changed` : `${key}: ${a} → ${b}`);
  }
  return changes.length > 0 ? changes.join(', ') : 'its inputs or settings differ from this run';
}

export const textHash = (text: string) => createHash('sha256').update(text).digest('hex');
