/**
 * A pool of execution processes. A query still running after the time-out is stopped for
 * real: its process is killed (SQLite cannot be interrupted from another thread through
 * better-sqlite3) and replaced, and the item is marked `timeout`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { SpiderJudgement } from '../spider/judge.js';
import type { ExecRequest, ExecResult, PhaseMessage } from './protocol.js';

export interface ExecPool {
  run(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
}

export async function createExecPool(size: number, timeoutMs: number): Promise<ExecPool> {
  const slots = await Promise.all(Array.from({ length: Math.max(1, size) }, () => Slot.start(timeoutMs)));
  return new ProcessPool(slots);
}

/** Hands each request to a free process, queueing the rest; a process killed or dead is replaced before its next item. */
class ProcessPool implements ExecPool {
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private closed = false;

  constructor(private readonly slots: readonly Slot[]) {}

  async run(request: ExecRequest): Promise<ExecResult> {
    if (this.closed) throw new Error('the execution pool is closed');
    const slot = await this.acquire();
    try {
      const result = await slot.run(request);
      if (slot.dead) await slot.respawn();
      return result;
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.stop()));
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }
}

/** One execution process, the item it runs, and the timer that kills it when a query runs too long. */
export class Slot {
  busy = false;
  /** Killed after a time-out, or died: replaced before its next item. */
  dead = false;
  /** Databases whose tables.json entry this process already holds (sent once, not with every item). */
  private readonly tablesSent = new Set<string>();

  private constructor(
    private child: ChildProcess,
    private readonly timeoutMs: number,
  ) {}

  static async start(timeoutMs: number): Promise<Slot> {
    return new Slot(await spawnChild(), timeoutMs);
  }

  async respawn(): Promise<void> {
    this.child = await spawnChild();
    this.dead = false;
    this.tablesSent.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.child.connected || this.dead) return resolve();
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }

  /** The item's result; the time-out covers one query at a time (the process says when the next starts). */
  run(request: ExecRequest): Promise<ExecResult> {
    return new Promise<ExecResult>((resolve) => {
      const child = this.child;
      const started = performance.now();
      let phase: 'pred' | 'gold' = 'pred';
      let judgement: SpiderJudgement | null = null;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, this.timeoutMs);
      };
      const finish = (result: ExecResult) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      const failure = (error: string, status: ExecResult['status']): ExecResult => ({
        id: request.id,
        status,
        ex: false,
        gold_rows: null,
        pred_rows: null,
        error,
        ms: Math.round(performance.now() - started),
        judgement,
      });
      const query = () => (phase === 'pred' ? 'prediction' : 'gold query');
      const onMessage = (message: ExecResult | PhaseMessage) => {
        if (message.id !== request.id) return;
        if ('phase' in message) {
          phase = message.phase;
          judgement = message.judgement;
          arm();
        } else finish(message);
      };
      const onExit = () => {
        this.dead = true;
        finish(
          failure(`the execution process died while running the ${query()}`, phase === 'pred' ? 'pred_error' : 'gold_error'),
        );
      };
      const onTimeout = () => {
        this.dead = true;
        child.off('exit', onExit);
        child.kill('SIGKILL');
        finish(failure(`the ${query()} ran longer than ${this.timeoutMs / 1000} s and was stopped`, 'timeout'));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      arm();
      child.send(this.withoutRepeatedTables(request));
    });
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
