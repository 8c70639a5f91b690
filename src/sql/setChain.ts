/**
 * The longest chain of queries joined by UNION, INTERSECT or EXCEPT at one level of parentheses.
 * The parser nests each set operation in the one before it, so a chain of n queries is a tree n
 * deep: past its depth limit (512) it refuses the query, but only after building most of the
 * tree, in time that grows faster than the text (measured: 4,000 chained queries, 0.5 MB, 8.9 s;
 * 6,700, 0.9 MB, 39 s). Query logs hold such chains (inline tables written by BI tools).
 */
import { type Lexical, SqlLexer } from './lexer.js';

const SET_OPERATORS = new Set(['UNION', 'INTERSECT', 'EXCEPT']);

/** How many queries the longest chain joins (1: no set operation), from the parser's token types. */
export function longestSetChain(tokens: readonly { readonly type: string }[]): number {
  const chain = new ChainCount();
  for (const token of tokens) chain.add(token.type);
  return chain.longest();
}

/**
 * The same count from the text with the shared lexer, without the parser's tokenizer (which costs
 * about 1.5 s per MB): how the engine refuses a long chain before any call into the parser.
 */
export function longestSetChainOfText(sql: string, lexical: Lexical): number {
  const chain = new ChainCount();
  const lexer = new SqlLexer(sql, lexical);
  while (lexer.next()) {
    const { kind, start, end } = lexer;
    if (kind === 'space' || kind === 'comment') continue;
    if (kind === 'semicolon') chain.add('SEMICOLON');
    else if (kind === 'punct') chain.add(PUNCTUATION[sql[start] as string] ?? 'OTHER');
    else if (kind === 'word' && end - start <= 9) chain.add(sql.slice(start, end).toUpperCase());
    else chain.add('OTHER');
  }
  return chain.longest();
}

const PUNCTUATION: Record<string, string> = { '(': 'L_PAREN', ')': 'R_PAREN', '*': 'STAR' };

/** Set operators seen at each open level of parentheses, fed one token type at a time. */
class ChainCount {
  private readonly open: number[] = [0];
  private most = 0;
  private previous = '';

  add(type: string): void {
    const open = this.open;
    if (type === 'L_PAREN') open.push(0);
    else if (type === 'R_PAREN') {
      if (open.length > 1) this.most = Math.max(this.most, open.pop() as number);
    } else if (type === 'SEMICOLON') {
      this.most = Math.max(this.most, open[0] as number);
      open.length = 1;
      open[0] = 0;
    } else if (SET_OPERATORS.has(type) && this.previous !== 'STAR') {
      // `* EXCEPT (a)` (BigQuery, DuckDB) drops columns: not a set operation.
      open[open.length - 1] = (open[open.length - 1] as number) + 1;
    }
    this.previous = type;
  }

  longest(): number {
    // A loop, not Math.max(...open): `((((…` a few hundred thousand deep would overflow the call stack.
    let most = this.most;
    for (const n of this.open) most = Math.max(most, n);
    return most + 1;
  }
}
