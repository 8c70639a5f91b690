/**
 * Spider's exact set match and hardness for one item, with the schema and foreign keys of its
 * database cached per database. Where the official script would raise on the gold query, the
 * item has no hardness and no exact match (null); a prediction it cannot parse scores 0.
 */
import { existsSync } from 'node:fs';
import { schemaFromDatabase } from './dbSchema.js';
import { exactMatch, type Hardness, hardness, rebuildForMatch } from './exactMatch.js';
import { EMPTY_SQL, parseSpiderSql, type SpiderSql } from './parse.js';
import { foreignKeyMap, SpiderSchema, schemaFromTablesJson, type TablesJsonEntry } from './schema.js';

export interface SpiderJudgement {
  readonly hardness: Hardness | null;
  /** null where no tables.json entry is known for the database, or the gold query cannot be parsed. */
  readonly exact: boolean | null;
  /** Whether the Spider parser could read the prediction. */
  readonly predParsed: boolean;
}

export const NO_JUDGEMENT: SpiderJudgement = { hardness: null, exact: null, predParsed: false };

export class SpiderJudge {
  private readonly schemas = new Map<string, SpiderSchema | null>();
  private readonly kmaps = new Map<string, Map<string, string>>();

  /** `tables`: the database's tables.json entry, if one is known (needed for exact set match). */
  judge(dbId: string, dbPath: string | null, tables: TablesJsonEntry | null, gold: string, pred: string | null): SpiderJudgement {
    const schema = this.schema(dbId, dbPath, tables);
    if (!schema) return NO_JUDGEMENT;
    let goldSql: SpiderSql;
    try {
      goldSql = parseSpiderSql(schema, gold);
    } catch {
      return NO_JUDGEMENT;
    }
    let predSql = EMPTY_SQL();
    let predParsed = false;
    if (pred !== null) {
      try {
        predSql = parseSpiderSql(schema, pred.replace(/ value /g, ' 1 '));
        predParsed = true;
      } catch {
        // As evaluation.py: an unparseable prediction is compared as an empty query.
      }
    }
    const kmap = this.kmap(dbId, tables);
    const exact = kmap ? exactMatch(rebuildForMatch(predSql, schema, kmap), rebuildForMatch(goldSql, schema, kmap)) : null;
    return { hardness: hardness(goldSql), exact, predParsed };
  }

  private schema(dbId: string, dbPath: string | null, entry: TablesJsonEntry | null): SpiderSchema | null {
    if (!this.schemas.has(dbId)) {
      let tables = null;
      if (dbPath && existsSync(dbPath)) tables = schemaFromDatabase(dbPath);
      else if (entry) tables = schemaFromTablesJson(entry);
      this.schemas.set(dbId, tables ? new SpiderSchema(tables) : null);
    }
    return this.schemas.get(dbId) ?? null;
  }

  private kmap(dbId: string, entry: TablesJsonEntry | null): Map<string, string> | null {
    if (!entry) return null;
    let map = this.kmaps.get(dbId);
    if (!map) {
      map = foreignKeyMap(entry);
      this.kmaps.set(dbId, map);
    }
    return map;
  }
}
