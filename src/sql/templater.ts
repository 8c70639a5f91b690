/**
 * Turning many queries into templates, in this thread or across worker threads. Either way
 * each parser sits behind a shape cache (engine.ts); results are the same whichever path runs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadParser } from './parser.js';
import { TemplateCache, type TemplateCacheOptions } from './templateCache.js';
import type { TemplateResult } from './templateResult.js';

/** Something that turns SQL into templates (the engine, or a pool of worker engines). */
export interface Templater {
  templateAll(sqls: readonly string[]): Promise<TemplateResult[]>;
}

export interface ClosableTemplater extends Templater {
  close(): Promise<void>;
}

/** Templates in this thread. */
export async function createLocalTemplater(dialect: string): Promise<ClosableTemplater> {
  // The templating code is loaded with the parser: a run served from the caches loads neither.
  const [{ TemplateEngine }] = await Promise.all([import('./engine.js'), loadParser()]);
  const engine = new TemplateEngine(dialect);
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
 * Templates across `workers` threads, each with its own parser and cache. Queries go to a
 * thread by a hash of their text, so repeated queries always meet the same cache.
 */
export async function createWorkerTemplater(dialect: string, workers: number): Promise<ClosableTemplater> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const pool = await Promise.all(
    Array.from({ length: workers }, () => startWorker(new URL(`./worker${ext}`, import.meta.url), dialect)),
  );
  let nextId = 0;

  const run = (worker: Worker, sqls: string[]) =>
    new Promise<TemplateResult[]>((resolve, reject) => {
      const id = nextId++;
      const onMessage = (message: { id?: number; results?: TemplateResult[] }) => {
        if (message.id !== id) return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve(message.results ?? []);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.postMessage({ id, sqls });
    });

  return {
    async templateAll(sqls) {
      const shares: string[][] = pool.map(() => []);
      const where = sqls.map((sql) => {
        const w = hash(sql) % pool.length;
        (shares[w] as string[]).push(sql);
        return w;
      });
      const results = await Promise.all(pool.map((worker, w) => run(worker, shares[w] as string[])));
      const next = pool.map(() => 0);
      return where.map((w) => (results[w] as TemplateResult[])[(next[w] as number)++] as TemplateResult);
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

/** FNV-1a over the first 256 characters: cheap, and enough to spread queries over threads. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length && k < 256; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/**
 * A parser thread's garbage is short-lived (each parse tree is read once and dropped), so a small
 * young generation costs it nothing measurable and keeps the process's peak memory down: on the
 * million-query log (`npm run bench`), 321–365 MB over seven runs against 363–401 MB with V8's
 * default young generation, in the same time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

function startWorker(url: URL, dialect: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // Run from TypeScript sources (the tests), the worker needs the TypeScript loader registered first.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`, {
          eval: true,
          workerData: { dialect },
          resourceLimits: WORKER_LIMITS,
        })
      : new Worker(url, { workerData: { dialect }, resourceLimits: WORKER_LIMITS });
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve(worker);
    });
  });
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

/**
 * In this thread for small inputs (a worker's parser costs about half a second to load), threads
 * for large ones; behind the persistent cache unless it is off. With a cache that already holds
 * templates, the parser is loaded only when a query misses: a run over data seen before never loads it.
 */
export async function createTemplater(dialect: string, options: TemplaterOptions = {}): Promise<ClosableTemplater> {
  const workers =
    options.workers ?? (options.expectedQueries !== undefined && options.expectedQueries > 50_000 ? availableParallelism() : 0);
  const make = () => (workers > 0 ? createWorkerTemplater(dialect, workers) : createLocalTemplater(dialect));
  const large = (options.expectedQueries ?? 0) > TEMPLATE_CACHE_MAX_QUERIES;
  const cache = options.cache === false || large ? null : TemplateCache.open(dialect, options.cache ?? {});
  if (cache === null) return make();
  // A first run (nothing cached) starts the parser at once, overlapping it with reading the inputs.
  let inner: Promise<ClosableTemplater> | null = cache.isEmpty() ? make() : null;
  return {
    async templateAll(sqls) {
      const keys = cache.keysOf(sqls);
      const found = cache.lookup(sqls, keys);
      const missing = found.flatMap((r, k) => (r === undefined ? [k] : []));
      if (missing.length === 0) return found as TemplateResult[];
      inner ??= make();
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
