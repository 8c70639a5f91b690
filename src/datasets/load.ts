/**
 * Opening a dataset: resolve the spec, detect the format, find the SQL field, and give
 * back a re-iterable stream of records. Nothing here holds a whole large file in memory
 * except JSON (which must be parsed whole).
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { dialectInfo } from '../sql/dialects.js';
import { plural } from '../words.js';
import { builtinDataset, isBuiltin } from './builtin.js';
import { DataError, UsageError } from './errors.js';
import { findField, resolveDbField, resolveSqlField } from './fields.js';
import { LOG_FORMAT_NAMES, type LogFormat, logFormatOf } from './logs/format.js';
import { describeLog, logRecords, tallyLog } from './logs/logDataset.js';
import { readCsv } from './readers/csv.js';
import { holdsInteractions, INTERACTION_COLUMN, interactionBatches } from './readers/interactions.js';
import { BIRD_SEPARATOR, readJson } from './readers/json.js';
import { readJsonl } from './readers/jsonl.js';
import { readParquet } from './readers/parquet.js';
import { BATCH_SIZE, dbIdOf, type TableSource } from './readers/rows.js';
import { answerOf, describeShape, type SftShape, sftShapeOf, sqlOfAnswer } from './readers/sftRecords.js';
import { readHead } from './readers/source.js';
import { type SqlFileList, sqlFileBatches, sqlFilesAt } from './readers/sqlFiles.js';
import { decideLayout, type SqlTextLayout, sqlLineBatches, sqlStatementBatches } from './readers/sqlText.js';
import { holdsText2sqlData, text2sqlBatches, text2sqlSplits } from './readers/text2sqlData.js';
import type { Dataset, DatasetFormat, QueryRecord } from './record.js';
import { parseDatasetSpec } from './spec.js';
import { AUTOMATIC_WEIGHT, weightOf } from './weights.js';

export interface LoadOptions {
  /** Queries longer than this (in UTF-16 code units) are refused as bad data. */
  readonly maxQueryLength?: number;
  /** false: a table without a SQL field is fine (a questions-only file); its records have sql null. */
  readonly requireSql?: boolean;
  /** The SQL dialect, for where strings and comments end when a SQL text file is split (default sqlite). */
  readonly dialect?: string;
  /** How a SQL text file is read: one item per line, or a script split on `;` (default: decided from the file). */
  readonly layout?: SqlTextLayout;
  /**
   * The field holding each item's weight (its n-gram counts are multiplied by it), 'none' for
   * none; by default a table with a `calls` column (a pg_stat_statements export) is weighted by it.
   */
  readonly weight?: string;
  /** Told what a user should know about how a file was read (the dataset's notes, prefixed with its path). */
  readonly onNote?: (message: string) => void;
}

export const DEFAULT_MAX_QUERY_LENGTH = 1_000_000;

const EXTENSIONS: Record<string, DatasetFormat | 'sql'> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.parquet': 'parquet',
  '.sql': 'sql',
  '.txt': 'sql',
};

/** Opens `[label=]path[#field]`. Throws DataError for anything wrong with the file. */
export async function openDataset(arg: string, options: LoadOptions = {}): Promise<Dataset> {
  const dataset = await openFile(arg, options);
  if (options.weight !== undefined && options.weight !== 'none' && dataset.weightField === undefined) {
    throw new DataError(
      dataset.path,
      `cannot be weighted by '${options.weight}': a ${dataset.format} dataset has no fields (\`weight\`)`,
      undefined,
      ['weight'],
    );
  }
  for (const note of dataset.notes ?? []) options.onNote?.(`${dataset.path}: ${note}`);
  return dataset;
}

