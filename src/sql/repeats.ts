/**
 * Long repeats in a query: a piece of SQL written many times over, differing only in literal
 * values (and, where a lexicon is given, in plain names), found by a string scan so that the parser
 * need not read every copy.
 *
 * Generated queries are long by repetition: `WHERE id IN (1, 2, …, 130000)`, `INSERT … VALUES
 * (…), (…), …`, `x = 1 OR x = 2 OR …`, `CASE WHEN code = 1 THEN 'a' WHEN …`. The parser's time and
 * memory grow with their length (a 1 MB `IN` list took about 4 s), while the template only repeats
 * one piece per copy. The engine (engine.ts) therefore parses the query with each repeat cut to a
 * few copies and repeats the piece of template each copy adds, after checking that the template
 * does grow that way; this module finds the repeats and cuts them.
 *
 * A repeat is a run of at least `minCopies` consecutive copies of one piece of tokens, equal token
 * for token except that a literal may stand for any literal of its kind (string or number), and,
 * where the caller gives the shape cache's lexicon, a name for any name that the lexicon calls plain
 * (a quoted name, or a word that is no keyword, function name or word learned to be syntax:
 * queryShape.ts): `SELECT c1, c2, …, c60000`, `a1 = 1 OR a2 = 2 OR …`. A name there is trusted
 * exactly as the shape cache trusts a name it masks: the parser reads only the first copies. The
 * piece must hold a literal or such a name (lists are what a generator writes; a run of `NOT NOT …`
 * or `((((` is left to the parser, whose limits on nesting decide it), its brackets must balance,
 * and it must not hold a set operation (chains of `UNION` are the parser's to refuse, setChain.ts).
 * A comment or anything the scan is unsure of ends a repeat.
 */
import { isWordStart, type Lexical, SqlLexer } from './lexer.js';
import { isMaskableName, type ShapeLexicon } from './queryShape.js';

export interface Repeat {
  /** Offset of the first copy's first character. */
  readonly start: number;
  /** Copies in the run. */
  readonly count: number;
  /** `keptEnds[k - 1]`: where the text is cut to keep the first k copies (k ≤ MAX_KEPT). */
  readonly keptEnds: readonly number[];
  /** Where the run ends: the offset of the token after its last copy, or the text's end. */
  readonly end: number;
}

/** How many copies a cut text may keep: enough for the engine's probes (2, 3 and 4). */
export const MAX_KEPT = 4;

/** Token codes: a literal's kind, a plain name, or an id per distinct token text (words upper-cased). */
const STRING = -1;
const NUMBER = -2;
const NAME = -3;
/** Periods tried: the most frequent distances between two copies of one token. */
const MAX_PERIODS = 8;
const MAX_PERIOD = 4096;
const SET_OPERATIONS = new Set(['UNION', 'INTERSECT', 'EXCEPT', 'MINUS']);

interface Tokens {
  readonly codes: Int32Array;
  readonly starts: Uint32Array;
  readonly count: number;
  /** Per code id: +1 an opening bracket, -1 a closing one, 2 a set operation, 0 anything else. */
  readonly roles: readonly number[];
}

/**
 * The repeats of at least `minCopies` copies in `sql`, not overlapping, in text order: per stretch of
 * text, the one that covers most tokens. None where the scan is unsure of the text (an
 * unterminated string, quoted name or comment). With `names`, plain names may differ between copies.
 */
export function findRepeats(sql: string, lexical: Lexical, minCopies: number, names?: ShapeLexicon): Repeat[] {
  const tokens = codeTokens(sql, lexical, names);
  if (tokens === null) return [];
  const found: { from: number; to: number; period: number }[] = [];
  for (const period of likelyPeriods(tokens, minCopies)) found.push(...periodicRuns(tokens, period, minCopies));
  // Longest coverage first; a run overlapping one already taken is dropped.
  found.sort((a, b) => b.to - b.from - (a.to - a.from) || a.period - b.period);
  const taken: typeof found = [];
  for (const run of found) if (taken.every((t) => run.to <= t.from || run.from >= t.to)) taken.push(run);
  taken.sort((a, b) => a.from - b.from);
  const offset = (k: number) => (k < tokens.count ? (tokens.starts[k] as number) : sql.length);
  return taken.map(({ from, to, period }) => ({
    start: offset(from),
    count: (to - from) / period,
    keptEnds: Array.from({ length: MAX_KEPT }, (_, k) => offset(from + (k + 1) * period)),
    end: offset(to),
  }));
}

