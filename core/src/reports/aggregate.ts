/**
 * Report aggregation: the one definition of shares, clicks, CTR, participation, reach and
 * EMV. The tracker's `/api/reports` and WordPress's `GET shareworthy/v1/reports` both answer
 * exactly this {@link Report}, so dashboards and exports agree to the digit.
 */
import { parseIsoDate } from '../curation/index.js';
import { NETWORK_NAMES, type Network } from '../links/index.js';
import { checkDay, dayOf, nextDay } from './days.js';
import type { EventTime, ReportEvents, ShareEvent } from './events.js';
import { reachOf, type ReachPerShare } from './reach.js';

/** What a report's rows are grouped by. */
export type GroupBy = 'item' | 'campaign' | 'network' | 'day' | 'employee';

/** Figures for the whole report. */
export interface ReportTotals {
  /** Shares made in the period. */
  readonly shares: number;
  /** Counted clicks in the period on known shares (shares of any date). */
  readonly clicks: number;
  /** Distinct visitor keys among those clicks, each counted once for the whole report. */
  readonly uniqueClicks: number;
  /** `clicks / shares` as a fraction; 0 without shares. */
  readonly ctr: number;
  /** Distinct employees who shared / `eligibleEmployees`; 0 without eligible employees. Not capped at 1. */
  readonly participationRate: number;
  /** Estimated audience: the sum of `reachPerShare` over shares, rounded to a whole number. */
  readonly reach: number;
  /** Earned media value: `clicks × costPerClick`, rounded to cents. */
  readonly emv: number;
}

/** One group of a report. */
export interface ReportRow {
  /** Stable identifier: item id, campaign name (`''` for none), network, `YYYY-MM-DD`, employee id or `'others'`. */
  readonly key: string;
  /** Display text in English; hosts may translate by key. */
  readonly label: string;
  readonly shares: number;
  readonly clicks: number;
  /** Distinct visitor keys among the row's clicks; a visitor counts once per row (and may count in several rows). */
  readonly uniqueClicks: number;
  /** `clicks / shares`; 0 without shares. */
  readonly ctr: number;
}

/** Events left out of a report, by reason, so that nothing is dropped silently. */
export interface ReportExcluded {
  /** Clicks marked `counted: false` (bots, previews, repeats). */
  readonly uncountedClicks: number;
  /** Counted clicks whose `shareId` matches no share (e.g. the share was erased). */
  readonly orphanClicks: number;
  /** Shares with an `id` already seen; the first one is kept. */
  readonly duplicateShares: number;
  /** Shares and clicks whose `createdAt` cannot be read. */
  readonly invalidDates: number;
  /** Shares and clicks dated outside `from`…`to`. */
  readonly outOfPeriod: number;
}

/** A report: totals, rows and what was left out. */
export interface Report {
  readonly totals: ReportTotals;
  readonly rows: readonly ReportRow[];
  readonly excluded: ReportExcluded;
}

/** Options of {@link aggregate}. */
export interface AggregateOptions {
  /**
   * Price of one click for the earned media value. No default figure fits every host (paid
   * social CPCs differ by network, country and industry by more than 10×), so EMV is 0 until
   * a host sets what a click costs it. Negative or non-finite values count as 0.
   * @default 0
   */
  readonly costPerClick?: number;
  /** Estimated audience per share. @default DEFAULT_REACH_PER_SHARE */
  readonly reachPerShare?: ReachPerShare;
  /**
   * Employees who agreed to appear by name in reports. Grouping by employee gives each of
   * them a row and puts everyone else in one `'others'` row ({@link OTHERS_KEY}; an employee
   * whose id is literally `others` would share it); without this set, everyone is in
   * `'others'` (privacy by default: per-person figures need consent).
   */
  readonly optedInEmployees?: ReadonlySet<string>;
  /** IANA time zone of day buckets and of `from`/`to`. @default 'UTC' */
  readonly timeZone?: string;
  /** First day of the period (`YYYY-MM-DD` in `timeZone`, inclusive); earlier events are excluded. */
  readonly from?: string;
  /** Last day of the period (inclusive); later events are excluded. */
  readonly to?: string;
}

/**
 * Key of the row that gathers employees who did not opt in.
 * @example report.rows.find((row) => row.key === OTHERS_KEY)
 */
export const OTHERS_KEY = 'others';

interface Row {
  readonly key: string;
  label: string;
  shares: number;
  clicks: number;
  readonly visitors: Set<string>;
}

const MAX_TIME = 8.64e15;

