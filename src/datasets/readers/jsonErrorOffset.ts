/**
 * Where a JSON text stops being valid. Node 20's JSON.parse often says what is wrong without
 * saying where ("Unexpected token '}', ... is not valid JSON"); this scanner walks the grammar
 * only after a parse has failed, to name the line and column.
 */
export function jsonErrorOffset(text: string): number {
  let k = 0;
  const fail = () => {
    throw k;
  };
  const ws = () => {
    while (k < text.length && ' \t\n\r'.includes(text[k] as string)) k++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, k)) k += word.length;
    else fail();
  };
  const string = () => {
    k++; // opening quote
    while (k < text.length && text[k] !== '"') {
      const code = text.charCodeAt(k);
      if (code < 0x20) fail();
      k += text[k] === '\\' ? 2 : 1;
    }
    if (k >= text.length) fail();
    k++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(k, k + 400));
    if (!match) fail();
    k += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[k];
    if (c === '{') {
      k++;
      ws();
      if (text[k] === '}') {
        k++;
        return;
      }
      for (;;) {
        ws();
        if (text[k] !== '"') fail();
        string();
        ws();
        if (text[k] !== ':') fail();
        k++;
        value();
        ws();
        if (text[k] === ',') k++;
        else if (text[k] === '}') {
          k++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      k++;
      ws();
      if (text[k] === ']') {
        k++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[k] === ',') k++;
        else if (text[k] === ']') {
          k++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    if (k < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}

/** V8's JSON.parse message without its echo of the input (which may span lines) or its position. */
export function jsonParseMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err))
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
}
