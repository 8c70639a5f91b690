/**
 * Templates with a cache: one parse per distinct query shape up to literal values
 * (literalKey.ts). The cache is bounded so memory follows the number of distinct
 * shapes seen recently, not the number of queries.
 */
import { dialectInfo } from './dialects.js';
import { literalKey } from './literalKey.js';
import { type TemplateResult, templateOf } from './template.js';

export const DEFAULT_CACHE_ENTRIES = 200_000;

export class TemplateEngine {
  private readonly cache = new Map<string, TemplateResult>();
  private readonly parserName: string;
  private readonly backslashEscapes: boolean;
  /** Parses actually run (cache misses), for benchmarks and progress reports. */
  parses = 0;

  constructor(
    readonly dialect: string,
    private readonly maxEntries = DEFAULT_CACHE_ENTRIES,
  ) {
    const info = dialectInfo(dialect);
    this.parserName = info.parserName;
    this.backslashEscapes = info.backslashEscapes;
  }

  template(sql: string): TemplateResult {
    const key = literalKey(sql, this.backslashEscapes) ?? sql;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.parses++;
    const result = templateOf(sql, this.parserName);
    // Errors are not cached: their positions belong to this text, not to the shape.
    if ('error' in result) return result;
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
