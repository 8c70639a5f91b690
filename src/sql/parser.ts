/**
 * The parser boundary: the only module that talks to @polyglot-sql/sdk. It returns
 * plain data (tokens and identifier spans) so the rest of the code never sees the
 * parser's own types.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longestSetChain } from './setChain.js';

/** The SDK's manual entry: its functions, with an init that takes the compiled module. */
type Sdk = typeof import('@polyglot-sql/sdk') & { init(options: { wasmUrl: CompiledParser }): Promise<void> };

/** The compiled parser module, opaque here: handed to the SDK and posted to worker threads. */
export type CompiledParser = object;
// Node's WebAssembly global, as far as this module uses it (the project's types leave out the DOM's).
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledParser> };

let sdk: Sdk | undefined;
let loading: Promise<void> | undefined;
let compiling: Promise<CompiledParser> | undefined;

/**
 * The parser's WebAssembly module (22 MB), compiled once per process off the main thread: worker
 * threads are handed the compiled module instead of compiling it again.
 */
export function compiledParser(): Promise<CompiledParser> {
  compiling ??= readFile(fileURLToPath(import.meta.resolve('@polyglot-sql/sdk/polyglot_sql.wasm'))).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiling;
}

/**
 * Loads the parser (compiling its module, about a fifth of a second). Loaded on demand so that a
 * process whose parsing runs in worker threads never pays for it; callers may start it early to
 * overlap it with reading their input.
 */
export function loadParser(): Promise<void> {
  return loadParserFrom(compiledParser());
}

/** Loads the parser from a module compiled already (a worker thread is handed its process's). */
export function loadParserFrom(compiled: CompiledParser | Promise<CompiledParser>): Promise<void> {
  loading ??= Promise.all([import('@polyglot-sql/sdk/manual'), compiled]).then(async ([module, wasm]) => {
    // Its types say a URL; wasm-bindgen's loader under it takes a compiled module as well.
    const manual = module as unknown as Sdk;
    await manual.init({ wasmUrl: wasm });
    sdk = manual;
  });
  return loading;
}

/** Whether anything in this process has asked for the parser (a run served from caches never does). */
export const parserRequested = (): boolean => loading !== undefined || compiling !== undefined;

function parser(): Sdk {
  if (!sdk) throw new Error('the SQL parser is not loaded: await loadParser() first');
  return sdk;
}

export interface Token {
  /** The parser's token type, e.g. SELECT, VAR, STRING, L_PAREN. */
  readonly type: string;
  readonly text: string;
  /** Character offsets into the query text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedQuery {
  readonly tokens: readonly Token[];
  /** [start, end) spans of every identifier leaf of the parse tree. */
  readonly identifierSpans: readonly (readonly [number, number])[];
  /** Names of identifier nodes the tree gives no position (upper-cased): where they stand, they are names all the same. */
  readonly unplacedNames: ReadonlySet<string>;
  /** Of those, the aliases (`ASOF JOIN y OFFSET …`): a keyword among them is a name where it stands alone. */
  readonly unplacedAliases: ReadonlySet<string>;
  /** Words of the data types the parser does not know (upper-cased): built-in types it lacks, or a user's types. */
  readonly customTypes: ReadonlySet<string>;
  /** Sub-trees the parser kept as raw text: inside them the tree places no token. */
  readonly rawTexts: readonly string[];
  /** How many statements the text holds. */
  readonly statements: number;
}

export type TokenizeOutcome = { ok: true; tokens: readonly Token[] } | { ok: false; error: string };

export type ParseOutcome =
  | { ok: true; value: ParsedQuery }
  | { ok: false; error: string; tokens?: readonly Token[]; errorStart?: number };

interface RawToken {
  token_type: string;
  text: string;
  span: { start: number; end: number };
}

/** The parser's tokens of `sql` (comments are not tokens). */
export function tokenizeQuery(sql: string, parserDialect: string): TokenizeOutcome {
  const tokenized = parser().tokenize(sql, parserDialect as never);
  if (!tokenized.success || !tokenized.tokens) return { ok: false, error: tokenized.error ?? 'tokenizer failed' };
  const tokens = (tokenized.tokens as unknown as RawToken[]).map((t) => ({
    type: t.token_type,
    text: t.text,
    start: t.span.start,
    end: t.span.end,
  }));
  return { ok: true, tokens };
}

/**
 * Chains of this many queries or more are checked against the parser's own refusal of one (a
 * probe, once per dialect) instead of being parsed: a parser that refuses a chain refuses every
 * longer one, and a parser version that accepts it is asked as before.
 */
export const SET_CHAIN_PROBE = 1024;
const refusesChain = new Map<string, boolean>();

