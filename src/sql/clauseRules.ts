/**
 * Names in clauses whose parse trees keep them as plain words, as data: each rule is a phrase, the
 * dialects it belongs to (applied only there; every rule in the generic dialect, where dropping a
 * name is the safe side), the conditions on its statement, and which words after it are names.
 * Adding a rule is adding a row (and its fixture row in test/fixtures/templates/clause-rules.jsonl).
 */
import type { Token } from './parser.js';

/** The tokens of a statement and the marks of the names to drop, with the ways a clause marks them. */
export class NameMarks {
  /** Each token's text upper-cased, once (the rules ask for words many times over). */
  private readonly words: readonly string[];

  constructor(
    readonly tokens: readonly Token[],
    readonly drop: Uint8Array,
  ) {
    this.words = tokens.map((t) => t.text.toUpperCase());
  }

  word(k: number): string {
    return this.words[k] ?? '';
  }

  type(k: number): string {
    return this.tokens[k]?.type ?? '';
  }

  isName(k: number): boolean {
    const t = this.tokens[k];
    return (
      (t?.type === 'QUOTED_IDENTIFIER' || (t?.type === 'VAR' && !CLAUSE_KEYWORDS.has(this.word(k)))) &&
      this.tokens[k + 1]?.type !== 'L_PAREN'
    );
  }

  dropName(k: number): void {
    if (this.isName(k)) this.drop[k] = 1;
  }

  /** A plain name only (the tokenizer's VAR), even before `(`. */
  dropVar(k: number): void {
    if (this.tokens[k]?.type === 'VAR') this.drop[k] = 1;
  }

  /** A dotted or comma-separated run of names from k; returns the index after it. */
  dropRun(k: number, separators: readonly string[]): number {
    const { tokens } = this;
    let j = k;
    // After a dot any word is a part of the qualified name (`db.schema.p`), keywords included.
    while (this.isName(j) || (tokens[j - 1]?.type === 'DOT' && j > k && /^[A-Za-z_]/.test(tokens[j]?.text ?? ''))) {
      this.drop[j] = 1;
      if (separators.includes(tokens[j + 1]?.type ?? '')) j += 2;
      else return j + 1;
    }
    return j;
  }

  /** A routine's qualified name from k, its last part followed by `(` or not. */
  dropRoutineName(k: number): void {
    for (let j = k; j < this.tokens.length; j += 2) {
      const type = this.tokens[j]?.type;
      if (type !== 'VAR' && type !== 'QUOTED_IDENTIFIER') return;
      this.drop[j] = 1;
      if (this.tokens[j + 1]?.type !== 'DOT') return;
    }
  }

