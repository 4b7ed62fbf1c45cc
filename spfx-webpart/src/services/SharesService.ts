/**
 * Shares in the "Shareworthy Shares" list. The list has item-level permissions (read and
 * edit own items only), so an employee records and sees their own shares; site owners see
 * all of them for reports.
 */
import type { SPFI } from '@pnp/sp';
import type { Network, ShareableItem, ShareEvent } from '@shareworthy/core';
import { currentUserId } from './currentUser';
import { toServiceError } from './errors';
import { LISTS, type SpValue } from './schema';

/** One share as the list stores it. */
export interface ShareRow {
  readonly SwShareId: string;
  readonly SwItemId: string;
  readonly SwItemTitle: SpValue<string>;
  readonly SwCampaign: SpValue<string>;
  readonly SwNetwork: string;
  readonly AuthorId: number;
  readonly Created: string;
}

const SHARE_COLUMNS = ['SwShareId', 'SwItemId', 'SwItemTitle', 'SwCampaign', 'SwNetwork', 'AuthorId', 'Created'] as const;

/** What {@link SharesService.record} stores. */
export interface NewShare {
  readonly shareId: string;
  readonly item: Pick<ShareableItem, 'id' | 'title' | 'campaign'>;
  readonly network: Network;
  readonly trackedUrl: string;
}

/**
 * Maps a list row to core's ShareEvent.
 * @param row the row
 * @returns the event
 * @example rowToShareEvent(row).network // 'linkedin'
 */
export function rowToShareEvent(row: ShareRow): ShareEvent {
  return {
    id: row.SwShareId,
    itemId: row.SwItemId,
    ...(row.SwItemTitle === null ? {} : { itemTitle: row.SwItemTitle }),
    ...(row.SwCampaign === null ? {} : { campaign: row.SwCampaign }),
    network: row.SwNetwork,
    employeeId: String(row.AuthorId),
    createdAt: row.Created,
  };
}

/** Records and reads shares. */
export class SharesService {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Records one share.
   * @param share what was shared where
   * @example await shares.record({ shareId, item, network: 'linkedin', trackedUrl })
   */
  public async record(share: NewShare): Promise<void> {
    try {
      await this.sp.web.lists.getByTitle(LISTS.shares).items.add({
        Title: `${share.network} ${share.item.id}`,
        SwShareId: share.shareId,
        SwItemId: share.item.id,
        SwItemTitle: share.item.title.slice(0, 255),
        SwCampaign: share.item.campaign ?? null,
        SwNetwork: share.network,
        SwTrackedUrl: share.trackedUrl,
      });
    } catch (error) {
      throw toServiceError(error, `recording a share in ${LISTS.shares}`);
    }
  }

  /**
   * The current user's shares, every page of them (SharePoint answers at most 5,000 rows per
   * request). Filtered on the author, an indexed column (see `LIST_DEFINITIONS`), and sorted
   * here rather than with `$orderby`, so the query stays one SharePoint can answer past the
   * 5,000-item list view threshold.
   * @returns their share events, newest first
   * @example new Set((await shares.mine()).map((s) => s.itemId))
   */
  public async mine(): Promise<ShareEvent[]> {
    try {
      const me = await currentUserId(this.sp);
      const events: ShareEvent[] = [];
      for await (const page of this.sp.web.lists.getByTitle(LISTS.shares).items.select(...SHARE_COLUMNS).filter(`AuthorId eq ${me}`).top(5000)) {
        events.push(...(page as ShareRow[]).map(rowToShareEvent));
      }
      return events.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    } catch (error) {
      throw toServiceError(error, `reading your shares in ${LISTS.shares}`);
    }
  }

  /**
   * Every share the user may read (all of them for site owners), for reports. SharePoint
   * answers at most 5,000 rows per request, so the pages are followed to the last one
   * (PnPjs's async iterator requests each `odata.nextLink` / `__next`). The pages come in ID
   * order, without `$orderby`: past the 5,000-item list view threshold SharePoint sorts only on
   * an indexed column, and a list set up before set-up indexed `Created` has no such index.
   * @returns share events, oldest first
   * @example aggregate({ shares: await shares.all(), clicks: [], eligibleEmployees: 100 }, 'network')
   */
  public async all(): Promise<ShareEvent[]> {
    try {
      const events: ShareEvent[] = [];
      for await (const page of this.sp.web.lists.getByTitle(LISTS.shares).items.select(...SHARE_COLUMNS).top(5000)) {
        events.push(...(page as ShareRow[]).map(rowToShareEvent));
      }
      return events;
    } catch (error) {
      throw toServiceError(error, `reading ${LISTS.shares}`);
    }
  }
}
