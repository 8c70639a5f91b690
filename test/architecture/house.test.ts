/**
 * One place for each thing: no module in src/ that only re-exports another (a reader would look in
 * two places), a test folder for every source folder, a user's README of at most 400 lines, the
 * metric's spec inside the repository, and nothing that points outside it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');

function files(dir: string, ext = /\.(ts|md)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

test('no module of src/ only re-exports another (index.ts, the library surface, aside)', () => {
  const shims = files(SRC)
    .filter((f) => f !== join(SRC, 'index.ts'))
    .filter((f) => {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .trim();
      return (
        code.length > 0 &&
        code.split(/;\s*/).every((s) => s.trim() === '' || /^export\s+(\*|\{[^}]*\})\s+from\s+'[^']+'$/.test(s.trim()))
      );
    });
  assert.deepEqual(
    shims.map((f) => relative(ROOT, f)),
    [],
  );
});

test('tests mirror src/: a test/ folder for every src/ folder', () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
  assert.deepEqual(
    folders.filter((name) => !existsSync(join(ROOT, 'test', name))),
    [],
  );
});

test('the README is a user’s README (at most 400 lines); the spec is in docs/; nothing points to ../shared', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.split('\n').length <= 400, `README.md has ${readme.split('\n').length} lines`);
  assert.ok(existsSync(join(ROOT, 'docs', 'spec.md')));
  const outside = [join(ROOT, 'README.md'), ...files(join(ROOT, 'docs')), ...files(SRC)].filter((f) =>
    readFileSync(f, 'utf8').includes('../shared'),
  );
  assert.deepEqual(
    outside.map((f) => relative(ROOT, f)),
    [],
  );
});
