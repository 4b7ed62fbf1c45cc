/**
 * "Versus previous period" figures for dashboard cards.
 */
import type { Report, ReportTotals } from './aggregate.js';

/** Percentage change of each total; `null` where the previous value was 0 (no base to compare with). */
export type ReportChange = { readonly [K in keyof ReportTotals]: number | null };

const KEYS = ['shares', 'clicks', 'uniqueClicks', 'ctr', 'participationRate', 'reach', 'emv'] as const satisfies readonly (keyof ReportTotals)[];

/**
 * Compares two reports total by total. Ratios change relatively too: a CTR going from 0.10
 * to 0.12 is +20 (%), not +2 points, so every card reads the same way.
 * @param current the period shown
 * @param previous the period before it, of the same length
 * @returns `(current − previous) / previous × 100` per total, rounded to hundredths, or `null` when `previous` is 0
 * @example compareReports(thisMonth, lastMonth) // { shares: 25, clicks: -10, ctr: -28, participationRate: null, ... }
 */
export function compareReports(current: Pick<Report, 'totals'>, previous: Pick<Report, 'totals'>): ReportChange {
  const change = {} as Record<keyof ReportTotals, number | null>;
  for (const key of KEYS) {
    const before = previous.totals[key];
    change[key] = before === 0 ? null : Math.round(((current.totals[key] - before) / before) * 10_000) / 100;
  }
  return change;
}
