/**
 * The employee's feed: which approved items to share next, and why. Every point of a score
 * comes with a reason code, so the feed can explain itself ("new", "matches your topics").
 */
import type { Network } from '../links/index.js';
import { itemNetworks, PRIORITY, type ShareableItem } from './item.js';

/** The person the feed is for. */
export interface FeedEmployee {
  readonly id: string;
  /** Group ids (departments, sites, security groups) matched against an item's `audience`. */
  readonly groups: readonly string[];
  /** Topics the employee follows, matched against an item's `topics` ignoring case. */
  readonly topics: readonly string[];
  /** Networks the employee may share to (e.g. the accounts they connected); absent = all. */
  readonly allowedNetworks?: readonly Network[];
  /** Items the employee already shared. */
  readonly sharedItemIds: readonly string[] | ReadonlySet<string>;
}

/** Stable codes of {@link FeedReason}; hosts translate by code. */
export type FeedReasonCode = 'priority' | 'fresh' | 'topic-match' | 'expires-soon' | 'already-shared';

/** One contribution to a score. */
export interface FeedReason {
  readonly code: FeedReasonCode;
  /** Points added (or, when negative, taken away), rounded to hundredths. */
  readonly points: number;
}

/** One ranked item of the feed. */
export interface FeedEntry {
  readonly item: ShareableItem;
  /** Sum of the reasons' points. */
  readonly score: number;
  /** Non-zero contributions, in the order of {@link FEED_SCORING}. */
  readonly reasons: readonly FeedReason[];
  /** The employee shared this item before; the feed shows it as such. */
  readonly alreadyShared: boolean;
  /** Networks offered for this item: the item's networks the employee may use, in `NETWORKS` order. */
  readonly networks: readonly Network[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The scoring weights of {@link rankFeed}.
 * - `priority`: the item's priority minus the default 50, so −50…+50; editors' intent weighs most.
 * - `fresh`: up to 30 points on the day the item went live (the later of `createdAt` and
 *   `startsAt`), falling linearly to 0 after 14 days: a two-week half-life of interest is
 *   typical of news posts, and a linear slope keeps scores hand-checkable.
 * - `topic-match`: 20 points per topic the item shares with the employee, at most 2 counted,
 *   so a narrowly tagged item is not buried by a widely tagged one.
 * - `expires-soon`: 15 points when the item leaves the feed within 48 hours (job ads,
 *   event registrations): sharing it later is worth nothing.
 * - `already-shared`: −200, more than the whole spread of the other points (50 + 30 + 40 + 15
 *   above to −50 below), so every already-shared item follows every item not yet shared.
 * @example FEED_SCORING.freshPoints * (1 - 7 / FEED_SCORING.freshDays) // 15: the fresh points of a week-old item
 */
export const FEED_SCORING = {
  freshPoints: 30,
  freshDays: 14,
  topicPoints: 20,
  topicMatchesCounted: 2,
  expiresSoonPoints: 15,
  expiresSoonHours: 48,
  alreadySharedPoints: -200,
} as const;

const round2 = (value: number): number => Math.round(value * 100) / 100;

const toTime = (value: Date | number): number => (typeof value === 'number' ? value : value.getTime());

/**
 * Ranks what an employee should share next.
 *
 * Only items that are `approved`, live at `now` (`startsAt ≤ now < expiresAt`; a missing
 * bound is open; an unparseable one excludes the item), meant for the employee (empty
 * `audience`, or one of the employee's groups) and shareable on at least one network the
 * employee may use (see {@link itemNetworks}) are returned. Each gets a score, the sum of the
 * {@link FEED_SCORING} contributions listed in `reasons`; entries are sorted by score,
 * highest first, and equal scores keep the input order (the sort is stable).
 * @param items validated items (see `validateItem`)
 * @param employee who the feed is for
 * @param now the current time
 * @returns ranked entries, each with its score, reasons, networks and `alreadyShared` flag
 * @example
 * rankFeed(items, { id: 'u1', groups: ['sales'], topics: ['ai'], sharedItemIds: ['7'] }, new Date())
 * // [{ item, score: 65, reasons: [{ code: 'priority', points: 20 }, { code: 'fresh', points: 25 }, { code: 'topic-match', points: 20 }], alreadyShared: false, networks: [...] }, ...]
 */
export function rankFeed(items: readonly ShareableItem[], employee: FeedEmployee, now: Date | number): FeedEntry[] {
  const at = toTime(now);
  const groups = new Set(employee.groups);
  const topics = new Set(employee.topics.map((topic) => topic.toLowerCase()));
  const shared = employee.sharedItemIds instanceof Set ? employee.sharedItemIds : new Set(employee.sharedItemIds);
  const allowed = employee.allowedNetworks === undefined ? undefined : new Set(employee.allowedNetworks);
  const entries: FeedEntry[] = [];
  for (const item of items) {
    if (item.status !== 'approved') continue;
    const created = Date.parse(item.createdAt);
    const starts = item.startsAt === undefined ? -Infinity : Date.parse(item.startsAt);
    const expires = item.expiresAt === undefined ? Infinity : Date.parse(item.expiresAt);
    if (!(starts <= at && at < expires) || Number.isNaN(created)) continue;
    if (item.audience.length > 0 && !item.audience.some((group) => groups.has(group))) continue;
    const networks = allowed === undefined ? itemNetworks(item) : itemNetworks(item).filter((network) => allowed.has(network));
    if (networks.length === 0) continue;

    const alreadyShared = shared.has(item.id);
    const age = at - Math.max(created, starts);
    const matches = new Set(item.topics.map((topic) => topic.toLowerCase()).filter((topic) => topics.has(topic))).size;
    const contributions: [FeedReasonCode, number][] = [
      ['priority', item.priority - PRIORITY.default],
      ['fresh', FEED_SCORING.freshPoints * Math.min(1, Math.max(0, 1 - age / (FEED_SCORING.freshDays * DAY)))],
      ['topic-match', FEED_SCORING.topicPoints * Math.min(matches, FEED_SCORING.topicMatchesCounted)],
      ['expires-soon', expires - at <= FEED_SCORING.expiresSoonHours * HOUR ? FEED_SCORING.expiresSoonPoints : 0],
      ['already-shared', alreadyShared ? FEED_SCORING.alreadySharedPoints : 0],
    ];
    const reasons = contributions.map(([code, points]) => ({ code, points: round2(points) })).filter(({ points }) => points !== 0);
    const score = round2(reasons.reduce((sum, { points }) => sum + points, 0));
    entries.push({ item, score, reasons, alreadyShared, networks });
  }
  return entries.sort((a, b) => b.score - a.score);
}
