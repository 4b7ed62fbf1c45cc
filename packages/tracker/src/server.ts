/**
 * Starting and stopping a whole tracker: open the store, migrate, install the configured API
 * keys, purge expired clicks, listen, and purge again on a timer.
 */
import { buildApp, type Tracker } from './app.js';
import { toStored } from './api-keys.js';
import type { TrackerConfig } from './config.js';
import { openPostgresStore } from './store/postgres.js';
import { openSqliteStore } from './store/sqlite.js';
import type { Store } from './store/store.js';

/** A listening tracker. */
export interface RunningTracker extends Tracker {
  /** `http://host:port` actually bound (useful with port 0). */
  readonly address: string;
}

/**
 * Opens the store the configuration names: PostgreSQL when `databaseUrl` is set, else SQLite.
 * @param config parsed configuration
 * @returns the store, not yet migrated
 * @example const store = openStore(config); await store.migrate();
 */
export function openStore(config: TrackerConfig): Store {
  return config.databaseUrl === undefined
    ? openSqliteStore({ path: config.sqlitePath, synchronous: config.sqliteSynchronous, dedupeCapacity: config.sqliteDedupeMemory })
    : openPostgresStore({ connectionString: config.databaseUrl });
}

/**
 * Starts a tracker and waits until it listens.
 * @param config parsed configuration
 * @returns the running tracker; `close()` stops it cleanly
 * @example const tracker = await startTracker(config); console.log(tracker.address);
 */
export async function startTracker(config: TrackerConfig): Promise<RunningTracker> {
  const store = openStore(config);
  try {
    await store.migrate();
    await store.syncApiKeys(toStored(config.apiKeys));
  } catch (error) {
    await store.close();
    throw error;
  }
  const tracker = await buildApp({ config, store });
  await tracker.purge();
  const timer = setInterval(() => {
    tracker.purge().catch((error: unknown) => tracker.app.log.error({ err: error }, 'retention purge failed'));
  }, config.purgeIntervalMs);
  timer.unref();
  const address = await tracker.app.listen({ port: config.port, host: config.host });
  return {
    ...tracker,
    address,
    async close() {
      clearInterval(timer);
      await tracker.close();
    },
  };
}
