/** An execution process: runs evaluation items one at a time until its parent disconnects or kills it. */
import { Executor } from './execute.js';
import type { ExecRequest } from './protocol.js';

const send = (message: object) => process.send?.(message);
const executor = new Executor(send);
// One item at a time, in the order sent: the pool may send the next before this one's result,
// and its time-out starts when that result arrives, so the next must not begin before it is sent.
const queue: ExecRequest[] = [];
let running = false;
process.on('message', (request: ExecRequest) => {
  queue.push(request);
  if (!running) void drain();
});

async function drain(): Promise<void> {
  running = true;
  for (let request = queue.shift(); request; request = queue.shift()) send(await executor.execute(request));
  running = false;
}
process.on('disconnect', () => {
  executor.close();
  process.exit(0);
});
send({ ready: true });
