/**
 * The Spider evaluator's view of a database: lower-cased table → column names (process_sql's
 * Schema and idMap), and the foreign-key map of tables.json (evaluation.build_foreign_key_map).
 */
export type SchemaTables = ReadonlyMap<string, readonly string[]>;

export class SpiderSchema {
  readonly idMap = new Map<string, string>();

  constructor(readonly tables: SchemaTables) {
    this.idMap.set('*', '__all__');
    for (const [table, columns] of tables) {
      for (const column of columns) this.idMap.set(`${table}.${column}`, `__${table}.${column}__`);
    }
    for (const table of tables.keys()) this.idMap.set(table, `__${table}__`);
  }
}

/** One database's entry of a Spider-style tables.json. */
export interface TablesJsonEntry {
  db_id: string;
  table_names_original: string[];
  column_names_original: [number, string][];
  foreign_keys: [number, number][];
}

/** The schema as tables.json describes it (for databases whose file is missing). */
export function schemaFromTablesJson(entry: TablesJsonEntry): SchemaTables {
  const tables = new Map<string, string[]>(entry.table_names_original.map((t) => [t.toLowerCase(), []]));
  for (const [t, c] of entry.column_names_original) {
    if (t < 0) continue;
    tables.get((entry.table_names_original[t] as string).toLowerCase())?.push(c.toLowerCase());
  }
  return tables;
}

/** Column id → the id of the first column of its foreign-key group (as the official map does). */
export function foreignKeyMap(entry: TablesJsonEntry): Map<string, string> {
  const cols = entry.column_names_original.map(([t, c]) =>
    t >= 0 ? `__${(entry.table_names_original[t] as string).toLowerCase()}.${c.toLowerCase()}__` : '__all__',
  );
  const groups: Set<number>[] = [];
  for (const [a, b] of entry.foreign_keys) {
    let group = groups.find((g) => g.has(a) || g.has(b));
    if (!group) {
      group = new Set();
      groups.push(group);
    }
    group.add(a);
    group.add(b);
  }
  const map = new Map<string, string>();
  for (const group of groups) {
    const sorted = [...group].sort((x, y) => x - y);
    const first = cols[sorted[0] as number] as string;
    for (const k of sorted) map.set(cols[k] as string, first);
  }
  return map;
}
