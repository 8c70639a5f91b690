/**
 * The Spider evaluator's SQL parser (process_sql.get_sql), reimplemented: a query becomes the
 * nested structure that exact set match compares. It accepts only the SQL subset Spider's gold
 * uses (no INNER JOIN, no column aliases, ...); anything else fails, as it does in the official
 * script, and the prediction then counts as an empty query.
 *
 * Shapes (Python tuples become arrays):
 *   col_unit  [agg_id, col_id, isDistinct]
 *   val_unit  [unit_op, col_unit1, col_unit2]
 *   cond_unit [not_op, op_id, val_unit, val1, val2]; a condition alternates cond_units and 'and'/'or'
 */
import type { SpiderSchema } from './schema.js';
import { SpiderSyntaxError, spiderTokenize } from './tokenize.js';

export const CLAUSE_KEYWORDS = ['select', 'from', 'where', 'group', 'order', 'limit', 'intersect', 'union', 'except'];
export const JOIN_KEYWORDS = ['join', 'on', 'as'];
export const WHERE_OPS = ['not', 'between', '=', '>', '<', '>=', '<=', '!=', 'in', 'like', 'is', 'exists'];
export const UNIT_OPS = ['none', '-', '+', '*', '/'];
export const AGG_OPS = ['none', 'max', 'min', 'count', 'sum', 'avg'];
const COND_OPS = ['and', 'or'];
const SQL_OPS = ['intersect', 'union', 'except'] as const;
const ORDER_OPS = ['desc', 'asc'];

export type ColUnit = [number, string, boolean | null];
export type ValUnit = [number, ColUnit | null, ColUnit | null];
export type Value = number | string | SpiderSql | ColUnit | null;
export type CondUnit = [boolean, number, ValUnit, Value, Value];
export type Condition = (CondUnit | 'and' | 'or')[];
export type TableUnit = ['sql', SpiderSql] | ['table_unit', string];

export interface SpiderSql {
  select: [boolean | null, [number, ValUnit][]];
  from: { table_units: TableUnit[]; conds: Condition };
  where: Condition;
  groupBy: ColUnit[];
  orderBy: [] | [string, ValUnit[]];
  having: Condition;
  limit: number | null;
  intersect: SpiderSql | null;
  union: SpiderSql | null;
  except: SpiderSql | null;
}

/** The evaluator's stand-in for a prediction it cannot parse. */
export const EMPTY_SQL = (): SpiderSql => ({
  except: null,
  from: { conds: [], table_units: [] },
  groupBy: [],
  having: [],
  intersect: null,
  limit: null,
  orderBy: [],
  select: [false, []],
  union: null,
  where: [],
});

const fail = (why: string): never => {
  throw new SpiderSyntaxError(why);
};
const check = (ok: boolean, why: string) => {
  if (!ok) fail(why);
};

class Parser {
  constructor(
    readonly toks: readonly string[],
    readonly aliases: Map<string, string>,
    readonly schema: SpiderSchema,
  ) {}

  /** toks[i], failing (like Python's IndexError) past the end. */
  at(i: number): string {
    const t = this.toks[i];
    if (t === undefined) fail(`unexpected end at token ${i}`);
    return t as string;
  }

  table(alias: string): string {
    const t = this.aliases.get(alias);
    if (t === undefined) fail(`unknown table or alias '${alias}'`);
    return t as string;
  }

  id(key: string): string {
    const v = this.schema.idMap.get(key);
    if (v === undefined) fail(`unknown name '${key}'`);
    return v as string;
  }

  parseCol(toks: readonly string[], start: number, defaults: string[] | null): [number, string] {
    const tok = toks[start] ?? fail('unexpected end');
    if (tok === '*') return [start + 1, this.id(tok)];
    if (tok.includes('.')) {
      const parts = tok.split('.');
      check(parts.length === 2, `bad column '${tok}'`);
      const key = `${this.table(parts[0] as string)}.${parts[1]}`;
      return [start + 1, this.id(key)];
    }
    check(defaults !== null && defaults.length > 0, 'Default tables should not be None or empty');
    for (const alias of defaults as string[]) {
      const table = this.table(alias);
      const columns = this.schema.tables.get(table) ?? fail(`unknown table '${table}'`);
      if (columns.includes(tok)) return [start + 1, this.id(`${table}.${tok}`)];
    }
    return fail(`Error col: ${tok}`);
  }

