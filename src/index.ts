/** sqlalign as a library: every stage of load → template → features → compare → report. */
export { type AlignOptions, type AlignResult, align } from './align/align.js';
export { bootstrap, percentileInterval } from './align/bootstrap.js';
export {
  type AlignmentRow,
  type AlignParams,
  type Comparison,
  compare,
  DEFAULT_ALPHA,
  DEFAULT_LMAX,
  type Decision,
  decide,
  type RatioRow,
} from './align/compare.js';
export { alignmentRatio, alignmentScore, coverage, klDivergence } from './align/divergence.js';
export { type Explanation, explain } from './align/explain.js';
export { samplePerGroup } from './align/sample.js';
export { sensitivity } from './align/sensitivity.js';
export {
  DataError,
  type Dataset,
  type DatasetFormat,
  type DatasetInput,
  openDataset,
  type QueryRecord,
  readAll,
  resolveDataset,
  UsageError,
} from './datasets/index.js';
export { resultsEqual, type Semantics } from './eval/compare.js';
export { type EvalOptions, type EvalResult, evaluate, type ItemResult } from './eval/evaluate.js';
export { exactMatch, hardness, rebuildForMatch } from './eval/spider/exactMatch.js';
export { SpiderJudge } from './eval/spider/judge.js';
export { parseSpiderSql } from './eval/spider/parse.js';
export type { EvalSummary } from './eval/summary.js';
export { type Distribution, ngramDistribution, TemplateCounter } from './features/distribution.js';
export { forEachNgram, ngramsOf } from './features/ngrams.js';
export { type Profile, profileQuerySet } from './features/profile.js';
export { buildQuerySet, type QuerySet, type Templater } from './features/querySet.js';
export { type ClientOptions, createClient, FatalApiError, RequestFailedError } from './llm/client.js';
export { extractSql } from './llm/extract.js';
export { type Prediction, type PredictOptions, type PredictSummary, predict } from './llm/predict.js';
export { DEFAULT_TEMPLATE, renderPrompt } from './llm/prompt.js';
export { schemaFromSqlite, schemaFromTablesJson } from './llm/schemaText.js';
export { alignJson } from './report/alignJson.js';
export { renderAlignMarkdown } from './report/alignMarkdown.js';
export { renderAlignText } from './report/alignText.js';
export { renderEvalText } from './report/evalText.js';
export { renderProfileText } from './report/profileText.js';
export { renderStudyMarkdown, renderStudyText } from './report/studyText.js';
export { type ExportFormat, exportSelection, trainingRecord } from './select/export.js';
export { type SelectOptions, type SelectResult, select } from './select/select.js';
export { DIALECT_NAMES } from './sql/dialects.js';
export { TemplateEngine } from './sql/engine.js';
export { loadParser } from './sql/parser.js';
export { type TemplateResult, templateOf } from './sql/template.js';
export { createTemplater } from './sql/templater.js';
export { pearson, spearman } from './study/stats.js';
export { type Experiment, readExperiments, type StudyResult, studyStats } from './study/study.js';
