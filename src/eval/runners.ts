/**
 * Where `eval`'s items run: a pool of SQLite processes over a folder of databases, or a database
 * server (with the transpiling of queries written for another engine), and the checks that the
 * items' databases are there at all before any item runs.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, type QueryRecord } from '../datasets/index.js';
import { openServer } from '../exec/openServer.js';
import { createExecPool } from '../exec/pool.js';
import type { ExecRequest, ExecResult } from '../exec/protocol.js';
import { ENGINE_DIALECT, redact, serverEngine } from '../exec/server.js';
import { loadParser } from '../sql/parser.js';
import type { TemplateCacheOptions } from '../sql/templateCache.js';
import { createTemplater } from '../sql/templater.js';
import { type TranspileOutcome, transpileQuery } from '../sql/transpile.js';
import type { TranspiledItem } from './itemResult.js';

/** The execution processes (or the server's connections), the templater and, to transpile, the parser: started at once. */
/** What of `eval`'s options decides where items run (evaluate.ts's EvalOptions has them all). */
export interface RunnerOptions {
  readonly dbDir?: string;
  readonly dbUrl?: string;
  readonly dialect?: string;
  readonly cache?: false | TemplateCacheOptions;
  readonly transpileFrom?: string;
}

export function startRunners(options: RunnerOptions, workers: number, timeoutMs: number) {
  const pool: Promise<ExecRunner> = options.dbUrl
    ? serverRunner(options.dbUrl, workers, timeoutMs)
    : createExecPool(workers, timeoutMs).then((processes) => ({
        run: (request: ExecRequest) => processes.run(request),
        close: () => processes.close(),
        locate: fileLocator(options.dbDir),
      }));
  // Awaited after the inputs are read: a server that cannot be reached must not end the process before.
  pool.catch(() => {});
  // Templates for the template match: from the persistent cache where it has them, so that a run
  // over queries seen before loads no parser at all (unless it transpiles).
  const templater = createTemplater(options.dialect ?? 'sqlite', { workers: 0, cache: options.cache ?? false });
  templater.catch(() => {});
  const parser = options.transpileFrom ? loadParser() : Promise.resolve();
  return { pool, templater, parser };
}

/** Where an item's database is: a file under --db-dir, or a schema on the server; and whether it is there. */
export type Locator = (dbId: string) => { handle: string; where: string; exists: boolean } | null;

export interface ExecRunner {
  run(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
  locate: Locator;
  /** On a server: the dialect its queries are written in. */
  dialect?: string;
  /** On a server: a query of `from` rewritten for the server, with the database's names at hand. */
  transpile?: (sql: string, from: string, dbId: string) => Promise<TranspileOutcome>;
}

export const NOT_TRANSPILED: TranspiledItem = {
  transpiled: { gold: null, pred: null },
  transpileError: null,
  goldRunSql: null,
  predRunSql: null,
};

/** Both queries of an item transpiled; one that fails runs as written, and the item says why. */
export async function transpiledItem(
  transpile: NonNullable<ExecRunner['transpile']>,
  from: string,
  dbId: string,
  gold: string,
  pred: string,
): Promise<TranspiledItem & { goldRunSql: string }> {
  const g = await transpile(gold, from, dbId);
  const p = await transpile(pred, from, dbId);
  const errors = [...(g.ok ? [] : [`gold: ${g.error}`]), ...(p.ok ? [] : [`prediction: ${p.error}`])];
  return {
    transpiled: { gold: g.ok, pred: p.ok },
    transpileError: errors.length > 0 ? errors.join('; ') : null,
    goldRunSql: g.ok ? g.sql : gold,
    predRunSql: p.ok ? p.sql : pred,
  };
}

function fileLocator(dbDir: string | undefined): Locator {
  return (dbId) => {
    if (!dbDir) return null;
    const where = join(dbDir, dbId, `${dbId}.sqlite`);
    return { handle: where, where, exists: existsSync(where) };
  };
}

async function serverRunner(url: string, workers: number, timeoutMs: number): Promise<ExecRunner> {
  const to = ENGINE_DIALECT[serverEngine(url)];
  const server = await openServer(url, { workers, timeoutMs });
  return {
    dialect: to,
    run: server.run,
    close: server.close,
    locate: (dbId) => ({ handle: dbId, where: server.where(dbId), exists: server.has(dbId) }),
    transpile: async (sql, from, dbId) => {
      // The database's names tell SQLite's double-quoted strings from names; without them, no transpiling.
      const names = await server.names(dbId).catch((err: Error) => err);
      if (names instanceof Error) return { ok: false, error: `cannot read the names of ${dbId}: ${names.message}` };
      return transpileQuery(sql, from, to, names);
    },
  };
}

/** A server holding none of the items' databases (schemas or databases) is a setup error, not a score. */
export function checkSchemas(url: string, locate: Locator, gold: readonly QueryRecord[]): void {
  const ids = [...new Set(gold.flatMap((r) => (r.dbId ? [r.dbId] : [])))];
  if (ids.length > 0 && !ids.some((id) => locate(id)?.exists)) {
    throw new DataError(
      redact(url),
      `holds none of the ${ids.length} databases the items name (e.g. no ${locate(ids[0] as string)?.where}; a role sees only those it may read)`,
    );
  }
}

/** A --db-dir that does not exist, or that holds none of the items' databases, is a setup error, not a score. */
export function checkDatabases(dbDir: string | undefined, gold: readonly QueryRecord[]): void {
  if (dbDir === undefined) return;
  if (!existsSync(dbDir) || !statSync(dbDir).isDirectory())
    throw new DataError(dbDir, 'no such folder (`dbDir`)', undefined, ['dbDir']);
  const ids = new Set(gold.flatMap((r) => (r.dbId ? [r.dbId] : [])));
  if (ids.size === 0) return;
  const found = [...ids].filter((id) => existsSync(join(dbDir, id, `${id}.sqlite`)));
  if (found.length === 0) {
    const first = [...ids][0] as string;
    throw new DataError(
      dbDir,
      `holds none of the ${ids.size} databases the items name (e.g. no ${join(dbDir, first, `${first}.sqlite`)})`,
    );
  }
}
