/**
 * A gold query's top-level `ORDER BY` made visible: the same query with each ORDER BY key as an
 * extra column (unless it is one of the query's own columns already: a position, an alias, the same
 * expression) and, where it has a `LIMIT k [OFFSET o]`, one row past the cut. Read from the query's
 * tokens (the lexer of its dialect); a query whose shape is not plainly that (no ORDER BY, a LIMIT
 * that is not a number, a key that cannot be shown without changing the rows) has no probe.
 */
import { type Lexical, significantTokens } from '../sql/lexer.js';

export interface OrderProbe {
  /** The probe: the gold with the keys appended, limited to one row past the cut. */
  readonly sql: string;
  /** Per ORDER BY key, its column in a probe row: from the start for the gold's own, from the end (negative) for an appended one. */
  readonly keys: readonly number[];
  /** How many columns were appended. */
  readonly appended: number;
  /** The gold's cut; null without LIMIT. */
  readonly limit: { readonly count: number; readonly offset: number } | null;
  /** The probe without its LIMIT, for wider ones. */
  readonly head: string;
}

/** The probe with room for `rows` rows (to find where a tied group ends). */
export const widened = (probe: OrderProbe, rows: number): string => `${probe.head} LIMIT ${rows}`;

interface Tok {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly word: string;
  readonly depth: number;
}

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT', 'MINUS']);
const KEY_MODIFIERS = new Set(['ASC', 'DESC']);
/** Words that end an expression and are no alias. */
const NOT_ALIAS = new Set(['END', 'NULL', 'TRUE', 'FALSE', 'DISTINCT', 'ALL']);

function tokensOf(sql: string, lexical: Lexical): Tok[] {
  let depth = 0;
  const out: Tok[] = [];
  for (const t of significantTokens(sql, lexical)) {
    const text = sql.slice(t.start, t.end);
    if (text === ')') depth--;
    out.push({ kind: t.kind, start: t.start, end: t.end, word: t.kind === 'word' ? text.toUpperCase() : text, depth });
    if (text === '(') depth++;
  }
  while (out.at(-1)?.kind === 'semicolon') out.pop();
  return out;
}

