/**
 * `npm run build-sets`: builds the built-in sets (`builtin:NAME`, src/datasets/builtin.ts) from the
 * public files, byte for byte the same each time: every query templated in its set's dialect under
 * the current rules, its literals masked, and the distinct (masked query, template) pairs counted
 * by how many items of the source each stands for, sorted. Nothing of the machine or the time goes
 * into a set.
 *
 *   npm run build-sets                       # every set whose files are there, into sets/
 *   npm run build-sets -- --data DIR --out DIR NAME ...
 *
 * `--data` is the folder the public datasets are unpacked in (default: ../shared/data, or
 * SQLALIGN_SHARED/data). A set a user builds from a download (Gretel's synthetic_text_to_sql,
 * which is too large to ship) goes into a folder of their own, which SQLALIGN_SETS names:
 *
 *   npm run build-sets -- --data ~/data --out ~/sqlalign-sets gretel-train
 *   SQLALIGN_SETS=~/sqlalign-sets npx sqlalign align --target mylog.sql --train builtin:gretel-train
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BuiltinSet, SetQueries } from '../src/datasets/builtin.js';
import { SET_FORMAT } from '../src/datasets/builtin.js';
import { openDataset, parseDatasetSpec, readAll } from '../src/datasets/index.js';
import { TemplateEngine } from '../src/sql/engine.js';
import { maskLiterals } from '../src/sql/literals.js';
import { loadParser, parserVersion } from '../src/sql/parser.js';
import { TEMPLATE_VERSION } from '../src/sql/templateResult.js';

/** A set to build: what a set says of itself, and the files it is built from. */
type SetDefinition = Pick<BuiltinSet, 'name' | 'title' | 'dialect' | 'licence' | 'citation' | 'url'> & {
  /** The source files under the data folder, each with the field holding its SQL (or a text2sql-data split). */
  readonly files: readonly string[];
  /** Not shipped: built only when named (its files are a user's download). */
  readonly own?: boolean;
};

const SPIDER = {
  licence: 'CC BY-SA 4.0',
  citation: 'Yu et al., EMNLP 2018',
  url: 'https://yale-lily.github.io/spider',
  dialect: 'sqlite',
};
const BIRD = {
  licence: 'CC BY-SA 4.0',
  citation: 'Li et al., NeurIPS 2023',
  url: 'https://bird-bench.github.io',
  dialect: 'sqlite',
};

/**
 * The classic sets of jkkummerfeld/text2sql-data (Finegan-Dollak et al., ACL 2018), each SQL weighted
 * by its questions: by their question splits where they have train/dev/test, whole where they have
 * ten folds. ATIS, Advising, Scholar, Academic, IMDB and Yelp are MySQL databases in the original
 * work, GeoQuery and Restaurants SQLite.
 */
const CLASSIC: readonly SetDefinition[] = (
  [
    ['atis', 'ATIS', 'mysql', 'Hemphill et al., 1990; Dahl et al., 1994', ['train', 'dev', 'test']],
    ['advising', 'Advising', 'mysql', 'Finegan-Dollak et al., ACL 2018', ['train', 'dev', 'test']],
    ['geoquery', 'GeoQuery', 'sqlite', 'Zelle and Mooney, AAAI 1996', ['train', 'dev', 'test']],
    ['scholar', 'Scholar', 'mysql', 'Iyer et al., ACL 2017', ['train', 'dev', 'test']],
    ['restaurants', 'Restaurants', 'sqlite', 'Tang and Mooney, 2000; Popescu et al., 2003', []],
    ['academic', 'Academic', 'mysql', 'Li and Jagadish, VLDB 2014', []],
    ['imdb', 'IMDB', 'mysql', 'Yaghmazadeh et al., OOPSLA 2017', []],
    ['yelp', 'Yelp', 'mysql', 'Yaghmazadeh et al., OOPSLA 2017', []],
  ] as const
).flatMap(([name, title, dialect, citation, splits]) => {
  const file = `text2sql_data/${name === 'geoquery' ? 'geography' : name}.json`;
  const base = {
    dialect,
    // text2sql-data states a licence for Advising only; the others it shares with their authors' permission.
    licence: name === 'advising' ? 'CC BY 4.0' : 'none stated',
    citation: name === 'advising' ? citation : `${citation}; Finegan-Dollak et al., ACL 2018`,
    url: 'https://github.com/jkkummerfeld/text2sql-data',
  };
  return splits.length === 0
    ? [{ ...base, name, title: `${title} (text2sql-data; SQL weighted by questions)`, files: [file] }]
    : splits.map((split) => ({
        ...base,
        name: `${name}-${split}`,
        title: `${title} ${split} (text2sql-data; SQL weighted by questions)`,
        files: [`${file}#${split}`],
      }));
});

