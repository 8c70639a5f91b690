/** Reading a text file line by line, streaming, with 1-based line numbers. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export async function* readLines(file: string): AsyncIterable<{ text: string; line: number }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      yield { text: line === 1 ? text.replace(/^\uFEFF/, '') : text, line };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
