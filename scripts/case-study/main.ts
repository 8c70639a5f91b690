/**
 * `npm run case-study`: does the paper's rule hold on NL2SQL360's 136 published Spider-dev runs?
 * Measures every run with sqlalign (eval, templates, align's metric), relates AR before
 * fine-tuning to ΔEX after it, and writes docs/case-study-nl2sql360.{md,csv,html}, the charts
 * (docs/case-study/*.svg) and the evidence `align` ships with (evidence/nl2sql360-spider.json).
 *
 *   node --import tsx scripts/case-study/main.ts [--data ../shared/data] [--out .] [--quick]
 *
 * --quick measures one family and a few other runs with fewer seeds (what the test runs in CI).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildQuerySet, createTemplater, ngramDistribution, resolveDataset, type TablesJsonEntry } from '../../src/index.js';
import {
  type CaseInput,
  dAgainstEx,
  decisionRecord,
  experiments,
  LMAX,
  runRows,
  type Settings,
  sampleAgreement,
  studyOf,
  trainSubsets,
  whyWrong,
} from './analysis.js';
import { measureRun, readTarget, type Spider } from './measure.js';
import { renderCaseStudy } from './render.js';
import { catalogue, type Run } from './runs.js';

const FULL: Settings = { subsetSeeds: 5, sizeMatchReplicates: 10, sampleSeeds: 50, sampleSizes: [1, 2, 5], bootstrap: 2000 };
const QUICK: Settings = { subsetSeeds: 2, sizeMatchReplicates: 3, sampleSeeds: 5, sampleSizes: [1, 2], bootstrap: 200 };

const QUICK_FILES =
  /^(pretrained_codellama_7b\.(sql|txt)|CodeLlama-7B-(500|2000|7000)\.sql|DINSQL\.sql|DIN_SQL_GPT4\.sql|resdsql_text2sql_base\.sql)$/;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data') },
      out: { type: 'string', default: resolve(import.meta.dirname, '../..') },
      'cache-dir': { type: 'string', default: resolve(import.meta.dirname, '../../node_modules/.cache/sqlalign-case-study') },
      quick: { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const settings = values.quick ? QUICK : FULL;
  const data = values.data as string;
  const spiderDir = join(data, 'spider');
  const spider: Spider = {
    dev: join(spiderDir, 'dev.json'),
    train: join(spiderDir, 'train_spider.json'),
    tables: JSON.parse(readFileSync(join(spiderDir, 'tables.json'), 'utf8')) as TablesJsonEntry[],
    dbDir: join(spiderDir, 'database'),
  };
  const all = catalogue(join(data, 'predictions', 'nl2sql360_spider_dev'));
  const runs = values.quick ? all.filter((r) => QUICK_FILES.test(r.file)) : all;
  const log = (message: string) => process.stderr.write(`case-study: ${message}\n`);

  const target = await readTarget(spider);
  const templater = await createTemplater('sqlite', { cache: values.quick ? false : undefined });
  try {
    const targetItems: CaseInput['targetItems'][number][] = [];
    const targetSet = await buildQuerySet(
      await resolveDataset({
        name: 'Spider dev (972)',
        queries: target.records.map((r) => ({ sql: r.sql ?? '', db_id: r.dbId })),
      }),
      templater,
      {
        onRecord: (record, result) =>
          targetItems.push({
            i: (target.records[record.i] as { i: number }).i,
            db_id: record.dbId as string,
            template: 'template' in result ? result.template : null,
          }),
      },
    );
    const trainTemplates: (string | null)[] = [];
    await buildQuerySet(await resolveDataset(spider.train), templater, {
      onRecord: (_, result) => trainTemplates.push('template' in result ? result.template : null),
    });
    log(`target ${targetSet.queries} queries, Spider train ${trainTemplates.length}; measuring ${runs.length} runs`);
    const measured = new Map<string, Awaited<ReturnType<typeof measureRun>>>();
    let done = 0;
    for (const run of runs) {
      const source = run.sameAs && measured.has(run.sameAs) ? run.sameAs : run.file;
      if (!measured.has(source)) {
        measured.set(source, await measureRun(run, { spider, target, templater, cacheDir: values['cache-dir'] as string }));
      }
      if (++done % 10 === 0) log(`${done}/${runs.length} runs (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    const input: CaseInput = {
      target: targetSet,
      targetItems,
      trainTemplates,
      runs: runs.map((run: Run) => ({
        run,
        measure: measured.get(run.sameAs && measured.has(run.sameAs) ? run.sameAs : run.file)!,
      })),
    };
    const rows = runRows(input);
    const sizes = [...new Set(runs.flatMap((r) => (r.nTrain ? [r.nTrain] : [])))].sort((a, b) => a - b);
    const subsets = trainSubsets(trainTemplates, sizes, settings.subsetSeeds);
    const targetDistribution = ngramDistribution(targetSet.templates.counts, LMAX);
    const exps = experiments(rows, subsets, targetDistribution, settings);
    log(`${exps.length} fine-tuning experiments; sampling the target`);
    const study = { ar: studyOf(exps, 'ar', settings), arSizeMatched: studyOf(exps, 'arSizeMatched', settings) };
    const records = { ar: decisionRecord(exps, 'ar'), arSizeMatched: decisionRecord(exps, 'arSizeMatched') };
    const wrong = exps.filter((e) => e.ar.mean > 1 !== e.deltaEx > 0 || e.arSizeMatched.mean > 1 !== e.deltaEx > 0);
    const result = {
      settings,
      quick: values.quick as boolean,
      target: { queries: targetSet.queries, unparseable: targetSet.unparseable, all: target.all },
      trainQueries: trainTemplates.length,
      rows,
      experiments: exps,
      study,
      records,
      correlations: dAgainstEx(rows, settings),
      samples: sampleAgreement(input, rows, exps, subsets, settings),
      wrong: whyWrong(input, rows, wrong),
      seconds: 0,
    };
    const seconds = (performance.now() - started) / 1000;
    await renderCaseStudy({ ...result, seconds }, values.out as string);
    log(`done in ${seconds.toFixed(0)} s`);
  } finally {
    await templater.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`case-study: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
