/**
 * Templates of queries written in one dialect, made in another: each query is rewritten by the
 * parser's transpiler into the comparison's dialect, then templated there, so that two sets are
 * compared by structure and not by how their dialects spell it (`TOP` against `LIMIT`, `ISNULL`
 * against `IFNULL`). A query the transpiler cannot rewrite is templated as written, in its own
 * dialect, and marked so: it is counted, never dropped.
 */
import { dialectInfo, transpiledFrom } from './dialects.js';
import { TemplateEngine } from './engine.js';
import { transpileStatement } from './parser.js';
import type { TemplateResult } from './templateResult.js';

/** Texts remembered per engine; past that the memory starts again (a log's repeats are mostly near each other). */
const SEEN_MAX = 50_000;

export class CrossDialectEngine {
  private readonly target: TemplateEngine;
  /** For queries the transpiler cannot rewrite, and to tell which ones the parser would refuse. */
  private readonly own: TemplateEngine;
  private readonly seen = new Map<string, TemplateResult>();
  private readonly fromParser: string;
  private readonly toParser: string;

  /** `from`: the queries' dialect; `to`: the comparison's (sqlalign dialect names). */
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    this.target = new TemplateEngine(to);
    this.own = new TemplateEngine(from);
    this.fromParser = dialectInfo(from).parserName;
    this.toParser = dialectInfo(to).parserName;
  }

  template(sql: string): TemplateResult {
    // Text seen before is not transpiled again (Spider train: 8,659 queries, 4,714 texts).
    const seen = this.seen.get(sql);
    if (seen !== undefined) return seen;
    const result = this.transpiledTemplate(sql);
    if (this.seen.size >= SEEN_MAX) this.seen.clear();
    this.seen.set(sql, result);
    return result;
  }

  private transpiledTemplate(sql: string): TemplateResult {
    const refused = this.own.refusal(sql);
    if (refused !== null) return { error: refused, transpiled: false };
    const rewritten = transpileStatement(sql, this.fromParser, this.toParser);
    if (rewritten.ok) return { ...this.target.template(rewritten.sql), transpiled: true };
    return { ...this.own.template(sql), transpiled: false };
  }
}

/** The engine for queries of `from` compared in `dialect`: a plain one where no transpiling is needed. */
export function templateEngineFor(dialect: string, from?: string): { template(sql: string): TemplateResult } {
  const source = transpiledFrom(from, dialect);
  return source === undefined ? new TemplateEngine(dialect) : new CrossDialectEngine(source, dialect);
}
