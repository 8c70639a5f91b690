/**
 * The folders of src/ form layers that point one way: every import goes to a folder of a lower
 * layer (or stays in its own folder), never up or sideways, and no module imports itself back
 * through others. The layers, bottom first, are the README's "Architecture" section.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/paths.js';

export const LAYERS: readonly (readonly string[])[] = [
  ['(root)'], // version.ts, words.ts: leaves anyone may use
  ['sql'], // the parser boundary, the lexer, dialects as data
  ['datasets'], // reading every file format into records
  ['io'], // resumable results files
  ['features', 'stats'], // templates → n-grams, distributions, strata; seeded random, intervals
  ['metric', 'spider'], // the divergence (spec §3); Spider's own evaluator
  ['exec', 'prompt'], // running untrusted SQL; prompts and schema text
  ['align', 'eval', 'select', 'study', 'llm'], // the analyses, beside each other
  ['report'], // text, JSON, Markdown, HTML
  ['cli'], // the command line
  ['(index)'], // the library's surface
];

const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const folderOf = (file: string) => {
  const rel = relative(SRC, file).split(/[\\/]/);
  if (rel.length > 1) return rel[0] as string;
  return rel[0] === 'index.ts' ? '(index)' : '(root)';
};
const layerOf = (folder: string) => LAYERS.findIndex((layer) => layer.includes(folder));

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\('(\.[^']+)'\)/g),
  ];
  return specs.map((m) => resolve(dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
}

test('every folder of src/ has a layer', () => {
  const folders = new Set(files(SRC).map(folderOf));
  assert.deepEqual(
    [...folders].filter((f) => layerOf(f) < 0),
    [],
  );
});

test('imports point down: never up, never sideways between folders', () => {
  const wrong: string[] = [];
  for (const file of files(SRC)) {
    const from = folderOf(file);
    for (const target of importsOf(file)) {
      const to = folderOf(target);
      if (to === from) continue;
      if (layerOf(to) >= layerOf(from)) wrong.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no module imports itself back through others', () => {
  const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});
