/**
 * What every align report says of dialects: the one the sets were compared in, and for each set
 * written in another, how many of its queries the transpiler rewrote and how many it could not.
 */
import type { QuerySet, WeightTotals } from '../features/querySet.js';
import { type SetDialect, setDialect } from '../features/setDialect.js';
import { count, plural } from '../words.js';

/** One sentence per set written in another dialect than `to`, the comparison's; none where every set is in it. */
export function dialectNotes(to: string, sets: readonly (SetDialect & { readonly name: string })[]): string[] {
  return sets.flatMap((set) =>
    set.transpiled === undefined
      ? []
      : [
          `${set.name} is written in ${set.dialect}: ${plural(set.transpiled, 'query', 'queries')} transpiled into ${to}` +
            `, ${set.transpileFailed ?? 0} could not be (templated as written, in ${set.dialect})`,
        ],
  );
}

/** The note of one query set read for a comparison in `to` (profile, count): none where it is written in `to`. */
export const querySetDialectNotes = (set: QuerySet, to: string): string[] =>
  dialectNotes(to, [{ name: set.name, ...setDialect(set, to) }]);

/** One sentence per weighted set: which field weighs its items, and what they weigh in all (runs, calls, questions). */
export function weightNotes(
  sets: readonly { readonly name: string; readonly queries: number; readonly weighted?: WeightTotals }[],
): string[] {
  return sets.flatMap((set) =>
    set.weighted === undefined
      ? []
      : [
          `${set.name} is weighted by '${set.weighted.field}': its ${plural(set.queries, 'query', 'queries')} weigh ${count(Number(set.weighted.total.toPrecision(12)))} in all` +
            (set.weighted.unparseable > 0
              ? ` (${count(Number(set.weighted.unparseable.toPrecision(12)))} of it in unparseable queries)`
              : ''),
        ],
  );
}

/** One sentence per built-in public set: what it is, its licence and citation. */
export function creditNotes(sets: readonly { readonly name: string; readonly credit?: string }[]): string[] {
  return sets.flatMap((set) => (set.credit === undefined ? [] : [`${set.name} is the built-in ${set.credit}`]));
}
