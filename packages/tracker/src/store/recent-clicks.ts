/**
 * SQLite's click dedupe, decided in memory: the clicks of the last window, by fingerprint.
 *
 * The dedupe index it replaces (`clicks (fingerprint, at)`) put every click at a random place
 * in a B-tree, so each click dirtied its own index page: a 4 KB WAL frame per click to write,
 * sync and checkpoint (measured under the bench's load: ~120 MB/s of disk writes at 18,000
 * clicks/s, against ~38 MB/s without the index). With the decision made here, the clicks
 * table is only appended to.
 *
 * Exact, not probabilistic: a fingerprint hit is confirmed against the stored row (its id,
 * then code and visitor key), and whatever memory no longer holds is looked up in the
 * database instead:
 * - memory holds every click this writer has seen with a time after the newest click less the
 *   window and a margin ({@link EXPIRY_MARGIN_MS}); older ones expire;
 * - when more than `capacity` clicks are that recent, the oldest are moved to the
 *   `dedupe_spill` table (indexed by fingerprint), so memory stays bounded and a click beyond
 *   the bound costs what every click cost with the index;
 * - a click whose window reaches back past what memory has forgotten (a clock far behind the
 *   newest click, a test's clock) is decided by a scan of the stored clicks of its window.
 *
 * Clicks stored by another process on the same file are read in by id at the start of each
 * batch (`click-batch.ts`), inside the batch's write transaction: SQLite has one writer, so the
 * batch sees every click committed before it, and ids only grow (AUTOINCREMENT, migration 4).
 */
import type { ClickInput } from './store.js';

/** A stored click as memory keeps it. */
export interface SeenClick {
  readonly id: number;
  readonly fingerprint: number;
  readonly at: number;
}

/** What {@link RecentClicks} asks of the database (the writer thread's prepared statements, inside its transaction). */
export interface DedupeDatabase {
  /** The stored click with this id and the same code and visitor key exists. */
  sameClick(id: number, click: ClickInput): boolean;
  /** A spilled click with this fingerprint, later than `since`, is the same code and visitor key. */
  inSpill(fingerprint: number, since: number, click: ClickInput): boolean;
  /** A stored click of the same code and visitor key has a time in (since, upTo]. */
  inRange(since: number, upTo: number, click: ClickInput): boolean;
  /** Moves a click out of memory into `dedupe_spill`. */
  spill(click: SeenClick): void;
  /** Deletes spilled clicks at or before `upTo`. */
  dropSpill(upTo: number): void;
}

/** Where a {@link RecentClicks} starts from: see its constructor. */
export interface RecentStart {
  readonly forgottenUpTo: number;
  readonly spilled?: { readonly earliest: number; readonly latest: number };
}

/**
 * Past a click's window, how much longer memory keeps it: clicks decided out of order by a
 * little (two processes' clocks, a batch's own spread) still find it in memory.
 */
export const EXPIRY_MARGIN_MS = 60_000;
/** Memory starts this small and doubles up to its capacity. */
const INITIAL_SLOTS = 1024;

/**
 * The last window's clicks, by fingerprint.
 * @example
 * const recent = new RecentClicks(1_000_000, database);
 * if (!recent.isRepeat(click, fingerprint, windowMs)) recent.add({ id, fingerprint, at: click.at }, windowMs);
 */
export class RecentClicks {
  readonly #capacity: number;
  readonly #db: DedupeDatabase;
  /** Fingerprint → ring slot of its latest click (by time). */
  readonly #slotOf = new Map<number, number>();
  // A ring in arrival order (about time order): the oldest at #head. Typed arrays, so a
  // million clicks cost 24 MB here and nothing for the garbage collector to trace.
  #ids: Float64Array<ArrayBuffer>;
  #fingerprints: Float64Array<ArrayBuffer>;
  #ats: Float64Array<ArrayBuffer>;
  #head = 0;
  #size = 0;
  #newest = -Infinity;
  #forgottenUpTo: number;
  /** The latest time in the spill table, `-Infinity` when it is empty. */
  #spilledUpTo: number;
  /** When the spill is next purged of expired clicks (at most once per margin). */
  #nextSpillDrop: number;

  /**
   * @param capacity most clicks kept in memory; beyond it the oldest are spilled
   * @param database the statements it falls back on
   * @param start what the database already holds that memory does not: clicks at or before
   *   `forgottenUpTo` (`-Infinity` for none), and the time span of the spill table (`undefined` when empty)
   */
  constructor(capacity: number, database: DedupeDatabase, start: RecentStart = { forgottenUpTo: -Infinity }) {
    this.#capacity = capacity;
    this.#db = database;
    const slots = Math.min(INITIAL_SLOTS, capacity);
    this.#ids = new Float64Array(slots);
    this.#fingerprints = new Float64Array(slots);
    this.#ats = new Float64Array(slots);
    this.#forgottenUpTo = start.forgottenUpTo;
    this.#spilledUpTo = start.spilled?.latest ?? -Infinity;
    this.#nextSpillDrop = start.spilled?.earliest ?? Infinity;
  }

