/**
 * Templates with a cache keyed by query shape (queryShape.ts), so that only queries of a new
 * shape reach the parser: queries that differ only in names and literal values share one
 * parse. The parse that fills an entry is checked: every span the shape masked must be a
 * token the template dropped. A name the parser kept as syntax is learned (kept verbatim in
 * later shapes) and its entry is not stored. The cache is bounded, so memory follows the
 * distinct shapes seen recently, not the number of queries.
 */
import { type DialectInfo, dialectInfo } from './dialects.js';
import { SPECIAL_WORDS } from './keywords.js';
import { type Token, tokenizeQuery } from './parser.js';
import { type Masked, queryShape, type ShapeLexicon } from './queryShape.js';
import { detailedTemplate, type TemplateResult } from './template.js';

export const DEFAULT_CACHE_ENTRIES = 200_000;

export class TemplateEngine {
  private readonly cache = new Map<string, TemplateResult>();
  private readonly learned = new Set<string>();
  /** Per word: does the tokenizer see it as a plain name (VAR)? Asked once per word. */
  private readonly tokenizerNames = new Map<string, boolean>();
  private readonly info: DialectInfo;
  private readonly lexicon: ShapeLexicon = { isPlainName: (word) => this.isPlainName(word) };
  /** How many queries were looked up, and how many needed the parser (for benchmarks). */
  readonly stats = { queries: 0, parsed: 0 };

  private readonly maxEntries: number;
  private readonly specialWords: ReadonlySet<string>;

  constructor(
    readonly dialect: string,
    options: { maxEntries?: number; specialWords?: ReadonlySet<string> } = {},
  ) {
    this.info = dialectInfo(dialect);
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
    this.specialWords = options.specialWords ?? SPECIAL_WORDS;
  }

  /** Words learned to be syntax in this run (kept verbatim in shapes from then on). */
  get learnedWords(): ReadonlySet<string> {
    return this.learned;
  }

  template(sql: string): TemplateResult {
    this.stats.queries++;
    const shape = queryShape(sql, this.info, this.lexicon);
    const known = shape && this.cache.get(shape.key);
    if (known) return known;

    this.stats.parsed++;
    const tokenized = tokenizeQuery(sql, this.info.parserName);
    // Errors are not cached: their positions belong to this text, not to the shape.
    if (!tokenized.ok) return { error: tokenized.error };
    const detailed = detailedTemplate(sql, tokenized.tokens, this.info.parserName);
    if ('error' in detailed) return detailed;
    const result: TemplateResult = { template: detailed.template };
    if (shape && this.confirms(sql, shape.masked, tokenized.tokens, detailed.dropped)) {
      if (this.cache.size >= this.maxEntries) this.cache.clear();
      this.cache.set(shape.key, result);
    }
    return result;
  }

  /** Whether the parse dropped every masked span; names it kept are learned. */
  private confirms(sql: string, masked: readonly Masked[], tokens: readonly Token[], dropped: Uint8Array | null): boolean {
    if (dropped === null) return false;
    const byStart = new Map<number, number>(tokens.map((t, k) => [t.start, k]));
    let ok = true;
    for (const span of masked) {
      const k = byStart.get(span.start);
      if (k !== undefined && dropped[k]) continue;
      ok = false;
      if (span.kind === 'name') this.learned.add(sql.slice(span.start, span.end).toUpperCase());
    }
    return ok;
  }

  private isPlainName(word: string): boolean {
    if (this.specialWords.has(word) || this.learned.has(word)) return false;
    let plain = this.tokenizerNames.get(word);
    if (plain === undefined) {
      const tokenized = tokenizeQuery(word, this.info.parserName);
      plain = tokenized.ok && tokenized.tokens.length === 1 && tokenized.tokens[0]?.type === 'VAR';
      if (this.tokenizerNames.size >= this.maxEntries) this.tokenizerNames.clear();
      this.tokenizerNames.set(word, plain);
    }
    return plain;
  }
}
