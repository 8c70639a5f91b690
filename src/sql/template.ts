/**
 * The structural template of a query (spec §1): its own tokens with every schema- or
 * data-specific leaf removed. The parser decides what an identifier is (the tree's
 * identifier spans); token types decide literals, parameters and punctuation.
 */
import { parseQuery, type Token } from './parser.js';

export type TemplateResult = { template: string } | { error: string };

/** Literal token types of the parser's tokenizer (strings of every flavour, numbers, booleans). */
const LITERAL_TYPES = new Set(['NUMBER', 'TRUE', 'FALSE']);
const isLiteralType = (type: string) => LITERAL_TYPES.has(type) || type.endsWith('STRING');

/** Cast functions whose `AS type` part is removed. */
const CAST_FUNCTIONS = new Set(['CAST', 'TRY_CAST', 'SAFE_CAST']);

/** Words that continue a type name after `::` (`::DOUBLE PRECISION`, `::TIMESTAMP WITH TIME ZONE`). */
const TYPE_CONTINUATIONS = new Set(['PRECISION', 'VARYING', 'WITH', 'WITHOUT', 'TIME', 'ZONE', 'UNSIGNED', 'LOCAL']);

/** Tokens after which an operand has just ended, so a following `:` is a path accessor, not a parameter. */
const OPERAND_ENDS = new Set(['VAR', 'QUOTED_IDENTIFIER', 'R_PAREN', 'R_BRACKET', 'STRING', 'NUMBER', 'STAR']);

export function templateOf(sql: string, parserDialect: string): TemplateResult {
  const parsed = parseQuery(sql, parserDialect);
  if (!parsed.ok) return { error: parsed.error };
  const { tokens, identifierSpans } = parsed.value;
  const drop = new Uint8Array(tokens.length);
  markIdentifiers(tokens, identifierSpans, drop);
  markLeaves(tokens, drop);
  markCastTypes(tokens, drop);
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (drop[i]) continue;
    for (const part of (tokens[i] as Token).text.toUpperCase().split(/\s+/)) if (part) words.push(part);
  }
  return { template: words.join(' ') };
}

function markIdentifiers(tokens: readonly Token[], spans: readonly (readonly [number, number])[], drop: Uint8Array) {
  if (spans.length === 0) return;
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = (tokens[i] as Token).start;
    while (s < sorted.length && (sorted[s] as readonly [number, number])[1] <= start) s++;
    // Spans may nest (a qualified name inside a column); any span that covers the token counts.
    for (let k = s; k < sorted.length; k++) {
      const [a, b] = sorted[k] as readonly [number, number];
      if (a > start) break;
      if (start >= a && start < b) {
        drop[i] = 1;
        break;
      }
    }
  }
}

/** Literals, parameters, `AS`, `.`, `;`. */
function markLeaves(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (isLiteralType(t.type) || t.type === 'PARAMETER' || t.type === 'PLACEHOLDER') drop[i] = 1;
    else if (t.type === 'AS' || t.type === 'DOT' || t.type === 'SEMICOLON') drop[i] = 1;
    else if (t.type === 'VAR' && (t.text.startsWith('@') || t.text.startsWith('$'))) drop[i] = 1;
    else if (t.type === 'COLON' && next && (next.type === 'VAR' || next.type === 'NUMBER') && next.start === t.end) {
      const prev = tokens[i - 1];
      // `a:b` (a JSON path step) keeps the `:` and drops the key; `= :name` is a parameter.
      if (!prev || !OPERAND_ENDS.has(prev.type)) drop[i] = 1;
      drop[i + 1] = 1;
    }
  }
}

/** `CAST(x AS type(args))` → `CAST ( )`; `x::type(args)` → `::`. */
function markCastTypes(tokens: readonly Token[], drop: Uint8Array) {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (CAST_FUNCTIONS.has(t.text.toUpperCase()) && tokens[i + 1]?.type === 'L_PAREN') {
      let depth = 0;
      let asAt = -1;
      for (let j = i + 1; j < tokens.length; j++) {
        const type = (tokens[j] as Token).type;
        if (type === 'L_PAREN') depth++;
        else if (type === 'R_PAREN') {
          depth--;
          if (depth === 0) {
            if (asAt >= 0) drop.fill(1, asAt, j);
            break;
          }
        } else if (type === 'AS' && depth === 1) asAt = j;
      }
    } else if (t.type === 'D_COLON') {
      let j = i + 1;
      if (j < tokens.length && isWord(tokens[j] as Token)) drop[j++] = 1;
      while (j < tokens.length && TYPE_CONTINUATIONS.has((tokens[j] as Token).text.toUpperCase())) drop[j++] = 1;
      j = dropBalanced(tokens, j, 'L_PAREN', 'R_PAREN', drop);
      while (j < tokens.length && tokens[j]?.type === 'L_BRACKET') j = dropBalanced(tokens, j, 'L_BRACKET', 'R_BRACKET', drop);
    }
  }
}

function isWord(t: Token): boolean {
  return /^[A-Za-z_]/.test(t.text);
}

/** Drops a balanced group opening at `j` (if one does) and returns the index after it. */
function dropBalanced(tokens: readonly Token[], j: number, open: string, close: string, drop: Uint8Array): number {
  if (tokens[j]?.type !== open) return j;
  let depth = 0;
  for (let k = j; k < tokens.length; k++) {
    const type = (tokens[k] as Token).type;
    if (type === open) depth++;
    else if (type === close) depth--;
    drop[k] = 1;
    if (depth === 0) return k + 1;
  }
  return tokens.length;
}
