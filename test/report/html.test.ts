/**
 * The HTML reports in a real headless browser (Debian's Chromium through playwright-core): they
 * load without console errors, every chart is there with the right number of marks, and a
 * screenshot is saved in test-artifacts/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { align } from '../../src/align/align.js';
import { renderAlignHtml } from '../../src/report/alignHtml.js';
import { renderCompareHtml } from '../../src/report/compareHtml.js';
import { renderStudyHtml } from '../../src/report/studyHtml.js';
import { studyStats } from '../../src/study/study.js';
import { EXAMPLES, ROOT } from '../helpers/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

function browserOrSkip(): { skip: string | false } {
  if (existsSync(CHROMIUM)) return { skip: false };
  if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs Debian's chromium`);
  return { skip: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
}

describe('HTML reports in Chromium', browserOrSkip(), () => {
  let browser: Browser;
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  after(() => browser?.close());

  /** Every chart reads at a glance: the tick labels of an axis are distinct, no legend label is cut. */
  async function readsCleanly(page: Page) {
    for (const figure of await page.locator('figure').all()) {
      const chart = await figure.getAttribute('data-chart');
      for (const axis of await figure.locator('g.role-axis').all()) {
        const labels = (await axis.locator('g.role-axis-label text').allTextContents()).filter((t) => t !== '');
        assert.equal(new Set(labels).size, labels.length, `${chart}: repeated tick labels ${labels.join(', ')}`);
      }
      const legend = await figure.locator('g.role-legend-label text').allTextContents();
      assert.ok(
        legend.every((t) => !t.endsWith('…')),
        `${chart}: a legend label is cut: ${legend.join(', ')}`,
      );
    }
  }

  async function open(html: string, name: string) {
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    assert.deepEqual(errors, [], 'no console errors');
    assert.deepEqual(requests, [], 'self-contained: nothing fetched from the network');
    return page;
  }

  test('align: decision first, A_KL and AR with intervals, patterns, lengths and constructs', async () => {
    const result = await align({
      target: `spider_dev=${join(EXAMPLES, 'spider_dev_sample.json')}`,
      train: [`spider_train=${join(EXAMPLES, 'spider_train_sample.sql')}`, `bird_dev=${join(EXAMPLES, 'bird_dev_sample.json')}`],
      pred: [`din_sql=${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`],
      targetSample: 2,
      explain: true,
      by: 'joins',
    });
    const page = await open(await renderAlignHtml(result), 'align-report');
    assert.equal(await page.locator('.decisions li').count(), 2);
    assert.match(
      (await page.locator('.decisions li').first().textContent()) ?? '',
      /spider_train against din_sql: (fine-tune|no-gain|uncertain) \(AR \d\.\d{3}, 95% CI/,
    );
    const marks = (chart: string, kind: string) =>
      page.locator(`figure[data-chart="${chart}"] g.mark-${kind}.role-mark > ${kind === 'rule' ? 'line' : 'path'}`).count();
    assert.equal(await marks('alignment', 'rect'), 3, 'one bar per set');
    // A sample's D and A_KL get no interval (it would only say how the sample varies): none drawn, none promised.
    assert.equal(await marks('alignment', 'rule'), 0);
    assert.equal(await page.locator('figure[data-chart="alignment"] figcaption').textContent(), 'A_KL per set');
    await readsCleanly(page);
    assert.equal(await marks('ratio', 'rect'), 2, 'one bar per (train, pred) pair');
    for (const e of result.explanations ?? []) {
      assert.equal(await marks(`patterns-${e.role}-${e.name}`, 'rect'), e.missing.length + e.excess.length);
    }
    assert.ok((await marks('template-length', 'rect')) > 4);
    // One set of bins for every set: the axis labels are consecutive bins of one width.
    const bins = (await page.locator('figure[data-chart="template-length"] text').allTextContents())
      .filter((t) => /^\d+–\d+$/.test(t))
      .map((t) => t.split('–').map(Number) as [number, number]);
    assert.ok(bins.length > 1, 'the length axis is labelled with bins');
    const width = (bins[0] as [number, number])[1] - (bins[0] as [number, number])[0];
    assert.ok(
      bins.every(([from, to], k) => to - from === width && from === k * (width + 1)),
      `bins: ${bins.map((b) => b.join('–')).join(', ')}`,
    );
    assert.equal(await marks('constructs', 'rect'), 20 * 4, 'every construct for the target and the three sets');
    const strata = (result.strata?.strata.length ?? 0) * result.ratios.length;
    assert.equal(await marks('strata', 'symbol'), strata, 'one AR per stratum and pair');
    assert.equal(await page.locator('table[data-table="strata"] tbody tr').count(), result.strata?.strata.length);
    assert.equal(await marks('strata', 'rule'), strata + 1, 'its intervals, and the line at AR = 1');
    await page.close();
  });

  test('compare: one interval and one point per run and stratum, the zero line, whole legends', async () => {
    const stats = (delta: number) => ({
      n: 100,
      exA: 0.5,
      exB: 0.5 + delta,
      delta,
      aOnly: 10,
      bOnly: 10 + Math.round(100 * delta),
      pValue: 0.2,
      deltaCi95: [delta - 0.05, delta + 0.05] as const,
    });
    const groups = { easy: stats(0.01), medium: stats(0.04), hard: stats(-0.02) };
    const comparisons = ['base-finetuned-on-spider-train-7000-steps', 'base-finetuned-on-bird'].map((run, k) => ({
      base: 'base',
      run,
      ...stats(0.02 * (k + 1)),
      pHolm: 0.4,
      strata: { key: 'hardness', groups },
    }));
    const page = await open(await renderCompareHtml(comparisons), 'compare-report');
    const marks = (kind: string) =>
      page.locator(`figure[data-chart="deltas"] g.mark-${kind}.role-mark > ${kind === 'rule' ? 'line' : 'path'}`).count();
    assert.equal(await marks('symbol'), 2 * 4, 'a point per run and stratum (overall included)');
    assert.equal(await marks('rule'), 2 * 4 + 1, 'an interval per point, and the zero line');
    const legend = await page.locator('figure[data-chart="deltas"] .role-legend-label text').allTextContents();
    assert.deepEqual(legend.sort(), comparisons.map((c) => c.run).sort(), 'legend labels whole');
    assert.equal(await page.locator('table').count(), 3, 'the overall table and one per run by stratum');
    await readsCleanly(page);
    await page.close();
  });

  test('align without a sample: A_KL with the interval its title promises; a title a user would write', async () => {
    const result = await align({
      target: join(EXAMPLES, 'spider_dev_sample.json'),
      train: [join(EXAMPLES, 'spider_train_sample.sql'), join(EXAMPLES, 'bird_dev_sample.json')],
      pred: [`${join(EXAMPLES, 'spider_dev_sample_din_sql.csv')}#PREDICTED SQL`],
      bootstrap: 200,
      explain: true,
    });
    const page = await open(await renderAlignHtml(result), 'align-report-intervals');
    const marks = (kind: string) =>
      page.locator(`figure[data-chart="alignment"] g.mark-${kind}.role-mark > ${kind === 'rule' ? 'line' : 'path'}`).count();
    assert.equal(await marks('rule'), 3, 'one interval per set');
    assert.match(
      (await page.locator('figure[data-chart="alignment"] figcaption').textContent()) ?? '',
      /with its 95% bootstrap interval/,
    );
    // The target was given without a label: its file's name and field are no title.
    assert.equal(await page.locator('h1').textContent(), 'Will fine-tuning help on this workload?');
    await readsCleanly(page);
    await page.close();
  });

  test('study: one scatter per family with its fitted line', async () => {
    const experiments = [0.92, 1.04, 1.1, 0.85, 1.21, 0.97].map((ar, k) => ({
      model: `m${k}`,
      family: k % 2 ? 'codellama' : 'qwen',
      train: 's',
      target: 't',
      ar,
      exBefore: 50,
      exAfter: 50 + (ar - 1) * 40 + (k % 3),
      emBefore: null,
      emAfter: null,
    }));
    const page = await open(await renderStudyHtml(studyStats(experiments, { bootstrap: 200 })), 'study-report');
    for (const family of ['codellama', 'qwen']) {
      assert.equal(await page.locator(`figure[data-chart="scatter-${family}"] g.mark-symbol.role-mark > path`).count(), 3);
      assert.equal(await page.locator(`figure[data-chart="scatter-${family}"] g.mark-line.role-mark > path`).count(), 1);
    }
    assert.match((await page.locator('h1').textContent()) ?? '', /Does AR predict the gain\?/);
    // Only table rows in the tables: the small-sample note is text, not a row of cells.
    for (const table of await page.locator('table').all()) {
      const widths = await table.locator('tr').evaluateAll((rows) => rows.map((r) => r.children.length));
      assert.ok(
        widths.every((w) => w === widths[0]),
        `rows of ${widths.join(', ')} cells`,
      );
    }
    await page.close();
  });
});
