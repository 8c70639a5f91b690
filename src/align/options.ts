/** What `align` is asked: its inputs and settings, and the defaults that depend on them. */
import type { DatasetInput } from '../datasets/index.js';
import type { ReadDialects } from '../datasets/readDialects.js';
import type { SqlTextLayout } from '../datasets/readers/sqlText.js';
import type { WeightFields } from '../datasets/weights.js';
import type { TablesJsonEntry } from '../spider/schema.js';
import type { TemplateCacheOptions } from '../sql/templateCache.js';

export interface AlignOptions {
  readonly target: DatasetInput;
  readonly train: readonly DatasetInput[];
  readonly pred?: readonly DatasetInput[];
  /** The dialect of the comparison: every set is templated in it (default sqlite). */
  readonly dialect?: string;
  /** The dialect each named dataset is written in, where it is not `dialect`: it is transpiled into `dialect` first. */
  readonly read?: ReadDialects;
  /**
   * The field each named dataset's items are weighted by ('none': each counts once). A table with a
   * `calls` column (a pg_stat_statements export) is weighted by it unless named here.
   */
  readonly weights?: WeightFields;
  readonly alpha?: number;
  readonly lmax?: number;
  readonly scale?: number;
  /** Worker threads for parsing; default: threads only for large inputs. */
  readonly workers?: number;
  /** The persistent template cache (sql/templateCache.ts); false: none; default: the user's cache folder. */
  readonly cache?: false | TemplateCacheOptions;
  readonly maxQueryLength?: number;
  /** Progress: which dataset, and how many of its queries are done. */
  readonly onProgress?: (name: string, done: number) => void;
  /** Use only K target queries per database (or per `sampleBy` column), drawn with `seed`. */
  readonly targetSample?: number;
  readonly sampleBy?: string;
  readonly seed?: number;
  /** Bootstrap replicates for confidence intervals (default: 1000 with a sample, else none). */
  readonly bootstrap?: number;
  /** Which patterns make each row differ from the target. */
  readonly explain?: boolean;
  /** Random draws behind each size-matched AR (default 10; 0: no size-matched AR). */
  readonly sizeMatchReplicates?: number;
  /** Report every figure per stratum of the target too: a built-in key (length, joins, nesting, clauses) or a column. */
  readonly by?: string;
  /** Spider-style tables.json: with `by: 'hardness'`, each target query's Spider hardness is computed from it. */
  readonly tables?: readonly TablesJsonEntry[];
  /** How SQL text files are read (default: decided from each file). */
  readonly layout?: SqlTextLayout;
  /** Leave out of each training set the items that are target items (same question, or same SQL on the same database). */
  readonly dropOverlap?: boolean;
  /**
   * Show the queries' own literals in examples (explanations, unparseable queries). By default every
   * string and number is `?`: a workload of customer data never reaches a report or a cache.
   */
  readonly showLiterals?: boolean;
  /** Told how each input was read where that is worth knowing, and of the result's warnings as they arise. */
  readonly onNote?: (message: string) => void;
}

export const DEFAULT_BOOTSTRAP_WITH_SAMPLE = 1000;

/** Whether the target's queries are needed one by one: for a sample, a bootstrap or strata. */
export const needsTargetEntries = (options: AlignOptions) =>
  !!options.targetSample || bootstrapReplicates(options) > 0 || !!options.by;

export const bootstrapReplicates = (options: AlignOptions) =>
  options.bootstrap ?? (options.targetSample ? DEFAULT_BOOTSTRAP_WITH_SAMPLE : 0);
