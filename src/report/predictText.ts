/** The `predict` summary for people: how many answered, how fast, what the answers held, where they are. */
import { ANSWER_STATUSES } from '../llm/extract.js';
import type { PredictSummary } from '../llm/predict.js';
import { count } from './table.js';

export function renderPredictText(summary: PredictSummary, format: string): string {
  const u = summary.usage;
  return (
    `${count(summary.done)} of ${count(summary.items)} questions answered (${count(summary.skipped)} from an earlier run) in ${summary.seconds.toFixed(1)} s: ` +
    `${summary.requestsPerSecond.toFixed(1)} requests/s, ${count(u.prompt_tokens)} prompt + ${count(u.completion_tokens)} completion tokens (${count(Math.round(summary.tokensPerSecond))}/s)\n` +
    `answers: ${ANSWER_STATUSES.map((st) => `${count(summary.statuses[st])} ${st}`).join(', ')}\n` +
    `results: ${summary.jsonl}${summary.exported ? `, ${summary.exported} (${format})` : ''}\n`
  );
}
