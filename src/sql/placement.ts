/**
 * Which parser thread a query goes to (templater.ts). Each thread parses a shape the first time it
 * meets it, so queries of one shape should meet one thread; but the exact shape (queryShape.ts)
 * costs a scan with the tokenizer's word list, about 18 µs a query, too much for the one thread
 * that hands out the work. A rough shape costs about 2 µs: the text without white space or the
 * contents of quotes, each number and each word holding a lower-case letter or a digit (names, as
 * most SQL is written: `singer`, `T1`, `max`) counted as one mark, the other words (keywords
 * written in upper case) and punctuation kept. On Spider and BIRD (11,227 queries, 3,741 shapes) two threads then
 * parse 3,834 times, against 4,234 when placed by a hash of the whole text. Where it guesses
 * wrong a shape is parsed once more in another thread; the templates never depend on it.
 */

/** Word characters of ASCII: letters, digits, underscore. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const isWordChar = (c: number) => c < 128 && WORD[c] === 1;
const isLowerOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Only the start of a long query is read: its rough shape is for spreading work, not for identity. */
const READ_AT_MOST = 2_000;

/** FNV-1a of the query's rough shape. */
export function placementHash(sql: string): number {
  let h = 0x811c9dc5;
  const mix = (c: number) => {
    h = Math.imul(h ^ c, 0x01000193);
  };
  const n = Math.min(sql.length, READ_AT_MOST);
  for (let k = 0; k < n; k++) {
    const c = sql.charCodeAt(k);
    if (c === 39 || c === 34 || c === 96) {
      // A quote's contents (a string, or a quoted name) are skipped to its closing quote.
      k++;
      while (k < n && sql.charCodeAt(k) !== c) k++;
      mix(c);
    } else if (isWordChar(c)) {
      let end = k;
      let name = false;
      for (; end < n && isWordChar(sql.charCodeAt(end)); end++) if (isLowerOrDigit(sql.charCodeAt(end))) name = true;
      if (name) mix(1);
      else for (let j = k; j < end; j++) mix(sql.charCodeAt(j));
      k = end - 1;
    } else if (c > 32) mix(c);
  }
  return h >>> 0;
}