/** WikiSQL as text2sql-data keeps it (bzip2; its SQL written loosely: `SELECT COUNT col`, names with `(`, so many are unparseable). */
const WIKISQL: readonly SetDefinition[] = (['train', 'dev', 'test'] as const).map((split) => ({
  name: `wikisql-${split}`,
  title: `WikiSQL ${split} (text2sql-data; SQL weighted by questions)`,
  dialect: 'sqlite',
  licence: 'BSD-3-Clause',
  citation: 'Zhong et al., 2017; Finegan-Dollak et al., ACL 2018',
  url: 'https://github.com/jkkummerfeld/text2sql-data',
  files: [`text2sql_data/wikisql.json.bz2#${split}`],
}));

/** The sets: one row each, what they are built from and whose they are. */
export const SETS: readonly SetDefinition[] = [
  {
    ...SPIDER,
    name: 'spider-train',
    title: 'Spider train (train_spider + train_others)',
    files: ['spider/train_spider.json#query', 'spider/train_others.json#query'],
  },
  { ...SPIDER, name: 'spider-dev', title: 'Spider dev', files: ['spider/dev.json#query'] },
  {
    ...BIRD,
    name: 'bird-train',
    title: 'BIRD train, filtered (the maintainers’ 6,601 of 9,428)',
    files: ['bird/train_filtered.json#SQL'],
  },
  { ...BIRD, name: 'bird-dev', title: 'BIRD dev', files: ['bird/dev.json#SQL'] },
  { ...BIRD, name: 'bird-minidev-sqlite', title: 'BIRD mini-dev, SQLite', files: ['bird/mini_dev/mini_dev_sqlite.json#SQL'] },
  {
    ...BIRD,
    name: 'bird-minidev-mysql',
    title: 'BIRD mini-dev, MySQL',
    dialect: 'mysql',
    files: ['bird/mini_dev/mini_dev_mysql.json#SQL'],
  },
  {
    ...BIRD,
    name: 'bird-minidev-postgres',
    title: 'BIRD mini-dev, PostgreSQL',
    dialect: 'postgres',
    files: ['bird/mini_dev/mini_dev_postgresql.json#SQL'],
  },
  ...CLASSIC,
  ...WIKISQL,
  {
    name: 'gretel-train',
    title: 'Gretel synthetic_text_to_sql, train',
    dialect: 'sqlite',
    licence: 'Apache-2.0',
    citation: 'Meyer et al., Gretel 2024',
    url: 'https://huggingface.co/datasets/gretelai/synthetic_text_to_sql',
    files: ['gretel/synthetic_text_to_sql/train.parquet#sql'],
    own: true,
  },
];

/** One set built from its files under `data`. */
/** A set's two files: its counts, and its masked queries. */
export interface BuiltSet {
  readonly set: BuiltinSet;
  readonly queries: SetQueries;
}