function refusesLongChains(parserDialect: string): boolean {
  let refuses = refusesChain.get(parserDialect);
  if (refuses === undefined) {
    const probe = Array.from({ length: SET_CHAIN_PROBE }, () => 'SELECT 1').join(' UNION ');
    refuses = !(parser().parse(probe, parserDialect as never) as { success: boolean }).success;
    refusesChain.set(parserDialect, refuses);
  }
  return refuses;
}

/** The error of a chain of `chain` queries, if the parser refuses chains that long; else null. */
export function setChainError(chain: number, parserDialect: string): string | null {
  if (chain < SET_CHAIN_PROBE || !refusesLongChains(parserDialect)) return null;
  return `nested too deeply for the parser: ${chain} queries chained by UNION/INTERSECT/EXCEPT (it stops at about 500)`;
}

/** Parses `sql` (whose tokens are given); identifiers are the tree's Identifier nodes (name, quoted, span). */
export function parseTokenized(sql: string, tokens: readonly Token[], parserDialect: string): ParseOutcome {
  // Such a chain has at least one token per query: shorter token lists need no count.
  const error = tokens.length >= SET_CHAIN_PROBE ? setChainError(longestSetChain(tokens), parserDialect) : null;
  if (error !== null) return { ok: false, error, tokens };
  const parsed = parser().parse(sql, parserDialect as never) as {
    success: boolean;
    ast?: unknown;
    error?: string;
    errorStart?: number;
  };
  if (!parsed.success || !parsed.ast) {
    return { ok: false, error: parsed.error ?? 'parser failed', tokens, errorStart: parsed.errorStart };
  }
  const statements = (parsed.ast as unknown[]).length;
  // A blank item (an empty line of a prediction file, a model that answered nothing) says so.
  if (statements === 0) return { ok: false, error: sql.trim() === '' ? 'empty query' : 'not a parseable statement' };
  for (const statement of parsed.ast as unknown[]) {
    const why = notAStatement(statement);
    if (why) return { ok: false, error: why };
  }
  const found: TreeNames = { spans: [], unplaced: new Set(), customTypes: new Set(), aliases: new Set(), raw: [] };
  collectNames(parsed.ast, found);
  return {
    ok: true,
    value: {
      tokens,
      identifierSpans: found.spans,
      unplacedNames: found.unplaced,
      unplacedAliases: found.aliases,
      customTypes: found.customTypes,
      rawTexts: found.raw,
      statements,
    },
  };
}

/**
 * docs/spec.md §1: text the parser can read only as a bare expression (`0`, `error`, `null`, `N/A`,
 * `count(x)`) or as an opaque command (`Show me all singers`) is not a query. The parser's
 * top-level node says which: statements have kinds of their own, anything else is an expression.
 */
const STATEMENT_KINDS = new Set(
  (
    'select union intersect except subquery values insert update delete merge multitable_inserts truncate copy put ' +
    'pragma describe show use set_statement transaction commit rollback grant revoke analyze attach detach cache ' +
    'uncache comment declare execute export install refresh summarize undrop pivot unpivot raw for_in lock unlock ' +
    'vacuum call with explain kill load_data'
  ).split(' '),
);
const STATEMENT_PREFIXES = ['create_', 'drop_', 'alter_'];

/** What SHOW can show: a SHOW whose object is none of these is prose that happens to begin with "show". */
const SHOW_OBJECTS = new Set(
  (
    'TABLES COLUMNS FIELDS DATABASES SCHEMAS INDEX INDEXES KEYS VIEWS FUNCTIONS PROCEDURES PROCESSLIST GRANTS STATUS ' +
    'VARIABLES ENGINE ENGINES PROFILE PROFILES WAREHOUSES USERS STAGES SEQUENCES OBJECTS FORMATS TRIGGERS EVENTS ' +
    'WARNINGS ERRORS COLLATION CHARSET PLUGINS PRIVILEGES ROLES PARTITIONS CATALOGS STATS SESSIONS TASKS PIPES STREAMS ' +
    'SHARES INTEGRATIONS IO FAULTS TABLE VIEW DATABASE SCHEMA FUNCTION PROCEDURE TRIGGER EVENT USER ROLE TYPES ' +
    'SETTINGS SETTING CLUSTERS CLUSTER DICTIONARIES VOLUMES CONNECTIONS TRANSACTIONS LOCKS QUERIES JOBS ALL STORAGE'
  ).split(' '),
);

