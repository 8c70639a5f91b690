/**
 * Templates with a cache keyed by query shape (queryShape.ts), so that only queries of a new
 * shape reach the parser: queries that differ only in names and literal values share one
 * parse. The parse that fills an entry is checked: every span the shape masked must be a
 * token the template dropped. A name the parser kept as syntax is learned (kept verbatim in
 * later shapes) and its entry is not stored. The cache is bounded, so memory follows the
 * distinct shapes seen recently, not the number of queries.
 *
 * A long query that repeats one piece many times over (a generated `IN` list, `VALUES` rows, `OR`
 * chains, a list of thousands of columns: repeats.ts, where copies may differ in literal values and
 * in the names the shape would mask) is parsed with each repeat cut to a few copies, and the piece
 * of template a copy adds is repeated, so its time grows with the scan, not with the parser's pace.
 */
import { splitBatch } from './batches.js';
import { type DialectInfo, dialectInfo } from './dialects.js';
import { SHAPE_KEPT_WORDS } from './keywords.js';
import { SET_CHAIN_PROBE, setChainError, type Token, tokenizeQuery } from './parser.js';
import { type Masked, type QueryShape, queryShape, type ShapeLexicon } from './queryShape.js';
import { cutRepeats, findRepeats, type Repeat } from './repeats.js';
import { longestSetChainOfText } from './setChain.js';
import { detailedTemplate, type TemplateResult } from './template.js';

export const DEFAULT_CACHE_ENTRIES = 200_000;

/** Dialects whose scripts run as batches of statements without `;` (batches.ts). */
const BATCH_DIALECTS = new Set(['tsql', 'fabric']);

/** Which repeats (repeats.ts) are folded: in queries of at least `minLength` characters, of at least `minCopies` copies. */
export interface FoldOptions {
  readonly minLength: number;
  readonly minCopies: number;
}

/** Ordinary queries never take the folding path. */
export const FOLD_DEFAULTS: FoldOptions = { minLength: 10_000, minCopies: 64 };

/** A chain of `SET_CHAIN_PROBE` queries is at least this long (`SELECT 1 UNION ` each). */
const LONG_CHAIN_MIN_LENGTH = SET_CHAIN_PROBE * 8;

