/**
 * What every report says beside an AR decision besides AR itself: the record of that decision in
 * the evidence (`align --evidence`), and the size-matched AR where it decides otherwise.
 */
import type { AlignResult } from '../align/align.js';
import type { RatioRow } from '../align/figures.js';
import type { SizeMatchedRatio } from '../align/sizeMatched.js';
import { type Evidence, type EvidenceMatch, evidenceSentence, matchEvidence } from '../study/evidence.js';
import { count, fixed } from './table.js';

export interface ReportOptions {
  /** Published outcomes of the same decision, matched to each ratio by its D(T‖P) − D(T‖S); null: none. */
  readonly evidence?: Evidence | null;
}

export function evidenceMatches(result: AlignResult, options: ReportOptions): (EvidenceMatch | null)[] {
  const evidence = options.evidence;
  return result.ratios.map((r) => (evidence ? matchEvidence(evidence, r.klGap) : null));
}

/** The sentences under one decision: the evidence's record, and a size-matched AR that disagrees. */
export function ratioNotes(r: RatioRow, sized: SizeMatchedRatio | undefined, match: EvidenceMatch | null): string[] {
  const notes: string[] = [];
  if (sized && sized.subsampled !== 'none' && sized.decision !== r.decision) {
    notes.push(
      `at equal size (both at ${count(sized.size)} parsed queries) AR is ${fixed(sized.ar, 3)} ±${fixed(sized.arSd, 3)}: ${sized.decision === 'fine-tune' ? 'above' : 'at most'} 1, so this decision rests on the sets' sizes as much as on their structure.`,
    );
  }
  if (match) notes.push(evidenceSentence(match));
  return notes;
}
