/**
 * A persistent cache of whole datasets reduced to what a comparison needs: the query set
 * (counts, templates, examples) and, per item, the keys that say whether it is another set's item
 * and the database it runs on. The template cache (sql/templateCache.ts) spares the parser; this
 * spares reading, parsing and looking up every query of a file seen before, which is most of a
 * second run over the same training sets.
 *
 * Keyed by a hash of the file's bytes and of everything that decides how it is read and
 * templated (field, extension, dialect, layout, length limit, sqlalign's, the template rules' and
 * the parser's versions): a changed file or a new version can never get an old reduction back. One
 * file per dataset under `<cache folder>/sets/`, written to a temporary name and renamed into place
 * (two runs may write at once), bounded in bytes (least recently used first out). Never needed for
 * correctness: an entry that cannot be read is a miss, a cache that cannot be written is skipped.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writevSync,
} from 'node:fs';
import { extname, join } from 'node:path';
import type { TemplateCountsFile } from '../datasets/counts.js';
import {
  type DatasetInput,
  DEFAULT_MAX_QUERY_LENGTH,
  hashBytes,
  type LoadOptions,
  openDataset,
  parseDatasetSpec,
} from '../datasets/index.js';
import { queryHash, questionHash } from '../datasets/overlap.js';
import type { Dataset, QueryRecord } from '../datasets/record.js';
import { transpiledFrom } from '../sql/dialects.js';
import { parserVersion } from '../sql/parser.js';
import { cacheDir, type TemplateCacheOptions } from '../sql/templateCache.js';
import { TEMPLATE_VERSION } from '../sql/templateResult.js';
import type { Templater } from '../sql/templater.js';
import { beforeTranspiling } from '../sql/transpile.js';
import { sqlalignVersion } from '../version.js';
import { TemplateCounter } from './distribution.js';
import {
  buildQuerySet,
  type QuerySet,
  type QuerySetOptions,
  type TranspileCounts,
  type UnparseableExample,
  type WeightTotals,
} from './querySet.js';

/** Bumped whenever what is stored, or how a file is read into it, changes. */
const REDUCED_FORMAT = 5;
const MAGIC = 'SQALRED1';
export const DEFAULT_REDUCED_CACHE_BYTES = 512 * 2 ** 20;

/** Per item of a dataset, in order: what tells it apart from another set's items, and its database. */
export interface ItemFacts {
  /** The question's hash (datasets/overlap.ts); NaN without a question. */
  readonly questionHashes: Float64Array;
  /** The SQL's hash on its database; NaN without SQL. */
  readonly queryHashes: Float64Array;
  /** 1 where the item has SQL at all (an empty string counts), 0 where the source has none. */
  readonly hasSql: Uint8Array;
  /** Index into `dbNames`, -1 without a db_id. */
  readonly dbIndex: Int32Array;
  readonly dbNames: readonly string[];
}

/** How a file was read: the dataset's own facts that a report shows. */
export type DatasetFacts = Pick<Dataset, 'format' | 'field' | 'layout' | 'notes'>;

/** A dataset reduced once: its query set (named as the run names it) and its items' facts. */
export interface ReducedDataset {
  readonly dataset: DatasetFacts;
  readonly set: QuerySet;
  readonly items: ItemFacts;
}

/** What decides how a file is read and templated, besides its bytes. */
export interface ReadSettings {
  readonly dialect: string;
  /** The dataset's own dialect, where its queries are transpiled into `dialect` first. */
  readonly from?: string;
  /** What tells SQLite's double-quoted strings from names before transpiling (a hash of the schemas' names; default: position). */
  readonly quotedWords?: string;
  /** Whether the examples keep their literals (by default they are masked, and so is every cached reduction). */
  readonly showLiterals?: boolean;
  readonly layout?: string;
  /** The weight field asked for ('none', a field; undefined: the automatic `calls` rule). */
  readonly weight?: string;
  readonly maxQueryLength?: number;
  /** false: a table without a SQL field is read as questions only (default true). */
  readonly requireSql?: boolean;
}

/** Gathers ItemFacts record by record, into typed arrays that double as they fill (a log of a million items costs 21 MB). */
export class ItemFactsBuilder {
  private size = 0;
  private questions = new Float64Array(1024);
  private queries = new Float64Array(1024);
  private hasSql = new Uint8Array(1024);
  private dbIndex = new Int32Array(1024);
  private readonly dbIds = new Map<string, number>();

  add(record: QueryRecord): void {
    if (this.size === this.hasSql.length) this.grow();
    let db = -1;
    if (record.dbId !== undefined) {
      db = this.dbIds.get(record.dbId) ?? this.dbIds.size;
      if (db === this.dbIds.size) this.dbIds.set(record.dbId, db);
    }
    const k = this.size++;
    this.questions[k] = questionHash(record);
    this.queries[k] = queryHash(record);
    this.hasSql[k] = record.sql === null ? 0 : 1;
    this.dbIndex[k] = db;
  }

