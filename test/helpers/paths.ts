/** Where the tests find the repository, its examples, and the shared data beside the repository. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
/** The repository's own test fixtures. */
export const FIXTURES_HERE = join(ROOT, 'test', 'fixtures');
export const SHARED = process.env.SQLALIGN_SHARED ?? resolve(ROOT, '..', 'shared');
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');

/**
 * Tests on the shared data run where it exists. In CI it must exist: a missing folder there
 * fails the run instead of silently skipping the fixture checks.
 */
export function sharedOrSkip(): { skip: string | false } {
  if (existsSync(join(SHARED, 'fixtures'))) return { skip: false };
  if (process.env.CI) throw new Error(`the shared data folder is missing: ${SHARED}`);
  return { skip: `no shared data at ${SHARED}` };
}

export const shared = (...parts: string[]) => join(SHARED, ...parts);
