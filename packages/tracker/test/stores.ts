/**
 * The two real stores, for suites parametrised with `describe.each(STORE_KINDS)`: an SQLite
 * file in a temp folder, or a database in a throwaway PostgreSQL cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import pg from 'pg';
import { join } from 'node:path';
import { openPostgresStore } from '../src/store/postgres.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

/** Both store kinds; every store-facing suite runs once per kind. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A fresh, empty database of one kind: the environment that points the tracker at it, and a way to open it. */
export interface FreshDatabase {
  readonly env: Readonly<Record<string, string>>;
  open(): Store;
  /** Every row of every table, as text (to prove what is not stored). */
  dump(): Promise<string>;
}

/** Makes fresh databases of one kind; `close()` removes everything it made. */
export interface StoreFactory {
  fresh(): Promise<FreshDatabase>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Prepares a factory of fresh databases.
 * @param kind sqlite or postgres
 * @returns the factory (for postgres, with its cluster already running)
 */
export async function storeFactory(kind: StoreKind): Promise<StoreFactory> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shareworthy-sqlite-'));
    return {
      async fresh() {
        counter += 1;
        const path = join(dir, `tracker-${process.pid}-${counter}.sqlite`);
        return {
          env: { TRACKER_SQLITE_PATH: path },
          open: () => openSqliteStore({ path }),
          async dump() {
            const db = new Database(path, { readonly: true });
            try {
              const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
              return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
            } finally {
              db.close();
            }
          },
        };
      },
      async close() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const cluster: PgCluster = await startPgCluster();
  return {
    async fresh() {
      counter += 1;
      const url = await cluster.createDatabase(`tracker_${process.pid}_${counter}`);
      return {
        env: { DATABASE_URL: url },
        open: () => openPostgresStore({ connectionString: url }),
        async dump() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
            const rows = [];
            for (const { tablename } of tables.rows) rows.push([tablename, (await client.query(`SELECT * FROM "${tablename}"`)).rows]);
            return JSON.stringify(rows);
          } finally {
            await client.end();
          }
        },
      };
    },
    async close() {
      await cluster.stop();
    },
  };
}

/**
 * A suite's fresh databases of one kind: registers the hooks that prepare the factory before
 * the suite's tests (a PostgreSQL cluster takes a while to start) and remove everything it
 * made after them.
 * @param kind sqlite or postgres
 * @returns a function that makes a fresh, empty database (call it in a test or a `beforeEach`)
 */
export function freshDatabases(kind: StoreKind): () => Promise<FreshDatabase> {
  let factory: StoreFactory | undefined;
  beforeAll(async () => {
    factory = await storeFactory(kind);
  }, 120_000);
  afterAll(async () => {
    await factory?.close();
  });
  return () => {
    if (factory === undefined) throw new Error('freshDatabases: the factory is made in beforeAll; call this inside a test or a hook');
    return factory.fresh();
  };
}
