/**
 * Evidence for a decision, so that a user sees how often the same call was right: how often "AR > 1 ⇒ gain" held on measured fine-tuning runs,
 * overall and for ARs in the same range. `study --json` writes it (the `evidence` key); `align
 * --evidence FILE` reads it and prints, beside each decision, the record of that decision in the
 * evidence. Ranges are kept in D(T‖P) − D(T‖S), which does not depend on c, so a user's AR at any
 * c finds its range; they are shown as ARs at the evidence's own c.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DataError } from '../datasets/errors.js';
import { fromJsonNames } from '../io/jsonNames.js';
import { type Interval, wilsonInterval } from '../stats/interval.js';

export const EVIDENCE_FORMAT = 'sqlalign-evidence/1';

/** Edges of the ranges of D(T‖P) − D(T‖S) (AR = exp(gap / c)); the first and last are open. */
export const GAP_EDGES: readonly number[] = [-0.5, -0.1, 0, 0.1, 0.25, 0.5, 1, 1.5, 2];

export interface Tally {
  /** Experiments in the group. */
  readonly n: number;
  /** Of them, how many were followed by a gain (ΔEX > 0). */
  readonly gains: number;
  /** How often the decision held: gains / n where AR > 1, (n − gains) / n where AR ≤ 1. */
  readonly held: number;
  readonly rate: number | null;
  readonly ci: Interval;
}

export interface EvidenceRange extends Tally {
  /** The range of D(T‖P) − D(T‖S): (low, high]; null = unbounded. */
  readonly gapLow: number | null;
  readonly gapHigh: number | null;
}

export interface Evidence {
  readonly format: typeof EVIDENCE_FORMAT;
  /** What the evidence is, in words a report can print ("40 published fine-tuning runs on Spider (NL2SQL360)"). */
  readonly name: string;
  /** Where it applies and where it does not. */
  readonly scope: string;
  /** The c of the ARs in the evidence (to show ranges as ARs); null where the ARs were given without one. */
  readonly scale: number | null;
  readonly experiments: number;
  readonly above: Tally;
  readonly atMost: Tally;
  /** By range of D(T‖P) − D(T‖S); empty where the experiments' gaps are unknown. */
  readonly ranges: readonly EvidenceRange[];
}

export interface EvidenceExperiment {
  readonly ar: number;
  /** D(T‖P) − D(T‖S); null where unknown (an AR given without its c). */
  readonly klGap: number | null;
  readonly deltaEx: number;
}

function tally(list: readonly EvidenceExperiment[], decisionIsGain: boolean): Tally {
  const gains = list.filter((e) => e.deltaEx > 0).length;
  const held = decisionIsGain ? gains : list.length - gains;
  return {
    n: list.length,
    gains,
    held,
    rate: list.length ? held / list.length : null,
    ci: wilsonInterval(held, list.length),
  };
}

export function evidenceOf(
  experiments: readonly EvidenceExperiment[],
  about: { name: string; scope: string; scale: number | null },
): Evidence {
  const gapsKnown = experiments.every((e) => e.klGap !== null);
  const edges = [null, ...GAP_EDGES, null];
  const ranges: EvidenceRange[] = [];
  if (gapsKnown) {
    for (let k = 0; k + 1 < edges.length; k++) {
      const low = edges[k] as number | null;
      const high = edges[k + 1] as number | null;
      const list = experiments.filter((e) => inRange(e.klGap as number, low, high));
      if (list.length > 0) ranges.push({ gapLow: low, gapHigh: high, ...tally(list, high === null || high > 0) });
    }
  }
  return {
    format: EVIDENCE_FORMAT,
    name: about.name,
    scope: about.scope,
    scale: about.scale,
    experiments: experiments.length,
    above: tally(
      experiments.filter((e) => e.ar > 1),
      true,
    ),
    atMost: tally(
      experiments.filter((e) => e.ar <= 1),
      false,
    ),
    ranges,
  };
}

const inRange = (gap: number, low: number | null, high: number | null) =>
  (low === null || gap > low) && (high === null || gap <= high);

/** What the evidence says about one decision: its range (if the evidence has ranges) and the overall record. */
export interface EvidenceMatch {
  readonly evidence: Pick<Evidence, 'name' | 'scope' | 'scale' | 'experiments'>;
  readonly decision: 'fine-tune' | 'no-gain';
  readonly range: EvidenceRange | null;
  readonly overall: Tally;
}

export function matchEvidence(evidence: Evidence, klGap: number): EvidenceMatch {
  const decision = klGap > 0 ? 'fine-tune' : 'no-gain';
  const { name, scope, scale, experiments } = evidence;
  return {
    evidence: { name, scope, scale, experiments },
    decision,
    range: evidence.ranges.find((r) => inRange(klGap, r.gapLow, r.gapHigh)) ?? null,
    overall: decision === 'fine-tune' ? evidence.above : evidence.atMost,
  };
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** One sentence for a report: "on 40 published fine-tuning runs …, AR > 1 was followed by a gain in 38 of 40 (95%, 95% CI 83–99%)". */
export function evidenceSentence(match: EvidenceMatch): string {
  const { evidence, decision, range, overall } = match;
  const what = decision === 'fine-tune' ? 'followed by a gain' : 'followed by no gain';
  const record = (t: Tally) =>
    t.n === 0 ? 'no run' : `${t.held} of ${t.n} (${pct(t.rate as number)}, 95% CI ${pct(t.ci[0])}–${pct(t.ci[1])})`;
  const call = decision === 'fine-tune' ? 'AR > 1' : 'AR ≤ 1';
  if (overall.n === 0) return `evidence: ${evidence.name} hold no run with ${call}, so they say nothing about this decision.`;
  let sentence = `evidence: on ${evidence.name}, ${call} was ${what} in ${record(overall)}`;
  if (range) {
    const bounds = rangeText(range, evidence.scale);
    sentence += `; with ${bounds}: ${record(range)}`;
  } else if (evidence.scale !== null) {
    sentence += '; no run in the evidence had an AR in this range';
  }
  return `${sentence}.`;
}

function rangeText(range: EvidenceRange, scale: number | null): string {
  const gap = (x: number | null, open: string) => (x === null ? open : x.toFixed(2));
  const text = `D(T‖P) − D(T‖S) in (${gap(range.gapLow, '−∞')}, ${gap(range.gapHigh, '∞')}]`;
  if (scale === null) return text;
  const ar = (x: number | null, open: string) => (x === null ? open : Math.exp(x / scale).toFixed(3));
  return `${text}, AR (${ar(range.gapLow, '0')}, ${ar(range.gapHigh, '∞')}] at c = ${scale}`;
}

/** The evidence that ships with sqlalign: the case study on NL2SQL360's published Spider runs. */
export const DEFAULT_EVIDENCE_PATH = fileURLToPath(new URL('../../evidence/nl2sql360-spider.json', import.meta.url));

/** Reads evidence from a file: a `study --json` output (its `evidence` key) or the evidence object itself. */
export function readEvidence(path: string): Evidence {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DataError(path, code === 'ENOENT' ? 'no such file' : `not JSON (${(err as Error).message})`);
  }
  const evidence = (parsed as { evidence?: unknown }).evidence ?? parsed;
  const e = fromJsonNames(evidence) as Partial<Evidence>;
  if (e.format !== EVIDENCE_FORMAT || !e.above || !e.atMost || !Array.isArray(e.ranges) || typeof e.name !== 'string') {
    throw new DataError(path, `not sqlalign evidence (a \`study --json\` output, format ${EVIDENCE_FORMAT})`);
  }
  return e as Evidence;
}