  /** The facts gathered (views of the builder's arrays, not copies: a log of a million items is not held twice). */
  build(): ItemFacts {
    return {
      questionHashes: this.questions.subarray(0, this.size),
      queryHashes: this.queries.subarray(0, this.size),
      hasSql: this.hasSql.subarray(0, this.size),
      dbIndex: this.dbIndex.subarray(0, this.size),
      dbNames: [...this.dbIds.keys()],
    };
  }

  private grow(): void {
    const larger = <T extends Float64Array | Uint8Array | Int32Array>(array: T, make: (n: number) => T): T => {
      const out = make(array.length * 2);
      out.set(array);
      return out;
    };
    this.questions = larger(this.questions, (n) => new Float64Array(n));
    this.queries = larger(this.queries, (n) => new Float64Array(n));
    this.hasSql = larger(this.hasSql, (n) => new Uint8Array(n));
    this.dbIndex = larger(this.dbIndex, (n) => new Int32Array(n));
  }
}

/** A dataset read and templated, with its items' facts (`onRecord` still sees every record). */
export async function reduceDataset(
  dataset: Dataset,
  templater: Templater,
  options: QuerySetOptions = {},
): Promise<ReducedDataset> {
  const facts = new ItemFactsBuilder();
  const set = await buildQuerySet(dataset, templater, {
    ...options,
    onRecord: (record, result) => {
      facts.add(record);
      options.onRecord?.(record, result);
    },
  });
  const { format, field, layout, notes } = dataset;
  return { dataset: { format, field, layout, notes }, set, items: facts.build() };
}

/**
 * One dataset argument as a query set: from the cache where it holds the file as it is now, else
 * opened, templated (the templater is asked for only then) and stored. A counts file comes back
 * with its counts.
 */
export async function cachedQuerySet(
  arg: string,
  options: {
    readonly read: LoadOptions & ReadSettings;
    readonly cache: ReducedCache | null;
    /** The templater for queries written in `from` (read.from), transpiling them into read.dialect. */
    readonly templater: (from?: string) => Promise<Templater>;
    readonly onProgress?: (name: string, done: number) => void;
  },
): Promise<{ set: QuerySet; counts?: TemplateCountsFile }> {
  const { read, cache } = options;
  const key = cache ? await cache.keyOf(arg, read) : null;
  const spec = parseDatasetSpec(arg);
  const hit = key && cache ? cache.get(key, spec.name, spec.path) : null;
  if (hit) {
    for (const note of hit.dataset.notes ?? []) read.onNote?.(`${spec.path}: ${note}`);
    options.onProgress?.(spec.name, hit.set.queries);
    return { set: hit.set };
  }
  // Not cached: the templater (and, on a first run, the parser) starts while the file is opened.
  const templater = options.templater(read.from);
  templater.catch(() => {});
  const dataset = await openDataset(arg, read);
  const prepare = beforeTranspiling(read.from, read.dialect);
  const reduced = await reduceDataset(dataset, await templater, {
    dialect: read.dialect,
    from: read.from,
    showLiterals: read.showLiterals,
    prepare: prepare && ((sql, record) => prepare(sql, record.dbId)),
    onProgress: (done) => options.onProgress?.(dataset.name, done),
  });
  if (key && !dataset.counts) await cache?.putIfUnchanged(key, arg, read, reduced);
  return { set: reduced.set, counts: dataset.counts };
}

/** The db_id of every item, in order. */
export const dbIdsOf = (items: ItemFacts): (string | undefined)[] =>
  Array.from(items.dbIndex, (k) => (k < 0 ? undefined : items.dbNames[k]));

interface Header {
  readonly dataset: DatasetFacts;
  readonly queries: number;
  readonly unparseable: number;
  readonly unparseableExamples: readonly UnparseableExample[];
  readonly templates: readonly (readonly [string, number])[];
  readonly examples: readonly (readonly [string, string])[];
  readonly transpile?: TranspileCounts;
  readonly literalsShown?: boolean;
  readonly weighted?: WeightTotals;
  readonly dbNames: readonly string[];
}

