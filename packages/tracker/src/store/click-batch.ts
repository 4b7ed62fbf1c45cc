/**
 * One batch of clicks into SQLite, in one write transaction: read in the clicks other
 * processes stored since the last batch, then for each click check its link, decide a repeat
 * in memory ({@link RecentClicks}) and append it. Runs in the click writer's thread; its own
 * module so the tests can drive it on a database file directly.
 */
import type Database from 'better-sqlite3';
import { clickFingerprint } from './fingerprint.js';
import { EXPIRY_MARGIN_MS, RecentClicks, type DedupeDatabase } from './recent-clicks.js';
import type { ClickInput } from './store.js';

/** Writes a batch; returns one flag per click (stored, or a repeat or an erased link). */
export type ClickBatchWriter = (clicks: readonly ClickInput[], windowMs: number) => boolean[];

interface ClickRow {
  id: number;
  code: string;
  visitor_key: string | null;
  at: number;
}

/** Codes known to have a link, kept between batches while no other connection writes. */
const LINKED_MAX = 100_000;

/** SQLite binds numbers as 64-bit values; an open upper bound is the largest time there is. */
const LATEST = Number.MAX_SAFE_INTEGER;

/**
 * Prepares the batch writer on a migrated connection.
 * @param db the connection (the writer thread's own)
 * @param capacity most clicks the dedupe memory holds before it spills to the database
 * @param fingerprint the memory's key of a click (the tests pass a colliding one)
 * @returns the writer; the first call reads the last window's clicks into memory
 * @default fingerprint {@link clickFingerprint}
 * @example const write = clickBatchWriter(db, 1_000_000); write([{ code, at: Date.now(), visitorKey }], 30 * 60_000); // [true]
 */
export function clickBatchWriter(db: Database.Database, capacity: number, fingerprint = clickFingerprint): ClickBatchWriter {
  const linkExists = db.prepare<[string], 1>('SELECT 1 FROM links WHERE code = ?').pluck();
  const insert = db.prepare<[string, number, string]>('INSERT INTO clicks (code, at, visitor_key) VALUES (?, ?, ?)');
  const after = db.prepare<[number], ClickRow>('SELECT id, code, visitor_key, at FROM clicks WHERE id > ? ORDER BY id');
  const since = db.prepare<[number], ClickRow>('SELECT id, code, visitor_key, at FROM clicks WHERE at > ? ORDER BY id');
  const newest = db.prepare<[], { id: number | null; at: number | null }>('SELECT max(id) AS id, max(at) AS at FROM clicks');
  const spillSpan = db.prepare<[], { earliest: number | null; latest: number | null }>('SELECT min(at) AS earliest, max(at) AS latest FROM dedupe_spill');
  const same = db.prepare<[number, string, string], 1>('SELECT 1 FROM clicks WHERE id = ? AND code = ? AND visitor_key = ?').pluck();
  const spilled = db
    .prepare<[number, number, string, string], 1>(
      `SELECT 1 FROM dedupe_spill s JOIN clicks c ON c.id = s.id
       WHERE s.fingerprint = ? AND s.at > ? AND c.code = ? AND c.visitor_key = ? LIMIT 1`,
    )
    .pluck();
  const inRange = db.prepare<[number, number, string, string], 1>('SELECT 1 FROM clicks WHERE at > ? AND at <= ? AND code = ? AND visitor_key = ? LIMIT 1').pluck();
  const spill = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO dedupe_spill (fingerprint, id, at) VALUES (?, ?, ?)');
  const dropSpill = db.prepare<[number]>('DELETE FROM dedupe_spill WHERE at <= ?');

  const database: DedupeDatabase = {
    sameClick: (id, click) => same.get(id, click.code, click.visitorKey) !== undefined,
    inSpill: (fingerprint, from, click) => spilled.get(fingerprint, from, click.code, click.visitorKey) !== undefined,
    inRange: (from, upTo, click) => inRange.get(from, Math.min(upTo, LATEST), click.code, click.visitorKey) !== undefined,
    spill: (click) => spill.run(click.fingerprint, click.id, click.at),
    dropSpill: (upTo) => dropSpill.run(upTo),
  };

  let recent: RecentClicks | undefined;
  let lastSeen = 0;
  // Rows are read whole before memory takes them: a spill writes, which a statement still iterating would forbid.
  const remember = (rows: readonly ClickRow[], windowMs: number, memory: RecentClicks): void => {
    for (const row of rows) {
      lastSeen = row.id;
      // Clicks stored before visitor keys existed cannot repeat anyone.
      if (row.visitor_key !== null) memory.add({ id: row.id, fingerprint: fingerprint(row.code, row.visitor_key), at: row.at }, windowMs);
    }
  };
  /** The last window's clicks (by the newest stored time), and what the spill table already holds. */
  const load = (windowMs: number): RecentClicks => {
    const top = newest.get();
    const span = spillSpan.get();
    const forgottenUpTo = top?.at == null ? -Infinity : top.at - windowMs - EXPIRY_MARGIN_MS;
    const memory = new RecentClicks(capacity, database, {
      forgottenUpTo,
      ...(span?.earliest != null && span.latest != null ? { spilled: { earliest: span.earliest, latest: span.latest } } : {}),
    });
    remember(since.all(forgottenUpTo === -Infinity ? -LATEST : forgottenUpTo), windowMs, memory);
    lastSeen = top?.id ?? 0;
    return memory;
  };

  // SQLite changes data_version when another connection has committed: until then, neither a
  // link's deletion nor another process's click can have happened, so the batch skips reading
  // them again (one query per batch, and one per click for its link, in the common case).
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  let seenVersion: number | undefined;
  const linked = new Set<string>();

  const batch = db.transaction((clicks: readonly ClickInput[], windowMs: number): boolean[] => {
    const version = dataVersion.get();
    const othersWrote = version !== seenVersion;
    seenVersion = version;
    if (othersWrote) linked.clear();
    let memory = recent;
    if (memory === undefined) memory = recent = load(windowMs);
    else if (othersWrote) remember(after.all(lastSeen), windowMs, memory);
    return clicks.map((click) => {
      if (!linked.has(click.code)) {
        if (linkExists.get(click.code) === undefined) return false;
        if (linked.size >= LINKED_MAX) linked.clear();
        linked.add(click.code);
      }
      const key = fingerprint(click.code, click.visitorKey);
      if (memory.isRepeat(click, key, windowMs)) return false;
      const id = Number(insert.run(click.code, click.at, click.visitorKey).lastInsertRowid);
      lastSeen = id;
      memory.add({ id, fingerprint: key, at: click.at }, windowMs);
      return true;
    });
  });
  return (clicks, windowMs) => {
    try {
      return batch.immediate(clicks, windowMs);
    } catch (error) {
      // Rolled back: memory may hold clicks that were never stored, and ids will be drawn
      // again. Read it all in afresh before the next batch.
      recent = undefined;
      seenVersion = undefined;
      throw error;
    }
  };
}
