/** An execution process: runs evaluation items one at a time until its parent disconnects or kills it. */
import { Executor } from './execute.js';
import type { ExecRequest } from './protocol.js';

const send = (message: object) => process.send?.(message);
const executor = new Executor(send);
process.on('message', (request: ExecRequest) => send(executor.execute(request)));
process.on('disconnect', () => {
  executor.close();
  process.exit(0);
});
send({ ready: true });
