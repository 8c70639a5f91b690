/**
 * Turning many queries into templates, in this thread or across worker threads. Either way
 * each parser sits behind a shape cache (engine.ts); results are the same whichever path runs.
 */
import { availableParallelism } from 'node:os';
import type { TemplateEngine } from './engine.js';
import { loadParser } from './parser.js';
import type { QueryShape } from './queryShape.js';
import { TemplateCache, type TemplateCacheOptions } from './templateCache.js';
import type { TemplateResult } from './templateResult.js';
import { TemplaterThread } from './templaterThread.js';

/** Something that turns SQL into templates (the engine, or a pool of worker engines). */
export interface Templater {
  templateAll(sqls: readonly string[]): Promise<TemplateResult[]>;
}

export interface ClosableTemplater extends Templater {
  close(): Promise<void>;
}

/** Templates in this thread. */
export async function createLocalTemplater(dialect: string): Promise<ClosableTemplater> {
  const engine = await localEngine(dialect);
  return { templateAll: (sqls) => templateHere(engine, sqls), close: async () => {} };
}

/** An engine of this thread; its code is loaded with the parser, so a run served from the caches loads neither. */
async function localEngine(dialect: string): Promise<TemplateEngine> {
  const [{ TemplateEngine }] = await Promise.all([import('./engine.js'), loadParser()]);
  return new TemplateEngine(dialect);
}

/** `sqls` templated in this thread (with their shapes where the caller made them), yielding now and then. */
async function templateHere(
  engine: TemplateEngine,
  sqls: readonly string[],
  shapes?: readonly (QueryShape | null | undefined)[],
): Promise<TemplateResult[]> {
  const results: TemplateResult[] = [];
  let since = performance.now();
  for (let k = 0; k < sqls.length; k++) {
    results.push(engine.template(sqls[k] as string, shapes?.[k]));
    // Let the thread's other work (eval's processes waiting for items, a parser thread waiting
    // for its next batch) in every few milliseconds.
    if (performance.now() - since > YIELD_EVERY_MS) {
      await new Promise(setImmediate);
      since = performance.now();
    }
  }
  return results;
}

const YIELD_EVERY_MS = 2;

/**
 * Templates across `workers` threads, each with its own parser and cache, this thread only
 * handing out work. Queries go to a thread by a hash of their text (no scan here), so repeated
 * queries always meet the same cache: the mode for inputs so large that this thread has reading
 * enough to do.
 */
export async function createWorkerTemplater(dialect: string, workers: number): Promise<ClosableTemplater> {
  const pool = Array.from({ length: workers }, () => new TemplaterThread(dialect));
  await Promise.all(pool.map((thread) => thread.ready));
  return {
    templateAll(sqls) {
      const ks: number[][] = pool.map(() => []);
      for (let k = 0; k < sqls.length; k++) (ks[hash(sqls[k] as string) % pool.length] as number[]).push(k);
      return reassemble(
        sqls.length,
        pool.map((thread, w) => share(ks[w] as number[], thread.run((ks[w] as number[]).map((k) => sqls[k] as string)))),
      );
    },
    close: async () => {
      await Promise.all(pool.map((thread) => thread.terminate()));
    },
  };
}

/**
 * Templates in this thread and in `helpers` worker threads at once, each with its own engine,
 * for inputs with many new shapes. Queries go to a thread by their shape (as this thread's
 * engine sees it; the text for a long query), so queries of one shape meet one cache and are
 * parsed once. The helpers start at once and share this process's compiled parser.
 */
export async function createSplitTemplater(
  dialect: string,
  helpers: number,
): Promise<ClosableTemplater & { readonly placed: readonly number[] }> {
  const pool = Array.from({ length: helpers }, () => new TemplaterThread(dialect));
  const engine = await localEngine(dialect);
  // Equal shares: this thread's reading and scanning weigh about what a helper's later start does.
  const mainSlots = Math.round(SPLIT_SLOTS / (helpers + 1));
  // How many queries went to each thread (this one first), for tests and benchmarks.
  const placed = new Array<number>(helpers + 1).fill(0);
  return {
    placed,
    async templateAll(sqls) {
      const shapes = new Array<QueryShape | null | undefined>(sqls.length);
      const mine: number[] = [];
      const away: Share[] = [];
      // The helpers' shares go out a chunk at a time, so they start before this thread has scanned the whole batch.
      for (let from = 0; from < sqls.length; from += SPLIT_CHUNK) {
        const theirs: number[][] = pool.map(() => []);
        for (let k = from; k < Math.min(sqls.length, from + SPLIT_CHUNK); k++) {
          const sql = sqls[k] as string;
          const shape = sql.length > SPLIT_SCAN_MAX_LENGTH ? undefined : engine.shapeOf(sql);
          shapes[k] = shape;
          const h = hash(shape?.key ?? sql);
          if (h % SPLIT_SLOTS < mainSlots) mine.push(k);
          else (theirs[h % helpers] as number[]).push(k);
        }
        theirs.forEach((ks, w) => {
          if (ks.length === 0) return;
          placed[w + 1] = (placed[w + 1] as number) + ks.length;
          away.push(share(ks, (pool[w] as TemplaterThread).run(ks.map((k) => sqls[k] as string))));
        });
      }
      placed[0] = (placed[0] as number) + mine.length;
      const here = templateHere(
        engine,
        mine.map((k) => sqls[k] as string),
        mine.map((k) => shapes[k]),
      );
      return reassemble(sqls.length, [...away, share(mine, here)]);
    },
    close: async () => {
      await Promise.all(pool.map((thread) => thread.terminate()));
    },
  };
}

