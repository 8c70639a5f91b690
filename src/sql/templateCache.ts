/**
 * A persistent template cache: templates (and errors) of query texts seen before, so that a
 * second run over the same training sets never loads the parser. Users compare the same sets
 * (Spider train, BIRD, their own logs) against one target after another; most of every run is
 * templating queries templated the run before.
 *
 * Keys are a hash of the query text, the dialect, the template version and the parser's version:
 * a new sqlalign or parser can never get an old template back. The store is a SQLite file under
 * the user's cache directory (XDG_CACHE_HOME, `--cache-dir`, SQLALIGN_CACHE; off with `--no-cache`
 * or SQLALIGN_CACHE=off), in WAL mode so two runs can write at once, and bounded: past `maxEntries`
 * the oldest-written half is dropped. It is never needed for correctness: a cache that cannot
 * be opened or written is skipped, with one note.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { parserVersion } from './parser.js';
import { TEMPLATE_VERSION, type TemplateResult } from './templateResult.js';

export const DEFAULT_PERSISTENT_ENTRIES = 2_000_000;
/** Keys per lookup statement (SQLite allows 32,766 parameters; fewer keeps statements small). */
const LOOKUP_BATCH = 500;

export interface TemplateCacheOptions {
  /** The folder of the cache file; default: SQLALIGN_CACHE, else $XDG_CACHE_HOME/sqlalign, else ~/.cache/sqlalign. */
  readonly dir?: string;
  readonly maxEntries?: number;
  /** What made the templates (default: the template rules' version and the parser's): entries of another are never returned. */
  readonly version?: string;
  /** Told once if the cache cannot be used (the run goes on without it). */
  readonly onNote?: (message: string) => void;
}

/** The cache folder for these options, or null where caching is off (SQLALIGN_CACHE=off). */
export function cacheDir(dir?: string): string | null {
  const configured = dir ?? process.env.SQLALIGN_CACHE;
  if (configured === 'off' || configured === '0' || configured === 'false') return null;
  if (configured) return configured;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'sqlalign');
}

export class TemplateCache {
  private readonly db: Database.Database;
  private readonly put: Database.Statement<[Buffer, string | null, string | null, number]>;
  private readonly prefix: string;
  private readonly maxEntries: number;
  private clock: number;
  readonly stats = { hits: 0, misses: 0 };

  private constructor(file: string, dialect: string, maxEntries: number, version: string) {
    // Loaded when a cache is opened (synchronously, as the cache is): runs that never open one skip the native module.
    const open = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
    this.db = new open(file, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Keys are random (hashes): a page cache of 64 MB keeps inserts into a large table off the disk.
    this.db.pragma('cache_size = -65536');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS templates (key BLOB PRIMARY KEY, template TEXT, error TEXT, used INTEGER NOT NULL) WITHOUT ROWID',
    );
    this.put = this.db.prepare('INSERT OR REPLACE INTO templates (key, template, error, used) VALUES (?, ?, ?, ?)');
    this.prefix = `${version}\u0000${dialect}\u0000`;
    this.maxEntries = maxEntries;
    this.clock = Date.now();
  }

  /** The cache for a dialect, or null where it is off or cannot be opened (then the run goes on without it). */
  static open(dialect: string, options: TemplateCacheOptions = {}): TemplateCache | null {
    const dir = cacheDir(options.dir);
    if (dir === null) return null;
    try {
      mkdirSync(dir, { recursive: true });
      const version = options.version ?? `${TEMPLATE_VERSION}\u0000${parserVersion()}`;
      return new TemplateCache(join(dir, 'templates.sqlite'), dialect, options.maxEntries ?? DEFAULT_PERSISTENT_ENTRIES, version);
    } catch (err) {
      options.onNote?.(`template cache not used (${dir}: ${err instanceof Error ? err.message : String(err)})`);
      return null;
    }
  }

  private key(sql: string): Buffer {
    return createHash('sha256').update(this.prefix).update(sql).digest().subarray(0, 20);
  }

  /** Each query's key in this cache (for `lookup` and `store`: computed once per query). */
  keysOf(sqls: readonly string[]): Buffer[] {
    return sqls.map((sql) => this.key(sql));
  }

  /** Cached results, `undefined` where a query is not cached (looked up LOOKUP_BATCH keys per statement). */
  lookup(sqls: readonly string[], keys: readonly Buffer[] = this.keysOf(sqls)): (TemplateResult | undefined)[] {
    const byKey = new Map<string, TemplateResult>();
    for (let from = 0; from < keys.length; from += LOOKUP_BATCH) {
      const chunk = keys.slice(from, from + LOOKUP_BATCH);
      for (const row of this.batchGet(chunk.length).all(...chunk)) {
        byKey.set(
          row.key.toString('latin1'),
          row.template !== null ? { template: row.template } : { error: row.error ?? 'unparseable' },
        );
      }
    }
    return keys.map((key) => {
      const found = byKey.get(key.toString('latin1'));
      if (found === undefined) this.stats.misses++;
      else this.stats.hits++;
      return found;
    });
  }

  private readonly batchStatements = new Map<
    number,
    Database.Statement<Buffer[], { key: Buffer; template: string | null; error: string | null }>
  >();

  private batchGet(size: number) {
    let statement = this.batchStatements.get(size);
    if (!statement) {
      statement = this.db.prepare(`SELECT key, template, error FROM templates WHERE key IN (${Array(size).fill('?').join(',')})`);
      this.batchStatements.set(size, statement);
    }
    return statement;
  }

  store(sqls: readonly string[], results: readonly TemplateResult[], keys: readonly Buffer[] = this.keysOf(sqls)): void {
    const now = ++this.clock;
    this.transaction(() => {
      keys.forEach((key, k) => {
        const result = results[k] as TemplateResult;
        this.put.run(key, 'template' in result ? result.template : null, 'error' in result ? result.error : null, now);
      });
    });
  }

  /** Whether the cache holds anything at all (a first run loads the parser at once, a later one only if needed). */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM templates LIMIT 1').get() === undefined;
  }

  /** Past the bound, the oldest-written half goes (reads write nothing, to stay cheap). */
  private bound(): void {
    const { n } = this.db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number };
    if (n <= this.maxEntries) return;
    this.db
      .prepare('DELETE FROM templates WHERE key IN (SELECT key FROM templates ORDER BY used LIMIT ?)')
      .run(n - Math.floor(this.maxEntries / 2));
  }

  private transaction(work: () => void): void {
    try {
      this.db.transaction(work)();
    } catch {
      // Another run holding the write lock past the time-out: this batch is simply not cached.
    }
  }

  close(): void {
    try {
      this.bound();
    } catch {}
    this.db.close();
  }
}
