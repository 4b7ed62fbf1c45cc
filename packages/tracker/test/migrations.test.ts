/**
 * An existing database upgrades: each store kind is built at the previous schema version (the
 * migrations as released, applied by hand), given clicks, then opened by the current store.
 */
import { DEDUPE_WINDOW_MS } from '@shareworthy/core';
import Database from 'better-sqlite3';
import pg from 'pg';
import { clickFingerprint } from '../src/store/fingerprint.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { STORE_KINDS, freshDatabases, type FreshDatabase, type StoreKind } from './stores.js';

const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const CODE = 'uuuuuuuuuu';

/** Runs SQL statements on the raw database, outside the store. */
async function rawSql(kind: StoreKind, database: FreshDatabase, statements: readonly string[]): Promise<void> {
  if (kind === 'sqlite') {
    const db = new Database(database.env['TRACKER_SQLITE_PATH'] ?? '');
    // Migration 3 names the function the store registers.
    db.function('tracker_fingerprint', { deterministic: true }, (code, visitorKey) => clickFingerprint(String(code), String(visitorKey)));
    try {
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.env['DATABASE_URL'] });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Migrations as released up to `version`, applied by hand, recorded as applied. */
function releasedUpTo(kind: StoreKind, version: number): string[] {
  const released = MIGRATIONS.filter((m) => m.version <= version);
  return [
    `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${kind === 'sqlite' ? 'INTEGER' : 'BIGINT'} NOT NULL)`,
    ...released.map((m) => m[kind]),
    ...released.map((m) => `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, 'v${m.version}', ${T0})`),
  ];
}

/** A database at schema version 2 holding one link and three clicks (one without a visitor key). */
async function versionTwo(kind: StoreKind, database: FreshDatabase): Promise<void> {
  await rawSql(kind, database, [
    ...releasedUpTo(kind, 2),
    `INSERT INTO links (code, target_url, item_id, campaign, network, share_id, employee_id, created_at)
     VALUES ('${CODE}', 'https://intranet.example.com/news/1', 'item-1', 'launch', 'linkedin', 'share-u', 'emp-1', ${T0 - 60_000})`,
    `INSERT INTO clicks (code, at, visitor_key) VALUES ('${CODE}', ${T0 - 86_400_000}, NULL), ('${CODE}', ${T0 - 1000}, 'early'), ('${CODE}', ${T0}, 'before')`,
  ]);
}

const NEWEST = 'nnnnnnnnnn';

/**
 * A database at schema version 3: two links, clicks with ids 1, 3 and 4 (2 was deleted, so the
 * ids have a gap), the newest one on the second link.
 */
async function versionThree(kind: StoreKind, database: FreshDatabase): Promise<void> {
  const fingerprint = (code: string, key: string) => (kind === 'sqlite' ? `, ${clickFingerprint(code, key)}` : '');
  const columns = kind === 'sqlite' ? 'code, at, visitor_key, fingerprint' : 'code, at, visitor_key';
  await rawSql(kind, database, [
    ...releasedUpTo(kind, 3),
    `INSERT INTO links (code, target_url, item_id, campaign, network, share_id, employee_id, created_at)
     VALUES ('${CODE}', 'https://intranet.example.com/news/1', 'item-1', 'launch', 'linkedin', 'share-u', 'emp-1', ${T0 - 60_000}),
            ('${NEWEST}', 'https://intranet.example.com/news/2', 'item-2', 'launch', 'linkedin', 'share-n', 'emp-2', ${T0 - 60_000})`,
    `INSERT INTO clicks (${columns}) VALUES ('${CODE}', ${T0 - 2000}, 'early'${fingerprint(CODE, 'early')})`,
    `INSERT INTO clicks (${columns}) VALUES ('${CODE}', ${T0 - 1500}, 'gone'${fingerprint(CODE, 'gone')})`,
    `INSERT INTO clicks (${columns}) VALUES ('${CODE}', ${T0 - 1000}, 'before'${fingerprint(CODE, 'before')})`,
    `INSERT INTO clicks (${columns}) VALUES ('${NEWEST}', ${T0}, 'newest'${fingerprint(NEWEST, 'newest')})`,
    `DELETE FROM clicks WHERE visitor_key = 'gone'`,
  ]);
}

/** The SQLite clicks table's indexes: PRAGMA index_list with each one's definition and columns. */
function sqliteClickIndexes(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare<[], { name: string; unique: number; origin: string; partial: number }>('SELECT name, "unique", origin, partial FROM pragma_index_list(\'clicks\') ORDER BY name')
      .all()
      .map((index) => ({
        ...index,
        sql: db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index.name)?.sql,
        columns: db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name).map((c) => c.name),
      }));
  } finally {
    db.close();
  }
}

