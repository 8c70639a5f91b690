/** A worker thread that templates batches of queries with its own parser instance. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadParser } from './parser.js';
import { templateOf } from './template.js';

const { parserName } = workerData as { parserName: string };
await loadParser();
parentPort?.on('message', (message: { id: number; sqls: string[] }) => {
  parentPort?.postMessage({ id: message.id, results: message.sqls.map((sql) => templateOf(sql, parserName)) });
});
parentPort?.postMessage({ ready: true });
