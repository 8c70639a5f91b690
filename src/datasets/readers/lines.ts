/**
 * Reading a text file as batches of lines, streaming, with 1-based line numbers. Lines are
 * split by hand from large chunks: a generator step per line (readline) costs more than the
 * rest of the pipeline for logs of millions of queries.
 */
import { byteStream } from './source.js';

export interface Line {
  readonly text: string;
  readonly line: number;
}

export async function* readLineBatches(file: string): AsyncIterable<Line[]> {
  const input = byteStream(file).setEncoding('utf8');
  let carry = '';
  let line = 0;
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      const text = carry + chunk;
      const batch: Line[] = [];
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        batch.push({ text: stripCr(text.slice(start, nl)), line: ++line });
        start = nl + 1;
      }
      carry = text.slice(start);
      if (batch.length > 0) {
        if (batch[0]?.line === 1) batch[0] = { text: (batch[0] as Line).text.replace(/^\uFEFF/, ''), line: 1 };
        yield batch;
      }
    }
    if (carry !== '') yield [{ text: stripCr(line === 0 ? carry.replace(/^\uFEFF/, '') : carry), line: ++line }];
  } finally {
    input.destroy();
  }
}

const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s);
