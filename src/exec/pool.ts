/**
 * A pool of execution processes. A query still running after the time-out is stopped for
 * real: its process is killed (SQLite cannot be interrupted from another thread through
 * better-sqlite3) and replaced, and the item is marked `timeout`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { SpiderJudgement } from '../spider/judge.js';
import type { AuditCode, ExecRequest, ExecResult, PhaseMessage } from './protocol.js';

export interface ExecPool {
  run(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
}

export async function createExecPool(size: number, timeoutMs: number): Promise<ExecPool> {
  const slots = await Promise.all(Array.from({ length: Math.max(1, size) }, () => Slot.start(timeoutMs)));
  return new ProcessPool(slots);
}

/**
 * Items a process holds at once: the one it runs and the next, already sent, so that it starts
 * the next the moment it sends a result instead of waiting for the parent's answer (measured on
 * Spider dev: a process waited about 0.9 ms per item, a third of its time, with one at a time).
 */
export const ITEMS_PER_PROCESS = 2;

/** Hands each request to the least loaded process, queueing the rest while every process holds its share. */
class ProcessPool implements ExecPool {
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly slots: readonly Slot[]) {}

  async run(request: ExecRequest): Promise<ExecResult> {
    if (this.closed) throw new Error('the execution pool is closed');
    let slot = this.leastLoaded();
    while (slot.load >= ITEMS_PER_PROCESS) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.leastLoaded();
    }
    try {
      return await slot.run(request);
    } finally {
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.stop()));
  }

  private leastLoaded(): Slot {
    return this.slots.reduce((best, slot) => (slot.load < best.load ? slot : best));
  }
}

interface Pending {
  readonly request: ExecRequest;
  readonly resolve: (result: ExecResult) => void;
  readonly reject: (error: Error) => void;
  /** When its process began it (as near as the parent knows: sent to an idle process, or the result before it came). */
  started: number;
  phase: 'pred' | 'gold' | 'audit';
  judgement: SpiderJudgement | null;
  /** In the audit phase: the item's result, which a time-out or crash of the audit keeps. */
  verdict?: PhaseMessage['verdict'];
}

/**
 * One execution process, the items it holds (the first running, the next waiting in the
 * process's queue), and the timer that kills it when a query runs too long. The time-out covers
 * one query at a time: it starts when the process starts the item (the parent hears that from the
 * result before it, a little late, so a query never gets less than the whole time-out) and again
 * when the process says the gold query starts. A killed or dead process is replaced and gets the
 * items it had not begun.
 */
export class Slot {
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** A replacement process being started: items wait for it. */
  private replacing: Promise<void> | null = null;
  /** Databases whose tables.json entry this process already holds (sent once, not with every item). */
  private readonly tablesSent = new Set<string>();
  /** Processes killed or dead: what they still say (their exit) is not about the items held now. */
  private readonly retired = new WeakSet<ChildProcess>();
  private stopping = false;

  private constructor(
    private child: ChildProcess,
    private readonly timeoutMs: number,
  ) {
    this.attach(child);
  }

  static async start(timeoutMs: number): Promise<Slot> {
    return new Slot(await spawnChild(), timeoutMs);
  }

  /** Items held: running or waiting in the process's queue. */
  get load(): number {
    return this.queue.length;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.replacing?.catch(() => {});
    const child = this.child;
    await new Promise<void>((resolve) => {
      if (!child.connected) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    });
  }

  run(request: ExecRequest): Promise<ExecResult> {
    return new Promise<ExecResult>((resolve, reject) => {
      const pending: Pending = { request, resolve, reject, started: performance.now(), phase: 'pred', judgement: null };
      this.queue.push(pending);
      if (this.replacing) return; // sent by the replacement
      this.send(pending);
      if (this.queue.length === 1) this.arm();
    });
  }

