/**
 * PostgreSQL store (node-postgres): for several tracker instances behind a load balancer,
 * sharing one database. Times are BIGINT milliseconds, as in SQLite, so both stores return
 * identical rows.
 *
 * Concurrency between instances:
 * - migrations run under a session advisory lock, so instances starting together apply each
 *   version once;
 * - click dedupe takes a transaction advisory lock per (code, visitor key), in sorted order
 *   (no deadlocks), before checking for a recent click: two instances answering the same
 *   visitor at the same moment cannot both count. Different visitors never wait on each other.
 */
import pg from 'pg';
import type { Scope } from '../config.js';
import { MIGRATIONS } from './migrations.js';
import type { ClickRecord, FeedRecord, LinkRecord, Removed, ReportData, Store, StoredApiKey, LinkRow } from './store.js';
import { toLink } from './store.js';

// BIGINT (int8) columns come back as strings by default; our values are epoch milliseconds,
// well inside Number's exact range.
const INT8_OID = 20;
const parseInt8 = (value: string): number => Number(value);

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const linksCreated = async (db: Queryable, from: number, to: number): Promise<LinkRecord[]> =>
  (await db.query<LinkRow>('SELECT * FROM links WHERE created_at >= $1 AND created_at < $2 ORDER BY created_at, code', [from, to])).rows.map(toLink);

const clicksBetween = async (db: Queryable, from: number, to: number): Promise<ClickRecord[]> =>
  (
    await db.query<{ code: string; share_id: string; visitor_key: string; at: number }>(
      `SELECT c.code, l.share_id, c.visitor_key, c.at FROM clicks c JOIN links l ON l.code = c.code
       WHERE c.at >= $1 AND c.at < $2 ORDER BY c.at, c.id`,
      [from, to],
    )
  ).rows.map((row): ClickRecord => ({ code: row.code, shareId: row.share_id, visitorKey: row.visitor_key, at: row.at }));

/** A fixed key for the migration lock ('shareworthy-tracker' hashed once, by hand). */
const MIGRATION_LOCK = 727_471_913;
/** Advisory lock held shared by click batches and exclusively by the click feed (see clickFeed). */
export const FEED_LOCK = 727_471_914;

/** Options for {@link openPostgresStore}. */
export interface PostgresOptions {
  readonly connectionString: string;
  /** Pool size per instance. @default 10 */
  readonly max?: number;
}

/**
 * Connects to PostgreSQL as a {@link Store}.
 * @param options connection string and pool size
 * @returns the store; call `migrate()` before use
 * @example const store = openPostgresStore({ connectionString: process.env.DATABASE_URL! });
 */
