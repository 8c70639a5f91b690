/**
 * SQL dialects as data: the names users type, the parser's name for each, and the
 * lexical facts (quotes, escapes, comments) that the lexer (lexer.ts) reads them by.
 */
import { type Lexical, STANDARD_LEXICAL } from './lexer.js';

export interface DialectInfo extends Lexical {
  /** The name the parser (@polyglot-sql/sdk) knows the dialect by. */
  readonly parserName: string;
  /**
   * A type name that is neither a built-in type (keywords.ts) nor a keyword is a type the user
   * created (`CREATE TYPE mood AS ENUM …`, `CREATE DOMAIN`), a name of the schema: PostgreSQL and its kin.
   */
  readonly userTypes: boolean;
}

const DEFAULTS: DialectInfo = { parserName: 'generic', userTypes: false, ...STANDARD_LEXICAL };

/** MySQL and its kin: backslash escapes, "..." strings, # comments. */
const MYSQL_LIKE: Partial<DialectInfo> = { backslashEscapes: true, doubleQuotedStrings: true, hashComments: true };
/** Hive, Spark, Databricks: backslash escapes and "..." strings. */
const HIVE_LIKE: Partial<DialectInfo> = { backslashEscapes: true, doubleQuotedStrings: true };
/** PostgreSQL and its kin: $$ strings, nested block comments, types of the user's own. */
const POSTGRES_LIKE: Partial<DialectInfo> = { dollarQuotes: true, nestedComments: true, userTypes: true };

/** Every dialect the parser supports; aliases users commonly type map onto them. */
const DIALECTS: Record<string, Partial<DialectInfo>> = {
  generic: {},
  sqlite: { parserName: 'sqlite', bracketIdentifiers: true },
  postgres: { parserName: 'postgresql', ...POSTGRES_LIKE },
  postgresql: { parserName: 'postgresql', ...POSTGRES_LIKE },
  mysql: { parserName: 'mysql', ...MYSQL_LIKE },
  mariadb: { parserName: 'mysql', ...MYSQL_LIKE },
  bigquery: { parserName: 'bigquery', ...MYSQL_LIKE },
  snowflake: { parserName: 'snowflake', backslashEscapes: true, dollarQuotes: true, stagePaths: true },
  duckdb: { parserName: 'duckdb', dollarQuotes: true },
  tsql: { parserName: 'tsql', bracketIdentifiers: true },
  mssql: { parserName: 'tsql', bracketIdentifiers: true },
  oracle: { parserName: 'oracle' },
  hive: { parserName: 'hive', ...HIVE_LIKE },
  spark: { parserName: 'spark', ...HIVE_LIKE },
  databricks: { parserName: 'databricks', ...HIVE_LIKE },
  trino: { parserName: 'trino' },
  presto: { parserName: 'presto' },
  athena: { parserName: 'athena' },
  // Redshift has no types of the user's own.
  redshift: { parserName: 'redshift', ...POSTGRES_LIKE, userTypes: false },
  clickhouse: { parserName: 'clickhouse', backslashEscapes: true, hashComments: true },
  teradata: { parserName: 'teradata' },
  doris: { parserName: 'doris', ...MYSQL_LIKE },
  starrocks: { parserName: 'starrocks', ...MYSQL_LIKE },
  materialize: { parserName: 'materialize', ...POSTGRES_LIKE },
  risingwave: { parserName: 'risingwave', ...POSTGRES_LIKE },
  singlestore: { parserName: 'singlestore', ...MYSQL_LIKE },
  cockroachdb: { parserName: 'cockroachdb', ...POSTGRES_LIKE },
  tidb: { parserName: 'tidb', ...MYSQL_LIKE },
  druid: { parserName: 'druid' },
  exasol: { parserName: 'exasol' },
  datafusion: { parserName: 'datafusion' },
  dremio: { parserName: 'dremio' },
  drill: { parserName: 'drill' },
  fabric: { parserName: 'fabric', bracketIdentifiers: true },
};

export const DIALECT_NAMES: readonly string[] = Object.keys(DIALECTS);

export class UnknownDialectError extends Error {
  constructor(name: string) {
    super(`unknown dialect '${name}' (known: ${DIALECT_NAMES.join(', ')})`);
  }
}

export function dialectInfo(name: string): DialectInfo {
  const entry = DIALECTS[name.toLowerCase()];
  if (!entry) throw new UnknownDialectError(name);
  return { ...DEFAULTS, ...entry };
}

/** Whether queries written in `from` must be transpiled to be compared in `to`: the parser reads them otherwise. */
export const needsTranspiling = (from: string, to: string): boolean =>
  dialectInfo(from).parserName !== dialectInfo(to).parserName;

/** The dialect queries are transpiled from to be compared in `to`: `from`, or undefined where none is given or needed. */
export const transpiledFrom = (from: string | undefined, to: string): string | undefined =>
  from !== undefined && needsTranspiling(from, to) ? from : undefined;

/**
 * How well each dialect's templates agree with the reference (sqlglot) on sqlglot's own dialect
 * tests, where both sides parse (measured 2026-12-01, template rules 2026-12-01.10;
 * docs/reference-agreement.md). SQLite, MySQL and PostgreSQL text-to-SQL data (Spider, BIRD)
 * agree 100%; these figures are for DDL and dialect corners. Shown in `templates --help`.
 */
export const MEASURED_AGREEMENT: Readonly<Record<string, number>> = {
  bigquery: 96.1,
  clickhouse: 94.5,
  duckdb: 95.0,
  mysql: 93.6,
  oracle: 82.7,
  postgres: 94.9,
  redshift: 97.5,
  snowflake: 95.3,
  spark: 92.7,
  sqlite: 94.6,
  trino: 98.2,
  tsql: 99.2,
};
