/**
 * Errors speak of the library's own options, in backticks (`` `dbDir` ``), and list the ones they
 * name in `options`: the command line says each as its flag instead (src/cli/flags.ts).
 */
export interface NamesOptions {
  readonly options?: readonly string[];
}

/** Bad input data: says which file (and line or item) and what is wrong, in one line. */
export class DataError extends Error implements NamesOptions {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly where?: string,
    readonly options?: readonly string[],
  ) {
    super(where ? `${file}: ${where}: ${detail}` : `${file}: ${detail}`);
  }
}

/** Wrong usage (an unknown option value, a spec that cannot be read): exit code 2. */
export class UsageError extends Error implements NamesOptions {
  constructor(
    message: string,
    readonly options?: readonly string[],
  ) {
    super(message);
  }
}

/** Line and column of a character offset, for messages about malformed text. */
export function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lastBreak = k;
    }
  }
  return { line, column: offset - lastBreak };
}
