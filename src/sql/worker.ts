/**
 * A worker thread that templates batches of queries with its own parser and shape cache
 * (templaterThread.ts). Its first message is the parser's compiled module; batches that come
 * before the parser has loaded wait for it, and are answered in the order they came.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type CompiledParser, loadParserFrom } from './parser.js';

const { dialect, from } = workerData as { dialect: string; from?: string };
let handOver: (compiled: CompiledParser) => void = () => {};
const compiled = new Promise<CompiledParser>((resolve) => {
  handOver = resolve;
});
const engine = Promise.all([loadParserFrom(compiled), import('./crossDialectEngine.js')]).then(([, { templateEngineFor }]) =>
  templateEngineFor(dialect, from),
);
engine.then(() => parentPort?.postMessage({ ready: true }));
parentPort?.on('message', (message: { compiled?: CompiledParser; id?: number; sqls?: string[] }) => {
  if (message.compiled) handOver(message.compiled);
  else
    engine.then((templater) =>
      parentPort?.postMessage({ id: message.id, results: (message.sqls ?? []).map((sql) => templater.template(sql)) }),
    );
});
