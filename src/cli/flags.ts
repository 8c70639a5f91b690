/**
 * The library's errors name its options (`dbDir`); the command line says its own flags
 * (`--db-dir`). One table from option to flag, applied to the names an error declares.
 */
export const FLAG_OF: Readonly<Record<string, string>> = {
  apiKey: '--api-key-env',
  baseUrl: '--base-url',
  bootstrap: '--bootstrap',
  by: '--by',
  dbDir: '--db-dir',
  dialect: '--dialect',
  maxQueryLength: '--max-query-mb',
  model: '--model',
  pools: '--pool',
  read: '--read',
  restart: '--restart',
  target: '--target',
  targetSample: '--target-sample',
  weight: '--weight',
};

/** An error's message with each option it names (in backticks) said as its flag. */
export function withFlags(message: string, options: readonly string[] | undefined): string {
  let out = message;
  for (const option of options ?? []) {
    const flag = FLAG_OF[option];
    if (flag) out = out.split(`\`${option}\``).join(flag);
  }
  return out;
}
