/** What each command does, in one line: for `--help`, without loading any command's code. */
export const DESCRIPTIONS = {
  templates: 'print the structural template of every query (names, literals and AS removed: docs/spec.md), in input order',
  align: 'KL-alignment, coverage and Alignment Ratio of training sets and predictions against a target (docs/spec.md)',
  profile:
    "the dataset's structure: template and n-gram counts, common templates, constructs, template lengths, unparseable queries",
  eval: 'execution accuracy (EX), exact match (EM) and BIRD efficiency (VES) of predictions on SQLite, PostgreSQL or MySQL',
  predict:
    "the base model's SQL for every question of a dataset, from an OpenAI-compatible server (vLLM, Ollama, llama.cpp, ...)",
  compare:
    'did a fine-tuned run really beat its base? Paired comparison of eval --out files: McNemar test, bootstrap interval of ΔEX',
  study: 'correlate AR with the measured gain (ΔEX) over fine-tuning experiments, overall and per model family',
  select: 'choose from candidate pools the fine-tuning subset whose structure best matches the target, and export it',
  'copy-db':
    'copy Spider/BIRD SQLite databases to a PostgreSQL or MySQL server, so that eval --db-url runs where the workload runs',
  sets: 'the built-in public sets (builtin:NAME wherever a dataset goes): Spider, BIRD; name, dialect, size, licence, citation',
  count:
    "a dataset's template counts as a file (read back by align, select's --target and profile); several datasets or counts files added up",
} as const;

export type CommandName = keyof typeof DESCRIPTIONS;
