/**
 * Turning many queries into templates, in this thread or across worker threads. Either
 * way, queries are first looked up under their literal key (literalKey.ts), so only
 * distinct shapes reach a parser; results are the same whichever path runs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Templater } from '../features/querySet.js';
import { dialectInfo } from './dialects.js';
import { DEFAULT_CACHE_ENTRIES, TemplateEngine } from './engine.js';
import { literalKey } from './literalKey.js';
import { loadParser } from './parser.js';
import type { TemplateResult } from './template.js';

export interface ClosableTemplater extends Templater {
  close(): Promise<void>;
}

/** Templates in this thread. */
export async function createLocalTemplater(dialect: string): Promise<ClosableTemplater & { engine: TemplateEngine }> {
  await loadParser();
  const engine = new TemplateEngine(dialect);
  return {
    engine,
    templateAll: async (sqls) => sqls.map((sql) => engine.template(sql)),
    close: async () => {},
  };
}

/** Templates across `workers` threads, each with its own parser; the cache stays in this thread. */
export async function createWorkerTemplater(dialect: string, workers: number): Promise<ClosableTemplater> {
  const { parserName, backslashEscapes } = dialectInfo(dialect);
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const pool = await Promise.all(
    Array.from({ length: workers }, () => startWorker(new URL(`./worker${ext}`, import.meta.url), parserName)),
  );
  const cache = new Map<string, TemplateResult>();
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
      const keys = sqls.map((sql) => literalKey(sql, backslashEscapes) ?? sql);
      const missing = new Map<string, string>(); // key → one query text with that key
      for (let k = 0; k < sqls.length; k++) {
        const key = keys[k] as string;
        if (!cache.has(key) && !missing.has(key)) missing.set(key, sqls[k] as string);
      }
      if (missing.size > 0) {
        const texts = [...missing.values()];
        const share = Math.ceil(texts.length / pool.length);
        const parts = await Promise.all(pool.map((w, n) => run(w, texts.slice(n * share, (n + 1) * share))));
        const results = parts.flat();
        if (cache.size + missing.size > DEFAULT_CACHE_ENTRIES) cache.clear();
        let n = 0;
        for (const key of missing.keys()) cache.set(key, results[n++] as TemplateResult);
      }
      const out = keys.map((key) => cache.get(key) as TemplateResult);
      // Errors carry positions of one text: keep them out of the shared cache.
      for (const key of missing.keys()) if ('error' in (cache.get(key) as TemplateResult)) cache.delete(key);
      return out;
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

function startWorker(url: URL, parserName: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // Run from TypeScript sources (the tests), the worker needs the TypeScript loader registered first.
    const worker = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`, {
          eval: true,
          workerData: { parserName },
        })
      : new Worker(url, { workerData: { parserName } });
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve(worker);
    });
  });
}

/** In this thread for small inputs (a worker's parser costs about half a second to load), threads for large ones. */
export async function createTemplater(
  dialect: string,
  options: { workers?: number; expectedQueries?: number } = {},
): Promise<ClosableTemplater> {
  const workers =
    options.workers ?? (options.expectedQueries !== undefined && options.expectedQueries > 50_000 ? availableParallelism() : 0);
  return workers > 0 ? createWorkerTemplater(dialect, workers) : createLocalTemplater(dialect);
}
