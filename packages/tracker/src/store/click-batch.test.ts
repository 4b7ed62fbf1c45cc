import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { clickBatchWriter, type ClickBatchWriter } from './click-batch.js';
import { EXPIRY_MARGIN_MS } from './recent-clicks.js';
import { openSqliteConnection, type SqliteConnection } from './sqlite-connection.js';
import { openSqliteStore } from './sqlite.js';
import type { ClickInput } from './store.js';

const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);
const WINDOW = 1000;
const CODES = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'];

/** mulberry32: the same clicks on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('clickBatchWriter', () => {
  let dir: string;
  let path: string;
  const open: SqliteConnection[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'click-batch-'));
    path = join(dir, 'tracker.sqlite');
    const store = openSqliteStore({ path, synchronous: 'NORMAL' });
    await store.migrate();
    for (const code of CODES) {
      await store.insertLink({ code, targetUrl: 'https://intranet.example.com/', itemId: 'i', campaign: 'c', network: 'linkedin', shareId: `share-${code}`, employeeId: null, createdAt: T0 });
    }
    await store.close();
  });
  afterEach(() => {
    for (const connection of open.splice(0)) connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = (): Database.Database => {
    const connection = openSqliteConnection(path, 'NORMAL');
    open.push(connection);
    return connection.db;
  };

  /**
   * Two writers on one file, each with a tiny memory, against the rule written out plainly: a
   * click is a repeat when a stored click of the same code and visitor is later than its time
   * minus the window. Time moves on by up to 20 s per click (so memory expires, past the
   * margin), sometimes jumps back by up to 90 s (a clock behind: decided from the database).
   */
  const agreesWithTheRule = (fingerprint?: (code: string, visitorKey: string) => number): void => {
    const writers: ClickBatchWriter[] = [clickBatchWriter(connect(), 3, fingerprint), clickBatchWriter(connect(), 5, fingerprint)];
    const next = random(7);
    const stored: ClickInput[] = [];
    let now = T0;
    for (let round = 0; round < 400; round += 1) {
      const batch: ClickInput[] = [];
      for (let i = 0, size = 1 + Math.floor(next() * 5); i < size; i += 1) {
        now += Math.floor(next() * 20_000 * next() * next());
        const at = next() < 0.05 ? now - Math.floor(next() * 90_000) : now;
        batch.push({ code: CODES[Math.floor(next() * CODES.length)] as string, at, visitorKey: `visitor-${Math.floor(next() * 4)}` });
      }
      const expected = batch.map((click) => {
        const repeat = stored.some((s) => s.code === click.code && s.visitorKey === click.visitorKey && s.at > click.at - WINDOW);
        if (!repeat) stored.push(click);
        return !repeat;
      });
      const writer = writers[round % 2] as ClickBatchWriter;
      expect({ round, counted: writer(batch, WINDOW) }).toEqual({ round, counted: expected });
    }
    const db = connect();
    expect(db.prepare('SELECT count(*) AS n FROM clicks').get()).toEqual({ n: stored.length });
  };

  it('decides every click as the plain rule does, across two writers, expiry, spill and clocks behind', () => {
    agreesWithTheRule();
  });

  it('still decides exactly when every click has the same fingerprint (collisions confirmed against the stored row)', () => {
    agreesWithTheRule(() => 42);
  });

  it('spills beyond its capacity and empties the spill once the window and margin have passed', () => {
    const write = clickBatchWriter(connect(), 2);
    const clicks = Array.from({ length: 6 }, (_, i) => ({ code: 'aaaaaaaaaa', at: T0 + i, visitorKey: `v${i}` }));
    expect(write(clicks, WINDOW)).toEqual([true, true, true, true, true, true]);
    const db = connect();
    expect(db.prepare('SELECT count(*) AS n FROM dedupe_spill').get()).toEqual({ n: 4 });
    // The first visitor again, inside the window: found in the spill.
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 10, visitorKey: 'v0' }], WINDOW)).toEqual([false]);
    const later = T0 + WINDOW + EXPIRY_MARGIN_MS + 100;
    expect(write([{ code: 'bbbbbbbbbb', at: later, visitorKey: 'v9' }], WINDOW)).toEqual([true]);
    expect(db.prepare('SELECT count(*) AS n FROM dedupe_spill').get()).toEqual({ n: 0 });
  });

  it('finds a repeat that memory has forgotten when the clock is far behind the newest click', () => {
    const write = clickBatchWriter(connect(), 10);
    expect(write([{ code: 'aaaaaaaaaa', at: T0, visitorKey: 'v' }], WINDOW)).toEqual([true]);
    expect(write([{ code: 'bbbbbbbbbb', at: T0 + WINDOW + EXPIRY_MARGIN_MS + 10_000, visitorKey: 'w' }], WINDOW)).toEqual([true]);
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 500, visitorKey: 'v' }, { code: 'aaaaaaaaaa', at: T0 + 500, visitorKey: 'x' }], WINDOW)).toEqual([false, true]);
  });

  it('keeps a fingerprint on its latest click when an earlier-timed click of another visitor shares it', () => {
    const write = clickBatchWriter(connect(), 10, () => 42);
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 500, visitorKey: 'v1' }], WINDOW)).toEqual([true]);
    expect(write([{ code: 'aaaaaaaaaa', at: T0, visitorKey: 'v2' }], WINDOW)).toEqual([true]);
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 1400, visitorKey: 'v1' }, { code: 'aaaaaaaaaa', at: T0 + 900, visitorKey: 'v2' }], WINDOW)).toEqual([false, false]);
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 1600, visitorKey: 'v2' }], WINDOW)).toEqual([true]);
  });

  it('reads the last window back from the database when a writer starts', () => {
    expect(clickBatchWriter(connect(), 10)([{ code: 'aaaaaaaaaa', at: T0, visitorKey: 'v' }], WINDOW)).toEqual([true]);
    const restarted = clickBatchWriter(connect(), 10);
    expect(restarted([{ code: 'aaaaaaaaaa', at: T0 + WINDOW - 1, visitorKey: 'v' }, { code: 'aaaaaaaaaa', at: T0 + WINDOW, visitorKey: 'v' }], WINDOW)).toEqual([
      false,
      true,
    ]);
  });

  it('stores nothing for a link another connection deleted after the writer had seen it', () => {
    const write = clickBatchWriter(connect(), 10);
    expect(write([{ code: 'aaaaaaaaaa', at: T0, visitorKey: 'v' }], WINDOW)).toEqual([true]);
    connect().prepare("DELETE FROM links WHERE code = 'aaaaaaaaaa'").run();
    expect(write([{ code: 'aaaaaaaaaa', at: T0 + 1, visitorKey: 'w' }, { code: 'bbbbbbbbbb', at: T0 + 1, visitorKey: 'w' }], WINDOW)).toEqual([false, true]);
  });

  it('stores nothing for a code without a link', () => {
    expect(clickBatchWriter(connect(), 10)([{ code: 'zzzzzzzzzz', at: T0, visitorKey: 'v' }], WINDOW)).toEqual([false]);
    expect(connect().prepare('SELECT count(*) AS n FROM clicks').get()).toEqual({ n: 0 });
  });
});
