import type { TemplateCountsFile } from './counts.js';

/** One query of a dataset, with what else the source said about it. */
export interface QueryRecord {
  /** 0-based position in the dataset. */
  readonly i: number;
  /** The SQL text, or null where the source has none for this item (counted as unparseable). */
  readonly sql: string | null;
  readonly dbId?: string;
  /** Where the item sits in its file, for messages: "line 12" or "item 3". */
  readonly where: string;
  /** How many times the item counts (its field named by `weight`, or `calls`); absent: once. */
  readonly weight?: number;
  /** Every other column or key of the item (question, evidence, difficulty, ...), kept for later stages. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** The formats a dataset file can have. */
export type DatasetFormat =
  | 'json'
  | 'jsonl'
  | 'csv'
  | 'tsv'
  | 'parquet'
  | 'sql-lines'
  | 'sql-statements'
  /** A folder of SQL files, one item per file (Spider 2.0's gold and submission folders). */
  | 'sql-files'
  | 'bird-predictions'
  | 'template-counts'
  /** A built-in set's masked queries, templated again (datasets/builtin.ts). */
  | 'builtin'
  /** Server logs, told by their content (datasets/logs/format.ts). */
  | 'postgres-stderr'
  | 'postgres-csvlog'
  | 'postgres-jsonlog'
  | 'mysql-general'
  | 'mysql-slow';

export interface Dataset {
  /** The label the user gave, or the argument as written. */
  readonly name: string;
  readonly path: string;
  readonly format: DatasetFormat;
  /** The column or key the SQL came from (undefined for line and statement files). */
  readonly field?: string;
  /** The field each item's weight is read from (absent: every item counts once). */
  readonly weightField?: string;
  /** How a SQL text file was read, and why (e.g. "one item per line (1034 of 1034 lines begin a statement)"). */
  readonly layout?: string;
  /** What a user should know about how the file was read (a layout that could have gone the other way, values read as empty). */
  readonly notes?: readonly string[];
  /** The records in file order, in batches (a few thousand at a time); may be iterated more than once. */
  batches(): AsyncIterable<readonly QueryRecord[]>;
  /** A built-in public set's title, licence and citation, which every report naming it gives. */
  readonly credit?: string;
  /** A counts file (`sqlalign count`): the templates already counted, and no records. */
  readonly counts?: TemplateCountsFile;
}
