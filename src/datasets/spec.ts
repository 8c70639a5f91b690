/**
 * A dataset argument: `[label=]path[#field]`. The label defaults to the argument as
 * written. `=` and `#` may also occur inside real file names, so a split is only taken
 * when the whole argument is not itself an existing file.
 */
import { existsSync } from 'node:fs';

export interface DatasetSpec {
  readonly name: string;
  readonly path: string;
  readonly field?: string;
}

export function parseDatasetSpec(arg: string, exists: (p: string) => boolean = existsSync): DatasetSpec {
  let name = arg;
  let rest = arg;
  const eq = arg.indexOf('=');
  if (eq > 0 && !exists(arg) && !/[\\/]/.test(arg.slice(0, eq))) {
    name = arg.slice(0, eq);
    rest = arg.slice(eq + 1);
  }
  const hash = rest.lastIndexOf('#');
  if (hash > 0 && !exists(rest)) {
    return { name, path: rest.slice(0, hash), field: rest.slice(hash + 1) };
  }
  return { name, path: rest };
}
