/** Kept where it was: strata are features of a query set (features/strata.ts). */
export * from '../features/strata.js';