  parseColUnit(toks: readonly string[], start: number, defaults: string[] | null): [number, ColUnit] {
    const at = (i: number) => toks[i] ?? fail('unexpected end');
    let idx = start;
    let block = false;
    let distinct = false;
    if (at(idx) === '(') {
      block = true;
      idx++;
    }
    if (AGG_OPS.includes(at(idx))) {
      const agg = AGG_OPS.indexOf(at(idx));
      idx++;
      check(idx < toks.length && at(idx) === '(', 'expected (');
      idx++;
      if (at(idx) === 'distinct') {
        idx++;
        distinct = true;
      }
      let col: string;
      [idx, col] = this.parseCol(toks, idx, defaults);
      check(idx < toks.length && at(idx) === ')', 'expected )');
      idx++;
      return [idx, [agg, col, distinct]];
    }
    if (at(idx) === 'distinct') {
      idx++;
      distinct = true;
    }
    const [afterCol, col] = this.parseCol(toks, idx, defaults);
    idx = afterCol;
    if (block) {
      check(at(idx) === ')', 'expected )');
      idx++;
    }
    return [idx, [0, col, distinct]];
  }

  parseValUnit(start: number, defaults: string[] | null): [number, ValUnit] {
    let idx = start;
    let block = false;
    if (this.at(idx) === '(') {
      block = true;
      idx++;
    }
    let unit2: ColUnit | null = null;
    let op = 0;
    const [afterUnit, unit1] = this.parseColUnit(this.toks, idx, defaults);
    idx = afterUnit;
    if (idx < this.toks.length && UNIT_OPS.includes(this.at(idx))) {
      op = UNIT_OPS.indexOf(this.at(idx));
      idx++;
      [idx, unit2] = this.parseColUnit(this.toks, idx, defaults);
    }
    if (block) {
      check(this.at(idx) === ')', 'expected )');
      idx++;
    }
    return [idx, [op, unit1, unit2]];
  }

  parseTableUnit(start: number): [number, string, string] {
    let idx = start;
    const key = this.table(this.at(idx));
    idx += idx + 1 < this.toks.length && this.at(idx + 1) === 'as' ? 3 : 1;
    return [idx, this.id(key), key];
  }

  parseValue(start: number, defaults: string[] | null): [number, Value] {
    let idx = start;
    let block = false;
    if (this.at(idx) === '(') {
      block = true;
      idx++;
    }
    let value: Value;
    if (this.at(idx) === 'select') {
      [idx, value] = this.parseSql(idx);
    } else if (this.at(idx).includes('"')) {
      value = this.at(idx);
      idx++;
    } else {
      const number = pythonFloat(this.toks[idx]);
      if (number !== null) {
        value = number;
        idx++;
      } else {
        let end = idx;
        while (end < this.toks.length) {
          const t = this.toks[end] as string;
          if (t === ',' || t === ')' || t === 'and' || CLAUSE_KEYWORDS.includes(t) || JOIN_KEYWORDS.includes(t)) break;
          end++;
        }
        [, value] = this.parseColUnit(this.toks.slice(start, end), 0, defaults);
        idx = end;
      }
    }
    if (block) {
      check(this.at(idx) === ')', 'expected )');
      idx++;
    }
    return [idx, value];
  }