/** Token ranges split at the depth-`depth` commas. */
function splitAtCommas(tokens: readonly Tok[], depth: number): Tok[][] {
  const parts: Tok[][] = [[]];
  for (const t of tokens) {
    if (t.word === ',' && t.depth === depth) parts.push([]);
    else parts.at(-1)?.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

const textOf = (sql: string, part: readonly Tok[]) => sql.slice((part[0] as Tok).start, (part.at(-1) as Tok).end);
const normalized = (text: string) => text.replace(/\s+/g, '').toLowerCase();
const unquoted = (text: string) => text.replace(/^["`[]|["`\]]$/g, '').toLowerCase();

/** One item of the select list: its expression's text and the name it is known by (alias or column), if any. */
interface SelectItem {
  readonly expression: string;
  readonly name: string | null;
  readonly star: boolean;
}

function selectItem(sql: string, part: readonly Tok[]): SelectItem {
  const last = part.at(-1) as Tok;
  const before = part.at(-2);
  const isName = (t: Tok) => (t.kind === 'word' && !NOT_ALIAS.has(t.word)) || t.kind === 'quoted';
  if (before?.word === 'AS' && isName(last)) {
    return { expression: textOf(sql, part.slice(0, -2)), name: unquoted(sql.slice(last.start, last.end)), star: false };
  }
  if (part.length > 1 && before && isName(last) && (before.word === ')' || isName(before))) {
    return { expression: textOf(sql, part.slice(0, -1)), name: unquoted(sql.slice(last.start, last.end)), star: false };
  }
  const star = last.word === '*';
  return { expression: textOf(sql, part), name: isName(last) ? unquoted(sql.slice(last.start, last.end)) : null, star };
}

/** The gold's ORDER BY probe, or null where the query has none that can be shown as it is. */
export function orderProbeOf(sql: string, lexical: Lexical): OrderProbe | null {
  const tokens = tokensOf(sql, lexical);
  const top = (k: number) => (tokens[k] as Tok).depth === 0;
  const select = tokens.findIndex((t, k) => t.word === 'SELECT' && top(k));
  let order = -1;
  tokens.forEach((t, k) => {
    if (t.word === 'ORDER' && top(k) && tokens[k + 1]?.word === 'BY') order = k;
  });
  if (select < 0 || order < select) return null;
  const compound = tokens.some((t, k) => k > select && k < order && top(k) && SET_OPERATORS.has(t.word));
  const clauseEnd = tokens.findIndex((t, k) => k > order && top(k) && ['LIMIT', 'OFFSET', 'FETCH'].includes(t.word));
  const keyTokens = tokens.slice(order + 2, clauseEnd < 0 ? tokens.length : clauseEnd);
  const limit = clauseEnd < 0 ? null : limitOf(tokens.slice(clauseEnd), sql);
  if (clauseEnd >= 0 && limit === null) return null;

  const from = tokens.findIndex((t, k) => k > select && top(k) && t.word === 'FROM');
  const listStart = select + 1 + (['DISTINCT', 'ALL'].includes(tokens[select + 1]?.word ?? '') ? 1 : 0);
  const distinct = tokens[select + 1]?.word === 'DISTINCT';
  const listEnd = from > select && from < order ? from : order;
  const items = splitAtCommas(tokens.slice(listStart, listEnd), 0).map((part) => selectItem(sql, part));
  const appended: string[] = [];
  const keys: number[] = [];
  for (const part of splitAtCommas(keyTokens, 0)) {
    const expression = keyExpression(part);
    if (expression.length === 0) return null;
    const own = ownColumn(sql, expression, items);
    if (own !== null) keys.push(own);
    else if (compound || distinct || /^\d+$/.test(textOf(sql, expression))) return null;
    else {
      appended.push(textOf(sql, expression));
      keys.push(-appended.length);
    }
  }
  const insertAt = (tokens[listEnd - 1] as Tok).end;
  const withKeys =
    appended.length === 0 ? sql : `${sql.slice(0, insertAt)}${appended.map((k) => `, (${k})`).join('')}${sql.slice(insertAt)}`;
  const shift = withKeys.length - sql.length;
  const headEnd = clauseEnd < 0 ? (tokens.at(-1) as Tok).end + shift : (tokens[clauseEnd] as Tok).start + shift;
  const head = withKeys.slice(0, headEnd).trimEnd();
  const probeSql = limit ? widened({ head } as OrderProbe, limit.offset + limit.count + 1) : head;
  return { sql: probeSql, keys: resolvedKeys(keys, appended.length), appended: appended.length, limit, head };
}

/**
 * Keys as found (own columns ≥ 0; the j-th appended one marked -1-j) as probe columns: appended
 * ones counted from the end of a row, since the gold's own columns may be a `*`.
 */
function resolvedKeys(keys: readonly number[], appended: number): number[] {
  return keys.map((k) => (k >= 0 ? k : -appended + (-1 - k)));
}

/** A key's expression: its tokens without ASC/DESC, NULLS FIRST/LAST and COLLATE. */
function keyExpression(part: readonly Tok[]): Tok[] {
  let end = part.length;
  for (;;) {
    const last = part[end - 1];
    const before = part[end - 2];
    if (last && KEY_MODIFIERS.has(last.word)) end--;
    else if (last && before?.word === 'NULLS' && (last.word === 'FIRST' || last.word === 'LAST')) end -= 2;
    else if (before?.word === 'COLLATE') end -= 2;
    else break;
  }
  return part.slice(0, end);
}

/** The gold's own column a key is (by position, alias or the same expression), or null; -1-j marks the j-th appended key. */
function ownColumn(sql: string, expression: readonly Tok[], items: readonly SelectItem[]): number | null {
  const text = textOf(sql, expression);
  const starBefore = (n: number) => items.slice(0, n).some((item) => item.star);
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= items.length && !starBefore(n) ? n - 1 : null;
  }
  const key = normalized(text);
  const single = expression.length === 1 ? unquoted(text) : null;
  const at = items.findIndex(
    (item) => !item.star && (normalized(item.expression) === key || (single !== null && item.name === single)),
  );
  return at >= 0 && !starBefore(at) ? at : null;
}

/** `LIMIT k`, `LIMIT k OFFSET o` or `LIMIT o, k` with numbers, and nothing after; null otherwise. */
function limitOf(tokens: readonly Tok[], sql: string): { count: number; offset: number } | null {
  const text = tokens.map((t) => sql.slice(t.start, t.end).toUpperCase()).join(' ');
  let m = /^LIMIT (\d+)(?: OFFSET (\d+))?$/.exec(text);
  if (m) return { count: Number(m[1]), offset: Number(m[2] ?? 0) };
  m = /^LIMIT (\d+) , (\d+)$/.exec(text);
  if (m) return { count: Number(m[2]), offset: Number(m[1]) };
  return null;
}
