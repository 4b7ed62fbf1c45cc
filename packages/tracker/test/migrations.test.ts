/**
 * An existing database upgrades: each store kind is built at the previous schema version (the
 * migrations as released, applied by hand), given clicks, then opened by the current store.
 */
import { DEDUPE_WINDOW_MS } from '@shareworthy/core';
import Database from 'better-sqlite3';
import pg from 'pg';
import { clickFingerprint } from '../src/store/fingerprint.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { STORE_KINDS, storeFactory, type FreshDatabase, type StoreFactory, type StoreKind } from './stores.js';

const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const CODE = 'uuuuuuuuuu';

/** Runs SQL statements on the raw database, outside the store. */
async function rawSql(kind: StoreKind, database: FreshDatabase, statements: readonly string[]): Promise<void> {
  if (kind === 'sqlite') {
    const db = new Database(database.env['TRACKER_SQLITE_PATH'] ?? '');
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

/** A database at schema version 2 holding one link and three clicks (one without a visitor key). */
async function versionTwo(kind: StoreKind, database: FreshDatabase): Promise<void> {
  const released = MIGRATIONS.filter((m) => m.version <= 2);
  await rawSql(kind, database, [
    `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${kind === 'sqlite' ? 'INTEGER' : 'BIGINT'} NOT NULL)`,
    ...released.map((m) => m[kind]),
    ...released.map((m) => `INSERT INTO schema_migrations (version, name, applied_at) VALUES (${m.version}, 'v${m.version}', ${T0})`),
    `INSERT INTO links (code, target_url, item_id, campaign, network, share_id, employee_id, created_at)
     VALUES ('${CODE}', 'https://intranet.example.com/news/1', 'item-1', 'launch', 'linkedin', 'share-u', 'emp-1', ${T0 - 60_000})`,
    `INSERT INTO clicks (code, at, visitor_key) VALUES ('${CODE}', ${T0 - 86_400_000}, NULL), ('${CODE}', ${T0 - 1000}, 'early'), ('${CODE}', ${T0}, 'before')`,
  ]);
}

describe.each(STORE_KINDS)('%s store upgrade', (kind) => {
  let factory: StoreFactory;

  beforeAll(async () => {
    factory = await storeFactory(kind);
  }, 120_000);
  afterAll(async () => {
    await factory?.close();
  });

  it('upgrades a version 2 database: only version 3 runs, stored clicks keep counting for dedupe and reports', async () => {
    const database = await factory.fresh();
    await versionTwo(kind, database);
    const store = database.open();
    try {
      expect(await store.migrate()).toEqual([3]);
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

  if (kind === 'sqlite') {
    it('gives clicks stored before the upgrade the fingerprint new clicks get, and finds repeats through the index', async () => {
      const database = await factory.fresh();
      await versionTwo(kind, database);
      const store = database.open();
      await store.migrate();
      await store.close();
      const db = new Database(database.env['TRACKER_SQLITE_PATH'] ?? '', { readonly: true });
      try {
        const rows = db.prepare<[], { visitor_key: string | null; fingerprint: number | null }>('SELECT visitor_key, fingerprint FROM clicks ORDER BY at').all();
        expect(rows).toEqual([
          { visitor_key: null, fingerprint: null },
          { visitor_key: 'early', fingerprint: clickFingerprint(CODE, 'early') },
          { visitor_key: 'before', fingerprint: clickFingerprint(CODE, 'before') },
        ]);
        const plan = db
          .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN SELECT 1 FROM clicks WHERE fingerprint = 1 AND at > 2 AND code = 'x' AND visitor_key = 'y'`)
          .all()
          .map((row) => row.detail);
        expect(plan).toEqual([expect.stringContaining('USING INDEX clicks_dedupe (fingerprint=? AND at>?)')]);
      } finally {
        db.close();
      }
    });
  }
});