/** At most this many repeats are folded per query (the longest). */
const FOLD_MAX_REPEATS = 16;

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

  private readonly fold: FoldOptions | null;

  /** `fold`: which repeats to fold (false: none); the defaults unless a test asks otherwise. */
  constructor(
    readonly dialect: string,
    options: { maxEntries?: number; specialWords?: ReadonlySet<string>; fold?: FoldOptions | false } = {},
  ) {
    this.info = dialectInfo(dialect);
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
    this.specialWords = options.specialWords ?? SHAPE_KEPT_WORDS;
    this.fold = options.fold === false ? null : (options.fold ?? FOLD_DEFAULTS);
  }

  /** The shape this engine keys `sql` by, with the spans it masks (null where the scan is unsure of the text). */
  shapeOf(sql: string): QueryShape | null {
    return queryShape(sql, this.info, this.lexicon);
  }

  /** Words learned to be syntax in this run (kept verbatim in shapes from then on). */
  get learnedWords(): ReadonlySet<string> {
    return this.learned;
  }

  template(sql: string): TemplateResult {
    this.stats.queries++;
    const refused = this.refusal(sql);
    if (refused !== null) return { error: refused };
    if (this.fold && sql.length >= this.fold.minLength) {
      const repeats = findRepeats(sql, this.info, this.fold.minCopies, this.lexicon);
      const folded = repeats.length > 0 ? this.foldedTemplate(sql, longest(repeats, FOLD_MAX_REPEATS)) : null;
      if (folded !== null) return { template: folded };
    }
    const result = this.shapedTemplate(sql);
    if (!('error' in result) || !BATCH_DIALECTS.has(this.info.parserName)) return result;
    // A T-SQL batch without `;` between its statements: read as its statements where the parser confirms the cuts.
    const pieces = splitBatch(sql, this.info, (text) => 'template' in this.shapedTemplate(text));
    if (pieces === null) return result;
    const parts: string[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'control') parts.push(piece.words);
      // A condition's structure is read as an expression (`SELECT cond`, its SELECT taken off again).
      const text = piece.kind === 'statements' ? piece.text : piece.condition === undefined ? null : `SELECT ${piece.condition}`;
      if (text === null) continue;
      const read = this.shapedTemplate(text);
      if (!('template' in read)) return result;
      parts.push(piece.kind === 'statements' ? read.template : read.template.replace(/^SELECT\b ?/, ''));
    }
    // Control of flow alone is no query.
    if (!pieces.some((p) => p.kind === 'statements')) return result;
    return { template: parts.filter((p) => p !== '').join(' ') };
  }

  /** Why the parser would refuse `sql`, told from the text before any parse (a set chain too long for it); null if not. */
  refusal(sql: string): string | null {
    // Told before the tokenizer reads it all.
    if (sql.length < LONG_CHAIN_MIN_LENGTH) return null;
    return setChainError(longestSetChainOfText(sql, this.info), this.info.parserName);
  }

  /**
   * The template of a query whose repeats are cut to a few copies, with the piece of template each
   * further copy adds repeated. The parser reads the query with every repeat cut to two copies,
   * then with one repeat at a time at three (which shows the piece a copy adds and where), and
   * checks the result with every repeat at three and at four copies: only a template that grows by
   * the same piece at the same place per copy is extended; anything else (an error among them)
   * returns null, and the query is parsed whole.
   */
  private foldedTemplate(sql: string, repeats: readonly Repeat[]): string | null {
    const probe = (kept: number[]): string[] | null => {
      const result = this.shapedTemplate(cutRepeats(sql, repeats, kept));
      return 'template' in result ? tokensOf(result.template) : null;
    };
    const twos = repeats.map(() => 2);
    const base = probe(twos);
    if (base === null) return null;
    const pieces: Piece[] = [];
    for (let r = 0; r < repeats.length; r++) {
      const longer = probe(twos.map((n, k) => (k === r ? 3 : n)));
      const piece = longer && insertionOf(base, longer);
      if (!piece) return null;
      pieces.push(piece);
    }
    const places = pieces.filter((p) => p.tokens.length > 0).map((p) => p.at);
    if (new Set(places).size !== places.length) return null;
    const grown = (times: (r: number) => number) => repeatPieces(base, pieces, times).join(' ');
    for (const extra of repeats.length > 1 ? [1, 2] : [2]) {
      const checked = probe(repeats.map(() => 2 + extra));
      if (checked === null || checked.join(' ') !== grown(() => extra)) return null;
    }
    return grown((r) => (repeats[r] as Repeat).count - 2);
  }

  private shapedTemplate(sql: string): TemplateResult {
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

/** Where a template grows by one copy of a repeat, and by which tokens. */
interface Piece {
  readonly at: number;
  readonly tokens: readonly string[];
}

const tokensOf = (template: string): string[] => (template === '' ? [] : template.split(' '));

/** `longer` as `base` with tokens inserted at one place (the first place that fits), or null. */
function insertionOf(base: readonly string[], longer: readonly string[]): Piece | null {
  const added = longer.length - base.length;
  if (added < 0) return null;
  let at = 0;
  while (at < base.length && base[at] === longer[at]) at++;
  for (let k = at; k < base.length; k++) if (base[k] !== longer[k + added]) return null;
  return { at, tokens: longer.slice(at, at + added) };
}

/** `base` with piece r inserted `times(r)` times at its place. */
function repeatPieces(base: readonly string[], pieces: readonly Piece[], times: (r: number) => number): string[] {
  const order = pieces.map((_, r) => r).sort((a, b) => (pieces[a] as Piece).at - (pieces[b] as Piece).at);
  const out: string[] = [];
  let from = 0;
  for (const r of order) {
    const { at, tokens } = pieces[r] as Piece;
    for (let k = from; k < at; k++) out.push(base[k] as string);
    for (let n = times(r); n > 0; n--) for (const token of tokens) out.push(token);
    from = at;
  }
  for (let k = from; k < base.length; k++) out.push(base[k] as string);
  return out;
}

/** The `max` repeats with the most copies, in text order. */
function longest(repeats: readonly Repeat[], max: number): Repeat[] {
  if (repeats.length <= max) return [...repeats];
  return [...repeats]
    .sort((a, b) => b.count - a.count)
    .slice(0, max)
    .sort((a, b) => a.start - b.start);
}
