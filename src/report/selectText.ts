/** The `select` report for people: what was chosen from where, the held-out judgement, and the verdict. */
import type { SelectResult } from '../select/select.js';
import { creditNotes, dialectNotes } from './dialectNotes.js';
import { renderTable } from './table.js';

export interface SelectTextOptions {
  /** Where the training records were written, and in which format (when they were). */
  readonly out?: { readonly path: string; readonly format: string };
}

export function renderSelectText(result: SelectResult, options: SelectTextOptions = {}): string {
  const overlapped = Object.entries(result.overlap);
  const lines = [
    `sqlalign select · ${result.method} · ${result.selected.length} examples in ${result.seconds.toFixed(1)} s · from ${Object.entries(
      result.composition,
    )
      .map(([pool, n]) => `${pool} ${n}`)
      .join(', ')}`,
    `target: ${result.target.queries} queries, ${result.target.heldOut} held out to judge the selection`,
    ...dialectNotes(result.dialect, result.sets).map((note) => `dialect: ${note}`),
    ...creditNotes(result.sets).map((note) => `source: ${note}`),
    ...(overlapped.length > 0
      ? [`left out as duplicates of target items: ${overlapped.map(([pool, n]) => `${n} of ${pool}`).join(', ')}`]
      : []),
    '',
    renderTable(
      [
        { header: 'held-out target against' },
        { header: 'queries', align: 'right' },
        { header: 'size-matched', align: 'right' },
        { header: 'D(T‖X)', align: 'right' },
        { header: 'A_KL', align: 'right' },
        { header: 'coverage', align: 'right' },
      ],
      result.heldOut.map((r) => [
        r.name,
        String(r.queries),
        r.sizeMatched ? 'yes' : 'no',
        `${r.kl.toFixed(4)}${r.klSd === undefined ? '' : ` ± ${r.klSd.toFixed(4)}`}`,
        r.alignment.toFixed(4),
        `${(100 * r.coverage).toFixed(1)}%`,
      ]),
    ),
    '',
    `The selection is ${result.verdict}`,
  ];
  if (result.withoutQuestion > 0)
    lines.push(`(${result.withoutQuestion} pool items without a question were left out: they cannot be training examples.)`);
  if (options.out)
    lines.push(`${result.selected.length} training records (${options.out.format}) written to ${options.out.path}.`);
  return `${lines.join('\n')}\n`;
}