export class ReducedCache {
  private constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly onNote?: (message: string) => void,
  ) {}

  /** The cache in the template cache's folder, or null where caching is off (`false`, or SQLALIGN_CACHE=off). */
  static open(options: false | TemplateCacheOptions = {}, maxBytes = DEFAULT_REDUCED_CACHE_BYTES): ReducedCache | null {
    if (options === false) return null;
    const dir = cacheDir(options.dir);
    return dir === null ? null : new ReducedCache(join(dir, 'sets'), maxBytes, options.onNote);
  }

  /** The key of a dataset file read with these settings; null for queries in memory or a file that cannot be read. */
  async keyOf(input: DatasetInput, settings: ReadSettings): Promise<string | null> {
    if (typeof input !== 'string') return null;
    const spec = parseDatasetSpec(input);
    const hash = createHash('sha256');
    const gz = /\.gz$/i.test(spec.path);
    const setting = [
      REDUCED_FORMAT,
      sqlalignVersion(),
      TEMPLATE_VERSION,
      parserVersion(),
      settings.dialect,
      transpiledFrom(settings.from, settings.dialect) ?? '',
      settings.quotedWords ?? '',
      settings.showLiterals === true,
      settings.layout ?? '',
      settings.weight ?? '\u0001auto',
      settings.maxQueryLength ?? DEFAULT_MAX_QUERY_LENGTH,
      settings.requireSql ?? true,
      spec.field ?? '\u0001none',
      extname(spec.path.replace(/\.gz$/i, '')).toLowerCase(),
      gz,
    ];
    hash.update(`${JSON.stringify(setting)}\n`);
    try {
      await hashBytes(spec.path, hash);
    } catch {
      return null; // the reader says what is wrong with the file
    }
    return hash.digest('hex');
  }

  /** The dataset reduced under this key, named for this run; null when not cached (or unreadable). */
  get(key: string, name: string, path: string): ReducedDataset | null {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    try {
      const reduced = decode(bytes, name, path);
      const now = new Date();
      utimesSync(file, now, now); // recently used: kept longest
      return reduced;
    } catch {
      try {
        unlinkSync(file);
      } catch {}
      return null;
    }
  }

  /**
   * Stores a reduction under the key its file had when the run began, unless the file has changed
   * meanwhile (then the reduction belongs to neither version, and is not kept).
   */
  async putIfUnchanged(key: string, input: DatasetInput, settings: ReadSettings, reduced: ReducedDataset): Promise<void> {
    if ((await this.keyOf(input, settings)) === key) this.put(key, reduced);
  }

  put(key: string, reduced: ReducedDataset): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const file = this.fileOf(key);
      const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const fd = openSync(temporary, 'w');
      try {
        writevSync(fd, encode(reduced));
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
      this.bound();
    } catch (err) {
      this.onNote?.(`dataset cache not written (${this.dir}: ${err instanceof Error ? err.message : String(err)})`);
    }
  }

  private fileOf(key: string): string {
    return join(this.dir, `${key}.bin`);
  }

  /** Past the bound, the least recently used entries go until three quarters of it remain. */
  private bound(): void {
    const entries = readdirSync(this.dir).flatMap((name) => {
      try {
        const info = statSync(join(this.dir, name));
        return [{ name, bytes: info.size, used: info.mtimeMs }];
      } catch {
        return []; // removed by another run meanwhile
      }
    });
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    if (total <= this.maxBytes) return;
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes * 0.75) break;
      try {
        unlinkSync(join(this.dir, entry.name));
      } catch {}
      total -= entry.bytes;
    }
  }
}

/**
 * Layout: the magic, a 4-byte header length, the header as JSON, padding to 8 bytes, then the
 * per-item arrays (question hashes, query hashes, db indexes, has-SQL flags).
 */
function encode(reduced: ReducedDataset): Uint8Array[] {
  const { set, items } = reduced;
  const header: Header = {
    dataset: {
      format: reduced.dataset.format,
      field: reduced.dataset.field,
      layout: reduced.dataset.layout,
      notes: reduced.dataset.notes,
    },
    queries: set.queries,
    unparseable: set.unparseable,
    unparseableExamples: set.unparseableExamples,
    templates: [...set.templates.counts],
    examples: [...set.examples],
    transpile: set.transpile,
    literalsShown: set.literalsShown,
    weighted: set.weighted,
    dbNames: items.dbNames,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(align8(MAGIC.length + 4 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, MAGIC.length);
  json.copy(head, MAGIC.length + 4);
  // The arrays are written as they are, not copied into one buffer.
  const bytes = (array: Float64Array | Int32Array | Uint8Array) =>
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  return [head, bytes(items.questionHashes), bytes(items.queryHashes), bytes(items.dbIndex), bytes(items.hasSql)];
}

function decode(bytes: Buffer, name: string, path: string): ReducedDataset {
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a reduced dataset');
  const length = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Header;
  const n = header.queries;
  let at = align8(MAGIC.length + 4 + length);
  if (bytes.length !== at + n * 21) throw new Error('truncated');
  // Copied out of the file's buffer: typed arrays need their own aligned memory.
  const take = (size: number) => {
    const copy = new Uint8Array(size);
    copy.set(bytes.subarray(at, at + size));
    at += size;
    return copy.buffer;
  };
  const items: ItemFacts = {
    questionHashes: new Float64Array(take(n * 8)),
    queryHashes: new Float64Array(take(n * 8)),
    dbIndex: new Int32Array(take(n * 4)),
    hasSql: new Uint8Array(take(n)),
    dbNames: header.dbNames,
  };
  const templates = new TemplateCounter();
  for (const [template, times] of header.templates) templates.add(template, times);
  const set: QuerySet = {
    name,
    path,
    queries: n,
    unparseable: header.unparseable,
    unparseableExamples: header.unparseableExamples,
    templates,
    examples: new Map(header.examples),
    ...(header.transpile === undefined ? {} : { transpile: header.transpile }),
    ...(header.literalsShown ? { literalsShown: true } : {}),
    ...(header.weighted ? { weighted: header.weighted } : {}),
  };
  return { dataset: header.dataset, set, items };
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;
