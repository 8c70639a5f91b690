/**
 * The names in a query, as the no-name-leak rule (spec §1) reads them: tokens the parser's
 * tokenizer reads as a bare or quoted identifier, not followed by `(` (but for the table of
 * `INTO t (a, b)`), and no keyword. A word that
 * is also syntax somewhere in the same query (a function name, a keyword) is not told apart by
 * text and does not count.
 */
import { SPECIAL_WORDS } from '../../src/sql/keywords.js';
import { tokenizeQuery } from '../../src/sql/parser.js';

export function namesOf(sql: string, parserDialect: string): Set<string> {
  const tokenized = tokenizeQuery(sql, parserDialect);
  const names = new Set<string>();
  if (!tokenized.ok) return names;
  const syntax = new Set<string>();
  tokenized.tokens.forEach((t, k) => {
    const word = t.text.toUpperCase();
    const call = tokenized.tokens[k + 1]?.type === 'L_PAREN' && !isInsertTarget(tokenized.tokens, k);
    if ((t.type !== 'VAR' && t.type !== 'QUOTED_IDENTIFIER') || call) syntax.add(word);
    else if (t.type === 'VAR' && SPECIAL_WORDS.has(word)) syntax.add(word);
    else names.add(word);
  });
  for (const word of syntax) names.delete(word);
  return names;
}

/** `INTO t (a, b)`, `INTO db.t (…)`: the table before a column list, which looks like a call. */
function isInsertTarget(tokens: readonly { type: string; text: string }[], k: number): boolean {
  let j = k;
  while (tokens[j - 1]?.type === 'DOT') j -= 2;
  const before = (tokens[j - 1]?.text ?? '').toUpperCase();
  return before === 'INTO' || (before === 'TABLE' && (tokens[j - 2]?.text ?? '').toUpperCase() === 'INTO');
}

/**
 * The names a template keeps. Where the reference template is given, words it keeps too are not
 * counted: sqlglot's own dialect tests hold type names, option keys and setting names that the
 * tokenizer reads as plain words and that the spec keeps as syntax.
 */
export function leakedNames(template: string, sql: string, parserDialect: string, reference?: string | null): string[] {
  const names = namesOf(sql, parserDialect);
  const kept = new Set((reference ?? '').split(' '));
  return [...new Set(template.split(' ').filter((w) => names.has(w) && !kept.has(w)))];
}