  parseCondition(start: number, defaults: string[] | null): [number, Condition] {
    let idx = start;
    const conds: Condition = [];
    while (idx < this.toks.length) {
      let valUnit: ValUnit;
      [idx, valUnit] = this.parseValUnit(idx, defaults);
      let not = false;
      if (this.at(idx) === 'not') {
        not = true;
        idx++;
      }
      check(idx < this.toks.length && WHERE_OPS.includes(this.at(idx)), `Error condition: idx: ${idx}`);
      const op = WHERE_OPS.indexOf(this.at(idx));
      idx++;
      let v1: Value;
      let v2: Value = null;
      if (op === WHERE_OPS.indexOf('between')) {
        [idx, v1] = this.parseValue(idx, defaults);
        check(this.at(idx) === 'and', 'expected and');
        idx++;
        [idx, v2] = this.parseValue(idx, defaults);
      } else [idx, v1] = this.parseValue(idx, defaults);
      conds.push([not, op, valUnit, v1, v2]);
      if (idx < this.toks.length) {
        const t = this.at(idx);
        if (CLAUSE_KEYWORDS.includes(t) || t === ')' || t === ';' || JOIN_KEYWORDS.includes(t)) break;
        if (COND_OPS.includes(t)) {
          conds.push(t as 'and' | 'or');
          idx++;
        }
      }
    }
    return [idx, conds];
  }

  parseSelect(start: number, defaults: string[]): [number, SpiderSql['select']] {
    let idx = start;
    check(this.at(idx) === 'select', "'select' not found");
    idx++;
    let distinct = false;
    if (idx < this.toks.length && this.at(idx) === 'distinct') {
      idx++;
      distinct = true;
    }
    const units: [number, ValUnit][] = [];
    while (idx < this.toks.length && !CLAUSE_KEYWORDS.includes(this.at(idx))) {
      let agg = 0;
      if (AGG_OPS.includes(this.at(idx))) {
        agg = AGG_OPS.indexOf(this.at(idx));
        idx++;
      }
      let valUnit: ValUnit;
      [idx, valUnit] = this.parseValUnit(idx, defaults);
      units.push([agg, valUnit]);
      if (idx < this.toks.length && this.at(idx) === ',') idx++;
    }
    return [idx, [distinct, units]];
  }

  parseFrom(start: number): [number, TableUnit[], Condition, string[]] {
    const from = this.toks.indexOf('from', start);
    check(from >= 0, "'from' not found");
    let idx = from + 1;
    const defaults: string[] = [];
    const units: TableUnit[] = [];
    const conds: Condition = [];
    while (idx < this.toks.length) {
      let block = false;
      if (this.at(idx) === '(') {
        block = true;
        idx++;
      }
      if (this.at(idx) === 'select') {
        let sql: SpiderSql;
        [idx, sql] = this.parseSql(idx);
        units.push(['sql', sql]);
      } else {
        if (idx < this.toks.length && this.at(idx) === 'join') idx++;
        let id: string;
        let name: string;
        [idx, id, name] = this.parseTableUnit(idx);
        units.push(['table_unit', id]);
        defaults.push(name);
      }
      if (idx < this.toks.length && this.at(idx) === 'on') {
        idx++;
        let these: Condition;
        [idx, these] = this.parseCondition(idx, defaults);
        if (conds.length > 0) conds.push('and');
        conds.push(...these);
      }
      if (block) {
        check(this.at(idx) === ')', 'expected )');
        idx++;
      }
      if (idx < this.toks.length) {
        const t = this.at(idx);
        if (CLAUSE_KEYWORDS.includes(t) || t === ')' || t === ';') break;
      }
    }
    return [idx, units, conds, defaults];
  }

  parseClauseCondition(start: number, keyword: string, defaults: string[]): [number, Condition] {
    if (start >= this.toks.length || this.at(start) !== keyword) return [start, []];
    return this.parseCondition(start + 1, defaults);
  }

  parseGroupBy(start: number, defaults: string[]): [number, ColUnit[]] {
    let idx = start;
    const units: ColUnit[] = [];
    if (idx >= this.toks.length || this.at(idx) !== 'group') return [idx, units];
    idx++;
    check(this.at(idx) === 'by', 'expected by');
    idx++;
    while (idx < this.toks.length && !isClauseEnd(this.at(idx))) {
      let unit: ColUnit;
      [idx, unit] = this.parseColUnit(this.toks, idx, defaults);
      units.push(unit);
      if (idx < this.toks.length && this.at(idx) === ',') idx++;
      else break;
    }
    return [idx, units];
  }

