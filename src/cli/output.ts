import { toJsonNames } from '../io/jsonNames.js';
import { FLAG_OF, withFlags } from './flags.js';

/** Writing results to stdout with back-pressure, so a long stream never piles up in memory. */
export function write(text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** A result as JSON, in the JSON outputs' names (io/jsonNames.ts). */
export const writeJson = (value: unknown) => write(`${JSON.stringify(toJsonNames(value), null, 2)}\n`);

/** A diagnostic for the user (how a file was read, a warning about the inputs): one line on stderr, options said as flags. */
export const note = (message: string) => {
  process.stderr.write(`sqlalign: note: ${withFlags(message, Object.keys(FLAG_OF)).replace(/\s*\n\s*/g, ' ')}\n`);
};
