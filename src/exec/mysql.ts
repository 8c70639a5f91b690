/**
 * Running untrusted SQL on a MySQL or MariaDB server, where a team's workload runs: each item's `db_id` names a
 * database on the server. A prediction is run only if the guard lets it through (one query; no
 * INTO, no LOAD_FILE), the driver sends one statement only (multipleStatements off), inside
 * `START TRANSACTION READ ONLY … ROLLBACK`, with the server's own time-out (MySQL's
 * max_execution_time, MariaDB's max_statement_time) and a client-side one that kills the query
 * from a second connection and drops the first. Values come back as the official (pymysql)
 * evaluators would compare them: integers and decimals as numbers, dates and times equal only to
 * dates and times.
 */
import mysql from 'mysql2/promise';
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
import { MYSQL_RULES, serverRefusal } from './serverGuard.js';
import { numberFromText, Temporal } from './values.js';
import { type QueryOutcome, RequestJudge, serverRows } from './verdict.js';

/** Sent as text by the driver here, read as numbers (pymysql: Decimal and int, equal to floats of the same value). */
const TEXT_NUMBERS = new Set(['DECIMAL', 'NEWDECIMAL', 'LONGLONG']);

/** Dates and times: pymysql's date, datetime and timedelta objects, equal to no string. */
const TEMPORAL = new Set(['DATE', 'NEWDATE', 'DATETIME', 'DATETIME2', 'TIMESTAMP', 'TIMESTAMP2', 'TIME', 'TIME2']);

const typeCast: mysql.TypeCast = (field, next) => {
  if (TEXT_NUMBERS.has(field.type)) {
    const text = field.string();
    return text === null ? null : numberFromText(text);
  }
  if (TEMPORAL.has(field.type)) {
    const text = field.string();
    return text === null ? null : new Temporal(text);
  }
  return next();
};

export async function openMysql(url: string, options: ServerOptions): Promise<ServerRunner> {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit: Math.max(1, options.workers),
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    multipleStatements: false,
    typeCast,
    connectTimeout: 10_000,
  });
  const server = await serverFacts(pool).catch(async (err: Error) => {
    await pool.end().catch(() => {});
    throw new DatabaseServerError(`cannot reach the MySQL server at ${redact(url)}: ${err.message}`);
  });
  const judge = new RequestJudge();
  const serverTimeout = server.mariadb
    ? `SET SESSION max_statement_time = ${Math.max(0.001, options.timeoutMs / 1000)}`
    : `SET SESSION max_execution_time = ${Math.max(1, Math.round(options.timeoutMs))}`;
  return {
    has: (dbId) => server.databases.has(server.fold(dbId)),
    where: (dbId) => `database \`${dbId}\` of ${redact(url)}`,
    names: nameCache(
      async (dbId) =>
        (
          await pool.query<mysql.RowDataPacket[]>({ sql: `${NAMES_SQL}?`, values: [server.fold(dbId)], rowsAsArray: true })
        )[0] as unknown[][],
    ),
    run: (request) =>
      runOnServer(
        request,
        judge,
        async () => new MysqlSession(pool, await pool.getConnection(), serverTimeout, options.timeoutMs),
      ),
    close: () => pool.end(),
  };
}

/** What the server is, and which databases it holds. */
async function serverFacts(
  pool: mysql.Pool,
): Promise<{ mariadb: boolean; fold: (name: string) => string; databases: Set<string> }> {
  const [settings] = await pool.query<mysql.RowDataPacket[]>({
    sql: 'SELECT VERSION(), @@lower_case_table_names',
    rowsAsArray: true,
  });
  // With lower_case_table_names set (as Spider's mixed-case names need), database names are stored lower-case.
  const fold = Number(settings[0]?.[1]) !== 0 ? (name: string) => name.toLowerCase() : (name: string) => name;
  const [rows] = await pool.query<mysql.RowDataPacket[]>({
    sql: 'SELECT schema_name FROM information_schema.schemata',
    rowsAsArray: true,
  });
  return { mariadb: /mariadb/i.test(String(settings[0]?.[0])), fold, databases: new Set(rows.map((r) => fold(String(r[0])))) };
}

/** One connection's part in an item: the database, the time-out and a read-only transaction, always rolled back. */
class MysqlSession implements Session {
  constructor(
    private readonly pool: mysql.Pool,
    private readonly connection: mysql.PoolConnection,
    private readonly serverTimeout: string,
    private readonly timeoutMs: number,
  ) {}

  async begin(db: string): Promise<void> {
    await this.connection.query(`USE ${quoteName(db)}`);
    await this.connection.query(this.serverTimeout);
    await this.connection.query('START TRANSACTION READ ONLY');
  }

  /** The client's own time-out, a little after the server's: the query is killed and the connection dropped. */
  async query(sql: string, maxRows: number): Promise<QueryOutcome> {
    const refusal = serverRefusal(sql, MYSQL_RULES);
    if (refusal) return { ok: false, error: refusal };
    try {
      const [rows, fields] = await this.connection.query({ sql, rowsAsArray: true, timeout: this.timeoutMs + 2000 });
      return serverRows(rows, fields !== undefined, maxRows);
    } catch (err) {
      const error = (err as Error).message;
      if ((err as { code?: string }).code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        await this.kill();
        return { ok: false, error, timeout: 'client' };
      }
      if (/max_statement_time|maximum statement execution time/i.test(error)) return { ok: false, error, timeout: 'server' };
      return { ok: false, error };
    }
  }

  async end(broken: boolean): Promise<void> {
    let inDoubt = broken;
    if (!inDoubt) await this.connection.query('ROLLBACK').catch(() => (inDoubt = true));
    if (inDoubt) this.connection.destroy();
    else this.connection.release();
  }

  /** Stops this connection's running query from a second connection. */
  private async kill(): Promise<void> {
    const threadId = this.connection.threadId;
    if (threadId === null) return;
    const killer = await this.pool.getConnection().catch(() => null);
    await killer?.query(`KILL QUERY ${Number(threadId)}`).catch(() => {});
    killer?.release();
  }
}

/** A database name as a quoted identifier: a backtick doubled, so a db_id can never end the statement. */
export const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;
