/** Plain-text tables: columns padded to their widest cell, numbers right-aligned. */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, k) => Math.max(width(c.header), ...rows.map((r) => width(r[k] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, k) => {
        const pad = ' '.repeat((widths[k] ?? 0) - width(cell));
        return columns[k]?.align === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}

/** Display width: code points, so `‖` and `α` count as one column. */
const width = (s: string) => [...s].length;

export const fixed = (x: number, digits = 4) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
export const percent = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
/** A share as a percent, or a dash where there is none. */
export const percentOrDash = (x: number | null) => (x === null ? '–' : percent(x));
export { count } from '../words.js';

/** Text on one line (runs of white space as one space), cut to `max` characters with `…`. */
export function clipped(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
