/**
 * Versioned schema changes, applied in order at start and recorded in `schema_migrations`.
 * A migration is never edited once released: a change is a new version. Each has the same
 * meaning in both dialects; times are integer milliseconds since the epoch in both, so rows
 * compare and sort identically whichever database holds them.
 */

/** One schema version: the SQL for each dialect (several statements allowed). */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: string;
  readonly postgres: string;
}

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'links, clicks, salts, api keys',
    sqlite: `
      CREATE TABLE links (
        code TEXT PRIMARY KEY,
        target_url TEXT NOT NULL,
        item_id TEXT NOT NULL,
        campaign TEXT NOT NULL,
        network TEXT NOT NULL,
        share_id TEXT NOT NULL,
        employee_id TEXT,
        created_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX links_share ON links (share_id);
      CREATE INDEX links_employee ON links (employee_id) WHERE employee_id IS NOT NULL;
      CREATE INDEX links_created ON links (created_at);
      CREATE TABLE clicks (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        at INTEGER NOT NULL,
        visitor_key TEXT
      );
      CREATE INDEX clicks_dedupe ON clicks (code, visitor_key, at);
      CREATE INDEX clicks_at ON clicks (at);
      CREATE INDEX clicks_keyed ON clicks (at) WHERE visitor_key IS NOT NULL;
      CREATE TABLE salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE api_keys (key_hash TEXT PRIMARY KEY, scopes TEXT NOT NULL) WITHOUT ROWID;
    `,
    postgres: `
      CREATE TABLE links (
        code TEXT PRIMARY KEY,
        target_url TEXT NOT NULL,
        item_id TEXT NOT NULL,
        campaign TEXT NOT NULL,
        network TEXT NOT NULL,
        share_id TEXT NOT NULL,
        employee_id TEXT,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX links_share ON links (share_id);
      CREATE INDEX links_employee ON links (employee_id) WHERE employee_id IS NOT NULL;
      CREATE INDEX links_created ON links (created_at);
      CREATE TABLE clicks (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code TEXT NOT NULL,
        at BIGINT NOT NULL,
        visitor_key TEXT
      );
      CREATE INDEX clicks_dedupe ON clicks (code, visitor_key, at);
      CREATE INDEX clicks_at ON clicks (at);
      CREATE INDEX clicks_keyed ON clicks (at) WHERE visitor_key IS NOT NULL;
      CREATE TABLE salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
      CREATE TABLE api_keys (key_hash TEXT PRIMARY KEY, scopes TEXT NOT NULL);
    `,
  },
  {
    version: 2,
    // One link per share id, so a retried POST /api/links returns the same link, and reports
    // (which join clicks to shares by id) never meet two shares with one id. Visitor keys are
    // kept for reports' unique clicks (they cannot be linked to anyone once their day's salt
    // is deleted), so the index that served clearing them goes.
    name: 'one link per share id; visitor keys kept',
    sqlite: `
      DROP INDEX links_share;
      CREATE UNIQUE INDEX links_share ON links (share_id);
      DROP INDEX clicks_keyed;
    `,
    postgres: `
      DROP INDEX links_share;
      CREATE UNIQUE INDEX links_share ON links (share_id);
      DROP INDEX clicks_keyed;
    `,
  },
  {
    version: 3,
    // SQLite: the dedupe index keyed by a 53-bit fingerprint of (code, visitor key) instead of
    // the two texts (see fingerprint.ts), computed for existing rows with the function the store
    // registers (`tracker_fingerprint`, the same code as new rows). PostgreSQL is unchanged: the
    // same idea there (an index on hashtextextended(code || ' ' || visitor_key, 0)) was measured
    // at 56.0 against 56.3 µs of server CPU per click, 13,800 against 13,400 clicks/s: no gain.
    name: 'SQLite dedupe index on a fingerprint of code and visitor key',
    sqlite: `
      ALTER TABLE clicks ADD COLUMN fingerprint INTEGER;
      UPDATE clicks SET fingerprint = tracker_fingerprint(code, visitor_key) WHERE visitor_key IS NOT NULL;
      DROP INDEX clicks_dedupe;
      CREATE INDEX clicks_dedupe ON clicks (fingerprint, at);
    `,
    postgres: 'SELECT 1',
  },
  {
    version: 4,
    // SQLite: click ids that are never handed out twice, so a click-feed cursor (the last id a
    // client has seen) never sits above a click stored later. A plain INTEGER PRIMARY KEY is
    // max(rowid) + 1: once the newest clicks are deleted (an erasure, the purge emptying the
    // table) their ids are drawn again, below cursors already past them. AUTOINCREMENT keeps the
    // largest id ever used in sqlite_sequence. SQLite cannot add it to an existing table, so the
    // table is rebuilt as its documentation describes (https://sqlite.org/lang_altertable.html,
    // "making other kinds of table schema changes"): new table, rows copied with their ids, old
    // dropped, new renamed, the indexes as migration 3 left them. migrate() runs it in one
    // transaction. The sequence is seeded with the largest id left: ids of clicks deleted before
    // this migration are unknown to SQLite and cannot be skipped. PostgreSQL's clicks.id is an
    // identity column (a sequence, no CYCLE, never restarted by the store): nothing to change.
    name: 'SQLite click ids never reused (AUTOINCREMENT)',
    sqlite: `
      CREATE TABLE clicks_autoincrement (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL,
        at INTEGER NOT NULL,
        visitor_key TEXT,
        fingerprint INTEGER
      );
      INSERT INTO clicks_autoincrement (id, code, at, visitor_key, fingerprint)
        SELECT id, code, at, visitor_key, fingerprint FROM clicks ORDER BY id;
      DROP TABLE clicks;
      ALTER TABLE clicks_autoincrement RENAME TO clicks;
      CREATE INDEX clicks_dedupe ON clicks (fingerprint, at);
      CREATE INDEX clicks_at ON clicks (at);
      DELETE FROM sqlite_sequence WHERE name = 'clicks';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'clicks', coalesce(max(id), 0) FROM clicks;
    `,
    postgres: 'SELECT 1',
  },
  {
    version: 5,
    // SQLite: repeats are decided in the click writer's memory (recent-clicks.ts), so the
    // dedupe index and the fingerprint column it needed go, and the clicks table is only
    // appended to. `dedupe_spill` holds the recent clicks memory has no room for, by
    // fingerprint; it is empty unless more clicks than the memory's capacity are recent.
    // PostgreSQL keeps deciding in SQL with its index: several instances write at once there.
    name: 'SQLite dedupe in memory: no dedupe index, a spill table',
    sqlite: `
      DROP INDEX clicks_dedupe;
      ALTER TABLE clicks DROP COLUMN fingerprint;
      CREATE TABLE dedupe_spill (
        fingerprint INTEGER NOT NULL,
        id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (fingerprint, id)
      ) WITHOUT ROWID;
      CREATE INDEX dedupe_spill_at ON dedupe_spill (at);
    `,
    postgres: 'SELECT 1',
  },
];
