/**
 * What a template is made into, and the version of the rules that make it: apart from the
 * templating code, so that a run served from the caches reads them without loading it.
 */
export type TemplateResult = ({ template: string } | { error: string }) & {
  /**
   * For a query read in another dialect than the comparison's: true where the transpiler rewrote
   * it, false where it could not (the query was then templated as written, in its own dialect).
   */
  transpiled?: boolean;
};

/**
 * The template rules' version: part of every persistent cache key (templateCache.ts, the dataset
 * cache). Change it with any change to what a template is, and with any fix to the shape cache
 * (engine.ts), so that no cache can hand back a template made by old rules or a wrong cache hit
 * (2026-12-01.9: words such as SYSDATE could share a shape of plain names; .10: words of commands
 * such as SET VARIABLE, date units, `U&'…'`, built-in types; 2026-12-07.1: a routine defined with
 * `IF [NOT] EXISTS` drops its qualified name, and clause rules apply only in their dialects; .2:
 * T-SQL batches without `;` are read as their statements; .3: a SQLite virtual table's module
 * arguments are dropped whatever word they are).
 */
export const TEMPLATE_VERSION = '2026-12-07.3';
