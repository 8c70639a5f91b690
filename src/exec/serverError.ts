/** A server that cannot be reached or refuses a setup step: one line, no stack (exit code 1). */
export class DatabaseServerError extends Error {}
