/**
 * SQL text files. Two shapes exist in the wild:
 *  - one query per line, optionally followed by TAB and a db_id (Spider's gold and prediction
 *    files, BIRD's dev.sql);
 *  - a script of statements separated by `;`, each possibly over several lines.
 * A file is read line by line when it has TAB-separated db_ids or when every line starts a
 * statement; otherwise it is split on `;` (outside strings, quoted names and comments).
 */
import { readFile } from 'node:fs/promises';
import type { QueryRecord } from '../record.js';
import { readLineBatches } from './lines.js';

const STATEMENT_START =
  /^\s*\(*\s*(SELECT|WITH|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|VALUES|EXPLAIN|REPLACE|MERGE|TRUNCATE|PRAGMA|SHOW|DESCRIBE|DESC|USE|SET|BEGIN|COMMIT|ROLLBACK|GRANT|REVOKE|CALL|EXEC|EXECUTE|DECLARE|FROM|TABLE)\b/i;
const DB_ID = /^[\w.-]+$/;

export type SqlTextShape = 'sql-lines' | 'sql-statements';

/** Decides the shape from the first lines of the file. */
export async function sqlTextShape(file: string): Promise<SqlTextShape> {
  let seen = 0;
  for await (const lines of readLineBatches(file)) {
    for (const { text } of lines) {
      const line = text.trim();
      if (line === '' || line.startsWith('--')) continue;
      if (text.includes('\t') && DB_ID.test(text.slice(text.lastIndexOf('\t') + 1).trim())) return 'sql-lines';
      if (!STATEMENT_START.test(line)) return 'sql-statements';
      if (++seen >= 500) return 'sql-lines';
    }
  }
  return 'sql-lines';
}

export async function* sqlLineBatches(file: string): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const lines of readLineBatches(file)) {
    const batch: QueryRecord[] = [];
    for (const { text, line } of lines) {
      if (text.trim() === '') continue;
      const tab = text.lastIndexOf('\t');
      const dbCandidate = tab >= 0 ? text.slice(tab + 1).trim() : '';
      if (tab >= 0 && DB_ID.test(dbCandidate)) {
        batch.push({ i: i++, sql: text.slice(0, tab).trim(), db_id: dbCandidate, where: `line ${line}` });
      } else {
        batch.push({ i: i++, sql: text.trim(), where: `line ${line}` });
      }
    }
    if (batch.length > 0) yield batch;
  }
}

export async function* sqlStatementBatches(file: string): AsyncIterable<QueryRecord[]> {
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const statements = splitStatements(text).map(({ sql, line }, i) => ({ i, sql, where: `line ${line}` }));
  for (let from = 0; from < statements.length; from += 4096) yield statements.slice(from, from + 4096);
}

/** Splits a script on `;`, skipping those inside quotes, quoted names and comments. */
export function splitStatements(text: string): { sql: string; line: number }[] {
  const pieces: [number, number][] = [];
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === "'" || c === '"' || c === '`') k = skipQuoted(text, k, c);
    else if (c === '[') k = skipUntil(text, k + 1, ']');
    else if (c === '-' && text[k + 1] === '-') k = skipUntil(text, k, '\n');
    else if (c === '/' && text[k + 1] === '*') k = skipUntil(text, k + 2, '*/') + 1;
    else if (c === ';') {
      pieces.push([start, k]);
      start = k + 1;
    }
  }
  pieces.push([start, text.length]);
  const out: { sql: string; line: number }[] = [];
  // Line numbers are counted forward once, since the pieces come in order.
  let line = 1;
  let counted = 0;
  for (const [from, to] of pieces) {
    const piece = text.slice(from, to);
    const sql = piece.trim();
    if (sql === '' || isOnlyComments(sql)) continue;
    const firstChar = from + (piece.length - piece.trimStart().length);
    for (; counted < firstChar; counted++) if (text.charCodeAt(counted) === 10) line++;
    out.push({ sql, line });
  }
  return out;
}

function skipQuoted(text: string, k: number, quote: string): number {
  for (let j = k + 1; j < text.length; j++) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j++;
      else return j;
    }
  }
  return text.length;
}

function skipUntil(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at < 0 ? text.length : at;
}

function isOnlyComments(sql: string): boolean {
  return (
    sql
      .replace(/--[^\n]*/g, '')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .trim() === ''
  );
}