export async function buildSet(definition: SetDefinition, data: string): Promise<BuiltSet> {
  const engine = new TemplateEngine(definition.dialect);
  const counts = new Map<string, number>();
  const files: { path: string; sha256: string }[] = [];
  let queries = 0;
  let unparseable = 0;
  for (const file of definition.files) {
    const spec = parseDatasetSpec(join(data, file));
    files.push({ path: file.replace(/#.*$/, ''), sha256: createHash('sha256').update(readFileSync(spec.path)).digest('hex') });
    // Items as the source counts them: a text2sql-data SQL as often as it has questions.
    for (const record of await readAll(await openDataset(join(data, file), { dialect: definition.dialect }))) {
      const items = record.weight ?? 1;
      queries += items;
      const sql = record.sql ?? '';
      const result = engine.template(sql);
      const template = 'template' in result ? result.template : null;
      if (template === null) unparseable += items;
      // Masked by literals of their kind, so that the set transpiles as its queries do.
      const key = `${maskLiterals(sql, definition.dialect, true)}\u0000${template ?? '\u0001'}`;
      counts.set(key, (counts.get(key) ?? 0) + items);
    }
  }
  const pairs = [...counts].map(([key, items]) => {
    const [sql, template] = key.split('\u0000') as [string, string];
    return { sql, template: template === '\u0001' ? null : template, items };
  });
  const templates = [...new Set(pairs.flatMap((p) => (p.template === null ? [] : [p.template])))].sort();
  const index = new Map(templates.map((t, k) => [t, k]));
  const entries = pairs
    .map((p) => [p.sql, p.template === null ? -1 : (index.get(p.template) as number), p.items] as [string, number, number])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  // Per template: its items and its first masked query (in the entries' order).
  const perTemplate = templates.map((t) => [t, 0, ''] as [string, number, string]);
  for (const [sql, t, items] of entries) {
    const row = perTemplate[t];
    if (!row) continue;
    row[1] += items;
    // Shown in reports as every example is: each literal a `?`.
    if (row[2] === '') row[2] = maskLiterals(sql, definition.dialect);
  }
  const set: BuiltinSet = {
    sqlalign_set: SET_FORMAT,
    name: definition.name,
    title: definition.title,
    dialect: definition.dialect,
    licence: definition.licence,
    citation: definition.citation,
    url: definition.url,
    files,
    template_version: TEMPLATE_VERSION,
    parser: parserVersion(),
    queries,
    unparseable,
    templates: perTemplate,
    unparseable_examples: entries
      .filter(([, t]) => t < 0)
      .slice(0, 5)
      .map(([sql]) => sql),
  };
  return { set, queries: { entries } };
}

/** The set's two files as text: header, then one row a line (readable, and they diff). */
export function setTexts(built: BuiltSet): { counts: string; queries: string } {
  const { templates, ...header } = built.set;
  const lines = (list: readonly unknown[]) => list.map((x) => JSON.stringify(x)).join(',\n');
  const head = JSON.stringify(header, null, 1).slice(0, -2);
  return {
    counts: `${head},\n"templates": [\n${lines(templates)}\n]\n}\n`,
    queries: `{"entries": [\n${lines(built.queries.entries)}\n]}\n`,
  };
}

async function main(): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { values, positionals } = parseArgs({
    options: { data: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
  });
  const data = values.data ?? join(process.env.SQLALIGN_SHARED ?? join(root, '..', 'shared'), 'data');
  const out = values.out ?? join(root, 'sets');
  const unknown = positionals.filter((name) => !SETS.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`no set ${unknown.join(', ')} (sets: ${SETS.map((s) => s.name).join(', ')})`);
  const chosen = positionals.length > 0 ? SETS.filter((s) => positionals.includes(s.name)) : SETS.filter((s) => !s.own);
  await loadParser();
  mkdirSync(out, { recursive: true });
  for (const definition of chosen) {
    const missing = definition.files.map((f) => join(data, f.replace(/#.*$/, ''))).filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`${definition.name}: no ${missing.join(', ')} (--data names the folder)`);
    const built = await buildSet(definition, data);
    const texts = setTexts(built);
    writeFileSync(join(out, `${definition.name}.json`), texts.counts);
    writeFileSync(join(out, `${definition.name}.queries.json`), texts.queries);
    const { set } = built;
    console.log(
      `${set.name}: ${set.queries} queries, ${built.queries.entries.length} distinct masked, ${set.templates.length} templates`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
