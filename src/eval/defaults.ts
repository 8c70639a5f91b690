/** eval's defaults, apart from its code so that `eval --help` shows them without loading it. */

/** A query running longer than this many seconds is stopped (its item: `timeout`). */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** A result with more rows than this is an error. */
export const DEFAULT_MAX_ROWS = 500_000;