async function openFile(arg: string, options: LoadOptions): Promise<Dataset> {
  const spec = parseDatasetSpec(arg);
  const { path, name } = spec;
  if (path === '') throw new UsageError(`empty dataset path in '${arg}'`);
  const maxLength = options.maxQueryLength ?? DEFAULT_MAX_QUERY_LENGTH;
  if (isBuiltin(path)) return builtinDataset(name, path, options.dialect ?? 'sqlite', spec.field);
  const files = sqlFilesAt(path);
  if (files) return sqlFilesDataset(name, path, spec.field, files, maxLength);
  await checkReadable(path);
  const log = logFormatOf((await readHead(path)).toString('utf8'));
  if (log) return logDataset(name, path, spec.field, log, maxLength);
  const kind = await detectFormat(path);

  if (kind === 'sql') {
    if (spec.field !== undefined) throw new DataError(path, `a SQL text file has no fields (got '#${spec.field}')`);
    const lexical = dialectInfo(options.dialect ?? 'sqlite');
    const decision = await decideLayout(path, lexical, options.layout);
    const lines = decision.layout === 'lines';
    const source = lines ? () => sqlLineBatches(path, decision.dbIds) : () => sqlStatementBatches(path, lexical);
    const notes = decision.ambiguous
      ? [`read as ${decision.reason}; --layout ${lines ? 'script' : 'lines'} reads it the other way`]
      : [];
    return {
      name,
      path,
      format: lines ? 'sql-lines' : 'sql-statements',
      layout: decision.reason,
      notes,
      batches: () => checked(path, source(), maxLength),
    };
  }
  if (kind === 'json') {
    const content = await readJson(path);
    if (content.kind === 'counts') {
      // Templates already counted: no records to read, and none to check.
      return { name, path, format: 'template-counts', counts: content.counts, batches: async function* () {} };
    }
    if (content.kind === 'strings') {
      const format: DatasetFormat = content.values.some((v) => v.includes(BIRD_SEPARATOR)) ? 'bird-predictions' : 'json';
      const bad = content.nonStrings;
      const notes =
        bad.length > 0
          ? [
              `${plural(bad.length, 'value')} that ${bad.length === 1 ? 'is' : 'are'} not a string read as empty (${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ', ...' : ''})`,
            ]
          : [];
      return { name, path, format, notes, batches: () => checked(path, stringBatches(content.values, content.keys), maxLength) };
    }
    if (holdsText2sqlData(content.table.columns, content.table.sample)) {
      return text2sqlDataset(name, path, content.table, spec.field, maxLength, options);
    }
    return tableDataset(name, path, 'json', content.table, spec.field, maxLength, options);
  }
  const table =
    kind === 'jsonl'
      ? await readJsonl(path)
      : kind === 'parquet'
        ? await readParquet(path)
        : await readCsv(path, kind === 'tsv' ? '\t' : ',');
  return withSourceNotes(tableDataset(name, path, kind, table, spec.field, maxLength, options), table);
}

/** A server log, recognised by its content: one item per statement the server ran. */
async function logDataset(
  name: string,
  path: string,
  field: string | undefined,
  format: LogFormat,
  maxLength: number,
): Promise<Dataset> {
  if (field !== undefined) throw new DataError(path, `${LOG_FORMAT_NAMES[format]} has no fields (got '#${field}')`);
  const described = describeLog(format, await tallyLog(path, format));
  return {
    name,
    path,
    format,
    layout: described.replace(/^read as /, ''),
    notes: [described],
    batches: () => checked(path, logRecords(path, format), maxLength),
  };
}

