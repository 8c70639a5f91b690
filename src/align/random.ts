/** Kept where it was: the seeded generator now lives in stats/ (below every analysis that draws). */
export { seededRandom, shuffleInPlace } from '../stats/random.js';