const timeOf = (value: EventTime): number => {
  const time = typeof value === 'number' ? value : typeof value === 'string' ? parseIsoDate(value) : Number.NaN;
  return Number.isFinite(time) && Math.abs(time) <= MAX_TIME ? time : Number.NaN;
};

const ratio = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

// Empty, whitespace or invisible format characters (Unicode Cf) only: the id a host passes
// when it knows no employee (the tracker's links issued without one are `''`). Such a share
// still counts as a share, with its clicks and reach, but nobody is counted as taking part.
const BLANK_ID = /^[\s\p{Cf}]*$/u;
const namesEmployee = (employeeId: string): boolean => !BLANK_ID.test(employeeId);

const nonNegative = (value: number | undefined): number => (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0);

/** The row key and label of a share, for every grouping but `day`. */
function groupOf(share: ShareEvent, by: Exclude<GroupBy, 'day'>, optedIn: ReadonlySet<string> | undefined): [string, string] {
  switch (by) {
    case 'item': {
      const title = share.itemTitle?.trim();
      return [share.itemId, title === undefined || title === '' ? share.itemId : title];
    }
    case 'campaign': {
      const campaign = share.campaign?.trim() ?? '';
      return [campaign, campaign === '' ? '(no campaign)' : campaign];
    }
    case 'network':
      return [share.network, Object.hasOwn(NETWORK_NAMES, share.network) ? NETWORK_NAMES[share.network as Network] : share.network];
    case 'employee':
      return namesEmployee(share.employeeId) && optedIn?.has(share.employeeId) === true ? [share.employeeId, share.employeeId] : [OTHERS_KEY, 'Others'];
  }
}

/**
 * Orders strings by code point, which is the byte order of their UTF-8 and so what PHP's
 * `strcmp` and SQL binary collations give. `<` compares UTF-16 units instead and would put
 * an emoji (a surrogate pair, 0xD8xx) before `ｚ` (U+FF5A); the PHP side would not.
 */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogates, and between two surrogates, unit order is code point order.
    if (x < 0xd800 || y < 0xd800 || (x <= 0xdfff && y <= 0xdfff)) return x - y;
    return (a.codePointAt(i) ?? x) - (b.codePointAt(i) ?? y);
  }
  return a.length - b.length;
}

const byClicksThenSharesThenKey = (a: ReportRow, b: ReportRow): number =>
  b.clicks - a.clicks || b.shares - a.shares || compareCodePoints(a.key, b.key);

/**
 * Aggregates shares and clicks into a report. One pass over each list (O(shares + clicks)).
 *
 * - Clicks join to shares by `shareId`. A click counts when it is not `counted: false`, its
 *   share is known, its date is readable and, with `from`/`to`, it falls in the period; shares
 *   likewise by their own date, so a period's clicks include clicks on earlier shares. Every
 *   event left out is counted in `excluded`.
 * - Clicks are grouped by their share's item, campaign, network or employee; for `day`,
 *   shares and clicks each fall on their own day in `timeZone`.
 * - Rows are sorted by clicks, then shares (both descending), then key (code point order,
 *   the same as PHP's `strcmp` on UTF-8); `day` rows run chronologically and include every day from the
 *   first to the last (`from`/`to` when given), with zeros where nothing happened.
 * - Unique clicks count distinct `visitorKey`s: once per row, and once overall in the totals,
 *   so the rows' unique clicks may add up to more than the total.
 * - Participation counts distinct employee ids; a blank one (empty, whitespace or invisible
 *   characters only: a share without a known employee) is nobody, not one more employee.
 * @param events shares, clicks and the number of eligible employees
 * @param by the grouping of the rows
 * @param options see {@link AggregateOptions}
 * @returns totals, sorted rows and the excluded counts
 * @throws RangeError for an unknown `timeZone`, a `from`/`to` that is not a calendar day, or `from` after `to`
 * @example
 * aggregate({ shares: [{ id: 's1', itemId: '42', network: 'linkedin', employeeId: 'u1', createdAt: '2026-03-01T09:00:00Z' }],
 *   clicks: [{ shareId: 's1', visitorKey: 'v1', createdAt: '2026-03-01T10:00:00Z' }], eligibleEmployees: 4 }, 'network')
 * // { totals: { shares: 1, clicks: 1, uniqueClicks: 1, ctr: 1, participationRate: 0.25, reach: 150, emv: 0 },
 * //   rows: [{ key: 'linkedin', label: 'LinkedIn', shares: 1, clicks: 1, uniqueClicks: 1, ctr: 1 }], excluded: { ... all 0 } }
 */
