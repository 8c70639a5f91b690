/**
 * SQL dialects as data: the names users type, the parser's name for each, and the
 * lexical facts the template cache's query shapes need (see queryShape.ts).
 */
export interface DialectInfo {
  /** The name the parser (@polyglot-sql/sdk) knows the dialect by. */
  readonly parserName: string;
  /** Whether a backslash escapes the next character inside a '...' string. */
  readonly backslashEscapes: boolean;
  /** Whether `[name]` quotes a name (rather than opening an array subscript). */
  readonly bracketIdentifiers: boolean;
}

const DEFAULTS: DialectInfo = { parserName: 'generic', backslashEscapes: false, bracketIdentifiers: false };

/** Every dialect the parser supports; aliases users commonly type map onto them. */
const DIALECTS: Record<string, Partial<DialectInfo>> = {
  generic: {},
  sqlite: { parserName: 'sqlite', bracketIdentifiers: true },
  postgres: { parserName: 'postgresql' },
  postgresql: { parserName: 'postgresql' },
  mysql: { parserName: 'mysql', backslashEscapes: true },
  mariadb: { parserName: 'mysql', backslashEscapes: true },
  bigquery: { parserName: 'bigquery', backslashEscapes: true },
  snowflake: { parserName: 'snowflake', backslashEscapes: true },
  duckdb: { parserName: 'duckdb' },
  tsql: { parserName: 'tsql', bracketIdentifiers: true },
  mssql: { parserName: 'tsql', bracketIdentifiers: true },
  oracle: { parserName: 'oracle' },
  hive: { parserName: 'hive', backslashEscapes: true },
  spark: { parserName: 'spark', backslashEscapes: true },
  databricks: { parserName: 'databricks', backslashEscapes: true },
  trino: { parserName: 'trino' },
  presto: { parserName: 'presto' },
  athena: { parserName: 'athena' },
  redshift: { parserName: 'redshift' },
  clickhouse: { parserName: 'clickhouse', backslashEscapes: true },
  teradata: { parserName: 'teradata' },
  doris: { parserName: 'doris', backslashEscapes: true },
  starrocks: { parserName: 'starrocks', backslashEscapes: true },
  materialize: { parserName: 'materialize' },
  risingwave: { parserName: 'risingwave' },
  singlestore: { parserName: 'singlestore', backslashEscapes: true },
  cockroachdb: { parserName: 'cockroachdb' },
  tidb: { parserName: 'tidb', backslashEscapes: true },
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
