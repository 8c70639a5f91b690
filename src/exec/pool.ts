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

interface Slot {
  child: ChildProcess;
  busy: boolean;
  /** Databases whose tables.json entry this child already holds (sent once, not with every item). */
  tablesSent: Set<string>;
  /** Killed after a time-out, or died: replaced before its next item. */
  dead: boolean;
}

export async function createExecPool(size: number, timeoutMs: number): Promise<ExecPool> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const script = new URL(`./child${ext}`, import.meta.url);
  // From TypeScript sources (the tests) the child needs the TypeScript loader too.
  const execArgv = ext === '.ts' ? ['--import', 'tsx'] : [];
  const spawn = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = fork(script, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.once('error', reject);
      child.once('message', () => resolve(child));
    });
  const slots: Slot[] = await Promise.all(
    Array.from({ length: Math.max(1, size) }, async () => ({
      child: await spawn(),
      busy: false,
      dead: false,
      tablesSent: new Set<string>(),
    })),
  );
  const waiting: ((slot: Slot) => void)[] = [];
  let closed = false;

  const acquire = (): Promise<Slot> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    const next = waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  };

  const runOn = (slot: Slot, request: ExecRequest) =>
    new Promise<ExecResult>((resolve) => {
      const started = performance.now();
      let phase: 'pred' | 'gold' = 'pred';
      let judgement: SpiderJudgement | null = null;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(onTimeout, timeoutMs);
      };
      const finish = (result: ExecResult) => {
        clearTimeout(timer);
        slot.child.off('message', onMessage);
        slot.child.off('exit', onExit);
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
      const onMessage = (message: ExecResult | PhaseMessage) => {
        if (message.id !== request.id) return;
        if ('phase' in message) {
          phase = message.phase;
          judgement = message.judgement;
          arm();
        } else finish(message);
      };
      const onExit = () => {
        slot.dead = true;
        finish(
          failure(
            `the execution process died while running the ${phase === 'pred' ? 'prediction' : 'gold query'}`,
            phase === 'pred' ? 'pred_error' : 'gold_error',
          ),
        );
      };
      const onTimeout = () => {
        slot.dead = true;
        slot.child.off('exit', onExit);
        slot.child.kill('SIGKILL');
        finish(
          failure(
            `the ${phase === 'pred' ? 'prediction' : 'gold query'} ran longer than ${timeoutMs / 1000} s and was stopped`,
            'timeout',
          ),
        );
      };
      slot.child.on('message', onMessage);
      slot.child.once('exit', onExit);
      arm();
      slot.child.send(withoutRepeatedTables(slot, request));
    });

  return {
    async run(request) {
      if (closed) throw new Error('the execution pool is closed');
      const slot = await acquire();
      try {
        const result = await runOn(slot, request);
        if (slot.dead) {
          slot.child = await spawn();
          slot.dead = false;
          slot.tablesSent.clear();
        }
        return result;
      } finally {
        release(slot);
      }
    },
    async close() {
      closed = true;
      await Promise.all(
        slots.map(
          (slot) =>
            new Promise<void>((resolve) => {
              if (!slot.child.connected || slot.dead) return resolve();
              slot.child.once('exit', () => resolve());
              slot.child.disconnect();
            }),
        ),
      );
    },
  };
}

function withoutRepeatedTables(slot: Slot, request: ExecRequest): ExecRequest {
  if (!request.spider?.tables) return request;
  if (!slot.tablesSent.has(request.spider.dbId)) {
    slot.tablesSent.add(request.spider.dbId);
    return request;
  }
  return { ...request, spider: { dbId: request.spider.dbId, tables: 'sent' } };
}