export function aggregate(events: ReportEvents, by: GroupBy, options: AggregateOptions = {}): Report {
  const from = options.from === undefined ? undefined : checkDay(options.from, 'from');
  const to = options.to === undefined ? undefined : checkDay(options.to, 'to');
  if (from !== undefined && to !== undefined && from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  const day = dayOf(options.timeZone ?? 'UTC');
  const reach = reachOf(options.reachPerShare);
  const excluded = { uncountedClicks: 0, orphanClicks: 0, duplicateShares: 0, invalidDates: 0, outOfPeriod: 0 };

  const rows = new Map<string, Row>();
  const rowFor = (key: string, label: string): Row => {
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, label, shares: 0, clicks: 0, visitors: new Set() };
      rows.set(key, row);
    }
    return row;
  };
  /** The event's day, or undefined (and counted) when it is unreadable or outside the period. */
  const dayInPeriod = (createdAt: EventTime): string | undefined => {
    const time = timeOf(createdAt);
    if (Number.isNaN(time)) {
      excluded.invalidDates++;
      return undefined;
    }
    const key = by === 'day' || from !== undefined || to !== undefined ? day(time) : '';
    if ((from !== undefined && key < from) || (to !== undefined && key > to)) {
      excluded.outOfPeriod++;
      return undefined;
    }
    return key;
  };

  /** Known shares by id, each with its row once resolved (clicks then skip the grouping). */
  const known = new Map<string, { readonly share: ShareEvent; row?: Row }>();
  const groupRow = (entry: { readonly share: ShareEvent; row?: Row }, by: Exclude<GroupBy, 'day'>): Row =>
    (entry.row ??= rowFor(...groupOf(entry.share, by, options.optedInEmployees)));
  const sharers = new Set<string>();
  let shares = 0;
  let estimatedReach = 0;
  for (const share of events.shares) {
    if (known.has(share.id)) {
      excluded.duplicateShares++;
      continue;
    }
    const entry: { readonly share: ShareEvent; row?: Row } = { share };
    known.set(share.id, entry);
    const shareDay = dayInPeriod(share.createdAt);
    if (shareDay === undefined) continue;
    shares++;
    if (namesEmployee(share.employeeId)) sharers.add(share.employeeId);
    estimatedReach += reach(share.network);
    const row = by === 'day' ? rowFor(shareDay, shareDay) : groupRow(entry, by);
    row.shares++;
    // The first title seen may be blank; a later share of the same item can name it.
    if (by === 'item' && row.label === row.key) row.label = groupOf(share, 'item', undefined)[1];
  }

  const visitors = new Set<string>();
  let clicks = 0;
  for (const click of events.clicks) {
    if (click.counted === false) {
      excluded.uncountedClicks++;
      continue;
    }
    const entry = known.get(click.shareId);
    if (entry === undefined) {
      excluded.orphanClicks++;
      continue;
    }
    const clickDay = dayInPeriod(click.createdAt);
    if (clickDay === undefined) continue;
    clicks++;
    visitors.add(click.visitorKey);
    const row = by === 'day' ? rowFor(clickDay, clickDay) : groupRow(entry, by);
    row.clicks++;
    row.visitors.add(click.visitorKey);
  }

  const costPerClick = nonNegative(options.costPerClick);
  const totals: ReportTotals = {
    shares,
    clicks,
    uniqueClicks: visitors.size,
    ctr: ratio(clicks, shares),
    participationRate: ratio(sharers.size, nonNegative(events.eligibleEmployees)),
    reach: Math.round(estimatedReach),
    emv: Math.round(clicks * costPerClick * 100) / 100,
  };
  const output = (row: Row): ReportRow => ({
    key: row.key,
    label: row.label,
    shares: row.shares,
    clicks: row.clicks,
    uniqueClicks: row.visitors.size,
    ctr: ratio(row.clicks, row.shares),
  });
  if (by !== 'day') return { totals, rows: [...rows.values()].map(output).sort(byClicksThenSharesThenKey), excluded };

  const days = [...rows.keys()].sort();
  const first = from ?? days[0] ?? to;
  const last = to ?? days.at(-1) ?? from;
  const filled: ReportRow[] = [];
  if (first !== undefined && last !== undefined) {
    for (let current = first; current <= last; current = nextDay(current)) {
      filled.push(output(rows.get(current) ?? { key: current, label: current, shares: 0, clicks: 0, visitors: new Set() }));
    }
  }
  return { totals, rows: filled, excluded };
}
