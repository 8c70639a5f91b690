/** Kept where it was: prompts live in prompt/ (used by predict and by select's export). */
export * from '../prompt/prompt.js';
