/**
 * Spider's exact set match and hardness (evaluation.py: Evaluator.eval_exact_match,
 * eval_hardness, and the rebuild_* steps that drop values and DISTINCT and map foreign keys),
 * reimplemented over the structures of parse.ts. Python's == and `in` are pyEq below.
 */
import type { ColUnit, Condition, CondUnit, SpiderSql, TableUnit, ValUnit } from './parse.js';
import { WHERE_OPS } from './parse.js';
import type { SpiderSchema } from './schema.js';

export type Hardness = 'easy' | 'medium' | 'hard' | 'extra';

/** Python equality: True == 1, False == 0, None == None, sequences and dicts by value. */
export function pyEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const num = (x: unknown) => (typeof x === 'boolean' ? Number(x) : x);
  if ((typeof a === 'number' || typeof a === 'boolean') && (typeof b === 'number' || typeof b === 'boolean'))
    return num(a) === num(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => pyEq(x, b[k]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => k in b && pyEq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

const indexOfEq = (list: readonly unknown[], x: unknown) => list.findIndex((y) => pyEq(x, y));
const condUnits = (c: Condition) => c.filter((_, k) => k % 2 === 0) as CondUnit[];
const condOps = (c: Condition) => c.filter((_, k) => k % 2 === 1) as string[];
const isSql = (v: unknown): v is SpiderSql => v !== null && typeof v === 'object' && !Array.isArray(v);
/** has_agg: unit[0] != 0, which in Python also holds for a True not_op and for the strings 'and'/'or'. */
const hasAgg = (unit: unknown): boolean => {
  const first = typeof unit === 'string' ? unit[0] : (unit as unknown[])[0];
  return typeof first === 'string' ? true : !pyEq(first, 0);
};
const countAgg = (units: readonly unknown[]) => units.filter(hasAgg).length;

// ---- hardness ----

function nestedSql(sql: SpiderSql): SpiderSql[] {
  const nested: SpiderSql[] = [];
  for (const cond of [...condUnits(sql.from.conds), ...condUnits(sql.where), ...condUnits(sql.having)]) {
    if (isSql(cond[3])) nested.push(cond[3]);
    if (isSql(cond[4])) nested.push(cond[4]);
  }
  for (const s of [sql.intersect, sql.except, sql.union]) if (s) nested.push(s);
  return nested;
}

function countComponent1(sql: SpiderSql): number {
  let count = 0;
  if (sql.where.length > 0) count++;
  if (sql.groupBy.length > 0) count++;
  if (sql.orderBy.length > 0) count++;
  if (sql.limit !== null) count++;
  if (sql.from.table_units.length > 0) count += sql.from.table_units.length - 1;
  const ops = [...condOps(sql.from.conds), ...condOps(sql.where), ...condOps(sql.having)];
  count += ops.filter((t) => t === 'or').length;
  const units = [...condUnits(sql.from.conds), ...condUnits(sql.where), ...condUnits(sql.having)];
  count += units.filter((u) => u[1] === WHERE_OPS.indexOf('like')).length;
  return count;
}

function countOthers(sql: SpiderSql): number {
  let count = 0;
  let agg = countAgg(sql.select[1]) + countAgg(condUnits(sql.where)) + countAgg(sql.groupBy);
  if (sql.orderBy.length > 0) {
    const units = sql.orderBy[1] as ValUnit[];
    agg += countAgg([...units.filter((u) => u[1]).map((u) => u[1]), ...units.filter((u) => u[2]).map((u) => u[2])]);
  }
  agg += countAgg(sql.having);
  if (agg > 1) count++;
  if (sql.select[1].length > 1) count++;
  if (sql.where.length > 1) count++;
  if (sql.groupBy.length > 1) count++;
  return count;
}

export function hardness(sql: SpiderSql): Hardness {
  const c1 = countComponent1(sql);
  const c2 = nestedSql(sql).length;
  const others = countOthers(sql);
  if (c1 <= 1 && others === 0 && c2 === 0) return 'easy';
  if ((others <= 2 && c1 <= 1 && c2 === 0) || (c1 <= 2 && others < 2 && c2 === 0)) return 'medium';
  if (
    (others > 2 && c1 <= 2 && c2 === 0) ||
    (c1 > 2 && c1 <= 3 && others <= 2 && c2 === 0) ||
    (c1 <= 1 && others === 0 && c2 <= 1)
  ) {
    return 'hard';
  }
  return 'extra';
}

// ---- rebuild: values dropped, DISTINCT dropped, foreign keys mapped ----

function rebuildVal(sql: SpiderSql | null): SpiderSql | null {
  if (sql === null) return null;
  const cond = (c: Condition): Condition =>
    c.map((it, k) => {
      if (k % 2 === 1) return it;
      const [not, op, vu, v1, v2] = it as CondUnit;
      return [not, op, vu, isSql(v1) ? rebuildVal(v1) : null, isSql(v2) ? rebuildVal(v2) : null] as CondUnit;
    });
  return {
    ...sql,
    from: { ...sql.from, conds: cond(sql.from.conds) },
    having: cond(sql.having),
    where: cond(sql.where),
    intersect: rebuildVal(sql.intersect),
    except: rebuildVal(sql.except),
    union: rebuildVal(sql.union),
  };
}

function validColUnits(tableUnits: readonly TableUnit[], schema: SpiderSchema): Set<string> {
  const prefixes = new Set(tableUnits.filter((t) => t[0] === 'table_unit').map((t) => (t[1] as string).slice(0, -2)));
  const valid = new Set<string>();
  for (const value of schema.idMap.values()) {
    const dot = value.indexOf('.');
    if (dot >= 0 && prefixes.has(value.slice(0, dot))) valid.add(value);
  }
  return valid;
}

function rebuildCol(valid: Set<string>, sql: SpiderSql | null, kmap: ReadonlyMap<string, string>): SpiderSql | null {
  if (sql === null) return null;
  const colUnit = (u: ColUnit | null): ColUnit | null => {
    if (u === null) return null;
    const [agg, id] = u;
    return [agg, kmap.has(id) && valid.has(id) ? (kmap.get(id) as string) : id, null];
  };
  const valUnit = (v: ValUnit): ValUnit => [v[0], colUnit(v[1]), colUnit(v[2])];
  const cond = (c: Condition): Condition =>
    c.map((it, k) => {
      if (k % 2 === 1) return it;
      const [not, op, vu, v1, v2] = it as CondUnit;
      return [not, op, valUnit(vu), v1, v2] as CondUnit;
    });
  return {
    select: [null, sql.select[1].map(([agg, vu]) => [agg, valUnit(vu)] as [number, ValUnit])],
    from: {
      table_units: sql.from.table_units.map((t) => t) as TableUnit[],
      conds: cond(sql.from.conds),
    },
    where: cond(sql.where),
    groupBy: sql.groupBy.map((u) => colUnit(u) as ColUnit),
    orderBy: sql.orderBy.length === 0 ? sql.orderBy : [sql.orderBy[0] as string, (sql.orderBy[1] as ValUnit[]).map(valUnit)],
    having: cond(sql.having),
    limit: sql.limit,
    intersect: rebuildCol(valid, sql.intersect, kmap),
    except: rebuildCol(valid, sql.except, kmap),
    union: rebuildCol(valid, sql.union, kmap),
  };
}

/** The form in which the official evaluator compares a query: values and DISTINCT gone, foreign keys unified. */
export function rebuildForMatch(sql: SpiderSql, schema: SpiderSchema, kmap: ReadonlyMap<string, string>): SpiderSql {
  const valid = validColUnits(sql.from.table_units, schema);
  return rebuildCol(valid, rebuildVal(sql), kmap) as SpiderSql;
}

// ---- exact set match ----

type Scores = { label: number; pred: number; cnt: number };
const scoreOk = ({ label, pred, cnt }: Scores) => pred === label && cnt === pred;

function evalSel(pred: SpiderSql, label: SpiderSql): [Scores, Scores] {
  const labelSel = [...label.select[1]];
  const labelWoAgg = labelSel.map((u) => u[1]);
  let cnt = 0;
  let cntWoAgg = 0;
  for (const unit of pred.select[1]) {
    const k = indexOfEq(labelSel, unit);
    if (k >= 0) {
      cnt++;
      labelSel.splice(k, 1);
    }
    const j = indexOfEq(labelWoAgg, unit[1]);
    if (j >= 0) {
      cntWoAgg++;
      labelWoAgg.splice(j, 1);
    }
  }
  const totals = { label: label.select[1].length, pred: pred.select[1].length };
  return [
    { ...totals, cnt },
    { ...totals, cnt: cntWoAgg },
  ];
}

function evalWhere(pred: SpiderSql, label: SpiderSql): [Scores, Scores] {
  const predConds = condUnits(pred.where);
  const labelConds = condUnits(label.where);
  const labelWoAgg = labelConds.map((u) => u[2]);
  const totals = { label: labelConds.length, pred: predConds.length };
  let cnt = 0;
  let cntWoAgg = 0;
  for (const unit of predConds) {
    const k = indexOfEq(labelConds, unit);
    if (k >= 0) {
      cnt++;
      labelConds.splice(k, 1);
    }
    const j = indexOfEq(labelWoAgg, unit[2]);
    if (j >= 0) {
      cntWoAgg++;
      labelWoAgg.splice(j, 1);
    }
  }
  return [
    { ...totals, cnt },
    { ...totals, cnt: cntWoAgg },
  ];
}

function evalGroup(pred: SpiderSql, label: SpiderSql): Scores {
  const strip = (c: string) => (c.includes('.') ? (c.split('.')[1] as string) : c);
  const predCols = pred.groupBy.map((u) => strip(u[1]));
  const labelCols = label.groupBy.map((u) => strip(u[1]));
  let cnt = 0;
  for (const col of predCols) {
    const k = labelCols.indexOf(col);
    if (k >= 0) {
      cnt++;
      labelCols.splice(k, 1);
    }
  }
  return { label: label.groupBy.length, pred: pred.groupBy.length, cnt };
}

function evalHaving(pred: SpiderSql, label: SpiderSql): Scores {
  const predTotal = pred.groupBy.length > 0 ? 1 : 0;
  const labelTotal = label.groupBy.length > 0 ? 1 : 0;
  const same =
    predTotal === 1 &&
    labelTotal === 1 &&
    pyEq(
      pred.groupBy.map((u) => u[1]),
      label.groupBy.map((u) => u[1]),
    ) &&
    pyEq(pred.having, label.having);
  return { label: labelTotal, pred: predTotal, cnt: same ? 1 : 0 };
}

function evalOrder(pred: SpiderSql, label: SpiderSql): Scores {
  const predTotal = pred.orderBy.length > 0 ? 1 : 0;
  const labelTotal = label.orderBy.length > 0 ? 1 : 0;
  const same = labelTotal === 1 && pyEq(pred.orderBy, label.orderBy) && (pred.limit === null) === (label.limit === null);
  return { label: labelTotal, pred: predTotal, cnt: same ? 1 : 0 };
}

function evalAndOr(pred: SpiderSql, label: SpiderSql): Scores {
  const p = new Set(condOps(pred.where));
  const l = new Set(condOps(label.where));
  const same = p.size === l.size && [...p].every((x) => l.has(x));
  return same ? { label: 1, pred: 1, cnt: 1 } : { label: l.size, pred: p.size, cnt: 0 };
}

function evalIUEN(pred: SpiderSql, label: SpiderSql): Scores {
  const total: Scores = { label: 0, pred: 0, cnt: 0 };
  for (const key of ['intersect', 'except', 'union'] as const) {
    const p = pred[key];
    const l = label[key];
    if (p) total.pred++;
    if (l) total.label++;
    if (p && l) total.cnt += exactMatch(p, l) ? 1 : 0;
  }
  return total;
}

function keywords(sql: SpiderSql): Set<string> {
  const res = new Set<string>();
  if (sql.where.length > 0) res.add('where');
  if (sql.groupBy.length > 0) res.add('group');
  if (sql.having.length > 0) res.add('having');
  if (sql.orderBy.length > 0) {
    res.add(sql.orderBy[0] as string);
    res.add('order');
  }
  if (sql.limit !== null) res.add('limit');
  if (sql.except) res.add('except');
  if (sql.union) res.add('union');
  if (sql.intersect) res.add('intersect');
  const ops = [...condOps(sql.from.conds), ...condOps(sql.where), ...condOps(sql.having)];
  if (ops.includes('or')) res.add('or');
  const units = [...condUnits(sql.from.conds), ...condUnits(sql.where), ...condUnits(sql.having)];
  if (units.some((u) => u[0])) res.add('not');
  if (units.some((u) => u[1] === WHERE_OPS.indexOf('in'))) res.add('in');
  if (units.some((u) => u[1] === WHERE_OPS.indexOf('like'))) res.add('like');
  return res;
}

function evalKeywords(pred: SpiderSql, label: SpiderSql): Scores {
  const p = keywords(pred);
  const l = keywords(label);
  return { label: l.size, pred: p.size, cnt: [...p].filter((k) => l.has(k)).length };
}

/** Python's sorted() of table units: by type, then id; two subqueries cannot be ordered (a TypeError there). */
function sortTableUnits(units: readonly TableUnit[]): TableUnit[] {
  return [...units].sort((a, b) => {
    if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
    if (typeof a[1] === 'string' && typeof b[1] === 'string') return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
    throw new TypeError("'<' not supported between instances of 'dict' and 'dict'");
  });
}

/** Exact set match of two rebuilt queries (rebuildForMatch). */
export function exactMatch(pred: SpiderSql, label: SpiderSql): boolean {
  const [sel, selWoAgg] = evalSel(pred, label);
  const [where, whereWoOp] = evalWhere(pred, label);
  const partial = [
    sel,
    selWoAgg,
    where,
    whereWoOp,
    evalGroup(pred, label),
    evalHaving(pred, label),
    evalOrder(pred, label),
    evalAndOr(pred, label),
    evalIUEN(pred, label),
    evalKeywords(pred, label),
  ];
  if (!partial.every(scoreOk)) return false;
  if (label.from.table_units.length > 0) {
    try {
      return pyEq(sortTableUnits(label.from.table_units), sortTableUnits(pred.from.table_units));
    } catch {
      return false;
    }
  }
  return true;
}
