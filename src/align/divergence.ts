/** Kept where it was: the metric now lives in metric/ (below align and select, which both use it). */
export * from '../metric/divergence.js';
