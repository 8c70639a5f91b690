/**
 * A workload to send to a real server so that its log can be read back: queries of many shapes,
 * spread over lines (some lines starting with a tab, one holding text that looks like a log
 * entry), canary literals, statements that fail when run (their table is missing: the server
 * logs them, then quotes them again beside the error) and two the server cannot parse (it
 * quotes them beside the error only).
 */
export const LOG_CANARIES = ['canary.alice@example.com', 'CANARY-7731', '918273645'];

export interface SentQuery {
  readonly sql: string;
  /** Sent with these parameters (the extended protocol, or a prepared statement). */
  readonly params?: readonly (string | number)[];
}

export function logWorkload(kind: 'postgres' | 'mysql'): SentQuery[] {
  const out: SentQuery[] = [];
  const mark = kind === 'postgres' ? (k: number) => `$${k}` : () => '?';
  for (let k = 0; k < 40; k++) {
    out.push({ sql: `SELECT a, b FROM t WHERE b = '${LOG_CANARIES[0]}' AND a > ${k}` });
    out.push({ sql: `SELECT count(*)\nFROM t\nWHERE a BETWEEN ${k} AND ${LOG_CANARIES[2]}\nGROUP BY b` });
    if (k % 4 === 0) out.push({ sql: `SELECT x FROM missing_table_${k} WHERE x = '${LOG_CANARIES[1]}'` });
    if (k % 5 === 0)
      out.push({ sql: `SELECT a FROM t WHERE a = ${mark(1)} AND b = ${mark(2)}`, params: [k, LOG_CANARIES[1] as string] });
  }
  out.push({ sql: `SELECT b\n\tFROM t\n\t\tWHERE a IN (1, 2)\nORDER BY b DESC LIMIT 3` });
  out.push({ sql: `SELECT 'x\nLOG:  statement: SELECT 1\n# User@Host: x' AS s FROM t` });
  out.push({ sql: 'WITH w AS (SELECT a FROM t) SELECT max(a) FROM w' });
  out.push({ sql: `SELEC 1 FROM t WHERE b = '${LOG_CANARIES[0]}'` });
  out.push({ sql: `SELECT * FORM t WHERE a = ${LOG_CANARIES[2]}` });
  out.push({ sql: `UPDATE t SET b = '${LOG_CANARIES[1]}' WHERE a = 7` });
  return out;
}

/** What the workload creates first, so that most queries run. */
export const LOG_SETUP = ['CREATE TABLE t (a INT, b TEXT)', "INSERT INTO t VALUES (1, 'one'), (2, 'two')"];
