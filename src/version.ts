/** sqlalign's version, from its package.json (results files record it: a new version may template or judge differently). */
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function sqlalignVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
