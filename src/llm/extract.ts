/**
 * The SQL in a model's answer. Models wrap it in code fences, put prose before and after it,
 * label it ("SQL:"), or write several statements; base models run on past the query. The rule:
 * the first fenced block if there is one (a ```sql block preferred), else the text from the
 * first statement keyword; then the first statement only, trimmed, without a trailing `;`.
 */
import { dialectInfo } from '../sql/dialects.js';
import { splitStatements } from '../sql/lexer.js';

const SQLITE = dialectInfo('sqlite');
const FENCE = /```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)(?:```|$)/g;
const STATEMENT_START = /\b(SELECT|WITH|INSERT|UPDATE|DELETE|CREATE|VALUES)\b/i;

export function extractSql(answer: string): string {
  const text = answer.replace(/\r\n/g, '\n');
  const blocks = [...text.matchAll(FENCE)].map((m) => ({ lang: (m[1] ?? '').toLowerCase(), body: m[2] ?? '' }));
  const fenced = blocks.find((b) => b.lang === 'sql' || b.lang === 'sqlite') ?? blocks.find((b) => STATEMENT_START.test(b.body));
  let sql = fenced ? fenced.body : text;
  if (!fenced) {
    // Prose before the query: start at the first statement keyword that begins a line or follows a label.
    const lines = sql.split('\n');
    const first = lines.findIndex((l) => /^\s*(SQL\s*(query)?\s*:\s*)?(SELECT|WITH)\b/i.test(l));
    if (first >= 0)
      sql = lines
        .slice(first)
        .join('\n')
        .replace(/^\s*SQL\s*(query)?\s*:\s*/i, '');
    else {
      const at = sql.search(STATEMENT_START);
      if (at >= 0) sql = sql.slice(at);
    }
    // Prose after the query: stop at a blank line followed by text that is not SQL.
    const cut = sql.search(/\n\s*\n(?!\s*(SELECT|WITH|FROM|WHERE|GROUP|ORDER|HAVING|LIMIT|UNION|JOIN|AND|OR)\b)/i);
    if (cut >= 0) sql = sql.slice(0, cut);
  }
  return firstStatement(sql).trim().replace(/;\s*$/, '').trim();
}

/** The first statement: everything up to the first `;` that is not inside a string, a quoted name or a comment. */
function firstStatement(sql: string): string {
  return splitStatements(sql, SQLITE)[0]?.sql ?? '';
}
