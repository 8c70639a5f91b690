/**
 * Running untrusted SQL on a MySQL or MariaDB server (issue 17): each item's `db_id` names a
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
import { numberFromText, type Row, Temporal } from './values.js';
import { type QueryOutcome, RequestJudge } from './verdict.js';

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
  let databases: Set<string>;
  let mariadb: boolean;
  // With lower_case_table_names set (as Spider's mixed-case names need), database names are stored lower-case.
  let fold = (name: string) => name;
  try {
    const [settings] = await pool.query<mysql.RowDataPacket[]>({
      sql: 'SELECT VERSION(), @@lower_case_table_names',
      rowsAsArray: true,
    });
    mariadb = /mariadb/i.test(String(settings[0]?.[0]));
    if (Number(settings[0]?.[1]) !== 0) fold = (name) => name.toLowerCase();
    const [rows] = await pool.query<mysql.RowDataPacket[]>({
      sql: 'SELECT schema_name FROM information_schema.schemata',
      rowsAsArray: true,
    });
    databases = new Set(rows.map((r) => fold(String(r[0]))));
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseServerError(`cannot reach the MySQL server at ${redact(url)}: ${(err as Error).message}`);
  }
  const judge = new RequestJudge();
  const seconds = Math.max(0.001, options.timeoutMs / 1000);
  const serverTimeout = mariadb
    ? `SET SESSION max_statement_time = ${seconds}`
    : `SET SESSION max_execution_time = ${Math.max(1, Math.round(options.timeoutMs))}`;

  /** The client's own time-out, a little after the server's: the query is killed and the connection dropped. */
  async function query(connection: mysql.PoolConnection, sql: string, maxRows: number): Promise<QueryOutcome> {
    const refusal = serverRefusal(sql, MYSQL_RULES);
    if (refusal) return { ok: false, error: refusal };
    try {
      const [rows, fields] = await connection.query({ sql, rowsAsArray: true, timeout: options.timeoutMs + 2000 });
      if (!Array.isArray(rows) || fields === undefined) return { ok: false, error: 'refused: the statement returns no rows' };
      if (rows.length > maxRows) return { ok: false, error: `result has more than ${maxRows} rows (--max-rows)` };
      return { ok: true, rows: rows as unknown as Row[] };
    } catch (err) {
      const error = (err as Error).message;
      const code = (err as { code?: string }).code;
      if (code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        await kill(connection.threadId);
        return { ok: false, error, timeout: 'client' };
      }
      if (/max_statement_time|maximum statement execution time/i.test(error)) return { ok: false, error, timeout: 'server' };
      return { ok: false, error };
    }
  }

  async function kill(threadId: number | null): Promise<void> {
    if (threadId === null) return;
    const killer = await pool.getConnection().catch(() => null);
    await killer?.query(`KILL QUERY ${Number(threadId)}`).catch(() => {});
    killer?.release();
  }

  const session = async (): Promise<Session> => {
    const connection = await pool.getConnection();
    return {
      async begin(db) {
        await connection.query(`USE ${quoteName(db)}`);
        await connection.query(serverTimeout);
        await connection.query('START TRANSACTION READ ONLY');
      },
      query: (sql, maxRows) => query(connection, sql, maxRows),
      async end(broken) {
        let inDoubt = broken;
        if (!inDoubt) await connection.query('ROLLBACK').catch(() => (inDoubt = true));
        if (inDoubt) connection.destroy();
        else connection.release();
      },
    };
  };

  return {
    has: (dbId) => databases.has(fold(dbId)),
    where: (dbId) => `database \`${dbId}\` of ${redact(url)}`,
    names: nameCache(
      async (dbId) =>
        (
          await pool.query<mysql.RowDataPacket[]>({ sql: `${NAMES_SQL}?`, values: [fold(dbId)], rowsAsArray: true })
        )[0] as unknown[][],
    ),
    run: (request) => runOnServer(request, judge, session),
    close: () => pool.end(),
  };
}

/** A database name as a quoted identifier: a backtick doubled, so a db_id can never end the statement. */
export const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;
