/**
 * Reports for site owners. Shares come from the Shares list; clicks only a tracker knows.
 * With a tracker, its `/api/reports` (core's aggregate over its links and clicks) is the
 * report; without one, core's `aggregate` runs over the list's shares and the report says
 * that clicks are unknown rather than showing zeros as if nobody clicked.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { aggregate, type GroupBy, type ReportRow, type ReportTotals } from '@shareworthy/core';
import { toServiceError } from './errors';
import type { Settings } from './SettingsService';
import type { SharesService } from './SharesService';
import type { TrackerClient } from './TrackerClient';

/** A report and where its figures come from. */
export interface ReportView {
  readonly totals: ReportTotals;
  readonly rows: readonly ReportRow[];
  /** false when only shares are known (no tracker configured). */
  readonly clicksKnown: boolean;
}

/** Period and grouping of a report. */
export interface ReportQuery {
  readonly from: string;
  readonly to: string;
  readonly by: GroupBy;
}

/** Builds reports and tells who may see them. */
export class ReportService {
  /**
   * @param sp the page's SPFI
   * @param shares the shares service
   * @param tracker the tracker client
   * @param settings settings (cost per click, eligible employees)
   */
  public constructor(
    private readonly sp: SPFI,
    private readonly shares: Pick<SharesService, 'all'>,
    private readonly tracker: Pick<TrackerClient, 'countsClicks' | 'report'>,
    private readonly settings: Pick<Settings, 'costPerClick' | 'eligibleEmployees'>,
  ) {}

  /**
   * Whether the current user may see reports: site owners (Manage Web on the site).
   * @returns true for owners
   * @example if (await reports.canView()) render()
   */
  public async canView(): Promise<boolean> {
    try {
      return await this.sp.web.currentUserHasPermissions(PermissionKind.ManageWeb);
    } catch (error) {
      throw toServiceError(error, 'checking your permissions');
    }
  }

  /**
   * The report of a period.
   * @param query period and grouping
   * @returns the report
   * @example await reports.load({ from: '2026-11-01', to: '2026-11-30', by: 'network' })
   */
  public async load(query: ReportQuery): Promise<ReportView> {
    if (this.tracker.countsClicks) {
      const report = await this.tracker.report(query.from, query.to, query.by);
      return { totals: report.totals, rows: report.rows, clicksKnown: true };
    }
    const shares = await this.shares.all();
    const report = aggregate({ shares, clicks: [], eligibleEmployees: this.settings.eligibleEmployees }, query.by, {
      from: query.from,
      to: query.to,
      costPerClick: this.settings.costPerClick,
    });
    return { totals: report.totals, rows: report.rows, clicksKnown: false };
  }
}
