/**
 * One SQLite connection as the tracker opens it, on the event loop or in the click writer's
 * thread (`click-writer-thread.ts`): the same pragmas everywhere, and the same way of making
 * a commit durable.
 *
 * Durability: WAL journal. SQLite's own `synchronous=FULL` fsyncs the WAL inside every
 * commit, and better-sqlite3 is synchronous, so the thread would stand still for each fsync
 * (measured here: ~0.3 ms idle, several ms on a busy disk) and nothing else could run
 * meanwhile. So the pragma is `NORMAL` (a commit only write()s the WAL: it survives a crash of
 * the tracker, since the bytes are in the kernel's page cache) and, in `FULL` mode (the
 * default), every write then calls {@link SqliteConnection.durable}: `fdatasync` of the WAL
 * file through libuv's thread pool before the caller answers. That is the same guarantee as
 * `synchronous=FULL` (the commit's WAL frames are on disk first), but the fsync runs off the
 * thread, and several overlap: each covers every commit made before it started. Checkpoints
 * keep SQLite's NORMAL behaviour: the WAL is synced before, the database file after each one.
 * In `NORMAL` mode there is no fsync of our own: an answered click survives `kill -9` of the
 * tracker, but the last batches can be lost if the machine itself loses power.
 */
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** How much a commit must survive before a write resolves. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** An open connection and its durability step. */
export interface SqliteConnection {
  readonly db: Database.Database;
  /** Makes every transaction committed so far on this file durable (a no-op in NORMAL mode), off this thread. */
  durable(): Promise<void>;
  /**
   * The same, on this thread: for the click writer's thread, which has nothing else to do
   * meanwhile, and so saves the two thread hand-offs of the asynchronous call.
   */
  durableSync(): void;
  /** Closes the WAL descriptor and the database. */
  close(): void;
}

/**
 * Opens (creating if needed) the tracker's database file.
 * @param path the database file
 * @param synchronous FULL (fdatasync before a write resolves) or NORMAL
 * @returns the connection and its durability step
 * @example const { db, durable } = openSqliteConnection('./tracker.sqlite', 'FULL');
 */
export function openSqliteConnection(path: string, synchronous: SqliteSynchronous): SqliteConnection {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Another connection (the click writer, a second tracker, a backup, a test reading the file) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  // A checkpoint copies every page the WAL holds back into the database file, on the thread
  // that commits. Every 10,000 pages (40 MB of WAL) instead of SQLite's 1,000: chosen when each
  // click dirtied a random dedupe-index page (25 → 18 µs of CPU per click then); with the
  // clicks table append-only since migration 5, 1,000 measured the same in the bench (0.64×
  // and 0.63× against 0.63× and 0.66×), so it stays, with fewer checkpoint pauses.
  db.pragma('wal_autocheckpoint = 10000');

  let walFd: number | undefined;
  // The WAL exists once the first transaction has committed; it keeps its inode while we are
  // open. Its directory entry is synced once too, so the WAL file itself survives power loss:
  // a one-off, synchronous even on the event loop (it happens at the first durable write).
  const walDescriptor = (): number => {
    if (walFd !== undefined) return walFd;
    const fd = openSync(`${path}-wal`, 'r+');
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } catch (error) {
      closeSync(fd);
      throw error;
    } finally {
      closeSync(dir);
    }
    walFd = fd;
    return fd;
  };

  return {
    db,
    async durable() {
      if (synchronous !== 'FULL') return;
      const fd = walDescriptor();
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    },
    durableSync() {
      if (synchronous !== 'FULL') return;
      fdatasyncSync(walDescriptor());
    },
    close() {
      if (walFd !== undefined) closeSync(walFd);
      db.close();
    },
  };
}