/** A folder of SQL files (or those of its files a pattern names): one item per file. */
function sqlFilesDataset(name: string, path: string, field: string | undefined, files: SqlFileList, maxLength: number): Dataset {
  if (field !== undefined) throw new DataError(path, `a folder of SQL files has no fields (got '#${field}')`);
  if (files.names.length === 0) {
    const pattern = basename(path);
    const detail =
      files.folder === path
        ? 'holds no .sql files'
        : /\.sql$/i.test(pattern) || !/\.[A-Za-z0-9]+$/.test(pattern)
          ? `no .sql file in ${files.folder} matches '${pattern}'`
          : // `preds/*.jsonl`: a pattern only ever gathers .sql files, one query each; say so rather than "no match".
            `no .sql file in ${files.folder} matches '${pattern}' (a pattern gathers .sql files, one query each; give a ${extname(pattern)} file by its name)`;
    throw new DataError(path, detail);
  }
  return {
    name,
    path,
    format: 'sql-files',
    layout: `one item per file (${plural(files.names.length, '.sql file')})`,
    batches: () => checked(path, sqlFileBatches(files), maxLength),
  };
}

/** A dataset with what its source's reader said of how it was read (a CSV's separator) before its own notes. */
function withSourceNotes(dataset: Dataset, table: TableSource): Dataset {
  return table.notes?.length ? { ...dataset, notes: [...table.notes, ...(dataset.notes ?? [])] } : dataset;
}

function tableDataset(
  name: string,
  path: string,
  format: DatasetFormat,
  table: TableSource,
  named: string | undefined,
  maxLength: number,
  options: LoadOptions,
): Dataset {
  const requireSql = options.requireSql ?? true;
  if (table.columns.length === 0) {
    // A JSONL of bare strings has no columns: each line is a query.
    if (named !== undefined) throw new DataError(path, `no field '${named}': the items have no fields`);
    return { name, path, format, batches: () => checked(path, bareBatches(table), maxLength) };
  }
  let field: string | undefined;
  let sft: SftShape | null = null;
  try {
    field = resolveSqlField(path, table.columns, table.sample, named);
    // A named field of conversations (`#messages`) can only be read as one.
    if (named !== undefined) sft = sftShapeOf(table.columns, table.sample, field);
  } catch (err) {
    sft = sftShapeOf(table.columns, table.sample, named);
    if (!sft && named === undefined && holdsInteractions(table.columns, table.sample)) {
      return interactionDataset(name, path, format, table, resolveDbField(table.columns), maxLength);
    }
    if (!sft && (requireSql || named !== undefined)) throw err;
  }
  const dbField = resolveDbField(table.columns);
  const weight = resolveWeightField(path, table.columns, options.weight);
  const weighted = (dataset: Dataset, batches: () => AsyncIterable<readonly QueryRecord[]>): Dataset =>
    weight === undefined
      ? dataset
      : {
          ...dataset,
          weightField: weight.field,
          notes: [...(dataset.notes ?? []), ...(weight.automatic ? [AUTOMATIC_NOTE(name, weight.field)] : [])],
          batches,
        };
  if (sft) {
    const dataset = sftDataset(name, path, format, table, sft, dbField, maxLength);
    return weighted(dataset, () => withWeights(path, dataset.batches(), weight?.field as string));
  }
  const rows = (weightField?: string) => () =>
    checked(path, rowBatches(table, field, dbField, weightField && { path, field: weightField }), maxLength);
  return weighted({ name, path, format, field, batches: rows() }, rows(weight?.field));
}

const AUTOMATIC_NOTE = (name: string, field: string) =>
  `weighted by its '${field}' column (each row is a distinct query and how often it ran); \`weight\` ${name}=none counts each row once`;

/** The column that weighs each row: the one named, else `calls` where there is one, else none. */
function resolveWeightField(
  path: string,
  columns: readonly string[],
  named: string | undefined,
): { field: string; automatic: boolean } | undefined {
  if (named === 'none') return undefined;
  if (named === undefined) {
    const calls = findField(columns, AUTOMATIC_WEIGHT);
    return calls === undefined ? undefined : { field: calls, automatic: true };
  }
  const found = findField(columns, named);
  if (found !== undefined) return { field: found, automatic: false };
  throw new DataError(path, `no field '${named}' to weight by (fields: ${columns.slice(0, 12).join(', ')})`, undefined, [
    'weight',
  ]);
}

