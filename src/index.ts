/** sqlalign as a library: every stage of load → template → features → compare → report. */
export { type AlignResult, align, type Confidence, ratioFromDatasets } from './align/align.js';
export { type BootstrapInput, type BootstrapResult, bootstrap, type Interval, percentileInterval } from './align/bootstrap.js';
export { type ExplainInput, type Explanation, explain, type Pattern } from './align/explain.js';
export {
  type AlignmentRow,
  type AlignParams,
  type Comparison,
  type ComparisonInput,
  compare,
  DEFAULT_ALPHA,
  DEFAULT_LMAX,
  type Decision,
  type Distributions,
  decide,
  type RatioRow,
} from './align/figures.js';
export { type AlignOptions, DEFAULT_BOOTSTRAP_WITH_SAMPLE } from './align/options.js';
export { samplePerGroup } from './align/sample.js';
export { type SensitivityInput, type SensitivityRow, sensitivity } from './align/sensitivity.js';
export {
  DEFAULT_SIZE_MATCH_REPLICATES,
  type SizedSet,
  type SizeMatchedRatio,
  type SizeMatchInput,
  sizeMatchedRatios,
} from './align/sizeMatched.js';
export { type StrataResult, type StratifyInput, stratify } from './align/stratify.js';
export { type BuiltinSet, builtinSets, isBuiltin, type SetSummary } from './datasets/builtin.js';
export { mergeCounts, type TemplateCountsFile } from './datasets/counts.js';
export type { NamesOptions } from './datasets/errors.js';
export {
  DataError,
  type Dataset,
  type DatasetFormat,
  type DatasetInput,
  estimateQueries,
  type InlineDataset,
  type LoadOptions,
  openDataset,
  type QueryRecord,
  readAll,
  resolveDataset,
  UsageError,
} from './datasets/index.js';
export { ItemKeys } from './datasets/overlap.js';
export { questionOf } from './datasets/question.js';
export { checkReadDialects, parseReadArguments, type ReadDialects, readDialectOf } from './datasets/readDialects.js';
export { SQL_TEXT_LAYOUTS, type SqlTextLayout } from './datasets/readers/sqlText.js';
export { checkWeightFields, parseWeightArguments, type WeightFields, weightFieldOf } from './datasets/weights.js';
export { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_SECONDS } from './eval/defaults.js';
export {
  type EvalOptions,
  type EvalResult,
  evaluate,
  type ItemResult,
} from './eval/evaluate.js';
export type { TranspiledItem } from './eval/itemResult.js';
export {
  type ChangedItem,
  type CompareOptions,
  compareRuns,
  DEFAULT_PAIRED_REPLICATES,
  type EvalRun,
  type PairedComparison,
  type PairedStats,
  readEvalRun,
} from './eval/pairedRuns.js';
export type { EvalSummary, Scores, SummaryOptions, TranspileTally } from './eval/summary.js';
export {
  type ColumnKind,
  type CopiedDatabase,
  type CopiedTable,
  type CopyOptions,
  copyDatabase,
  copyDatabases,
  readSqliteTables,
} from './exec/copyDatabase.js';
export { rewardOf, rvesOf, timeRatio, vesOf, withoutOutliers } from './exec/efficiency.js';
export { openServer } from './exec/openServer.js';
export { type OrderProbe, orderProbeOf } from './exec/orderProbe.js';
export { AUDIT_CODES, type AuditCode } from './exec/protocol.js';
export { resultsEqual, SEMANTICS, type Semantics } from './exec/resultsEqual.js';
export {
  DatabaseServerError,
  engineOf,
  redact,
  type ServerEngine,
  type ServerOptions,
  type ServerRunner,
} from './exec/server.js';
export { type Distribution, IndexedDistribution, ngramDistribution, TemplateCounter } from './features/distribution.js';
export { forEachNgram, NgramIndex, ngramsOf } from './features/ngrams.js';
export { type Profile, profileQuerySet } from './features/profile.js';
export {
  buildQuerySet,
  countsOfQuerySet,
  type QuerySet,
  type QuerySetOptions,
  requireSomeParsed,
  type Templater,
  type TranspileCounts,
} from './features/querySet.js';
export {
  cachedQuerySet,
  type DatasetFacts,
  dbIdsOf,
  type ItemFacts,
  ItemFactsBuilder,
  type ReadSettings,
  ReducedCache,
  type ReducedDataset,
  reduceDataset,
} from './features/reducedCache.js';
export { type SetDialect, setDialect } from './features/setDialect.js';
export { fromJsonNames, toJsonNames } from './io/jsonNames.js';
export { type Fingerprint, openResumable, type ResumedFile, type ResumeOptions } from './io/resumableJsonl.js';
export {
  type ClientOptions,
  type Completion,
  createClient,
  type Endpoint,
  FatalApiError,
  RequestFailedError,
  ServerError,
} from './llm/client.js';
export {
  ANSWER_STATUSES,
  type AnswerStatus,
  type ExtractedSql,
  type ExtractOptions,
  extractAnswer,
  extractSql,
  oneLineSql,
} from './llm/extract.js';
export { type OutputFormat, type Prediction, type PredictOptions, type PredictSummary, predict } from './llm/predict.js';
export {
  alignmentRatio,
  alignmentScore,
  coverage,
  divergenceTerm,
  klDivergence,
  smoothedShare,
  smoothingDenominator,
} from './metric/divergence.js';
export { DEFAULT_SYSTEM, DEFAULT_TEMPLATE, type PromptParts, renderPrompt } from './prompt/prompt.js';
export { SchemaSource, type SchemaSourceOptions } from './prompt/schemaSource.js';
export { schemaFromSqlite, schemaFromTablesJson, type TablesJsonFull } from './prompt/schemaText.js';
export { type AlignHtmlOptions, renderAlignHtml } from './report/alignHtml.js';
export { alignJson } from './report/alignJson.js';
export { renderAlignMarkdown } from './report/alignMarkdown.js';
export { renderAlignText } from './report/alignText.js';
export { renderCompareHtml } from './report/compareHtml.js';
export { renderCompareMarkdown, renderCompareText } from './report/compareText.js';
export { dialectNotes, querySetDialectNotes, weightNotes } from './report/dialectNotes.js';
export { renderEvalText } from './report/evalText.js';
export { renderPredictText } from './report/predictText.js';
export { renderProfileText } from './report/profileText.js';
export type { ReportOptions } from './report/ratioNotes.js';
export { renderSelectText, type SelectTextOptions } from './report/selectText.js';
export { renderStudyHtml } from './report/studyHtml.js';
export { renderStudyMarkdown, renderStudyText } from './report/studyText.js';
export { count, renderTable } from './report/table.js';
export { type ExportFormat, type ExportOptions, exportSelection, trainingRecord } from './select/export.js';
export { type SelectedItem, type SelectMethod, type SelectOptions, type SelectResult, select } from './select/select.js';
export { exactMatch, type Hardness, hardness, rebuildForMatch } from './spider/exactMatch.js';
export { SpiderJudge } from './spider/judge.js';
export { parseSpiderSql, type SpiderSql } from './spider/parse.js';
export { type SchemaTables, SpiderSchema, type TablesJsonEntry } from './spider/schema.js';
export { type NamesOf, schemaNames } from './spider/schemaNames.js';
export {
  DIALECT_NAMES,
  type DialectInfo,
  dialectInfo,
  MEASURED_AGREEMENT,
  needsTranspiling,
  transpiledFrom,
  UnknownDialectError,
} from './sql/dialects.js';
export { TemplateEngine } from './sql/engine.js';
export { type Lexical, lex, SqlLexer, splitStatements } from './sql/lexer.js';
export { loadParser } from './sql/parser.js';
export { type TemplateResult, templateOf } from './sql/template.js';
export {
  type ClosableTemplater,
  createTemplater,
  lazyTemplater,
  lazyTemplaters,
  type TemplaterOptions,
} from './sql/templater.js';
export { beforeTranspiling, doubleQuotedStringsAsLiterals, type TranspileOutcome, transpileQuery } from './sql/transpile.js';
export { wilsonInterval } from './stats/interval.js';
export { holm, mcnemarExact, pairedBootstrapDelta } from './stats/paired.js';
export {
  DEFAULT_EVIDENCE_PATH,
  type Evidence,
  type EvidenceMatch,
  type EvidenceRange,
  evidenceOf,
  evidenceSentence,
  matchEvidence,
  readEvidence,
  type Tally,
} from './study/evidence.js';
export { type Correlation, pearson, spearman } from './study/stats.js';
export {
  type Experiment,
  type GroupStats,
  readExperiments,
  type StudyOptions,
  type StudyResult,
  studyStats,
} from './study/study.js';
export { sqlalignVersion } from './version.js';
export { plural } from './words.js';