describe.each(STORE_KINDS)('%s store upgrade', (kind) => {
  const newDatabase = freshDatabases(kind);

  it('upgrades a version 2 database: versions 3 to 5 run, stored clicks keep counting for dedupe and reports', async () => {
    const database = await newDatabase();
    await versionTwo(kind, database);
    const store = database.open();
    try {
      expect(await store.migrate()).toEqual([3, 4, 5]);
      // A visitor whose click was stored before the upgrade is still a repeat inside the window, and counts after it.
      expect(
        await store.recordClicks(
          [
            { code: CODE, at: T0 + 5, visitorKey: 'before' },
            { code: CODE, at: T0 + 6, visitorKey: 'after' },
            { code: CODE, at: T0 - 1000 + DEDUPE_WINDOW_MS, visitorKey: 'early' },
          ],
          DEDUPE_WINDOW_MS,
        ),
      ).toEqual([false, true, true]);
      expect((await store.clicksBetween(T0 - 86_400_000, T0 + DEDUPE_WINDOW_MS)).map((c) => [c.visitorKey, c.at])).toEqual([
        [null, T0 - 86_400_000],
        ['early', T0 - 1000],
        ['before', T0],
        ['after', T0 + 6],
        ['early', T0 - 1000 + DEDUPE_WINDOW_MS],
      ]);
      const data = await store.reportData(T0 - 86_400_000, T0 + DEDUPE_WINDOW_MS);
      expect({ links: data.totalLinks, clicks: data.totalClicks }).toEqual({ links: 1, clicks: 5 });
    } finally {
      await store.close();
    }
  });

  it('upgrades a version 3 database: versions 4 and 5 run, every click keeps its id, and dedupe still sees them', async () => {
    const database = await newDatabase();
    await versionThree(kind, database);
    const store = database.open();
    try {
      expect(await store.migrate()).toEqual([4, 5]);
      expect((await store.clickFeed(0, 10)).map((c) => [c.id, c.code, c.at, c.visitorKey])).toEqual([
        [1, CODE, T0 - 2000, 'early'],
        [3, CODE, T0 - 1000, 'before'],
        [4, NEWEST, T0, 'newest'],
      ]);
      expect(
        await store.recordClicks(
          [
            { code: CODE, at: T0 + 5, visitorKey: 'before' },
            { code: NEWEST, at: T0 + 6, visitorKey: 'newest' },
            { code: CODE, at: T0 + 7, visitorKey: 'after' },
            { code: CODE, at: T0 - 2000 + DEDUPE_WINDOW_MS, visitorKey: 'early' },
          ],
          DEDUPE_WINDOW_MS,
        ),
      ).toEqual([false, false, true, true]);
      expect((await store.clickFeed(0, 10)).map((c) => [c.id, c.visitorKey])).toEqual([
        [1, 'early'],
        [3, 'before'],
        [4, 'newest'],
        [5, 'after'],
        [6, 'early'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('after a version 3 upgrade, never hands out the id of an erased newest click or of a purged one again', async () => {
    const database = await newDatabase();
    await versionThree(kind, database);
    const store = database.open();
    try {
      await store.migrate();
      const cursor = 4;
      expect(await store.eraseShare('share-n')).toEqual({ links: 1, clicks: 1 });
      expect(await store.recordClicks([{ code: CODE, at: T0 + 10, visitorKey: 'after erasure' }], DEDUPE_WINDOW_MS)).toEqual([true]);
      const afterErasure = await store.clickFeed(cursor, 10);
      expect(afterErasure.map((c) => c.visitorKey)).toEqual(['after erasure']);
      expect(afterErasure[0]?.id).toBeGreaterThan(cursor);

      expect(await store.purge(T0 + 20, '2026-11-02')).toEqual({ clicks: 3 });
      expect(await store.recordClicks([{ code: CODE, at: T0 + 30, visitorKey: 'after purge' }], DEDUPE_WINDOW_MS)).toEqual([true]);
      const afterPurge = await store.clickFeed(afterErasure[0]?.id ?? cursor, 10);
      expect(afterPurge.map((c) => c.visitorKey)).toEqual(['after purge']);
      expect(afterPurge[0]?.id).toBeGreaterThan(afterErasure[0]?.id ?? cursor);
    } finally {
      await store.close();
    }
  });

  if (kind === 'sqlite') {
    it('rebuilds a version 3 clicks table with AUTOINCREMENT, then drops the dedupe index: sequence at the largest id, integrity intact', async () => {
      const database = await newDatabase();
      await versionThree(kind, database);
      const path = database.env['TRACKER_SQLITE_PATH'] ?? '';
      const atIndex = { name: 'clicks_at', unique: 0, origin: 'c', partial: 0, sql: 'CREATE INDEX clicks_at ON clicks (at)', columns: ['at'] };
      expect(sqliteClickIndexes(path)).toEqual([
        atIndex,
        { name: 'clicks_dedupe', unique: 0, origin: 'c', partial: 0, sql: 'CREATE INDEX clicks_dedupe ON clicks (fingerprint, at)', columns: ['fingerprint', 'at'] },
      ]);
      const store = database.open();
      await store.migrate();
      await store.close();
      expect(sqliteClickIndexes(path)).toEqual([atIndex]);
      const db = new Database(path, { readonly: true });
      try {
        expect(db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'clicks'").get()?.sql).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/);
        expect(db.prepare('SELECT name, seq FROM sqlite_sequence').all()).toEqual([{ name: 'clicks', seq: 4 }]);
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'clicks%' ORDER BY name").all()).toEqual([{ name: 'clicks' }, { name: 'clicks_at' }]);
        expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        db.close();
      }
    });

    it('leaves an append-only clicks table (no fingerprint column) and an empty spill table keyed by fingerprint', async () => {
      const database = await newDatabase();
      await versionTwo(kind, database);
      const store = database.open();
      await store.migrate();
      await store.close();
      const db = new Database(database.env['TRACKER_SQLITE_PATH'] ?? '', { readonly: true });
      try {
        expect(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('clicks') ORDER BY cid").all().map((c) => c.name)).toEqual(['id', 'code', 'at', 'visitor_key']);
        expect(db.prepare<[], { name: string; pk: number }>("SELECT name, pk FROM pragma_table_info('dedupe_spill') ORDER BY cid").all()).toEqual([
          { name: 'fingerprint', pk: 1 },
          { name: 'id', pk: 2 },
          { name: 'at', pk: 0 },
        ]);
        expect(db.prepare('SELECT count(*) AS n FROM dedupe_spill').get()).toEqual({ n: 0 });
        const plan = db
          .prepare<[], { detail: string }>('EXPLAIN QUERY PLAN DELETE FROM dedupe_spill WHERE at <= 1')
          .all()
          .map((row) => row.detail);
        expect(plan).toEqual([expect.stringContaining('USING COVERING INDEX dedupe_spill_at (at<?)')]);
      } finally {
        db.close();
      }
    });
  }
});
