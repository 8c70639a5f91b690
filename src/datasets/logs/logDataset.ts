/**
 * A server log as a dataset: one item per statement the server ran, in the log's order, each
 * with the line its entry starts on. An error's quote of a statement logged already is not
 * counted again; one the server never logged otherwise (a syntax error) is an item, since the
 * user sent it. The tally of what was read and left out is made by one pass before the first
 * read, so the note on stderr gives the whole file's counts.
 */
import { count, plural } from '../../words.js';
import type { QueryRecord } from '../record.js';
import { ErrorQuotes, emptyTally, type LogItem, type LogTally } from './entries.js';
import { LOG_FORMAT_NAMES, type LogFormat } from './format.js';
import { mysqlGeneralItems, mysqlSlowItems } from './mysql.js';
import { postgresCsvItems, postgresJsonItems, postgresStderrItems } from './postgres.js';

const READERS: Record<LogFormat, (file: string) => AsyncIterable<LogItem[]>> = {
  'postgres-stderr': postgresStderrItems,
  'postgres-csvlog': postgresCsvItems,
  'postgres-jsonlog': postgresJsonItems,
  'mysql-general': mysqlGeneralItems,
  'mysql-slow': mysqlSlowItems,
};

/** The log's statements as records, in batches; `tally` (if given) is filled as they are read. */
export async function* logRecords(file: string, format: LogFormat, tally: LogTally = emptyTally()): AsyncIterable<QueryRecord[]> {
  const quotes = new ErrorQuotes();
  let i = 0;
  for await (const items of READERS[format](file)) {
    const batch: QueryRecord[] = [];
    for (const item of items) {
      if (item.kind === 'skipped') {
        tally.skipped[item.skip]++;
        continue;
      }
      if (item.kind === 'statement') quotes.logged(item.sql);
      else if (quotes.repeats(item.sql)) {
        tally.repeated++;
        continue;
      } else tally.fromErrors++;
      tally.statements++;
      const db = item.db === undefined ? {} : { dbId: item.db, fields: { database: item.db } };
      batch.push({ i: i++, sql: item.sql, where: `line ${item.line}`, ...db });
    }
    if (batch.length > 0) yield batch;
  }
}

/** Reads the whole log once for its counts. */
export async function tallyLog(file: string, format: LogFormat): Promise<LogTally> {
  const tally = emptyTally();
  for await (const _ of logRecords(file, format, tally)) {
    // Counting only.
  }
  return tally;
}

/** What stderr says of a log: its format, the statements read, and what was left out. */
export function describeLog(format: LogFormat, tally: LogTally): string {
  const { connection, duration, prepare, other } = tally.skipped;
  const skipped = connection + duration + prepare + other + tally.repeated;
  const kinds = [
    connection > 0 ? `${count(connection)} connection` : '',
    duration > 0 ? `${count(duration)} duration` : '',
    prepare > 0 ? `${count(prepare)} prepare/bind` : '',
    other > 0 ? `${count(other)} other` : '',
    tally.repeated > 0
      ? `${count(tally.repeated)} error ${tally.repeated === 1 ? 'quote' : 'quotes'} of a statement logged already`
      : '',
  ].filter((k) => k !== '');
  const errors = tally.fromErrors > 0 ? ` (${count(tally.fromErrors)} of them only quoted beside an error)` : '';
  return (
    `read as ${LOG_FORMAT_NAMES[format]}: ${plural(tally.statements, 'statement')}${errors}; ` +
    `${plural(skipped, 'entry', 'entries')} skipped${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`
  );
}
