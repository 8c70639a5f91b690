/**
 * Database servers `eval` runs on (where the workload runs, not only SQLite): one runner per server, chosen by the URL's scheme.
 * Each item's db_id names a schema (PostgreSQL) or a database (MySQL, MariaDB) there.
 */
import { UsageError } from '../datasets/errors.js';
import { withAudit } from './audit.js';
import type { AuditCode, ExecRequest, ExecResult } from './protocol.js';
import { DatabaseServerError } from './serverError.js';
import { NOT_RUN, type QueryOutcome, queriesOf, type RequestJudge, type Verdict, verdictOf, withTimeRatio } from './verdict.js';

export interface ServerRunner {
  /** Whether the schema or database a db_id names exists (else the item's database is missing). */
  has(dbId: string): boolean;
  /** Where a db_id is looked for, for messages. */
  where(dbId: string): string;
  /** The lower-cased table and column names of a schema or database (read once). */
  names(dbId: string): Promise<ReadonlySet<string>>;
  run(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
}

export { DatabaseServerError };

export interface ServerOptions {
  readonly workers: number;
  readonly timeoutMs: number;
}

export type ServerEngine = 'postgres' | 'mysql';

/** The engine a URL names, or null: postgres:// and postgresql://, mysql:// and mariadb://. */
export function engineOf(url: string): ServerEngine | null {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//i.test(url)) return 'mysql';
  return null;
}

/** The engine a URL names; any other URL is a usage error, said the same way wherever a server is opened. */
export function serverEngine(url: string): ServerEngine {
  const engine = engineOf(url);
  if (engine === null)
    throw new UsageError(`${redact(url)}: not a server URL (postgres://, postgresql://, mysql:// or mariadb://)`);
  return engine;
}

/** The SQL dialect each engine's queries are written in (for --transpile-from). */
export const ENGINE_DIALECT: Record<ServerEngine, string> = { postgres: 'postgres', mysql: 'mysql' };

/** The URL without its password, for messages and run records. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

/** One connection's part in an item, as each engine does it. */
export interface Session {
  /** A read-only transaction with the server-side time-out, in the item's schema or database. */
  begin(db: string): Promise<void>;
  /** One untrusted query, refused unless the guard lets it through, its effects undone. */
  query(sql: string, maxRows: number): Promise<QueryOutcome>;
  /** Ends the transaction, undoing everything; a connection in doubt is closed, not reused. */
  end(broken: boolean): Promise<void>;
}

/**
 * An item on a server, the same for every engine: the prediction then the gold query in one
 * read-only transaction, the verdict, BIRD's timing where asked; a failure to connect or to set
 * up is a gold error (the item cannot be judged), a time-out of either query a time-out.
 */
export async function runOnServer(
  request: ExecRequest,
  judge: RequestJudge,
  connect: () => Promise<Session>,
): Promise<ExecResult> {
  const started = performance.now();
  // No database file: exact set match reads the schema from tables.json.
  const judgement = judge.judgementOf(request, null);
  const done = (fields: Verdict): ExecResult => ({
    id: request.id,
    ms: Math.round(performance.now() - started),
    judgement,
    ...fields,
  });
  const failed = (err: unknown): ExecResult =>
    done({ status: 'gold_error', ex: false, goldRows: null, predRows: null, error: (err as Error).message });
  if (!request.execute || request.db === null) return done(NOT_RUN);
  let session: Session;
  try {
    session = await connect();
  } catch (err) {
    return failed(err);
  }
  let broken = false;
  try {
    await session.begin(request.db);
    const { gold, pred } = queriesOf(request);
    const p = await session.query(pred, request.maxRows);
    const g = await session.query(gold, request.maxRows);
    const timeouts = [p, g].flatMap((o) => (!o.ok && o.timeout ? [o.timeout] : []));
    if (timeouts.length > 0) {
      // The client gave up on a server that did not answer: the connection is in doubt.
      broken = timeouts.includes('client');
      const audit = request.audit ? { audit: [!g.ok && g.timeout ? 'gold_timeout' : 'audit_incomplete'] as AuditCode[] } : {};
      return done({ status: 'timeout', ex: false, goldRows: null, predRows: null, error: 'time-out', ...audit });
    }
    const verdict = verdictOf(request, gold, p, g);
    const run = (sql: string) => session.query(sql, request.maxRows);
    const timed = await withTimeRatio(request, verdict, { gold, pred }, run);
    return done(await withAudit(request, timed, { gold, goldOutcome: g, pred: p }, run));
  } catch (err) {
    broken = true;
    return failed(err);
  } finally {
    await session.end(broken);
  }
}

/** Table and column names per schema or database, each read once from information_schema. */
export function nameCache(read: (dbId: string) => Promise<readonly (readonly unknown[])[]>) {
  const cache = new Map<string, Promise<ReadonlySet<string>>>();
  return (dbId: string): Promise<ReadonlySet<string>> => {
    let names = cache.get(dbId);
    if (!names) {
      names = read(dbId).then((rows) => new Set(rows.flatMap((row) => row.map((name) => String(name).toLowerCase()))));
      cache.set(dbId, names);
    }
    return names;
  };
}

/** The query each engine answers names() with: one parameter, the schema or database. */
export const NAMES_SQL = 'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ';
