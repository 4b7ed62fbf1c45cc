/**
 * One storage interface, two implementations: SQLite for a single host with no set-up, and
 * PostgreSQL for several tracker instances sharing one database behind a load balancer.
 * Everything the HTTP layer needs goes through here, so both are tested by the same suite.
 */
import type { Scope } from '../config.js';

/** A short link as stored: one per share of an item by an employee on a network. */
export interface LinkRecord {
  readonly code: string;
  readonly targetUrl: string;
  readonly itemId: string;
  readonly campaign: string;
  readonly network: string;
  readonly shareId: string;
  readonly employeeId: string | null;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** A counted visit waiting to be written. The visitor key is a daily-salted hash, never an address. */
export interface ClickInput {
  readonly code: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly visitorKey: string;
}

/** A stored click, as reports read it. */
export interface ClickRecord {
  readonly code: string;
  readonly shareId: string;
  readonly visitorKey: string;
  readonly at: number;
}

/**
 * What a report over [from, to) needs, read in one consistent snapshot: the links created in
 * the period, then the older links that clicks of the period went through (oldest first);
 * the clicks of the period (in time order); and how many links and clicks exist in all.
 */
export interface ReportData {
  readonly links: readonly LinkRecord[];
  readonly clicks: readonly ClickRecord[];
  readonly totalLinks: number;
  readonly totalClicks: number;
}

/** An API key as stored: only its SHA-256 (hex) and scopes. */
export interface StoredApiKey {
  readonly hash: string;
  readonly scopes: readonly Scope[];
}

/** How many rows a purge or an erasure removed. */
export interface Removed {
  readonly links: number;
  readonly clicks: number;
}

/** The storage behind the tracker. Every method is safe to call from several instances at once. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** How many `recordClicks` batches may run at once (SQLite 1: its writer thread folds what arrives meanwhile into the next; PostgreSQL a few, committed in parallel). */
  readonly writeConcurrency: number;
  /** Applies pending migrations in order; returns the versions applied by this call. */
  migrate(): Promise<readonly number[]>;
  /** Makes the stored keys exactly `keys` (TRACKER_API_KEYS is authoritative). */
  syncApiKeys(keys: readonly StoredApiKey[]): Promise<void>;
  listApiKeys(): Promise<readonly StoredApiKey[]>;
  /**
   * Stores a link. `false` when its code or its share id is already taken: the caller then
   * looks the share id up ({@link Store.findLinkByShare}) or draws another code.
   */
  insertLink(link: LinkRecord): Promise<boolean>;
  findLink(code: string): Promise<LinkRecord | undefined>;
  findLinkByShare(shareId: string): Promise<LinkRecord | undefined>;
  /**
   * Writes a batch of clicks in one transaction. A click is stored (true) unless the same
   * visitor key already has a click on the same code within `windowMs` before it, counting
   * earlier clicks of the same batch, or its link was erased meanwhile (false).
   */
  recordClicks(clicks: readonly ClickInput[], windowMs: number): Promise<boolean[]>;
  /**
   * The salt for a UTC day: `candidate` if none was stored yet, else the stored one (shared by
   * instances). Salts of earlier days are deleted: a salt lives for its day only.
   */
  dailySalt(day: string, candidate: string): Promise<string>;
  /** Retention: deletes clicks older than `clicksBefore` and salts of days before `today`. */
  purge(clicksBefore: number, today: string): Promise<{ readonly clicks: number }>;
  eraseShare(shareId: string): Promise<Removed>;
  eraseEmployee(employeeId: string): Promise<Removed>;
  /** Links created in [from, to), oldest first. */
  linksCreated(from: number, to: number): Promise<readonly LinkRecord[]>;
  /** Clicks made in [from, to), in time order. */
  clicksBetween(from: number, to: number): Promise<readonly ClickRecord[]>;
  /** Everything a report over [from, to) reads, in one snapshot. */
  reportData(from: number, to: number): Promise<ReportData>;
  close(): Promise<void>;
  /**
   * Up to `limit` stored clicks with an id above `after`, in id order (the order they were
   * stored), with their share. Never skips a click that commits later with a lower id: only
   * ids no running transaction can still add below are returned (GET /api/clicks).
   */
  clickFeed(after: number, limit: number): Promise<readonly FeedRecord[]>;
}

/** A click as the feed reads it: its id (the feed's cursor) and the rest of a {@link ClickRecord}. */
export interface FeedRecord extends ClickRecord {
  readonly id: number;
}

/** A `links` row as both stores read it (snake_case columns, epoch milliseconds). */
export interface LinkRow {
  code: string;
  target_url: string;
  item_id: string;
  campaign: string;
  network: string;
  share_id: string;
  employee_id: string | null;
  created_at: number;
}

/**
 * Maps a `links` row to the record the app uses; one mapping for SQLite and PostgreSQL.
 * @param row the row as read from either store
 * @returns the link record
 */
export const toLink = (row: LinkRow): LinkRecord => ({
  code: row.code,
  targetUrl: row.target_url,
  itemId: row.item_id,
  campaign: row.campaign,
  network: row.network,
  shareId: row.share_id,
  employeeId: row.employee_id,
  createdAt: row.created_at,
});
