/**
 * `sqlalign <command> --help` starts without the command's code: before it runs, a command's module
 * loads only what describes it (commander, its options and defaults, small helpers). The parser,
 * SQLite, the servers' drivers, the file readers, the charts and the analyses come by dynamic
 * import when the command runs (issue 16: start-up). Read from the sources: every static import
 * that is not type-only, followed to the end.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');
const COMMANDS = ['templates', 'align', 'profile', 'eval', 'predict', 'study', 'select', 'count', 'copyDb'];
/** Packages a command's help must not load: each costs tens to hundreds of milliseconds. */
const RUN_PACKAGES = ['@polyglot-sql/sdk', 'better-sqlite3', 'pg', 'mysql2', 'vega', 'vega-lite', 'csv-parse', 'hyparquet'];
/** Modules of the runs themselves (and the readers of every format, behind datasets/index.ts). */
const RUN_MODULES = [
  'sql/parser.ts',
  'sql/templater.ts',
  'datasets/index.ts',
  'features/querySet.ts',
  'align/align.ts',
  'eval/evaluate.ts',
  'exec/copyDatabase.ts',
  'llm/predict.ts',
  'select/select.ts',
  'study/study.ts',
  'report/studyHtml.ts',
];

/** The module's static imports that load code: `import type` lines left out (`export … from` kept). */
function loadsOf(file: string): { modules: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s+'([^']+)'/g)]
    .filter((m) => !m[2])
    .map((m) => m[3] as string);
  return {
    modules: specs.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts'))),
    packages: specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:')),
  };
}

function loadedBy(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const loads = loadsOf(file);
    for (const p of loads.packages) packages.add(p);
    for (const m of loads.modules) visit(m);
  };
  visit(entry);
  return { modules, packages };
}

test('a command loads none of its run before it runs', () => {
  const found: string[] = [];
  for (const command of COMMANDS) {
    const { modules, packages } = loadedBy(join(SRC, 'cli', `${command}.ts`));
    const names = new Set([...modules].map((m) => relative(SRC, m)));
    for (const m of RUN_MODULES) if (names.has(m)) found.push(`cli/${command}.ts loads ${m}`);
    for (const p of RUN_PACKAGES) if (packages.has(p)) found.push(`cli/${command}.ts loads ${p}`);
    assert.ok(packages.has('commander'), `the imports of cli/${command}.ts were read`);
  }
  assert.deepEqual(found, []);
});
