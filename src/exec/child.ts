/** An execution process: runs evaluation items one at a time until its parent disconnects or kills it. */
import { Executor } from './execute.js';
import type { ExecRequest } from './protocol.js';

const send = (message: object) => process.send?.(message);
const executor = new Executor(send);
// One item at a time: the pool sends the next only after this one's result.
process.on('message', async (request: ExecRequest) => send(await executor.execute(request)));
process.on('disconnect', () => {
  executor.close();
  process.exit(0);
});
send({ ready: true });