  /** Every name inside the parentheses that open at k; with `anyWord`, every word, keywords included (a call's name aside). */
  dropInParens(k: number, anyWord = false): void {
    const { tokens } = this;
    if (tokens[k]?.type !== 'L_PAREN') return;
    for (let j = k + 1, depth = 1; j < tokens.length && depth > 0; j++) {
      if (tokens[j]?.type === 'L_PAREN') depth++;
      else if (tokens[j]?.type === 'R_PAREN') depth--;
      else if (!anyWord) this.dropName(j);
      else if (/^[A-Za-z_"`[]/.test(tokens[j]?.text ?? '') && tokens[j + 1]?.type !== 'L_PAREN') this.drop[j] = 1;
    }
  }
}

/** Words tokenizers read as names that are keywords where a clause's name could stand. */
const CLAUSE_KEYWORDS = new Set(['CONCURRENTLY', 'NONE', 'ALL', 'IF']);

/** Parser dialects by family, as the rules name them. */
const POSTGRES_FAMILY = ['postgresql', 'redshift', 'materialize', 'risingwave', 'cockroachdb'];
const MYSQL_FAMILY = ['mysql', 'doris', 'starrocks', 'singlestore', 'tidb'];
const SPARK_FAMILY = ['spark', 'databricks', 'hive'];

/** What the statement is: its first word, and whether it defines something (CREATE, ALTER, DECLARE). */
export interface StatementFacts {
  readonly first: string;
  readonly ddl: boolean;
  /** Whether some token of the statement is this word (asked of a few rules only). */
  readonly has: (word: string) => boolean;
}

export interface ClauseRule {
  /** The clause, for messages and fixtures: e.g. `ON CLUSTER c`. */
  readonly clause: string;
  /** Parser dialect names it applies in; 'all' for standard SQL. The generic dialect applies every rule. */
  readonly dialects: readonly string[] | 'all';
  /**
   * The words it starts with, from the token where it matches: alternatives split by `|`, `(` for an
   * opening parenthesis, `=` for an equals sign, `*` for any token.
   */
  readonly phrase: readonly string[];
  /** The word before the phrase must be one of these, or must not be. */
  readonly after?: readonly string[];
  readonly notAfter?: readonly string[];
  /** The statement's first word must be one of these; or the statement must define something. */
  readonly statement?: readonly string[];
  readonly ddl?: boolean;
  /** Which words after the phrase (at `end`, the index after it) are names; `i` is where the phrase starts. */
  readonly names: (m: NameMarks, end: number, i: number, statement: StatementFacts) => void;
}

const name = (m: NameMarks, end: number) => m.dropName(end);
const run = (separator: 'COMMA' | 'DOT') => (m: NameMarks, end: number) => {
  m.dropRun(end, [separator]);
};

/** Words that start a time-travel clause after `FOR SYSTEM_TIME` (elsewhere SYSTEM_TIME may be a variable's name). */
const TIME_TRAVEL_STARTS = ['AS', 'FROM', 'BETWEEN', 'CONTAINED', 'ALL'];
/** Words that end a `FOR SYSTEM_TIME …` clause. */
const TIME_TRAVEL_ENDS = new Set(
  'WHERE GROUP ORDER HAVING LIMIT UNION INTERSECT EXCEPT JOIN ON WINDOW LEFT RIGHT INNER CROSS FULL OUTER TABLESAMPLE'.split(' '),
);
/** Words of DDL after which a parenthesised list holds column names: `PRIMARY KEY (a)`, `UNIQUE NONCLUSTERED (a)`, `INCLUDE (a)`. */
export const KEY_LISTS = ['KEY', 'UNIQUE', 'CLUSTERED', 'NONCLUSTERED', 'INCLUDE', 'EXCLUDE'];
/** Statements that name the routine they define: `CREATE FUNCTION db.f(x INT)` keeps no `F`. */
export const DEFINING = ['CREATE', 'ALTER', 'DROP', 'REPLACE'];

/** The rules, in the order they are tried at each token: the first that matches there applies. */
export const CLAUSE_RULES: readonly ClauseRule[] = [
  { clause: 'CONSTRAINT c', dialects: 'all', phrase: ['CONSTRAINT'], notAfter: ['INCLUDING', 'EXCLUDING'], names: name },
  { clause: 'CONNECT_BY_ROOT x', dialects: ['oracle', 'snowflake'], phrase: ['CONNECT_BY_ROOT'], names: name },
  { clause: 'MODIFY TTL d', dialects: ['clickhouse'], phrase: ['TTL'], names: name },
  {
    clause: 'KEY k VALUE v',
    dialects: 'all',
    phrase: ['KEY', '*', 'VALUE'],
    names: (m, _end, i) => m.dropName(i + 1),
  },
  { clause: 'COLLATE schema.c', dialects: 'all', phrase: ['COLLATE', '*', '.'], names: (m, _end, i) => m.dropName(i + 1) },
  { clause: 'FILE_FORMAT = db.f', dialects: ['snowflake'], phrase: ['FILE_FORMAT', '='], names: run('DOT') },
  {
    clause: 'AUTHORIZATION [ROLE|USER] u',
    dialects: 'all',
    phrase: ['AUTHORIZATION'],
    names: (m, end) => m.dropName(['ROLE', 'USER'].includes(m.word(end)) ? end + 1 : end),
  },
  {
    clause: 'ROW ACCESS POLICY p ON (c)',
    dialects: ['snowflake'],
    phrase: ['POLICY'],
    names: (m, end) => {
      const after = m.dropRun(end, ['DOT']);
      if (m.word(after) === 'ON') m.dropInParens(after + 1);
    },
  },
  {
    clause: "SET TAG a = 'x', b.c = 'y' | UNSET TAG a, b",
    dialects: ['snowflake'],
    phrase: ['TAG'],
    after: ['SET', 'UNSET'],
    names: (m, end) => {
      for (let j = end; m.isName(j); ) {
        m.drop[j] = 1;
        const next = m.type(j + 1);
        if (next === 'DOT' || next === 'COMMA') j += 2;
        else if (next === 'EQ' && m.type(j + 3) === 'COMMA') j += 4;
        else break;
      }
    },
  },
  {
    clause: 'ON CLUSTER c',
    dialects: ['clickhouse'],
    phrase: ['CLUSTER'],
    after: ['ON'],
    // A cluster's name, keyword or not.
    names: (m, end) => {
      if (/^[A-Za-z_]/.test(m.tokens[end]?.text ?? '')) m.drop[end] = 1;
    },
  },
  { clause: 'UPDATE HISTOGRAM ON a, b', dialects: MYSQL_FAMILY, phrase: ['HISTOGRAM', 'ON'], names: run('COMMA') },
  { clause: 'COMPUTE STATISTICS FOR COLUMNS a, b', dialects: SPARK_FAMILY, phrase: ['FOR', 'COLUMNS'], names: run('COMMA') },
  {
    clause: 'CYCLE a SET is_cycle USING path',
    dialects: 'all',
    phrase: ['CYCLE'],
    after: [')'],
    // The path column's name, keyword or not.
    names: (m, end) => {
      const using = m.tokens.findIndex((t, k) => k >= end && t.text.toUpperCase() === 'USING');
      if (using > 0) m.dropName(using + 1);
    },
  },
  {
    clause: 'CREATE FUNCTION|PROCEDURE [IF [NOT] EXISTS] db.f',
    dialects: 'all',
    phrase: ['FUNCTION|PROCEDURE'],
    statement: DEFINING,
    notAfter: ['EXECUTE'],
    names: (m, end) => m.dropRoutineName(m.word(end) === 'IF' ? end + 2 + Number(m.word(end + 1) === 'NOT') : end),
  },
  {
    clause: 'ANALYZE t (c)',
    dialects: POSTGRES_FAMILY,
    phrase: ['('],
    statement: ['ANALYZE'],
    names: (m, _end, i) => m.dropInParens(i),
  },
  {
    clause: 'GRANT|REVOKE SELECT (c) ON t',
    dialects: 'all',
    phrase: ['*', '('],
    statement: ['GRANT', 'REVOKE'],
    names: (m, end, i) => {
      if (m.word(end) !== 'SELECT') m.dropInParens(i + 1);
    },
  },
  {
    clause: 'FOR SYSTEM_TIME AS OF|FROM c TO d|BETWEEN …',
    dialects: ['tsql', 'fabric', 'bigquery', ...MYSQL_FAMILY],
    phrase: ['SYSTEM_TIME'],
    names: timeTravel,
  },
  {
    clause: 'FOR SYSTEM TIME …',
    dialects: ['tsql', 'fabric', 'bigquery', ...MYSQL_FAMILY],
    phrase: ['SYSTEM', 'TIME'],
    names: timeTravel,
  },
  {
    clause: 'PRIMARY KEY|UNIQUE|INCLUDE … (a, b)',
    dialects: 'all',
    phrase: [KEY_LISTS.join('|'), '('],
    ddl: true,
    names: (m, end) => m.dropInParens(end - 1),
  },
  {
    clause: 'USING method (a) | CREATE VIRTUAL TABLE t USING module(a)',
    dialects: 'all',
    phrase: ['USING', '*', '('],
    notAfter: ['TABLE'],
    ddl: true,
    names: (m, end, i) => {
      if (m.word(1) !== 'VIRTUAL') return m.dropInParens(end - 1);
      // SQLite's `CREATE VIRTUAL TABLE t USING fts5(title, body)`: the module's name, and its
      // arguments, columns whatever word they are (`body`, `content` are keywords elsewhere).
      m.drop[i + 1] = 1;
      m.dropInParens(end - 1, true);
    },
  },
  {
    clause: 'INDEX i [UNIQUE …] (a)',
    dialects: 'all',
    phrase: ['INDEX'],
    notAfter: ['ON'],
    ddl: true,
    names: (m, end) => {
      if (!m.isName(end)) return;
      m.dropName(end);
      let j = end + 1;
      while (KEY_LISTS.includes(m.word(j)) && m.type(j + 1) !== 'L_PAREN') j++;
      m.dropInParens(j);
    },
  },
  {
    clause: 'DECLARE c CURSOR FOR SELECT …',
    dialects: 'all',
    phrase: ['CURSOR', 'FOR'],
    names: (m, end) => {
      for (let j = end; j < m.tokens.length; j++) if (m.type(j) === 'VAR') m.dropName(j);
    },
  },
  { clause: 'CREATE STAGE s', dialects: ['snowflake'], phrase: ['STAGE'], statement: ['CREATE'], names: name },
  { clause: 'USE SECONDARY ROLES a, b', dialects: ['snowflake'], phrase: ['ROLES'], after: ['SECONDARY'], names: run('COMMA') },
  {
    clause: 'UNPIVOT … INTO NAME n VALUE v',
    dialects: ['duckdb'],
    phrase: ['INTO', 'NAME'],
    names: (m, end, _i, statement) => {
      if (!statement.has('UNPIVOT')) return;
      m.dropName(end);
      if (m.word(end + 1) === 'VALUE') m.dropRun(end + 2, ['COMMA']);
    },
  },
];

/** `MODIFY [COLUMN] [IF EXISTS] c`: the index of the column's name after the keyword at `end`. */
function columnAfter(m: NameMarks, end: number): number {
  let j = end;
  if (m.word(j) === 'COLUMN') j++;
  if (m.word(j) === 'IF' && m.word(j + 1) === 'EXISTS') j += 2;
  return j;
}

/**
 * Names in DDL clauses the tree keeps without positions, read in a pass of their own (before the
 * clause rules above, each token able to match one of each table), as data in the same form.
 */
export const DDL_RULES: readonly ClauseRule[] = [
  { clause: 'MODIFY [COLUMN] c', dialects: 'all', phrase: ['MODIFY'], names: (m, end) => m.dropVar(columnAfter(m, end)) },
  {
    clause: 'CHANGE [COLUMN] a b',
    dialects: 'all',
    phrase: ['CHANGE'],
    names: (m, end) => {
      const j = columnAfter(m, end);
      m.dropVar(j);
      m.dropVar(j + 1);
    },
  },
  { clause: 'AFTER c', dialects: 'all', phrase: ['AFTER'], names: (m, end) => m.dropVar(end) },
  {
    clause: 'RENAME INDEX|KEY|COLUMN a TO b',
    dialects: 'all',
    phrase: ['RENAME', 'INDEX|KEY|COLUMN', '*', 'TO'],
    names: (m, _end, i) => {
      m.dropVar(i + 2);
      m.dropVar(i + 4);
    },
  },
  {
    clause: 'SET TABLESPACE t',
    dialects: [...POSTGRES_FAMILY, 'oracle'],
    phrase: ['SET', 'TABLESPACE'],
    names: (m, end) => m.dropVar(end),
  },
  {
    clause: 'SET ACCESS METHOD m',
    dialects: POSTGRES_FAMILY,
    phrase: ['SET', 'ACCESS', 'METHOD'],
    names: (m, end) => m.dropVar(end),
  },
  {
    // T-SQL's filegroup, a name as `ON [PRIMARY]` is (not `ON PRIMARY KEY`).
    clause: 'ON PRIMARY',
    dialects: ['tsql', 'fabric'],
    phrase: ['ON', 'PRIMARY'],
    names: (m, end) => {
      if (m.word(end) !== 'KEY') m.drop[end - 1] = 1;
    },
  },
  {
    clause: 'INTO [TABLE] t (a, b)',
    dialects: 'all',
    phrase: ['INTO'],
    names: (m, end) => dropInsertTarget(m, m.word(end) === 'TABLE' ? end + 1 : end),
  },
  {
    clause: 'FORCE|USE|IGNORE INDEX|KEY (i, …)',
    dialects: MYSQL_FAMILY,
    phrase: ['FORCE|USE|IGNORE', 'INDEX|KEY', '('],
    names: (m, end) => {
      for (let j = end; j < m.tokens.length && m.type(j) !== 'R_PAREN'; j++) m.dropVar(j);
    },
  },
];

const NAME_TYPES = new Set(['VAR', 'QUOTED_IDENTIFIER']);

/**
 * `INTO t (a, b)`: the table before its column list is a name, not a call, where the tree gives it
 * no place (SQLite's and MySQL's `REPLACE INTO t (…)`, an `INSERT` in a trigger's body).
 */
function dropInsertTarget(m: NameMarks, k: number): void {
  let j = k;
  while (NAME_TYPES.has(m.type(j)) && m.type(j + 1) === 'DOT') j += 2;
  if (!NAME_TYPES.has(m.type(j)) || m.type(j + 1) !== 'L_PAREN') return;
  for (let n = k; n <= j; n++) m.drop[n] = 1;
}

/** `FOR SYSTEM_TIME FROM c TO d`: the clause's own words go on; the next clause ends it. */
function timeTravel(m: NameMarks, end: number): void {
  if (!TIME_TRAVEL_STARTS.includes(m.word(end))) return;
  for (let j = end, depth = 0; j < m.tokens.length && !TIME_TRAVEL_ENDS.has(m.word(j)); j++) {
    const type = m.type(j);
    if (type === 'L_PAREN') depth++;
    else if (type === 'R_PAREN' && --depth < 0) break;
    else if ((type === 'COMMA' || type === 'SEMICOLON') && depth === 0) break;
    else m.dropName(j);
  }
}

/** Whether the token at k is the phrase's part `part`. */
function matchesPart(m: NameMarks, k: number, part: string): boolean {
  if (part === '*') return k < m.tokens.length;
  if (part === '(') return m.type(k) === 'L_PAREN';
  if (part === ')') return m.type(k) === 'R_PAREN';
  if (part === '=') return m.type(k) === 'EQ';
  if (part === '.') return m.type(k) === 'DOT';
  return part.split('|').includes(m.word(k));
}

/** Whether `rule` applies at token i of this statement in this dialect; the index after its phrase, or -1. */
function matchAt(rule: ClauseRule, m: NameMarks, i: number, statement: StatementFacts): number {
  for (let k = 0; k < rule.phrase.length; k++) if (!matchesPart(m, i + k, rule.phrase[k] as string)) return -1;
  const before = m.type(i - 1) === 'R_PAREN' ? ')' : m.word(i - 1);
  if (rule.after && !rule.after.includes(before)) return -1;
  if (rule.notAfter?.includes(before)) return -1;
  if (rule.statement && !rule.statement.includes(statement.first)) return -1;
  if (rule.ddl && !statement.ddl) return -1;
  return i + rule.phrase.length;
}

/** The rules of a table that apply in a parser dialect, in order (every one in the generic dialect). */
export function rulesOf(parserDialect: string, table: readonly ClauseRule[] = CLAUSE_RULES): readonly ClauseRule[] {
  return table.filter((r) => r.dialects === 'all' || parserDialect === 'generic' || r.dialects.includes(parserDialect));
}

/**
 * A dialect's rules by the word (or mark) their phrase starts with, each list with the rules that
 * start with any token (`*`) merged in, in table order: only the few rules that can match a token
 * are tried (the if-chains this table replaced asked each token's upper case once; so does this).
 */
const RULES_BY_WORD = new Map<readonly ClauseRule[], Map<string, Map<string, readonly ClauseRule[]>>>();
function rulesByWord(parserDialect: string, table: readonly ClauseRule[]): Map<string, readonly ClauseRule[]> {
  let byDialect = RULES_BY_WORD.get(table);
  if (!byDialect) {
    byDialect = new Map();
    RULES_BY_WORD.set(table, byDialect);
  }
  let index = byDialect.get(parserDialect);
  if (!index) {
    const rules = rulesOf(parserDialect, table);
    const any = rules.filter((r) => r.phrase[0] === '*');
    const keys = new Set(rules.flatMap((r) => (r.phrase[0] === '*' ? [] : (r.phrase[0] as string).split('|'))));
    index = new Map(
      [...keys].map((key) => [key, rules.filter((r) => r.phrase[0] === '*' || (r.phrase[0] as string).split('|').includes(key))]),
    );
    index.set('*', any);
    byDialect.set(parserDialect, index);
  }
  return index;
}

/** The first rule of the index that matches at each token applies; `each` is told of every token first. */
function applyRules(
  m: NameMarks,
  index: Map<string, readonly ClauseRule[]>,
  statement: StatementFacts,
  each: (i: number) => void,
): void {
  for (let i = 0; i < m.tokens.length; i++) {
    each(i);
    for (const rule of index.get(m.word(i)) ?? index.get('*') ?? []) {
      const end = matchAt(rule, m, i, statement);
      if (end < 0) continue;
      rule.names(m, end, i, statement);
      break;
    }
  }
}

/**
 * Marks the names of every rule of the dialect that matches: the DDL rules in a pass of their own,
 * then the clause rules; in each pass the first rule that matches at a token applies.
 */
export function markNamesByRule(tokens: readonly Token[], drop: Uint8Array, parserDialect: string): void {
  const m = new NameMarks(tokens, drop);
  const first = m.word(0);
  const ddl = { first, ddl: first === 'CREATE' || first === 'ALTER', has: () => false };
  applyRules(m, rulesByWord(parserDialect, DDL_RULES), ddl, () => {});
  const words = new Set<string>();
  const statement: StatementFacts = {
    first,
    ddl: first === 'CREATE' || first === 'ALTER' || first === 'DECLARE',
    has: (word) => {
      if (words.size === 0) for (let k = 0; k < tokens.length; k++) words.add(m.word(k));
      return words.has(word);
    },
  };
  // The whole body of a trigger is names and syntax the tree keeps as text: every name in it goes.
  const trigger = first === 'CREATE' && tokens.slice(1, 5).some((t) => t.text.toUpperCase() === 'TRIGGER');
  applyRules(m, rulesByWord(parserDialect, CLAUSE_RULES), statement, (i) => {
    if (trigger && tokens[i]?.type === 'VAR') m.dropName(i);
  });
}