  parseOrderBy(start: number, defaults: string[]): [number, SpiderSql['orderBy']] {
    let idx = start;
    const units: ValUnit[] = [];
    let order = 'asc';
    if (idx >= this.toks.length || this.at(idx) !== 'order') return [idx, []];
    idx++;
    check(this.at(idx) === 'by', 'expected by');
    idx++;
    while (idx < this.toks.length && !isClauseEnd(this.at(idx))) {
      let unit: ValUnit;
      [idx, unit] = this.parseValUnit(idx, defaults);
      units.push(unit);
      if (idx < this.toks.length && ORDER_OPS.includes(this.at(idx))) {
        order = this.at(idx);
        idx++;
      }
      if (idx < this.toks.length && this.at(idx) === ',') idx++;
      else break;
    }
    return [idx, [order, units]];
  }

  parseSql(start: number): [number, SpiderSql] {
    let idx = start;
    let block = false;
    if (this.at(idx) === '(') {
      block = true;
      idx++;
    }
    const [fromEnd, tableUnits, conds, defaults] = this.parseFrom(start);
    const [, select] = this.parseSelect(idx, defaults);
    idx = fromEnd;
    const [afterWhere, where] = this.parseClauseCondition(idx, 'where', defaults);
    const [afterGroup, groupBy] = this.parseGroupBy(afterWhere, defaults);
    const [afterHaving, having] = this.parseClauseCondition(afterGroup, 'having', defaults);
    const [afterOrder, orderBy] = this.parseOrderBy(afterHaving, defaults);
    idx = afterOrder;
    let limit: number | null = null;
    if (idx < this.toks.length && this.at(idx) === 'limit') {
      idx += 2;
      limit = 1; // the official parser always records 1: its tokens are strings, never ints
    }
    idx = this.skipSemicolons(idx);
    if (block) {
      check(this.at(idx) === ')', 'expected )');
      idx++;
    }
    idx = this.skipSemicolons(idx);
    const sql: SpiderSql = {
      select,
      from: { table_units: tableUnits, conds },
      where,
      groupBy,
      orderBy,
      having,
      limit,
      intersect: null,
      union: null,
      except: null,
    };
    if (idx < this.toks.length && (SQL_OPS as readonly string[]).includes(this.at(idx))) {
      const op = this.at(idx) as (typeof SQL_OPS)[number];
      let nested: SpiderSql;
      [idx, nested] = this.parseSql(idx + 1);
      sql[op] = nested;
    }
    return [idx, sql];
  }

  skipSemicolons(start: number): number {
    let idx = start;
    while (idx < this.toks.length && this.at(idx) === ';') idx++;
    return idx;
  }
}

const isClauseEnd = (t: string) => CLAUSE_KEYWORDS.includes(t) || t === ')' || t === ';';

/** Python's float() on a token: numbers, with underscores, inf and nan; null where it would raise. */
function pythonFloat(tok: string | undefined): number | null {
  if (tok === undefined) return null;
  const t = tok.trim();
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  if (!/^[+-]?((\d(_?\d)*)?\.\d(_?\d)*|\d(_?\d)*\.?)([eE][+-]?\d(_?\d)*)?$/.test(t)) return null;
  return Number(t.replace(/_/g, ''));
}

/** process_sql.get_sql: throws SpiderSyntaxError where the official parser raises. */
export function parseSpiderSql(schema: SpiderSchema, query: string): SpiderSql {
  const toks = spiderTokenize(query);
  const aliases = new Map<string, string>();
  toks.forEach((t, k) => {
    if (t === 'as') aliases.set(toks[k + 1] ?? fail('alias at the end'), toks[k - 1] ?? (toks.at(-1) as string));
  });
  for (const table of schema.tables.keys()) {
    check(!aliases.has(table), `Alias ${table} has the same name in table`);
    aliases.set(table, table);
  }
  return new Parser(toks, aliases, schema).parseSql(0)[1];
}
