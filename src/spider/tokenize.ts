/**
 * The Spider evaluator's tokenizer (process_sql.tokenize): quotes unified to ", quoted values
 * set aside, NLTK's word_tokenize (the Treebank rules of NLTKWordTokenizer, NLTK 3.8) on the
 * rest, lower-cased, values put back, and `!` `>` `<` joined with a following `=`.
 * Reimplemented here so that exact set match agrees with the official evaluation.py.
 */
export class SpiderSyntaxError extends Error {}

const word = '[\\p{L}\\p{N}_]';
const RULES: readonly (readonly [RegExp, string])[] = [
  // Starting quotes.
  [/([«“‘„]|[`]+)/gu, ' $1 '],
  [/^"/g, '``'],
  [/(``)/g, ' $1 '],
  [/([ ([{<])("|'{2})/g, '$1 `` '],
  [new RegExp(`(')(?!re|ve|ll|m|t|s|d|n)(${word})(?!${word})`, 'giu'), '$1 $2'],
  // Punctuation.
  [/([^.])(\.)([\])}>"']*)\s*$/gu, '$1 $2 $3 '],
  [/([:,])([^\d])/g, ' $1 $2'],
  [/([:,])$/g, ' $1 '],
  [/\.{2,}/gu, ' $& '],
  [/[;@#$%&]/g, ' $& '],
  [/([^.])(\.)([\])}>"']*)\s*$/g, '$1 $2$3 '],
  [/[?!]/g, ' $& '],
  [/([^'])' /g, "$1 ' "],
  [/[*]/gu, ' $& '],
  // Parentheses and brackets, double dashes.
  [/[\][(){}<>]/g, ' $& '],
  [/--/g, ' -- '],
];

const ENDING: readonly (readonly [RegExp, string])[] = [
  [/([»”’])/gu, ' $1 '],
  [/''/g, " '' "],
  [/"/g, " '' "],
  [/([^' ])('[sS]|'[mM]|'[dD]|') /g, '$1 $2 '],
  [/([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) /g, '$1 $2 '],
];

const CONTRACTIONS: readonly RegExp[] = [
  /\b(can)(not)\b/gi,
  /\b(d)('ye)\b/gi,
  /\b(gim)(me)\b/gi,
  /\b(gon)(na)\b/gi,
  /\b(got)(ta)\b/gi,
  /\b(lem)(me)\b/gi,
  /\b(more)('n)\b/gi,
  /\b(wan)(na)(?=\s)/gi,
  / ('t)(is)\b/gi,
  / ('t)(was)\b/gi,
];

/** NLTK's word_tokenize for one sentence (the Spider strings are never split into sentences). */
export function wordTokenize(text: string): string[] {
  let t = text;
  for (const [re, to] of RULES) t = t.replace(re, to);
  t = ` ${t} `;
  for (const [re, to] of ENDING) t = t.replace(re, to);
  for (const re of CONTRACTIONS) t = t.replace(re, ' $1 $2 ');
  return t.split(/\s+/).filter((s) => s !== '');
}

export function spiderTokenize(query: string): string[] {
  let s = query.replace(/'/g, '"');
  const quotes: number[] = [];
  for (let k = 0; k < s.length; k++) if (s[k] === '"') quotes.push(k);
  if (quotes.length % 2 !== 0) throw new SpiderSyntaxError('Unexpected quote');
  const values = new Map<string, string>();
  for (let k = quotes.length - 1; k >= 0; k -= 2) {
    const a = quotes[k - 1] as number;
    const b = quotes[k] as number;
    const key = `__val_${a}_${b}__`;
    values.set(key, s.slice(a, b + 1));
    s = s.slice(0, a) + key + s.slice(b + 1);
  }
  let toks = wordTokenize(s).map((w) => w.toLowerCase());
  toks = toks.map((t) => values.get(t) ?? t);
  const eqs: number[] = [];
  toks.forEach((t, k) => {
    if (t === '=') eqs.push(k);
  });
  for (const k of eqs.reverse()) {
    const pre = toks[k - 1];
    if (k > 0 && (pre === '!' || pre === '>' || pre === '<')) toks = [...toks.slice(0, k - 1), `${pre}=`, ...toks.slice(k + 1)];
  }
  return toks;
}
