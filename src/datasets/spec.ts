/**
 * A dataset argument: `[label=]path[#field]`. The label defaults to the argument as
 * written. `=` and `#` may also occur inside real file names, so the reading under which
 * the path exists wins; when none exists, the plain reading is taken (and the file is then
 * reported missing under that name).
 */
import { existsSync } from 'node:fs';

export interface DatasetSpec {
  readonly name: string;
  readonly path: string;
  readonly field?: string;
}

export function parseDatasetSpec(arg: string, exists: (p: string) => boolean = existsSync): DatasetSpec {
  const readings: DatasetSpec[] = [];
  const eq = arg.indexOf('=');
  const labelled = eq > 0 ? { name: arg.slice(0, eq), rest: arg.slice(eq + 1) } : undefined;
  for (const { name, rest } of [{ name: arg, rest: arg }, ...(labelled ? [labelled] : [])]) {
    readings.push({ name, path: rest });
    const hash = rest.lastIndexOf('#');
    if (hash > 0) readings.push({ name, path: rest.slice(0, hash), field: rest.slice(hash + 1) });
  }
  const found = readings.find((r) => exists(r.path));
  if (found) return found;
  // Nothing exists: prefer the reading a user most likely meant (label, then field).
  const plain = labelled && !/[\\/]/.test(labelled.name) ? labelled : { name: arg, rest: arg };
  const hash = plain.rest.lastIndexOf('#');
  return hash > 0
    ? { name: plain.name, path: plain.rest.slice(0, hash), field: plain.rest.slice(hash + 1) }
    : { name: plain.name, path: plain.rest };
}
