/** An execution request as `evaluate` would send it, for the tests of the engines and the pool: numbered in order. */
import type { ExecRequest } from '../../src/exec/protocol.js';

let next = 0;

export const execRequest = (db: string | null, pred: string, gold: string, timeRepeats = 0): ExecRequest => ({
  id: next++,
  db,
  gold,
  pred,
  semantics: 'spider',
  keepDistinct: false,
  maxRows: 1000,
  execute: true,
  spider: null,
  timeRepeats,
});
