/**
 * Turning many queries into templates, in this thread or across worker threads. Either way
 * each parser sits behind a shape cache (engine.ts); results are the same whichever path runs.
 */
import { availableParallelism } from 'node:os';
import { transpiledFrom } from './dialects.js';
import { loadParser } from './parser.js';
import { placementHash } from './placement.js';
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

/** Templates in this thread; `from`: the queries' dialect where they are transpiled into `dialect` first. */
export async function createLocalTemplater(dialect: string, from?: string): Promise<ClosableTemplater> {
  // The templating code is loaded with the parser: a run served from the caches loads neither.
  const [{ templateEngineFor }] = await Promise.all([import('./crossDialectEngine.js'), loadParser()]);
  const engine = templateEngineFor(dialect, from);
  return {
    async templateAll(sqls) {
      const results: TemplateResult[] = [];
      let since = performance.now();
      for (const sql of sqls) {
        results.push(engine.template(sql));
        // Let the thread's other work (eval's processes waiting for items) in every few milliseconds.
        if (performance.now() - since > YIELD_EVERY_MS) {
          await new Promise(setImmediate);
          since = performance.now();
        }
      }
      return results;
    },
    close: async () => {},
  };
}

const YIELD_EVERY_MS = 2;

/**
 * Templates across `workers` threads, each with its own parser and cache, this thread only
 * reading and handing out work (on two cores that was faster than this thread parsing a share
 * too: it has the reading, the counting and the hashing of items to do). The threads share this
 * process's compiled parser. Queries go to a thread by a rough shape of their text (placement.ts),
 * so that queries of one shape mostly meet one cache and are parsed once.
 */
export async function createWorkerTemplater(
  dialect: string,
  workers: number,
  from?: string,
): Promise<ClosableTemplater & { readonly placed: readonly number[] }> {
  const pool = Array.from({ length: workers }, () => new TemplaterThread(dialect, from));
  const close = () => Promise.all(pool.map((thread) => thread.terminate())).then(() => {});
  // A thread that cannot start stops the others too: nothing is left running to hold the process.
  await Promise.all(pool.map((thread) => thread.ready)).catch(async (err: unknown) => {
    await close();
    throw err;
  });
  // How many queries went to each thread, for tests and benchmarks.
  const placed = new Array<number>(workers).fill(0);
  return {
    placed,
    async templateAll(sqls) {
      const ks: number[][] = pool.map(() => []);
      for (let k = 0; k < sqls.length; k++) (ks[placementHash(sqls[k] as string) % workers] as number[]).push(k);
      ks.forEach((mine, w) => {
        placed[w] = (placed[w] as number) + mine.length;
      });
      const parts = await Promise.all(pool.map((thread, w) => thread.run((ks[w] as number[]).map((k) => sqls[k] as string))));
      const results = new Array<TemplateResult>(sqls.length);
      parts.forEach((part, w) => {
        (ks[w] as number[]).forEach((k, j) => {
          results[k] = part[j] as TemplateResult;
        });
      });
      return results;
    },
    close,
  };
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
  /** The queries' dialect, where it is not the comparison's: each query is transpiled into that one first. */
  from?: string;
}

/** Inputs with fewer queries to parse than this (by estimate) are templated in this thread. */
export const THREADS_MIN_QUERIES = 5_000;
/** Each parser thread beyond the second is given at least this many queries (by estimate). */
const QUERIES_PER_THREAD = 2_500;

/**
 * Which templater for about `queries` queries to parse: this thread for small inputs (the
 * threads cost about a tenth of a second to start), else parser threads, one per core but no
 * more than the input keeps busy (each loads its own instance of the parser and warms its own
 * cache); `workers` fixes the number of threads instead (0: this thread).
 */
