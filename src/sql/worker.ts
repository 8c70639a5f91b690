/** A worker thread that templates batches of queries with its own parser and shape cache. */
import { parentPort, workerData } from 'node:worker_threads';
import { TemplateEngine } from './engine.js';
import { loadParser } from './parser.js';

const { dialect } = workerData as { dialect: string };
await loadParser();
const engine = new TemplateEngine(dialect);
parentPort?.on('message', (message: { id: number; sqls: string[] }) => {
  parentPort?.postMessage({ id: message.id, results: message.sqls.map((sql) => engine.template(sql)) });
});
parentPort?.postMessage({ ready: true });
