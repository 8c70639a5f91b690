/** Kept where it was: Spider's rewriting of queries now lives in spider/prep.ts. */
export * from '../spider/prep.js';
