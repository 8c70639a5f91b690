/** How a model server's failures reach the command line (kept apart so that it can tell them without loading the client). */
/** The server, not sqlalign, failed: reported in one line with exit code 1, never as an internal error. */
export class ServerError extends Error {
  /** The options of the call the message names, in backticks (see datasets/errors.ts). */
  constructor(
    message: string,
    readonly options?: readonly string[],
  ) {
    super(message);
  }
}

/** The run cannot go on (bad key, wrong model or URL, no server): every request would fail the same way. */
export class FatalApiError extends ServerError {}

/** A request (or, at the end of a run, some) failed after the retries; others may still succeed. */
export class RequestFailedError extends ServerError {}