  /**
   * Whether a stored click of the same code and visitor key is later than `click.at - windowMs`
   * (core's isRepeatClick: a later stored click counts too, whatever the clocks did).
   * @param click the click to decide
   * @param fingerprint its {@link clickFingerprint}
   * @param windowMs the dedupe window
   * @returns true for a repeat
   */
  isRepeat(click: ClickInput, fingerprint: number, windowMs: number): boolean {
    const since = click.at - windowMs;
    const slot = this.#slotOf.get(fingerprint);
    if (slot !== undefined && (this.#ats[slot] as number) > since) {
      // Most hits are the same visitor again; a fingerprint collision or an erased row falls through.
      if (this.#db.sameClick(this.#ids[slot] as number, click)) return true;
    } else if (since >= this.#forgottenUpTo && since >= this.#spilledUpTo) {
      return false; // memory holds every click that could match, and none does
    }
    if (this.#spilledUpTo > since && this.#db.inSpill(fingerprint, since, click)) return true;
    // Clicks forgotten without a spill: only a clock far behind the newest click reaches them.
    if (since < this.#forgottenUpTo && this.#db.inRange(since, this.#forgottenUpTo, click)) return true;
    // A collision in memory: the other clicks of this fingerprint were not the latest, so scan.
    return slot !== undefined && (this.#ats[slot] as number) > since && this.#db.inRange(since, Infinity, click);
  }

  /**
   * Remembers a stored click (one this writer stored, or another process's read in by id),
   * then forgets what the window has left behind and spills what is over capacity.
   * @param click the stored click
   * @param windowMs the dedupe window
   */
  add(click: SeenClick, windowMs: number): void {
    const latest = this.#slotOf.get(click.fingerprint);
    if (latest !== undefined && (this.#ats[latest] as number) > click.at) {
      // A later click of another (code, visitor) with the same fingerprint holds the slot (the
      // same pair would have been a repeat). Memory finds one click per fingerprint, so this one
      // goes straight to the spill, where a lookup still finds it.
      this.#spill(click);
      return;
    }
    if (this.#size >= this.#capacity) this.#spillOldest();
    else if (this.#size === this.#ids.length) this.#grow();
    const slot = (this.#head + this.#size) % this.#ids.length;
    this.#ids[slot] = click.id;
    this.#fingerprints[slot] = click.fingerprint;
    this.#ats[slot] = click.at;
    this.#size += 1;
    this.#slotOf.set(click.fingerprint, slot);
    if (click.at > this.#newest) this.#newest = click.at;
    this.#expire(this.#newest - windowMs - EXPIRY_MARGIN_MS);
  }

  /** Drops clicks at or before `upTo` from the head of the ring, and from the spill once past it. */
  #expire(upTo: number): void {
    while (this.#size > 0 && (this.#ats[this.#head] as number) <= upTo) {
      this.#forgottenUpTo = Math.max(this.#forgottenUpTo, this.#ats[this.#head] as number);
      this.#removeHead();
    }
    if (this.#nextSpillDrop <= upTo) {
      this.#db.dropSpill(upTo);
      this.#forgottenUpTo = Math.max(this.#forgottenUpTo, Math.min(upTo, this.#spilledUpTo));
      if (this.#spilledUpTo <= upTo) this.#spilledUpTo = -Infinity;
      // While spilling goes on, one DELETE per margin of time rather than one per batch.
      this.#nextSpillDrop = this.#spilledUpTo === -Infinity ? Infinity : upTo + EXPIRY_MARGIN_MS;
    }
  }

  #spillOldest(): void {
    this.#spill({ id: this.#ids[this.#head] as number, fingerprint: this.#fingerprints[this.#head] as number, at: this.#ats[this.#head] as number });
    this.#removeHead();
  }

  #spill(click: SeenClick): void {
    this.#db.spill(click);
    if (this.#spilledUpTo === -Infinity) this.#nextSpillDrop = click.at;
    this.#spilledUpTo = Math.max(this.#spilledUpTo, click.at);
  }

  #removeHead(): void {
    const fingerprint = this.#fingerprints[this.#head] as number;
    if (this.#slotOf.get(fingerprint) === this.#head) this.#slotOf.delete(fingerprint);
    this.#head = (this.#head + 1) % this.#ids.length;
    this.#size -= 1;
  }

  #grow(): void {
    const from = this.#ids.length;
    const length = Math.min(this.#capacity, from * 2);
    const move = (old: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const moved = new Float64Array(length);
      for (let i = 0; i < this.#size; i += 1) moved[i] = old[(this.#head + i) % from] as number;
      return moved;
    };
    this.#ids = move(this.#ids);
    this.#fingerprints = move(this.#fingerprints);
    this.#ats = move(this.#ats);
    for (const [fingerprint, slot] of this.#slotOf) this.#slotOf.set(fingerprint, (slot - this.#head + from) % from);
    this.#head = 0;
  }
}
