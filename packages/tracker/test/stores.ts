/**
 * The two real stores, for suites parametrised with `describe.each(STORE_KINDS)`: an SQLite
 * file in a temp folder, or a database in a throwaway PostgreSQL cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
        return { env: { TRACKER_SQLITE_PATH: path }, open: () => openSqliteStore({ path }) };
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
      return { env: { DATABASE_URL: url }, open: () => openPostgresStore({ connectionString: url }) };
    },
    async close() {
      await cluster.stop();
    },
  };
}
