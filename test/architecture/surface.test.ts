/**
 * The library's surface holds what its own command line uses: every name a `src/cli/` file imports
 * from another layer is exported by `src/index.ts`, so a program can do what `npx sqlalign` does.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

const namesIn = (list: string, pick: 'imported' | 'exported') =>
  list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [name, alias] = s.split(/\s+as\s+/);
      return (pick === 'exported' ? (alias ?? name) : name) as string;
    });

test('every name the CLI imports from the library is in src/index.ts', () => {
  const index = readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8');
  const exported = new Set(
    [...index.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)].flatMap((m) => namesIn(m[1] as string, 'exported')),
  );
  const missing: string[] = [];
  const cli = join(ROOT, 'src', 'cli');
  for (const file of readdirSync(cli)) {
    const source = readFileSync(join(cli, file), 'utf8');
    for (const m of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.\.\/[^']+)'/g)) {
      for (const name of namesIn(m[1] as string, 'imported')) {
        if (!exported.has(name)) missing.push(`${name} (src/cli/${file}, from ${m[2]})`);
      }
    }
  }
  assert.ok(exported.size > 100, 'the export list was read');
  assert.deepEqual(missing, []);
});
