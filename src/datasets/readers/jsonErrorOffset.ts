/**
 * Where a JSON text stops being valid. Node 20's JSON.parse often says what is wrong without
 * saying where ("Unexpected token '}', ... is not valid JSON"); this scanner walks the grammar
 * only after a parse has failed, to name the line and column.
 */
export function jsonErrorOffset(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.ws();
    if (scanner.k < text.length) scanner.fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}

/** A recursive-descent walk of JSON's grammar that throws the offset where the text breaks it. */
class JsonScanner {
  k = 0;

  constructor(private readonly text: string) {}

  fail(): never {
    throw this.k;
  }

  ws(): void {
    while (this.k < this.text.length && ' \t\n\r'.includes(this.text[this.k] as string)) this.k++;
  }

  value(): void {
    this.ws();
    const c = this.text[this.k];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else this.number();
  }

  private object(): void {
    if (this.closesAtOnce('}')) return;
    for (;;) {
      this.ws();
      if (this.text[this.k] !== '"') this.fail();
      this.string();
      this.ws();
      if (this.text[this.k] !== ':') this.fail();
      this.k++;
      this.value();
      if (this.closes('}')) return;
    }
  }

  private array(): void {
    if (this.closesAtOnce(']')) return;
    for (;;) {
      this.value();
      if (this.closes(']')) return;
    }
  }

  /** Past an opening bracket: whether its closing one follows at once (`{}`, `[ ]`), consumed then. */
  private closesAtOnce(bracket: string): boolean {
    this.k++;
    this.ws();
    if (this.text[this.k] !== bracket) return false;
    this.k++;
    return true;
  }

  /** After a member: a comma (more follow) or the closing bracket; anything else breaks the grammar. */
  private closes(bracket: string): boolean {
    this.ws();
    if (this.text[this.k] === ',') {
      this.k++;
      return false;
    }
    if (this.text[this.k] !== bracket) this.fail();
    this.k++;
    return true;
  }

  private literal(word: string): void {
    if (this.text.startsWith(word, this.k)) this.k += word.length;
    else this.fail();
  }

  private string(): void {
    this.k++; // opening quote
    while (this.k < this.text.length && this.text[this.k] !== '"') {
      if (this.text.charCodeAt(this.k) < 0x20) this.fail();
      this.k += this.text[this.k] === '\\' ? 2 : 1;
    }
    if (this.k >= this.text.length) this.fail();
    this.k++;
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.k, this.k + 400));
    if (!match) this.fail();
    this.k += match[0].length;
  }
}

/** V8's JSON.parse message without its echo of the input (which may span lines) or its position. */
export function jsonParseMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err))
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
}
