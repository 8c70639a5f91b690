/**
 * n-gram features of a template (spec §2): every contiguous n-gram, 1 ≤ n ≤ l_max, that
 * (1) holds a word token, (2) neither starts nor ends with `,`, (3) has balanced parentheses.
 */

/** A word starts with a letter or `_`: keywords and function names, not operators. */
export const isWordToken = (token: string): boolean => /^[A-Za-z_]/.test(token);

/** Calls `visit` once per kept n-gram occurrence of `tokens`, in order of start then length. */
export function forEachNgram(tokens: readonly string[], lmax: number, visit: (ngram: string) => void): void {
  const words = tokens.map(isWordToken);
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] === ',') continue;
    let depth = 0;
    let hasWord = false;
    let key = '';
    const last = Math.min(tokens.length, start + lmax);
    for (let end = start; end < last; end++) {
      const token = tokens[end] as string;
      if (token === '(') depth++;
      else if (token === ')' && --depth < 0) break; // every longer n-gram from here dips below zero too
      if (words[end]) hasWord = true;
      key = end === start ? token : `${key} ${token}`;
      if (hasWord && depth === 0 && token !== ',') visit(key);
    }
  }
}

/** The kept n-grams of one template, in order (for explanations and tests). */
export function ngramsOf(template: string, lmax: number): string[] {
  const out: string[] = [];
  if (template !== '') forEachNgram(template.split(' '), lmax, (g) => out.push(g));
  return out;
}
