/**
 * Running untrusted SQL on a PostgreSQL server, where a team's workload runs: each item's `db_id` names a schema of
 * the database in the URL. A prediction is run only if it is one query (SELECT, WITH, VALUES or
 * TABLE, read by the lexer), sent through the extended protocol (which refuses a second
 * statement), inside `BEGIN READ ONLY … ROLLBACK`, with a server-side `statement_timeout` and a
 * client-side time-out that drops the connection. Values come back as the official (Python)
 * evaluators would compare them: integers and decimals as numbers, dates and times equal only to dates and times.
 * A role with SELECT rights only is the last line; docs/eval.md says how to make one.
 */
import pg from 'pg';
import {
  DatabaseServerError,
  NAMES_SQL,
  nameCache,
  redact,
  runOnServer,
  type ServerOptions,
  type ServerRunner,
  type Session,
} from './server.js';
import { POSTGRES_RULES, serverRefusal } from './serverGuard.js';
import { numberFromText, Temporal } from './values.js';
import { type QueryOutcome, RequestJudge, serverRows } from './verdict.js';

/** Type ids (pg_type.oid) read as numbers: int2, int4, int8, oid, float4, float8, numeric, money-free. */
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const BOOL = 16;
/** date, time, timestamp, timestamptz, interval, timetz. */
const TEMPORAL_TYPES = new Set([1082, 1083, 1114, 1184, 1186, 1266]);

/** Text of every value, then numbers and booleans made numbers (Python: True == 1, Decimal('1.0') == 1), dates kept apart from text. */
const types = {
  getTypeParser: (oid: number) => (text: string) => {
    if (NUMERIC_TYPES.has(oid)) return numberFromText(text);
    if (oid === BOOL) return text === 't' ? 1 : 0;
    if (TEMPORAL_TYPES.has(oid)) return new Temporal(text);
    return text;
  },
};

export async function openPostgres(url: string, options: ServerOptions): Promise<ServerRunner> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Math.max(1, options.workers),
    types,
    // The client's own time-out, a little after the server's: a server that stops answering is left.
    query_timeout: options.timeoutMs + 2000,
    application_name: 'sqlalign eval',
  });
  // An idle connection the server drops must not end the process.
  pool.on('error', () => {});
  const databases = await schemasOf(pool).catch(async (err: Error) => {
    await pool.end().catch(() => {});
    throw new DatabaseServerError(`cannot reach the PostgreSQL server at ${redact(url)}: ${err.message}`);
  });
  const judge = new RequestJudge();
  return {
    has: (dbId) => databases.has(dbId),
    where: (dbId) => `schema "${dbId}" of ${redact(url)}`,
    names: nameCache(async (dbId) => (await pool.query({ text: `${NAMES_SQL}$1`, values: [dbId], rowMode: 'array' })).rows),
    run: (request) => runOnServer(request, judge, async () => new PostgresSession(await pool.connect(), options.timeoutMs)),
    close: () => pool.end(),
  };
}

async function schemasOf(pool: pg.Pool): Promise<Set<string>> {
  const result = await pool.query<[string]>({ text: 'SELECT schema_name FROM information_schema.schemata', rowMode: 'array' });
  return new Set(result.rows.map((r) => r[0]));
}

/** One connection's part in an item: a read-only transaction in the item's schema, each query in a savepoint. */
class PostgresSession implements Session {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly timeoutMs: number,
  ) {}

  async begin(db: string): Promise<void> {
    await this.client.query('BEGIN READ ONLY');
    await this.client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(this.timeoutMs))}`);
    await this.client.query(`SET LOCAL search_path TO ${quoteIdentifier(db)}`);
  }

  /** Undone even when it succeeded: a prediction's set_config('search_path', …) must not reach the gold query. */
  async query(sql: string, maxRows: number): Promise<QueryOutcome> {
    const refusal = serverRefusal(sql, POSTGRES_RULES);
    if (refusal) return { ok: false, error: refusal };
    try {
      await this.client.query('SAVEPOINT item');
      const result = await this.client.query({ text: sql, rowMode: 'array', queryMode: 'extended' } as pg.QueryConfig);
      await this.client.query('ROLLBACK TO SAVEPOINT item');
      return serverRows(result.rows, result.fields !== undefined, maxRows);
    } catch (err) {
      await this.client.query('ROLLBACK TO SAVEPOINT item').catch(() => {});
      const error = (err as Error).message;
      const timeout = /Query read timeout/.test(error) ? 'client' : /statement timeout/.test(error) ? 'server' : undefined;
      return timeout ? { ok: false, error, timeout } : { ok: false, error };
    }
  }

  /** Nothing a prediction did outlives its item; a connection in doubt is closed, not reused. */
  async end(broken: boolean): Promise<void> {
    let inDoubt = broken;
    if (!inDoubt) await this.client.query('ROLLBACK').catch(() => (inDoubt = true));
    this.client.release(inDoubt);
  }
}

/** A schema name as a quoted identifier: `"` doubled, so a db_id can never end the statement. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