/** `sql` with each repeat cut to its first `kept[r]` copies. */
export function cutRepeats(sql: string, repeats: readonly Repeat[], kept: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  repeats.forEach((repeat, r) => {
    parts.push(sql.slice(at, repeat.keptEnds[(kept[r] as number) - 1]));
    at = repeat.end;
  });
  parts.push(sql.slice(at));
  return parts.join('');
}

function codeTokens(sql: string, lexical: Lexical, names: ShapeLexicon | undefined): Tokens | null {
  const lexer = new SqlLexer(sql, lexical);
  const ids = new Map<string, number>();
  const roles: number[] = [];
  let codes = new Int32Array(1024);
  let starts = new Uint32Array(1024);
  let n = 0;
  while (lexer.next()) {
    if (!lexer.closed) return null;
    const { kind, start, end } = lexer;
    if (kind === 'space') continue;
    if (n === codes.length) {
      codes = grown(codes, new Int32Array(n * 2));
      starts = grown(starts, new Uint32Array(n * 2));
    }
    let code: number;
    if (kind === 'string') code = STRING;
    else if (kind === 'number') code = NUMBER;
    else if (names && isName(sql, kind, start, end, names)) code = NAME;
    else {
      // A comment never repeats: its own id each time.
      const text = kind === 'comment' ? `\0${n}` : kind === 'word' ? sql.slice(start, end).toUpperCase() : sql.slice(start, end);
      code = ids.get(text) ?? -1;
      if (code < 0) {
        code = roles.length;
        ids.set(text, code);
        roles.push(text === '(' || text === '[' ? 1 : text === ')' || text === ']' ? -1 : SET_OPERATIONS.has(text) ? 2 : 0);
      }
    }
    codes[n] = code;
    starts[n] = start;
    n++;
  }
  return { codes, starts, count: n, roles };
}

function isName(sql: string, kind: string, start: number, end: number, names: ShapeLexicon): boolean {
  if (kind === 'quoted') return true;
  return kind === 'word' && isWordStart(sql.charCodeAt(start)) && isMaskableName(sql, start, end, names);
}

function grown<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The distances at which tokens most often recur (at least `minCopies` times), most frequent first. */
function likelyPeriods({ codes, count, roles }: Tokens, minCopies: number): number[] {
  const last = new Int32Array(roles.length).fill(-1);
  const seen = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const code = codes[i] as number;
    if (code < 0) continue;
    const before = last[code] as number;
    if (before >= 0 && i - before <= MAX_PERIOD) seen.set(i - before, (seen.get(i - before) ?? 0) + 1);
    last[code] = i;
  }
  return [...seen]
    .filter(([, times]) => times >= minCopies)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_PERIODS)
    .map(([period]) => period);
}

/**
 * Maximal runs of whole copies of a piece `period` tokens long, of at least `minCopies` copies, as
 * token ranges [from, to). Each run starts where the repetition starts; its copies are the pieces
 * of `period` tokens from there (a list `1, 2, 3` repeats `1 ,`).
 */
function periodicRuns(tokens: Tokens, period: number, minCopies: number) {
  const { codes, count } = tokens;
  const runs: { from: number; to: number; period: number }[] = [];
  let i = 0;
  while (i + period < count) {
    if (codes[i] !== codes[i + period]) {
      i++;
      continue;
    }
    let j = i;
    while (j + period < count && codes[j] === codes[j + period]) j++;
    // Tokens [i, j + period) repeat with this period.
    const copies = Math.floor((j + period - i) / period);
    if (copies >= minCopies && isRepeatablePiece(tokens, i, period)) runs.push({ from: i, to: i + copies * period, period });
    i = j + 1;
  }
  return runs;
}

/** A piece holds a literal or a plain name, its brackets balance, and it holds no set operation. */
function isRepeatablePiece({ codes, roles }: Tokens, from: number, period: number): boolean {
  let valueOrName = false;
  let depth = 0;
  for (let k = from; k < from + period; k++) {
    const code = codes[k] as number;
    if (code < 0) {
      valueOrName = true;
      continue;
    }
    const role = roles[code] as number;
    if (role === 2) return false;
    if (role === 1 || role === -1) depth += role;
  }
  return valueOrName && depth === 0;
}
