/** Kept where it was: Spider's evaluator now lives in spider/ (used by align, exec and eval). */
export * from '../../spider/parse.js';