function notAStatement(statement: unknown): string | null {
  if (statement === null || typeof statement !== 'object') return 'not a statement (a bare expression)';
  const kind = Object.keys(statement)[0] ?? '';
  if (kind === 'command') return 'not a parseable statement';
  if (kind === 'show') {
    const target = String((statement as { show: { this?: unknown } }).show.this ?? '');
    const last =
      target
        .split(/[\s,]+/)
        .filter(Boolean)
        .pop() ?? '';
    return SHOW_OBJECTS.has(last.toUpperCase()) ? null : 'not a parseable statement';
  }
  if (STATEMENT_KINDS.has(kind) || STATEMENT_PREFIXES.some((p) => kind.startsWith(p))) return null;
  return 'not a statement (a bare expression)';
}

/** Tokenizes and parses `sql`. */
export function parseQuery(sql: string, parserDialect: string): ParseOutcome {
  const tokenized = tokenizeQuery(sql, parserDialect);
  return tokenized.ok ? parseTokenized(sql, tokenized.tokens, parserDialect) : tokenized;
}

interface TreeNames {
  readonly spans: [number, number][];
  readonly unplaced: Set<string>;
  readonly customTypes: Set<string>;
  readonly aliases: Set<string>;
  readonly raw: string[];
}

/** A custom type's text that is a (qualified) name, not a type with arguments (`Nullable(Int64)`). */
const TYPE_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Keys under which the tree holds an alias: a table's, or Redshift's `AT index` (a position's). */
const ALIAS_KEYS = new Set(['alias', 'at_index']);

/**
 * Identifier nodes are the objects with a string `name` and (usually) `quoted`; most have a
 * `span`, the others are names without a position. `raw` nodes hold text the parser did not read.
 */
function collectNames(node: unknown, out: TreeNames, inAlias = false): void {
  if (Array.isArray(node)) {
    for (const child of node) collectNames(child, out, inAlias);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const span = record.span as { start: number; end: number } | undefined;
  if (typeof record.name === 'string' && 'quoted' in record) {
    if (span) out.spans.push([span.start, span.end]);
    // The parser files some clauses as one name (`INDEXED BY s.i`): each word of it counts.
    else for (const word of record.name.split(/[\s.]+/)) if (word) out.unplaced.add(word.toUpperCase());
    if (!span && inAlias) out.aliases.add(record.name.toUpperCase());
  }
  // A type the parser does not know (`SET DATA TYPE mood`, `c mood`): its text, without a position.
  if (record.data_type === 'custom' && typeof record.name === 'string' && TYPE_NAME.test(record.name)) {
    for (const word of record.name.split('.')) out.customTypes.add(word.toUpperCase());
  }
  // Aliases the parser keeps as plain strings (`LATERAL FLATTEN(...) f`, column alias lists).
  for (const aliasKey of ['alias', 'column_aliases']) {
    const value = record[aliasKey];
    for (const alias of Array.isArray(value) ? value : [value]) {
      if (typeof alias !== 'string' || alias === '') continue;
      out.unplaced.add(alias.toUpperCase());
      out.aliases.add(alias.toUpperCase());
    }
  }
  const raw = record.raw as { sql?: unknown } | undefined;
  if (raw && typeof raw === 'object' && typeof raw.sql === 'string') out.raw.push(raw.sql);
  for (const childKey in record) {
    if (childKey === 'span' || childKey === 'trailing_comments' || childKey === 'comments') continue;
    const child = record[childKey];
    if (child !== null && typeof child === 'object') collectNames(child, out, inAlias || ALIAS_KEYS.has(childKey));
  }
}

let parserVersionCache: string | undefined;

/** The parser's own version (from its package.json): a new parser may template differently. */
export function parserVersion(): string {
  if (parserVersionCache === undefined) {
    try {
      const entry = fileURLToPath(import.meta.resolve('@polyglot-sql/sdk'));
      let dir = dirname(entry);
      for (let k = 0; k < 4 && parserVersionCache === undefined; k++, dir = dirname(dir)) {
        try {
          const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
          if (pkg.name === '@polyglot-sql/sdk') parserVersionCache = pkg.version ?? 'unknown';
        } catch {}
      }
    } catch {}
    parserVersionCache ??= 'unknown';
  }
  return parserVersionCache;
}

export type TranspileOutcome = { ok: true; sql: string } | { ok: false; error: string };

/** One statement written in `fromDialect` rewritten for `toDialect` (parser dialect names), by the parser's transpiler. */
export function transpileStatement(sql: string, fromDialect: string, toDialect: string): TranspileOutcome {
  let result: { success: boolean; sql?: string[]; error?: string };
  try {
    result = parser().transpile(sql, fromDialect as never, toDialect as never);
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  if (!result.success || !result.sql) return { ok: false, error: result.error ?? 'the transpiler failed' };
  if (result.sql.length !== 1) return { ok: false, error: `${result.sql.length} statements, not one` };
  return { ok: true, sql: result.sql[0] as string };
}