/** Each record with its weight, read from its field: a bad one is an error naming its line. */
async function* withWeights(
  path: string,
  batches: AsyncIterable<readonly QueryRecord[]>,
  field: string,
): AsyncIterable<readonly QueryRecord[]> {
  for await (const batch of batches) {
    yield batch.map((record) => ({ ...record, weight: weightOf(record.fields?.[field], field, path, record.where) }));
  }
}

/** text2sql-data records (the classic sets): one item per SQL, weighted by its questions (of one split, if named). */
async function text2sqlDataset(
  name: string,
  path: string,
  table: TableSource,
  split: string | undefined,
  maxLength: number,
  options: LoadOptions,
): Promise<Dataset> {
  const splits = await text2sqlSplits(table);
  if (split !== undefined && !splits.has(split)) {
    throw new DataError(path, `no question of split '${split}' (splits: ${[...splits.keys()].join(', ')})`);
  }
  if (options.weight !== undefined && options.weight !== 'none' && options.weight !== 'questions') {
    throw new DataError(
      path,
      `text2sql-data records are weighted by their questions or not at all (got '${options.weight}')`,
      undefined,
      ['weight'],
    );
  }
  const weighted = options.weight !== 'none';
  const questions = split === undefined ? [...splits.values()].reduce((a, b) => a + b, 0) : (splits.get(split) as number);
  const layout = `text2sql-data records: one item per SQL${weighted ? ', weighted by its questions' : ''}${split === undefined ? '' : ` of split '${split}'`} (${plural(questions, 'question')})`;
  return {
    name,
    path,
    format: 'json',
    field: 'sql[0]',
    layout,
    notes: [`read as ${layout}`],
    ...(weighted ? { weightField: 'questions' } : {}),
    batches: () => checked(path, text2sqlBatches(table, split, weighted), maxLength),
  };
}

/** SParC/CoSQL interactions: one item per turn. */
function interactionDataset(
  name: string,
  path: string,
  format: DatasetFormat,
  table: TableSource,
  dbField: string | undefined,
  maxLength: number,
): Dataset {
  return {
    name,
    path,
    format,
    field: `${INTERACTION_COLUMN}[].query`,
    layout: `interactions (SParC, CoSQL): one item per turn, its SQL \`${INTERACTION_COLUMN}[].query\``,
    notes: [`read as interactions (SParC, CoSQL): one item per turn, its SQL \`${INTERACTION_COLUMN}[].query\``],
    batches: () => checked(path, interactionBatches(table, dbField), maxLength),
  };
}

/** Training records (chat, ShareGPT, Alpaca): one item per record, its answer's SQL. */
function sftDataset(
  name: string,
  path: string,
  format: DatasetFormat,
  table: TableSource,
  shape: SftShape,
  dbField: string | undefined,
  maxLength: number,
): Dataset {
  const several = table.sample.filter((row) => answerOf(shape, row as Record<string, unknown>).answers > 1).length;
  // How the file was read is said, not only done: the reading is chosen from the records' keys.
  const notes = [
    `read as ${describeShape(shape)}`,
    ...(several > 0
      ? [
          `${several} of the first ${plural(table.sample.length, 'record')} hold several answers: the last answer of each record is read`,
        ]
      : []),
  ];
  return {
    name,
    path,
    format,
    field: shape.column,
    layout: describeShape(shape),
    notes,
    batches: () => checked(path, sftBatches(table, shape, dbField), maxLength),
  };
}

async function* sftBatches(table: TableSource, shape: SftShape, dbField: string | undefined): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const rows of table.batches()) {
    yield rows.map((row) => {
      const fields = row.value as Record<string, unknown>;
      const { text } = answerOf(shape, fields);
      return { i: i++, sql: text === null ? null : sqlOfAnswer(text), dbId: dbIdOf(fields, dbField), where: row.where, fields };
    });
  }
}