const SPLIT_CHUNK = 512;
const SPLIT_SLOTS = 64;

/** Queries longer than this go to a thread by their text: their own path scans them (engine.ts). */
const SPLIT_SCAN_MAX_LENGTH = 10_000;

/** Part of a batch: the indexes of its queries, and their templates to come. */
interface Share {
  readonly ks: readonly number[];
  readonly results: Promise<TemplateResult[]>;
}

const share = (ks: readonly number[], results: Promise<TemplateResult[]>): Share => ({ ks, results });

/** A batch's templates in order, from its parts (all awaited at once, so no failure goes unhandled). */
async function reassemble(total: number, shares: readonly Share[]): Promise<TemplateResult[]> {
  const done = await Promise.all(shares.map((s) => s.results));
  const results = new Array<TemplateResult>(total);
  shares.forEach(({ ks }, w) => {
    const part = done[w] as TemplateResult[];
    ks.forEach((k, j) => {
      results[k] = part[j] as TemplateResult;
    });
  });
  return results;
}

/** FNV-1a over the first 256 characters: cheap, and enough to spread queries over threads. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length && k < 256; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/**
 * Inputs larger than this (by estimate) are templated without the persistent template cache. The
 * cache is keyed by text, so a log whose literals vary writes an entry for almost every query:
 * measured on a synthetic log of a million queries, align took 55 to 64 s with it against 17 s
 * without (the in-process shape cache already parses each shape once). A second run over the same
 * large file is served whole by the dataset cache (features/reducedCache.ts) instead.
 */
export const TEMPLATE_CACHE_MAX_QUERIES = 200_000;

export interface TemplaterOptions {
  workers?: number;
  expectedQueries?: number;
  /** The persistent template cache (templateCache.ts); false: none. Default: on, in the user's cache folder. */
  cache?: false | TemplateCacheOptions;
}

/** Inputs with fewer queries to parse than this (by estimate) are templated in this thread alone. */
export const SPLIT_MIN_QUERIES = 5_000;
/** Inputs with more are parsed by a thread per core, this thread only reading and handing out work. */
export const WORKERS_MIN_QUERIES = 50_000;

/**
 * Which templater for about `queries` queries to parse: this thread alone for small inputs (a
 * helper thread costs a tenth of a second to start), this thread with a helper per other core
 * for the sizes of a benchmark's splits, a thread per core for large logs (where this thread's
 * reading and a scan of every query for its shape would hold the helpers back); `workers` fixes
 * the number of threads instead (0: this thread).
 */
function chooseTemplater(dialect: string, workers: number | undefined, queries: number | undefined) {
  if (workers !== undefined) return workers > 0 ? createWorkerTemplater(dialect, workers) : createLocalTemplater(dialect);
  const cores = availableParallelism();
  if (queries === undefined || queries < SPLIT_MIN_QUERIES || cores < 2) return createLocalTemplater(dialect);
  return queries > WORKERS_MIN_QUERIES ? createWorkerTemplater(dialect, cores) : createSplitTemplater(dialect, cores - 1);
}

/**
 * The templater for the inputs (chooseTemplater), behind the persistent cache unless it is off.
 * With a cache that already holds templates, the parser is loaded only when a query misses: a
 * run over data seen before never loads it.
 */
export async function createTemplater(dialect: string, options: TemplaterOptions = {}): Promise<ClosableTemplater> {
  const make = (queries: number | undefined) => chooseTemplater(dialect, options.workers, queries);
  const large = (options.expectedQueries ?? 0) > TEMPLATE_CACHE_MAX_QUERIES;
  const cache = options.cache === false || large ? null : TemplateCache.open(dialect, options.cache ?? {});
  if (cache === null) return make(options.expectedQueries);
  // A first run (nothing cached) starts the parser at once, overlapping it with reading the inputs.
  let inner: Promise<ClosableTemplater> | null = cache.isEmpty() ? make(options.expectedQueries) : null;
  return {
    async templateAll(sqls) {
      const keys = cache.keysOf(sqls);
      const found = cache.lookup(sqls, keys);
      const missing = found.flatMap((r, k) => (r === undefined ? [k] : []));
      if (missing.length === 0) return found as TemplateResult[];
      // Made on the first miss: as many queries to parse as this batch's share of misses suggests.
      inner ??= make(
        options.expectedQueries === undefined ? undefined : Math.round((options.expectedQueries * missing.length) / sqls.length),
      );
      const texts = missing.map((k) => sqls[k] as string);
      const fresh = await (await inner).templateAll(texts);
      cache.store(
        texts,
        fresh,
        missing.map((k) => keys[k] as Buffer),
      );
      missing.forEach((k, j) => {
        found[k] = fresh[j];
      });
      return found as TemplateResult[];
    },
    async close() {
      cache.close();
      if (inner) await (await inner).close();
    },
  };
}

/** A templater made on first use (a run whose inputs are all cached never makes one), closed if made. */
export function lazyTemplater(dialect: string, options: TemplaterOptions = {}) {
  let made: Promise<ClosableTemplater> | undefined;
  return {
    get: (): Promise<Templater> => {
      made ??= createTemplater(dialect, options);
      return made;
    },
    close: async (): Promise<void> => {
      if (made) await (await made).close();
    },
  };
}
