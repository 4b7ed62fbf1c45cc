/**
 * `GET /api/reports`: the query parameters, and the report itself from core's `aggregate`
 * (JSON) and `toCsv` (CSV), so the tracker's figures are the ones every Shareworthy host shows.
 *
 * Where the work happens: the database does what grows with history (choosing the period's
 * links and clicks through the `created_at` and `at` indexes, joining clicks to their share,
 * counting the rest); core aggregates only the period's rows. Everything the database left
 * out is, by construction, outside the period, so it is added to `excluded.outOfPeriod`,
 * which keeps the answer equal to core's aggregate over the whole database (tested).
 */
import { aggregate, toCsv, utcDay, type ClickEvent, type Issue, type Report, type Result, type ShareEvent } from '@shareworthy/core';
import type { Store } from './store/store.js';

/** How a report groups its rows (core also groups by employee, which needs consent data the tracker does not hold). */
export type ReportGroup = 'item' | 'campaign' | 'network' | 'day';
const GROUPS: readonly ReportGroup[] = ['item', 'campaign', 'network', 'day'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** Longest report: the retention period plus a margin; longer asks are a mistake or an attack. */
const MAX_DAYS = 800;

/** A checked report query: UTC days, both inclusive. */
export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGroup;
  /** Employees who could have shared, for the participation rate. @default 0 */
  readonly eligibleEmployees: number;
}

const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * Reads `from`, `to` (UTC days `YYYY-MM-DD`, inclusive), `groupBy` and `eligibleEmployees`.
 * @param query the raw query parameters
 * @param now current time, for the defaults
 * @returns the query, or issues (path = parameter name)
 * @default from 29 days before `to`, to today, groupBy `item`, eligibleEmployees 0
 * @example parseReportQuery({ from: '2026-11-01', to: '2026-11-30', groupBy: 'day' }, Date.now())
 */
export function parseReportQuery(query: Readonly<Record<string, unknown>>, now: number): Result<ReportQuery> {
  const issues: Issue[] = [];
  const day = (name: 'from' | 'to', fallback: string): string => {
    const value = query[name];
    if (value === undefined) return fallback;
    // 2026-13-45 matches the pattern but is no date: Date.parse gives NaN, and utcDay would throw on it.
    const start = typeof value === 'string' && DAY.test(value) ? dayStart(value) : Number.NaN;
    if (Number.isNaN(start) || utcDay(new Date(start)) !== value) {
      issues.push({ path: [name], message: `${name} must be a day as YYYY-MM-DD`, code: 'invalid-day' });
      return fallback;
    }
    return value;
  };
  const to = day('to', utcDay(new Date(now)));
  const from = day('from', utcDay(new Date(dayStart(to) - 29 * DAY_MS)));
  const groupBy = query['groupBy'] ?? 'item';
  if (typeof groupBy !== 'string' || !GROUPS.includes(groupBy as ReportGroup)) {
    issues.push({ path: ['groupBy'], message: `groupBy must be one of ${GROUPS.join(', ')}`, code: 'invalid-group' });
  }
  const eligible = query['eligibleEmployees'] ?? '0';
  if (typeof eligible !== 'string' || !/^\d{1,9}$/.test(eligible)) {
    issues.push({ path: ['eligibleEmployees'], message: 'eligibleEmployees must be a whole number', code: 'invalid-number' });
  }
  if (issues.length === 0 && (dayStart(from) > dayStart(to) || (dayStart(to) - dayStart(from)) / DAY_MS >= MAX_DAYS)) {
    issues.push({ path: ['from'], message: `from must be on or before to, at most ${MAX_DAYS} days apart`, code: 'invalid-range' });
  }
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, output: { from, to, groupBy: groupBy as ReportGroup, eligibleEmployees: Number(eligible) } };
}

/**
 * Builds the report for a query from the store.
 * @param store where links and clicks are
 * @param query checked query
 * @returns core's report (`{ totals, rows, excluded }`) and its rows as CSV (with a BOM, for Excel)
 * @example const { json, csv } = await buildReport(store, { from: '2026-11-01', to: '2026-11-30', groupBy: 'item', eligibleEmployees: 40 });
 */
export async function buildReport(store: Store, query: ReportQuery): Promise<{ readonly json: Report; readonly csv: string }> {
  const data = await store.reportData(dayStart(query.from), dayStart(query.to) + DAY_MS);
  // Host rows mapped to core's events at the edge. A link issued without an employee has '',
  // which core counts as a share by nobody (no participant).
  const shares = data.links.map(
    (link): ShareEvent => ({ id: link.shareId, itemId: link.itemId, campaign: link.campaign, network: link.network, employeeId: link.employeeId ?? '', createdAt: link.createdAt }),
  );
  const clicks = data.clicks.map((click): ClickEvent => ({ shareId: click.shareId, visitorKey: click.visitorKey, createdAt: click.at }));
  const report = aggregate({ shares, clicks, eligibleEmployees: query.eligibleEmployees }, query.groupBy, { from: query.from, to: query.to });
  const notLoaded = data.totalLinks - data.links.length + (data.totalClicks - data.clicks.length);
  const json: Report = { ...report, excluded: { ...report.excluded, outOfPeriod: report.excluded.outOfPeriod + notLoaded } };
  return { json, csv: toCsv(report.rows, undefined, { bom: true }) };
}
