/**
 * The one mapping between the library's field names (camelCase, like its options) and the
 * snake_case names of the JSON it writes and reads back (`--json` outputs, `eval --out` and
 * `predict --out` lines, `study --json` read as evidence): other programs depend on those.
 *
 * The mapping is explicit: only the names listed here change, so a field that is camelCase in
 * the JSON too (none today) or a new field not listed keeps its name. Maps keyed by data (a
 * database's name, a difficulty, a status, a family) keep their keys whatever they are.
 */

/** Every snake_case name of the JSON outputs whose library name differs (the library name is its camelCase). */
const SNAKE_NAMES = [
  // eval: items and summary
  'db_id',
  'template_match',
  'gold_sql',
  'pred_sql',
  'gold_rows',
  'pred_rows',
  'pred_parsed',
  'pred_unparseable',
  'transpile_error',
  'gold_run_sql',
  'pred_run_sql',
  'time_ratio',
  'exact_n',
  'ex_tie',
  'ex_a',
  'ex_b',
  'a_only',
  'b_only',
  'p_value',
  'delta_ci95',
  'p_holm',
  'pred_a',
  'pred_b',
  'tied_golds',
  'right_by_tie',
  'ex_counting_ties',
  'r_ves',
  'semantics_rule',
  'exact_computed',
  'by_difficulty_key',
  'by_difficulty',
  'by_db',
  'ves_repeats',
  'by_stratum',
  // align: ratios, explanations, size-matched draws, strata
  'transpile_failed',
  'kl_gap',
  'ar_sd',
  'ar_min',
  'ar_max',
  'scale_source',
  'share_target',
  'share_other',
  'example_target',
  'example_other',
  'templates_under',
  'templates_over',
  'mass_share',
  'kl_mean',
  'per_group',
  'rows_ci_about',
  // profile
  'distinct_templates',
  'top_templates',
  'template_length',
  'unparseable_examples',
  // select
  'kl_sd',
  'size_matched',
  'without_question',
  'held_out',
  'beats_random',
  'best_pool',
  'selection_part',
  // study and evidence
  'ex_before',
  'ex_after',
  'em_before',
  'em_after',
  'pearson_log_ar',
  'mean_delta_ex',
  'ar_above_1',
  'ar_at_most_1',
  'ar_above_gain',
  'ar_above_no_gain',
  'ar_below_gain',
  'ar_below_no_gain',
  'gap_low',
  'gap_high',
  'at_most',
  'delta_ex',
  // predict
  'finish_reason',
  'changed_in_export',
  'requests_per_second',
  'tokens_per_second',
] as const;

/** Fields whose value is a map keyed by data: its keys are never renamed (its values are). */
const DATA_KEYED = new Set([
  'byDifficulty',
  'byDb',
  'groups', // eval's strata
  'counts', // eval's outcomes by status (`pred_error`, ...): values of a status, not field names
  'families', // study
  'composition', // select: by pool
  'overlap',
  'statuses', // predict: by answer status
  'unparseableExamples', // align: by dataset
  'fields', // a dataset's own columns
  'usage', // the server's token counts, as its API names them
]);

const camelOf = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const TO_JSON = new Map<string, string>(SNAKE_NAMES.map((s) => [camelOf(s), s]));
const FROM_JSON = new Map<string, string>(SNAKE_NAMES.map((s) => [s, camelOf(s)]));

function rename(value: unknown, names: ReadonlyMap<string, string>, keepKeys: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => rename(v, names, false));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (keepKeys) {
      out[key] = rename(child, names, false);
      continue;
    }
    const library = names === TO_JSON ? key : (names.get(key) ?? key);
    out[names.get(key) ?? key] = rename(child, names, DATA_KEYED.has(library));
  }
  return out;
}

/** A library result as its JSON output names it (a deep copy; field order kept). */
export const toJsonNames = (value: unknown): unknown => rename(value, TO_JSON, false);

/** JSON written by sqlalign (an output read back) with the library's names. */
export const fromJsonNames = (value: unknown): unknown => rename(value, FROM_JSON, false);
