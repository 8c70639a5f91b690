/** Reading a JSON Lines file in the tests: one JSON value per line, the file ending in a newline. */
import { readFileSync } from 'node:fs';

/** Rows as `T`; by default untyped, as `JSON.parse` gives them. */
export const readJsonl = <T = ReturnType<typeof JSON.parse>>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
