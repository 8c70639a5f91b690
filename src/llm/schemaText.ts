/** Kept where it was: schema text lives in prompt/ (used by predict and by select's export). */
export * from '../prompt/schemaText.js';
