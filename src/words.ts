/** Thousands separated by commas; whole numbers by hand, since the first toLocaleString loads ICU (~20 ms). */
export const count = (n: number): string =>
  Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');

/** Words in messages and reports: "1 item", "2 items", never "1 items". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
