/** Kept where it was: the comparison of results now lives in exec/ (the worker judges with it). */
export * from '../exec/compare.js';
