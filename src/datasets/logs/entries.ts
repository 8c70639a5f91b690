/**
 * What a server log's entries are to a dataset: a statement the server ran (one item), a
 * statement quoted beside an error (one item unless it repeats one logged already), or an entry
 * that is not a query (skipped, and counted by kind so that stderr can say what was left out).
 */

import { readLineBatches } from '../readers/lines.js';

export type SkipKind = 'connection' | 'duration' | 'prepare' | 'other';

export type LogItem =
  | { readonly kind: 'statement'; readonly sql: string; readonly line: number; readonly db?: string }
  /** A statement quoted beside an ERROR (PostgreSQL's `STATEMENT:` line, csvlog's `query`, jsonlog's `statement`). */
  | { readonly kind: 'error-statement'; readonly sql: string; readonly line: number; readonly db?: string }
  | { readonly kind: 'skipped'; readonly skip: SkipKind; readonly line: number };

/** How a log was read: the statements kept and the entries left out, by kind. */
export interface LogTally {
  statements: number;
  /** Statements read from an error's quote, not logged otherwise (a syntax error is never logged by `log_statement`). */
  fromErrors: number;
  /** Errors' quotes of a statement logged already: not counted again. */
  repeated: number;
  readonly skipped: Record<SkipKind, number>;
}

export const emptyTally = (): LogTally => ({
  statements: 0,
  fromErrors: 0,
  repeated: 0,
  skipped: { connection: 0, duration: 0, prepare: 0, other: 0 },
});

const STATEMENT = /^statement: ([\s\S]*)$/;
const EXECUTE = /^execute (?!fetch from )[^:\n]*: ([\s\S]*)$/;
const TIMED = /^duration: [\d.]+ ms {2}(statement|execute [^:\n]*|parse [^:\n]*|bind [^:\n]*): ([\s\S]*)$/;
const CONNECTION = /^(connection received|connection authorized|connection authenticated|disconnection|replication connection)/;

/** One PostgreSQL message (any log format) as a log item. */
export function postgresItem(severity: string, message: string, line: number, db?: string): LogItem {
  const at = db === undefined || db === '' ? { line } : { line, db };
  if (severity === 'STATEMENT') return { kind: 'error-statement', sql: message, ...at };
  if (severity !== 'LOG') return { kind: 'skipped', skip: 'other', line };
  const plain = STATEMENT.exec(message) ?? EXECUTE.exec(message);
  if (plain) return { kind: 'statement', sql: plain[1] as string, ...at };
  const timed = TIMED.exec(message);
  if (timed) {
    // A parse or bind step names the statement its execute will log again.
    const step = timed[1] as string;
    if (step.startsWith('parse ') || step.startsWith('bind ')) return { kind: 'skipped', skip: 'prepare', line };
    return { kind: 'statement', sql: timed[2] as string, ...at };
  }
  if (message.startsWith('duration: ')) return { kind: 'skipped', skip: 'duration', line };
  if (message.startsWith('execute fetch from ')) return { kind: 'skipped', skip: 'prepare', line };
  return { kind: 'skipped', skip: CONNECTION.test(message) ? 'connection' : 'other', line };
}

/**
 * Decides which error quotes are new statements. The server quotes the failing statement beside
 * its ERROR; where `log_statement` logged that statement already, the quote repeats it. The last
 * few thousand logged statements are held (as a multiset, oldest forgotten first), so that
 * interleaved sessions do not need the log's prefix to tell whose statement an error quotes.
 */
export class ErrorQuotes {
  private readonly pending = new Map<string, number>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly keep = 10_000) {}

  logged(sql: string): void {
    this.pending.set(sql, (this.pending.get(sql) ?? 0) + 1);
    this.order.push(sql);
    if (this.order.length - this.head > this.keep) this.forget(this.order[this.head++] as string);
    if (this.head > 65_536) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }

  /** true where the quote repeats a logged statement (which it then uses up). */
  repeats(sql: string): boolean {
    if (!this.pending.has(sql)) return false;
    this.forget(sql);
    return true;
  }

  private forget(sql: string): void {
    const n = this.pending.get(sql) ?? 0;
    if (n <= 1) this.pending.delete(sql);
    else this.pending.set(sql, n - 1);
  }
}

/**
 * What a line of a line-oriented log is to the entry being read: the start of an entry (its head
 * and first text), more of the open entry, the end of it (a banner, which is no entry), or a line
 * of nothing (it ends the open entry, and is skipped as an entry of its own if not blank).
 */
export type LineRole<H> = { readonly head: H; readonly text: string } | { readonly more: string } | 'end' | 'other';

/**
 * The entries of a log whose entries start on a line and may go on over the next ones (PostgreSQL's
 * stderr log, MySQL's general log), each made a log item by `itemOf` with the line it starts on.
 * `roleOf` is told whether an entry is open (a line that continues one only does so then).
 */
export async function* lineEntries<H>(
  file: string,
  roleOf: (text: string, open: boolean) => LineRole<H>,
  itemOf: (head: H, text: string, line: number) => LogItem,
): AsyncIterable<LogItem[]> {
  let open: { head: H; text: string; line: number } | null = null;
  for await (const lines of readLineBatches(file)) {
    const out: LogItem[] = [];
    for (const { text, line } of lines) {
      const role = roleOf(text, open !== null);
      if (open && typeof role === 'object' && 'more' in role) {
        open.text += `\n${role.more}`;
        continue;
      }
      if (open) out.push(itemOf(open.head, open.text, open.line));
      open = null;
      if (typeof role === 'object' && 'head' in role) open = { head: role.head, text: role.text, line };
      else if (role === 'other' && text.trim() !== '') out.push({ kind: 'skipped', skip: 'other', line });
    }
    if (out.length > 0) yield out;
  }
  if (open) yield [itemOf(open.head, open.text, open.line)];
}