function chooseTemplater(dialect: string, workers: number | undefined, queries: number | undefined, from?: string) {
  const local = () => createLocalTemplater(dialect, from);
  if (workers !== undefined) return workers > 0 ? createWorkerTemplater(dialect, workers, from) : local();
  if (queries === undefined || queries < THREADS_MIN_QUERIES) return local();
  const threads = Math.min(availableParallelism(), Math.max(2, Math.floor(queries / QUERIES_PER_THREAD)));
  // One core: a thread beside this idle one would gain nothing.
  return threads > 1 ? createWorkerTemplater(dialect, threads, from) : local();
}

/**
 * The templater for the inputs (chooseTemplater), behind the persistent cache unless it is off.
 * With a cache that already holds templates, the parser is loaded only when a query misses: a
 * run over data seen before never loads it.
 */
export async function createTemplater(dialect: string, options: TemplaterOptions = {}): Promise<ClosableTemplater> {
  const from = transpiledFrom(options.from, dialect);
  const make = (queries: number | undefined) => chooseTemplater(dialect, options.workers, queries, from);
  const large = (options.expectedQueries ?? 0) > TEMPLATE_CACHE_MAX_QUERIES;
  // Transpiled queries are cached apart: the same text read in another dialect has another template.
  const cached = from === undefined ? dialect : `${from}>${dialect}`;
  const cache = options.cache === false || large ? null : TemplateCache.open(cached, options.cache ?? {});
  if (cache === null) return make(options.expectedQueries);
  // A first run (nothing cached) starts the parser at once, overlapping it with reading the inputs.
  let inner: Promise<ClosableTemplater> | null = cache.isEmpty() ? make(options.expectedQueries) : null;
  return {
    async templateAll(sqls) {
      const keys = cache.keysOf(sqls);
      // Only queries the transpiler rewrote are stored (below), so every hit of a transpiling run was rewritten.
      const found = from === undefined ? cache.lookup(sqls, keys) : cache.lookup(sqls, keys).map(transpiledHit);
      const missing = found.flatMap((r, k) => (r === undefined ? [k] : []));
      if (missing.length === 0) return found as TemplateResult[];
      // Made on the first miss: as many queries to parse as this batch's share of misses suggests.
      inner ??= make(
        options.expectedQueries === undefined ? undefined : Math.round((options.expectedQueries * missing.length) / sqls.length),
      );
      const texts = missing.map((k) => sqls[k] as string);
      const fresh = await (await inner).templateAll(texts);
      // A query the transpiler could not rewrite is not stored: its mark would be lost, and it is rare.
      const kept = fresh.flatMap((r, j) => (r.transpiled === false ? [] : [j]));
      cache.store(
        kept.map((j) => texts[j] as string),
        kept.map((j) => fresh[j] as TemplateResult),
        kept.map((j) => keys[missing[j] as number] as Buffer),
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

const transpiledHit = (hit: TemplateResult | undefined): TemplateResult | undefined =>
  hit === undefined ? undefined : { ...hit, transpiled: true };

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

/**
 * Templaters made on first use, one per dialect the inputs are written in (`from`; undefined: the
 * comparison's own), each transpiling into `dialect`; closed together.
 */
export function lazyTemplaters(
  dialect: string,
  options: Omit<TemplaterOptions, 'from' | 'expectedQueries'> & {
    /** About how many queries of each dialect there are to parse (undefined: the comparison's own). */
    readonly expectedQueries?: (from: string | undefined) => number | undefined;
  } = {},
) {
  const made = new Map<string | undefined, ReturnType<typeof lazyTemplater>>();
  const of = (written: string | undefined) => {
    const from = transpiledFrom(written, dialect);
    let templater = made.get(from);
    if (!templater) {
      templater = lazyTemplater(dialect, { ...options, from, expectedQueries: options.expectedQueries?.(from) });
      made.set(from, templater);
    }
    return templater;
  };
  return {
    get: (from?: string): Promise<Templater> => of(from).get(),
    close: async (): Promise<void> => {
      await Promise.all([...made.values()].map((t) => t.close()));
    },
  };
}
