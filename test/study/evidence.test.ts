/** Evidence for a decision: ranges by D(T‖P) − D(T‖S), Wilson intervals, reading it back, and `align --evidence`. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { wilsonInterval } from '../../src/stats/interval.js';
import { DEFAULT_EVIDENCE_PATH, evidenceOf, evidenceSentence, matchEvidence, readEvidence } from '../../src/study/evidence.js';
import { runCli } from '../helpers/cli.js';
import { EXAMPLES } from '../helpers/paths.js';
import { scratchDir } from '../helpers/tmp.js';

const tmp = scratchDir();

test('Wilson intervals: inside [0, 1], honest at 0 and n, and the textbook value at 45 of 56', () => {
  const [lo, hi] = wilsonInterval(45, 56);
  assert.ok(Math.abs(lo - 0.6816) < 1e-4 && Math.abs(hi - 0.8866) < 1e-4, `${lo} ${hi}`);
  assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
  const [zl, zh] = wilsonInterval(0, 10);
  assert.equal(zl, 0);
  assert.ok(zh > 0.25 && zh < 0.35);
  const [al, ah] = wilsonInterval(10, 10);
  assert.ok(al > 0.65 && al < 0.75);
  assert.equal(ah, 1);
});

test('ranges by D(T‖P) − D(T‖S); a decision finds its range and its overall record', () => {
  const experiments = [
    { klGap: 0.05, deltaEx: 2 },
    { klGap: 0.07, deltaEx: -1 },
    { klGap: 0.3, deltaEx: 5 },
    { klGap: -0.2, deltaEx: -3 },
    { klGap: -0.05, deltaEx: 1 },
  ].map((e) => ({ ...e, ar: Math.exp(e.klGap / 5) }));
  const evidence = evidenceOf(experiments, { name: '5 runs', scope: 'a test', scale: 5 });
  assert.equal(evidence.above.n, 3);
  assert.equal(evidence.above.held, 2);
  assert.equal(evidence.atMost.n, 2);
  assert.equal(evidence.atMost.held, 1, 'AR ≤ 1 holds when no gain followed');
  assert.equal(
    evidence.ranges.reduce((n, r) => n + r.n, 0),
    5,
    'every experiment in exactly one range',
  );
  const match = matchEvidence(evidence, 0.06);
  assert.equal(match.decision, 'fine-tune');
  assert.equal(match.range?.n, 2);
  assert.equal(match.range?.held, 1);
  const sentence = evidenceSentence(match);
  assert.match(sentence, /^evidence: on 5 runs, AR > 1 was followed by a gain in 2 of 3 \(67%/);
  assert.match(sentence, /1 of 2/);
  assert.match(evidenceSentence(matchEvidence(evidence, 3)), /no run in the evidence had an AR in this range/);
});

test('the shipped evidence reads back and says it is Spider-only', () => {
  const evidence = readEvidence(DEFAULT_EVIDENCE_PATH);
  assert.match(evidence.name, /Spider \(NL2SQL360\)/);
  assert.match(evidence.scope, /^Spider only/);
  assert.equal(evidence.above.n + evidence.atMost.n, evidence.experiments);
  assert.equal(evidence.scale, 5);
});

const ARGS = [
  'align',
  '--target',
  `${EXAMPLES}/spider_dev_sample.json`,
  '--train',
  `${EXAMPLES}/spider_train_sample.sql`,
  '--pred',
  `${EXAMPLES}/spider_dev_sample_din_sql.csv#PREDICTED SQL`,
  '--no-cache',
];

test('align prints the shipped evidence by default, a study of ours with --evidence FILE, none with --evidence none', async () => {
  const shipped = await runCli(ARGS);
  assert.equal(shipped.code, 0, shipped.stderr);
  assert.match(shipped.stdout, /evidence: (on )?\d+ published fine-tuning runs on Spider \(NL2SQL360\)/);
  const none = await runCli([...ARGS, '--evidence', 'none']);
  assert.doesNotMatch(none.stdout, /evidence:/);
  const experiments = tmp.file(
    'experiments.csv',
    `model,family,train,target,ar,kl_gap,ex_before,ex_after\n${Array.from({ length: 6 }, (_, k) => `m${k},f,s,t,${Math.exp((0.1 * k - 0.2) / 2)},${0.1 * k - 0.2},50,${50 + k - 2}`).join('\n')}\n`,
  );
  const study = await runCli(['study', experiments, '--json', '--evidence-name', 'six runs of ours']);
  assert.equal(study.code, 0, study.stderr);
  const studyFile = tmp.file('study.json', study.stdout);
  const ours = await runCli([...ARGS, '--evidence', studyFile, '--json']);
  assert.equal(ours.code, 0, ours.stderr);
  const json = JSON.parse(ours.stdout) as { ratios: { evidence?: { source: string; overall: { n: number } } }[] };
  assert.equal(json.ratios[0]?.evidence?.source, 'six runs of ours');
  const bad = tmp.file('bad.json', '{"not": "evidence"}');
  writeFileSync(bad, '{"not": "evidence"}');
  const refused = await runCli([...ARGS, '--evidence', bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /bad\.json: not sqlalign evidence/);
  assert.equal(refused.stderr.trim().split('\n').length, 1);
});