export function openPostgresStore(options: PostgresOptions): Store {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const eraseWhere = (column: 'share_id' | 'employee_id', value: string): Promise<Removed> =>
    transaction(async (client) => {
      const clicks = await client.query(`DELETE FROM clicks WHERE code IN (SELECT code FROM links WHERE ${column} = $1)`, [value]);
      const links = await client.query(`DELETE FROM links WHERE ${column} = $1`, [value]);
      return { links: links.rowCount ?? 0, clicks: clicks.rowCount ?? 0 };
    });

  return {
    kind: 'postgres',
    // Parallel transactions let PostgreSQL group their WAL flushes; the pool has 10 connections.
    writeConcurrency: 4,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
        const applied: number[] = [];
        for (const migration of MIGRATIONS) {
          if (done.has(migration.version)) continue;
          await client.query('BEGIN');
          try {
            await client.query(migration.postgres);
            await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
              migration.version,
              migration.name,
              Date.now(),
            ]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
          applied.push(migration.version);
        }
        return applied;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    async syncApiKeys(keys) {
      await transaction(async (client) => {
        await client.query('DELETE FROM api_keys');
        for (const key of keys) {
          await client.query('INSERT INTO api_keys (key_hash, scopes) VALUES ($1, $2) ON CONFLICT (key_hash) DO UPDATE SET scopes = EXCLUDED.scopes', [
            key.hash,
            key.scopes.join('+'),
          ]);
        }
      });
    },
    async listApiKeys() {
      const { rows } = await pool.query<{ key_hash: string; scopes: string }>('SELECT key_hash, scopes FROM api_keys');
      return rows.map((row): StoredApiKey => ({ hash: row.key_hash, scopes: row.scopes.split('+') as Scope[] }));
    },
    async insertLink(link) {
      const result = await pool.query(
        `INSERT INTO links (code, target_url, item_id, campaign, network, share_id, employee_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [link.code, link.targetUrl, link.itemId, link.campaign, link.network, link.shareId, link.employeeId, link.createdAt],
      );
      return result.rowCount === 1;
    },
    async findLink(code) {
      const { rows } = await pool.query<LinkRow>('SELECT * FROM links WHERE code = $1', [code]);
      return rows[0] === undefined ? undefined : toLink(rows[0]);
    },
    async findLinkByShare(shareId) {
      const { rows } = await pool.query<LinkRow>('SELECT * FROM links WHERE share_id = $1', [shareId]);
      return rows[0] === undefined ? undefined : toLink(rows[0]);
    },
    async recordClicks(clicks, windowMs) {
      if (clicks.length === 0) return [];
      const codes = clicks.map((c) => c.code);
      const ats = clicks.map((c) => c.at);
      const keys = clicks.map((c) => c.visitorKey);
      return transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock_shared($1)', [FEED_LOCK]); // before the ids are drawn: see clickFeed
        await client.query(
          `SELECT pg_advisory_xact_lock(k) FROM (
             SELECT DISTINCT hashtextextended(code || ' ' || visitor_key, 0) AS k
             FROM unnest($1::text[], $2::text[]) AS t(code, visitor_key) ORDER BY k) AS locks`,
          [codes, keys],
        );
        // Within the batch, the first click per (code, visitor) wins: a batch spans milliseconds,
        // far inside the dedupe window. Then the earlier-stored check, then the link must still exist.
        const { rows } = await client.query<{ n: string }>(
          `WITH input AS (
             SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY AS t(code, at, visitor_key, n)
           ), firsts AS (
             SELECT DISTINCT ON (code, visitor_key) * FROM input ORDER BY code, visitor_key, n
           ), kept AS (
             SELECT f.* FROM firsts f
             WHERE EXISTS (SELECT 1 FROM links l WHERE l.code = f.code)
               AND NOT EXISTS (SELECT 1 FROM clicks c WHERE c.code = f.code AND c.visitor_key = f.visitor_key AND c.at > f.at - $4::bigint)
           ), written AS (
             INSERT INTO clicks (code, at, visitor_key) SELECT code, at, visitor_key FROM kept ORDER BY n RETURNING 1
           )
           SELECT n FROM kept`,
          [codes, ats, keys, windowMs],
        );
        const counted = new Set(rows.map((row) => Number(row.n)));
        return clicks.map((_, index) => counted.has(index + 1));
      });
    },
    async dailySalt(day, candidate) {
      // Two statements on purpose: a SELECT in the INSERT's statement would use a snapshot
      // taken before a concurrent instance's insert committed, and miss the winning salt.
      await pool.query('INSERT INTO salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING', [day, candidate]);
      // A day's salt is dropped as soon as the next day's exists (core: keep it for its day only).
      await pool.query('DELETE FROM salts WHERE day < $1', [day]);
      const { rows } = await pool.query<{ salt: string }>('SELECT salt FROM salts WHERE day = $1', [day]);
      return rows[0]?.salt ?? candidate;
    },
    async purge(clicksBefore, today) {
      return transaction(async (client) => {
        const clicks = await client.query('DELETE FROM clicks WHERE at < $1', [clicksBefore]);
        await client.query('DELETE FROM salts WHERE day < $1', [today]);
        return { clicks: clicks.rowCount ?? 0 };
      });
    },
    async eraseShare(shareId) {
      return eraseWhere('share_id', shareId);
    },
    async eraseEmployee(employeeId) {
      return eraseWhere('employee_id', employeeId);
    },
    async linksCreated(from, to) {
      return linksCreated(pool, from, to);
    },
    async clicksBetween(from, to) {
      return clicksBetween(pool, from, to);
    },
    async reportData(from, to) {
      const client = await pool.connect();
      try {
        // One snapshot for the four reads, while other instances keep writing clicks.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const links = await linksCreated(client, from, to);
        const older = await client.query<LinkRow>(
          `SELECT * FROM links WHERE code IN (SELECT DISTINCT code FROM clicks WHERE at >= $1 AND at < $2)
           AND (created_at < $1 OR created_at >= $2) ORDER BY created_at, code`,
          [from, to],
        );
        const clicks = await clicksBetween(client, from, to);
        const counts = await client.query<{ links: number; clicks: number }>(
          'SELECT (SELECT count(*) FROM links) AS links, (SELECT count(*) FROM clicks) AS clicks',
        );
        await client.query('COMMIT');
        const data: ReportData = {
          links: [...links, ...older.rows.map(toLink)],
          clicks,
          totalLinks: counts.rows[0]?.links ?? 0,
          totalClicks: counts.rows[0]?.clicks ?? 0,
        };
        return data;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
    async clickFeed(after, limit) {
      // Identity values are drawn when a row is inserted, not when it commits: a batch holding
      // id 10 may commit after another's id 11. Click batches hold FEED_LOCK shared (recordClicks);
      // taking it exclusively waits for those in flight, so every id up to the highest seen then
      // is committed (or rolled back), and later batches draw above it.
      const horizon = await transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
        return Number((await client.query<{ id: number | null }>('SELECT max(id) AS id FROM clicks')).rows[0]?.id ?? 0);
      });
      const { rows } = await pool.query<{ id: number; code: string; share_id: string; visitor_key: string; at: number }>(
        `SELECT c.id, c.code, l.share_id, c.visitor_key, c.at FROM clicks c JOIN links l ON l.code = c.code
         WHERE c.id > $1 AND c.id <= $2 ORDER BY c.id LIMIT $3`,
        [after, horizon, limit],
      );
      return rows.map((row): FeedRecord => ({ id: row.id, code: row.code, shareId: row.share_id, visitorKey: row.visitor_key, at: row.at }));
    },
  };
}