  private attach(child: ChildProcess): void {
    child.on('message', (message: ExecResult | PhaseMessage | { ready: true }) => {
      if (!this.retired.has(child) && 'id' in message) this.onMessage(message);
    });
    child.once('exit', () => {
      if (!this.retired.has(child) && !this.stopping) this.onExit();
    });
    // A send to a process that is dying fails with an 'error' event; its exit reports the item.
    child.on('error', () => {});
  }

  private onMessage(message: ExecResult | PhaseMessage): void {
    const head = this.queue[0];
    if (!head || message.id !== head.request.id) return;
    if ('phase' in message) {
      head.phase = message.phase;
      head.judgement = message.judgement;
      head.verdict = message.verdict;
      this.arm();
      return;
    }
    this.queue.shift();
    const next = this.queue[0];
    if (next) {
      next.started = performance.now();
      this.arm();
    } else clearTimeout(this.timer);
    head.resolve(message);
  }

  /** (Re)starts the time-out of the item running now. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onTimeout(), this.timeoutMs);
  }

  private onTimeout(): void {
    const head = this.queue.shift();
    if (!head) return;
    const child = this.child;
    this.replace();
    child.kill('SIGKILL');
    head.resolve(failure(head, `the ${queryOf(head)} ran longer than ${this.timeoutMs / 1000} s and was stopped`, 'timeout'));
  }

  private onExit(): void {
    clearTimeout(this.timer);
    const head = this.queue.shift();
    this.replace();
    head?.resolve(
      failure(
        head,
        `the execution process died while running the ${queryOf(head)}`,
        head.phase === 'pred' ? 'pred_error' : 'gold_error',
      ),
    );
  }

  /** A new process for the items not yet begun; if none can be started, they fail. */
  private replace(): void {
    clearTimeout(this.timer);
    this.retired.add(this.child);
    this.tablesSent.clear();
    this.replacing = spawnChild().then(
      (child) => {
        this.child = child;
        this.attach(child);
        this.replacing = null;
        for (const pending of this.queue) this.send(pending);
        const head = this.queue[0];
        if (head) {
          head.started = performance.now();
          this.arm();
        }
      },
      (err: Error) => {
        this.replacing = null;
        for (const pending of this.queue.splice(0)) pending.reject(err);
      },
    );
  }

  private send(pending: Pending): void {
    this.child.send(this.withoutRepeatedTables(pending.request));
  }

  private withoutRepeatedTables(request: ExecRequest): ExecRequest {
    if (!request.spider?.tables) return request;
    if (!this.tablesSent.has(request.spider.dbId)) {
      this.tablesSent.add(request.spider.dbId);
      return request;
    }
    return { ...request, spider: { dbId: request.spider.dbId, tables: 'sent' } };
  }
}

const queryOf = (pending: Pending) =>
  pending.phase === 'pred' ? 'prediction' : pending.phase === 'gold' ? 'gold query' : "gold query's audit";

/**
 * The result of an item its process could not finish. One stopped in its audit keeps the verdict
 * it had (the audit never changes EX), marked incomplete; an audited item stopped at its gold query
 * is a gold time-out or error.
 */
function failure(pending: Pending, error: string, status: ExecResult['status']): ExecResult {
  const base = { id: pending.request.id, ms: Math.round(performance.now() - pending.started), judgement: pending.judgement };
  if (pending.phase === 'audit' && pending.verdict) return { ...base, ...pending.verdict, audit: ['audit_incomplete'] };
  const audit: AuditCode[] | null = !pending.request.audit
    ? null
    : pending.phase === 'gold'
      ? [status === 'timeout' ? 'gold_timeout' : 'gold_error']
      : ['audit_incomplete'];
  return { ...base, status, ex: false, goldRows: null, predRows: null, error, ...(audit ? { audit } : {}) };
}

function spawnChild(): Promise<ChildProcess> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`./child${ext}`, import.meta.url);
  // From TypeScript sources (the tests) the child needs the TypeScript loader too.
  const execArgv = ext === '.ts' ? ['--import', 'tsx'] : [];
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}
