/**
 * What a server runs of untrusted SQL, read by the lexer before anything is sent: one query that
 * begins as a query does, without the few functions and clauses that reach outside the database
 * (server files, other sessions, other servers), which a read-only transaction does not stop.
 * The read-only transaction, the time-out and a role with SELECT rights only come after this.
 */
import { dialectInfo } from '../sql/dialects.js';
import { type Lexical, lex, startsWithWord } from '../sql/lexer.js';

export interface ServerRules {
  readonly lexical: Lexical;
  /** Words a query may begin with (after any opening parentheses). */
  readonly starts: ReadonlySet<string>;
  /** Keywords refused anywhere (MySQL's SELECT … INTO OUTFILE writes a server file). */
  readonly words: ReadonlySet<string>;
  /** Functions refused wherever they are called, quoted or not, with or without a schema. */
  readonly calls: ReadonlySet<string>;
  /** Comments the server runs as SQL (MySQL's `/*! … *\/`, MariaDB's `/*M! … *\/`): refused, since the checks above cannot see into them. */
  readonly executableComments: RegExp | null;
}

export const POSTGRES_RULES: ServerRules = {
  lexical: dialectInfo('postgres'),
  starts: new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']),
  words: new Set(),
  executableComments: null,
  calls: new Set(
    [
      // Server files and directories.
      'pg_read_file',
      'pg_read_binary_file',
      'pg_ls_dir',
      'pg_stat_file',
      'pg_ls_logdir',
      'pg_ls_waldir',
      'pg_ls_tmpdir',
      'lo_import',
      'lo_export',
      // Other sessions and the server itself.
      'pg_terminate_backend',
      'pg_cancel_backend',
      'pg_reload_conf',
      'pg_rotate_logfile',
      'pg_advisory_lock',
      'pg_advisory_lock_shared',
      // Other servers.
      'dblink',
      'dblink_exec',
      'dblink_connect',
    ].map((f) => f.toUpperCase()),
  ),
};

export const MYSQL_RULES: ServerRules = {
  lexical: dialectInfo('mysql'),
  starts: new Set(['SELECT', 'WITH', 'VALUES', 'TABLE']),
  words: new Set(['INTO']),
  calls: new Set(['LOAD_FILE', 'GET_LOCK', 'SYS_EXEC', 'SYS_EVAL']),
  executableComments: /^\/\*M?!/,
};

export function serverRefusal(sql: string, rules: ServerRules): string | null {
  if (!startsWithWord(sql, rules.lexical, rules.starts)) {
    return `refused: only ${[...rules.starts].join(', ')} queries are run`;
  }
  const all = lex(sql, rules.lexical);
  const comments = rules.executableComments;
  if (comments && all.some((t) => t.kind === 'comment' && comments.test(sql.slice(t.start, t.end)))) {
    return 'refused: comments the server would run as SQL (/*! … */) are not run';
  }
  const tokens = all.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t === undefined || (t.kind !== 'word' && t.kind !== 'quoted')) continue;
    const text = sql.slice(t.start, t.end);
    const name = (t.kind === 'quoted' ? text.slice(1, -1) : text).toUpperCase();
    if (t.kind === 'word' && rules.words.has(name)) return `refused: ${name} is not run`;
    const next = tokens[k + 1];
    if (rules.calls.has(name) && next?.kind === 'punct' && sql[next.start] === '(')
      return `refused: ${name.toLowerCase()}() is not run`;
  }
  return null;
}