async function* rowBatches(
  table: TableSource,
  field: string | undefined,
  dbField: string | undefined,
  weight?: { path: string; field: string } | '',
): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const rows of table.batches()) {
    yield rows.map((row) => {
      const fields = row.value as Record<string, unknown>;
      const raw = field === undefined ? null : fields[field];
      const sql = raw === null || raw === undefined ? null : String(raw);
      const dbId = dbIdOf(fields, dbField);
      if (!weight) return { i: i++, sql, dbId, where: row.where, fields };
      return {
        i: i++,
        sql,
        dbId,
        where: row.where,
        fields,
        weight: weightOf(fields[weight.field], weight.field, weight.path, row.where),
      };
    });
  }
}

async function* bareBatches(table: TableSource): AsyncIterable<QueryRecord[]> {
  let i = 0;
  for await (const rows of table.batches()) yield rows.map((row) => ({ i: i++, sql: String(row.value), where: row.where }));
}

async function* stringBatches(values: readonly string[], keys?: readonly string[]): AsyncIterable<QueryRecord[]> {
  for (let from = 0; from < values.length; from += BATCH_SIZE) {
    const batch: QueryRecord[] = [];
    for (let i = from; i < Math.min(values.length, from + BATCH_SIZE); i++) {
      const value = values[i] as string;
      const where = keys ? `key '${keys[i]}'` : `item ${i}`;
      const cut = value.indexOf(BIRD_SEPARATOR);
      if (cut >= 0) {
        batch.push({ i, sql: value.slice(0, cut).trim(), dbId: value.slice(cut + BIRD_SEPARATOR.length).trim(), where });
      } else {
        batch.push({ i, sql: value, where, fields: keys ? { id: keys[i] } : undefined });
      }
    }
    yield batch;
  }
}

/** Refuses oversized queries and empty datasets, with the file and item named. */
async function* checked(
  path: string,
  batches: AsyncIterable<readonly QueryRecord[]>,
  maxLength: number,
): AsyncIterable<readonly QueryRecord[]> {
  let count = 0;
  for await (const batch of batches) {
    for (const record of batch) {
      if (record.sql !== null && record.sql.length > maxLength) {
        const mb = (record.sql.length / 1e6).toFixed(1);
        throw new DataError(
          path,
          `query of ${mb} MB is over the ${(maxLength / 1e6).toFixed(1)} MB limit (\`maxQueryLength\`)`,
          record.where,
          ['maxQueryLength'],
        );
      }
    }
    count += batch.length;
    if (batch.length > 0) yield batch;
  }
  if (count === 0) throw new DataError(path, 'the dataset holds no queries');
}

async function checkReadable(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DataError(path, 'is a directory, not a dataset file');
  } catch (err) {
    if (err instanceof DataError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(path, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(err)})`);
  }
}

/**
 * By content first (Parquet magic, binary bytes), then by extension, then by a look at the text.
 * A gzip or bzip2 file is looked at decompressed, and by the extension before `.gz` or `.bz2`.
 */
async function detectFormat(path: string): Promise<DatasetFormat | 'sql'> {
  const bytes = await readHead(path);
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  if (bytes.includes(0))
    throw new DataError(path, 'is a binary file, not a dataset (JSON, JSONL, CSV, TSV, Parquet or SQL text)');
  const ext = extname(path.replace(/\.(gz|bz2)$/i, '')).toLowerCase();
  const byExtension = EXTENSIONS[ext];
  if (byExtension) return byExtension;
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[') || (text.startsWith('{') && !/}\s*\n\s*{/.test(text))) return 'json';
  if (text.startsWith('{')) return 'jsonl';
  if (/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE|CREATE)\b/i.test(text)) return 'sql';
  throw new DataError(
    path,
    `unknown dataset format '${ext || '(no extension)'}' (use .json, .jsonl, .csv, .tsv, .parquet, .sql or .txt)`,
  );
}
