/**
 * Running untrusted SQL on a PostgreSQL server (issue 17): each item's `db_id` names a schema of
 * the database in the URL. A prediction is run only if it is one query (SELECT, WITH, VALUES or
 * TABLE, read by the lexer), sent through the extended protocol (which refuses a second
 * statement), inside `BEGIN READ ONLY … ROLLBACK`, with a server-side `statement_timeout` and a
 * client-side time-out that drops the connection. Values come back as the official (Python)
 * evaluators would compare them: integers and decimals as numbers, dates and times as their text.
 * A role with SELECT rights only is the last line; the README says how to make one.
 */
import pg from 'pg';
import { dialectInfo } from '../sql/dialects.js';
import { startsWithWord } from '../sql/lexer.js';
import type { ExecRequest, ExecResult } from './protocol.js';
import type { Row, SqlValue } from './values.js';
import { NOT_RUN, type QueryOutcome, queriesOf, RequestJudge, type Verdict, verdictOf, withTimeRatio } from './verdict.js';

const POSTGRES = dialectInfo('postgres');
const QUERY_STARTS: ReadonlySet<string> = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']);

/** Type ids (pg_type.oid) read as numbers: int2, int4, int8, oid, float4, float8, numeric, money-free. */
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const BOOL = 16;

/** Text of every value, then numbers and booleans made numbers (Python: True == 1, Decimal('1.0') == 1). */
const types = {
  getTypeParser: (oid: number) => (text: string) => {
    if (NUMERIC_TYPES.has(oid)) {
      const n = Number(text);
      // Integers beyond 2^53 keep their digits, as Python's int does.
      return Number.isSafeInteger(n) || !/^-?\d+$/.test(text) ? n : BigInt(text);
    }
    if (oid === BOOL) return text === 't' ? 1 : 0;
    return text;
  },
};

export interface ServerRunner {
  /** The schemas that exist: a db_id that is none of them is a missing database. */
  readonly databases: ReadonlySet<string>;
  run(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
}

export async function openPostgres(url: string, options: { workers: number; timeoutMs: number }): Promise<ServerRunner> {
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
  let databases: Set<string>;
  try {
    const result = await pool.query<[string]>({
      text: 'SELECT schema_name FROM information_schema.schemata',
      rowMode: 'array',
    });
    databases = new Set(result.rows.map((r) => r[0]));
  } catch (err) {
    await pool.end().catch(() => {});
    throw new Error(`cannot reach the PostgreSQL server at ${redact(url)}: ${(err as Error).message}`);
  }
  const judge = new RequestJudge();

  async function query(client: pg.PoolClient, sql: string, maxRows: number): Promise<QueryOutcome> {
    if (!startsWithWord(sql, POSTGRES, QUERY_STARTS))
      return { ok: false, error: 'refused: only SELECT, WITH, VALUES and TABLE queries are run' };
    try {
      await client.query('SAVEPOINT item');
      const result = await client.query({ text: sql, rowMode: 'array', queryMode: 'extended' } as pg.QueryConfig);
      // Undone even when it succeeded: a prediction's set_config('search_path', …) must not reach the gold query.
      await client.query('ROLLBACK TO SAVEPOINT item');
      const rows = result.rows as SqlValue[][];
      if (!Array.isArray(rows) || result.fields === undefined)
        return { ok: false, error: 'refused: the statement returns no rows' };
      if (rows.length > maxRows) return { ok: false, error: `result has more than ${maxRows} rows (--max-rows)` };
      return { ok: true, rows: rows as Row[] };
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT item').catch(() => {});
      return { ok: false, error: (err as Error).message };
    }
  }

  return {
    databases,
    async run(request) {
      const started = performance.now();
      // No database file: exact set match reads the schema from tables.json.
      const judgement = judge.judgementOf(request, null);
      const done = (fields: Verdict): ExecResult => ({
        id: request.id,
        ms: Math.round(performance.now() - started),
        judgement,
        ...fields,
      });
      if (!request.execute || request.db === null) return done(NOT_RUN);
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        return done({ status: 'gold_error', ex: false, gold_rows: null, pred_rows: null, error: (err as Error).message });
      }
      let broken = false;
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(options.timeoutMs))}`);
        await client.query(`SET LOCAL search_path TO ${quoteIdentifier(request.db)}`);
        const { gold, pred } = queriesOf(request);
        const p = await query(client, pred, request.maxRows);
        const g = await query(client, gold, request.maxRows);
        const timedOut = (o: QueryOutcome) => !o.ok && /statement timeout|Query read timeout/.test(o.error);
        if (timedOut(p) || timedOut(g)) {
          // The client gave up on a server that did not answer: the connection is in doubt.
          broken = [p, g].some((o) => !o.ok && /Query read timeout/.test(o.error));
          return done({ status: 'timeout', ex: false, gold_rows: null, pred_rows: null, error: 'time-out' });
        }
        const verdict = verdictOf(request, gold, p, g);
        return done(await withTimeRatio(request, verdict, { gold, pred }, (sql) => query(client, sql, request.maxRows)));
      } catch (err) {
        broken = true;
        return done({ status: 'gold_error', ex: false, gold_rows: null, pred_rows: null, error: (err as Error).message });
      } finally {
        // Nothing a prediction did outlives its item; a connection in doubt is closed, not reused.
        if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** A schema name as a quoted identifier: `"` doubled, so a db_id can never end the statement. */
export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

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
