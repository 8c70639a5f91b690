/**
 * The 136 NL2SQL360 prediction files (../shared/data/predictions/nl2sql360_spider_dev, see its
 * SOURCE.md) as runs: which model family each belongs to, on how many Spider-train examples it was
 * fine-tuned (where the file name says), and which files are byte-identical copies of another.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type RunKind = 'pretrained' | 'fine-tuned' | 'prompting';

export interface Run {
  /** The file name, as published. */
  readonly file: string;
  readonly path: string;
  /** The base model (CodeLlama-7B, …) or the system (DAIL-SQL, RESDSQL-3B, …). */
  readonly family: string;
  /** Which naming series of the family the file belongs to (NL2SQL360 published two for some models). */
  readonly series: string;
  readonly kind: RunKind;
  /** Spider-train examples it was fine-tuned on; null where the file name does not say. */
  readonly nTrain: number | null;
  /** The first file (in name order) with the same bytes, or null: copies are measured once and counted once. */
  readonly sameAs: string | null;
}

/** The five open models NL2SQL360 fine-tuned on N = 500 … 7000 examples, and their file-name spellings. */
export const FAMILIES: readonly { family: string; names: readonly string[] }[] = [
  { family: 'CodeLlama-7B', names: ['CodeLlama-7B', 'codellama_7b', 'CodeLlama_7B'] },
  { family: 'Llama2-7B', names: ['Llama2-7B', 'llama2_7b', 'Llama2_7B'] },
  { family: 'Llama3-8B', names: ['Llama3-8B', 'llama3_8b', 'Llama3_8B'] },
  { family: 'StarCoder-7B', names: ['StarCoder-7B', 'starcoder_7b', 'StarCoder_7B'] },
  { family: 'DeepSeek-Coder-7B', names: ['Deepseek-Coder-7B', 'deepseek_coder_7b', 'Deepseek_Coder_7B'] },
];

const PROMPTING = /^(C3_SQL|DAIL|DIN|SuperSQL|HyperSQL)/i;

export function classify(file: string): Pick<Run, 'family' | 'series' | 'kind' | 'nTrain'> {
  const stem = file.replace(/\.(sql|txt)$/, '');
  for (const { family, names } of FAMILIES) {
    for (const name of names) {
      if (stem === `pretrained_${name}`) return { family, series: 'pretrained', kind: 'pretrained', nTrain: 0 };
      const dashed = new RegExp(`^${name}-(\\d+)$`).exec(stem);
      if (dashed) return { family, series: `${family}-N`, kind: 'fine-tuned', nTrain: Number(dashed[1]) };
      const samples = new RegExp(`^${name}_(\\d+)_train_samples$`).exec(stem);
      if (samples) return { family, series: `${name}_N_train_samples`, kind: 'fine-tuned', nTrain: Number(samples[1]) };
      if (stem === name || stem === `SFT_${name}`) return { family, series: stem, kind: 'fine-tuned', nTrain: null };
    }
  }
  const resdsql = /^resdsql_(text2sql|text2natsql)_(base|large|3b)(?:_(\d+)_train_samples)?$/i.exec(stem);
  if (resdsql) {
    const [, task, size, n] = resdsql as unknown as [string, string, string, string | undefined];
    const family = `RESDSQL-${size.toLowerCase() === '3b' ? '3B' : size}${task === 'text2natsql' ? '-NatSQL' : ''}`;
    return { family, series: n ? `${family}-N` : stem, kind: 'fine-tuned', nTrain: n ? Number(n) : null };
  }
  if (/^RESDSQL_(NatSQL_)?3B$/.test(stem))
    return {
      family: stem.includes('NatSQL') ? 'RESDSQL-3B-NatSQL' : 'RESDSQL-3B',
      series: stem,
      kind: 'fine-tuned',
      nTrain: null,
    };
  const codes = /^SFT_CodeS_(\d+B)$/.exec(stem);
  if (codes) return { family: `CodeS-${codes[1]}`, series: stem, kind: 'fine-tuned', nTrain: null };
  if (/^Graphix/.test(stem)) return { family: 'Graphix-T5-3B+PICARD', series: stem, kind: 'fine-tuned', nTrain: null };
  if (PROMPTING.test(stem)) return { family: promptingFamily(stem), series: stem, kind: 'prompting', nTrain: null };
  throw new Error(`${file}: not a run this case study knows how to classify`);
}

function promptingFamily(stem: string): string {
  if (/^C3/i.test(stem)) return 'C3-SQL (GPT-3.5)';
  if (/^DAIL/i.test(stem)) return /SC$/.test(stem) ? 'DAIL-SQL+SC (GPT-4)' : 'DAIL-SQL (GPT-4)';
  if (/^DIN/i.test(stem)) return 'DIN-SQL (GPT-4)';
  if (/^SuperSQL/i.test(stem)) return 'SuperSQL';
  return /SC$/.test(stem) ? 'HyperSQL+SC' : 'HyperSQL';
}

/** Every prediction file of the folder, in name order, classified, with byte-identical copies marked. */
export function catalogue(dir: string): Run[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(sql|txt)$/.test(f))
    .sort();
  const firstWithHash = new Map<string, string>();
  return files.map((file) => {
    const path = join(dir, file);
    const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
    const sameAs = firstWithHash.get(hash) ?? null;
    if (!sameAs) firstWithHash.set(hash, file);
    return { file, path, ...classify(file), sameAs };
  });
}
