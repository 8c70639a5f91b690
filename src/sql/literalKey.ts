/**
 * A cache key under which queries that differ only in their literal values meet: every
 * '...' string becomes '' and every free-standing number becomes 0. Such queries have the
 * same token types in the same order, so the parser gives them the same template; the key
 * only saves the parse. Anything the scanner is unsure of (quoted names, comments, odd
 * numbers) is copied verbatim, which costs a cache miss, never a wrong template.
 */
const WORD = /[A-Za-z0-9_$@#\u0080-\uffff]/;

export function literalKey(sql: string, backslashEscapes: boolean): string | null {
  let out = '';
  let copiedTo = 0;
  const n = sql.length;
  for (let k = 0; k < n; k++) {
    const c = sql[k] as string;
    if (c === "'") {
      const end = stringEnd(sql, k, backslashEscapes);
      if (end < 0) return null; // unterminated: let the parser report it
      out += `${sql.slice(copiedTo, k)}''`;
      copiedTo = end + 1;
      k = end;
    } else if (c === '"' || c === '`') {
      const end = sql.indexOf(c, k + 1);
      if (end < 0) return null;
      k = end;
    } else if (c === '[') {
      const end = sql.indexOf(']', k + 1);
      if (end < 0) return null;
      k = end;
    } else if (c === '-' && sql[k + 1] === '-') {
      const end = sql.indexOf('\n', k);
      k = end < 0 ? n : end;
    } else if (c === '/' && sql[k + 1] === '*') {
      const end = sql.indexOf('*/', k + 2);
      if (end < 0) return null;
      k = end + 1;
    } else if (c >= '0' && c <= '9') {
      const prev = sql[k - 1];
      let end = k;
      if (prev === undefined || (!WORD.test(prev) && prev !== '.')) {
        end = numberEnd(sql, k);
        if (end < n && WORD.test(sql[end] as string)) end = k; // like 1abc or 0x1F: not a plain number
      }
      if (end > k) {
        out += `${sql.slice(copiedTo, k)}0`;
        copiedTo = end;
        k = end - 1;
      } else {
        while (k + 1 < n && WORD.test(sql[k + 1] as string)) k++;
      }
    } else if (WORD.test(c)) {
      while (k + 1 < n && WORD.test(sql[k + 1] as string)) k++;
    }
  }
  return out + sql.slice(copiedTo);
}

/** Index of the closing quote of the string opening at `k`, or -1. */
function stringEnd(sql: string, k: number, backslashEscapes: boolean): number {
  for (let j = k + 1; j < sql.length; j++) {
    const c = sql[j];
    if (backslashEscapes && c === '\\') j++;
    else if (c === "'") {
      if (sql[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/** End (exclusive) of digits[.digits][e[+-]digits] starting at `k`. */
function numberEnd(sql: string, k: number): number {
  let j = k;
  const digits = () => {
    while (j < sql.length && sql.charCodeAt(j) >= 48 && sql.charCodeAt(j) <= 57) j++;
  };
  digits();
  if (sql[j] === '.' && /[0-9]/.test(sql[j + 1] ?? '')) {
    j++;
    digits();
  }
  if ((sql[j] === 'e' || sql[j] === 'E') && /[0-9]/.test(sql[j + 1] ?? '')) {
    j++;
    digits();
  } else if ((sql[j] === 'e' || sql[j] === 'E') && /[+-]/.test(sql[j + 1] ?? '') && /[0-9]/.test(sql[j + 2] ?? '')) {
    j += 2;
    digits();
  }
  return j;
}
