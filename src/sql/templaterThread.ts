/**
 * A worker thread with a template engine of its own (worker.ts), fed batches of queries. It
 * starts at once and loads its parser from the module this process compiled (parser.ts), so no
 * thread compiles the 22 MB module again; batches sent before it is ready wait in its queue.
 */
import { Worker } from 'node:worker_threads';
import { compiledParser } from './parser.js';
import type { TemplateResult } from './templateResult.js';

/**
 * A parser thread's garbage is short-lived (each parse tree is read once and dropped), so a small
 * young generation costs it nothing measurable and keeps the process's peak memory down: on the
 * million-query log (`npm run bench`), 321–365 MB over seven runs against 363–401 MB with V8's
 * default young generation, in the same time.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

interface Pending {
  resolve(results: TemplateResult[]): void;
  reject(err: unknown): void;
}

export class TemplaterThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private stopped: Error | null = null;
  private onStop: (err: Error) => void = () => {};
  /** Settles when the thread has its parser (rejects if it cannot start). */
  readonly ready: Promise<void>;

  /** `from`: the queries' dialect, where each is transpiled into `dialect` before it is templated. */
  constructor(dialect: string, from?: string) {
    const url = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    // Run from TypeScript sources (the tests), the worker needs the TypeScript loader registered first.
    this.worker = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`, {
          eval: true,
          workerData: { dialect, from },
          resourceLimits: WORKER_LIMITS,
        })
      : new Worker(url, { workerData: { dialect, from }, resourceLimits: WORKER_LIMITS });
    this.ready = new Promise((resolve, reject) => {
      this.onStop = reject;
      this.worker.once('message', () => resolve());
    });
    this.ready.catch(() => {});
    this.worker.on('message', (message: { id?: number; results?: TemplateResult[] }) => {
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      this.pending.delete(message.id);
      waiting.resolve(message.results ?? []);
    });
    this.worker.on('error', (err) => this.stop(err));
    // A thread that stops (terminated, or out of memory) answers nothing more: its batches fail.
    this.worker.on('exit', (code) => this.stop(new Error(`a parser thread stopped (exit code ${code})`)));
    compiledParser().then(
      (compiled) => this.worker.postMessage({ compiled }),
      (err: unknown) => {
        this.stop(err);
        this.worker.terminate();
      },
    );
  }

  /** The templates of `sqls`, in order. */
  run(sqls: readonly string[]): Promise<TemplateResult[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sqls });
    });
  }

  /** The first reason the thread stopped fails its start and every batch not answered yet. */
  private stop(err: unknown): void {
    this.stopped ??= err instanceof Error ? err : new Error(String(err));
    this.onStop(this.stopped);
    for (const waiting of this.pending.values()) waiting.reject(this.stopped);
    this.pending.clear();
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
