/**
 * Shareable items from the "Shareworthy Items" list, mapped at the edge to core's
 * `ShareableItem` through `validateItem`, so SharePoint and WordPress items obey one rule set.
 */
import type { SPFI } from '@pnp/sp';
import { validateItem, type Issue, type Result, type ShareableItem } from '@shareworthy/core';
import { ServiceError, statusOf, toServiceError } from './errors';
import { LISTS, type SpValue } from './schema';

/** The list columns read, as SharePoint returns them. */
export interface ItemRow {
  readonly Id: number;
  readonly Title: SpValue<string>;
  readonly SwPublicUrl: SpValue<string>;
  readonly SwSummary: SpValue<string>;
  readonly SwImageUrl: SpValue<string>;
  readonly SwMessages: SpValue<string>;
  readonly SwHashtags: SpValue<string>;
  readonly SwCampaign: SpValue<string>;
  readonly SwTopics: SpValue<string>;
  readonly SwAudience: SpValue<string>;
  readonly SwKind: SpValue<string>;
  readonly SwPriority: SpValue<number>;
  readonly SwStartsAt: SpValue<string>;
  readonly SwExpiresAt: SpValue<string>;
  readonly SwStatus: SpValue<string>;
  readonly SwPageUrl: SpValue<string>;
  readonly Created: string;
}

/** Columns selected from the list. */
export const ITEM_COLUMNS = [
  'Id', 'Title', 'SwPublicUrl', 'SwSummary', 'SwImageUrl', 'SwMessages', 'SwHashtags', 'SwCampaign',
  'SwTopics', 'SwAudience', 'SwKind', 'SwPriority', 'SwStartsAt', 'SwExpiresAt', 'SwStatus', 'SwPageUrl', 'Created',
] as const;

/** Comma-, semicolon- or newline-separated list typed by an editor. */
const splitList = (value: SpValue<string>): string[] =>
  (value ?? '').split(/[,;\n]/u).map((part) => part.trim()).filter((part) => part !== '');

/**
 * Messages are JSON (`{"default": "…", "x": "…"}`); a plain sentence typed by an editor is
 * the default message rather than an error.
 */
const parseMessages = (value: SpValue<string>): unknown => {
  if (value === null || value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return { default: value };
  }
};

/**
 * Maps one list row to a validated item.
 * @param row the row as SharePoint returns it
 * @returns core's ShareableItem, or the issues of the row
 * @example rowToItem(row).success
 */
export function rowToItem(row: ItemRow): Result<ShareableItem> {
  return validateItem({
    id: String(row.Id),
    publicUrl: row.SwPublicUrl,
    intranetUrl: row.SwPageUrl,
    title: row.Title,
    summary: row.SwSummary,
    imageUrl: row.SwImageUrl,
    messages: parseMessages(row.SwMessages),
    hashtags: splitList(row.SwHashtags),
    campaign: row.SwCampaign,
    topics: splitList(row.SwTopics),
    audience: splitList(row.SwAudience),
    kind: row.SwKind,
    priority: row.SwPriority,
    startsAt: row.SwStartsAt,
    expiresAt: row.SwExpiresAt,
    status: row.SwStatus,
    createdAt: row.Created,
  });
}

/** Items that could be read, and the rows that could not (shown to editors, never dropped silently). */
export interface ItemsPage {
  readonly items: readonly ShareableItem[];
  readonly invalid: readonly { readonly id: string; readonly issues: readonly Issue[] }[];
}

/** What the current user may do with the Items list, for the editor's "Make this page shareable". */
export interface EditorAccess {
  /** Add Items permission on the list. */
  readonly canAdd: boolean;
  /** The list has content approval on: a new item waits for an approver (status `pending`). */
  readonly moderated: boolean;
}

/** SharePoint's base permissions as REST answers them: two 32-bit halves, as decimal strings. */
interface BasePermissions {
  readonly High: string;
  readonly Low: string;
}

/**
 * PermissionKind.AddListItems is 2, i.e. bit 1 of the low half. Checked by hand, as PnPjs's
 * `hasPermissions` does, so that the Share bundle does not take `@pnp/sp/security` for one bit.
 */
const ADD_LIST_ITEMS = 0x2;

/** Reads shareable items. */
export class ItemsService {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Approved items, newest first (at most 500: a feed is read, not archived).
   * @returns valid items and invalid rows
   * @example const { items } = await new ItemsService(sp).approved();
   */
  public async approved(): Promise<ItemsPage> {
    try {
      const rows = await this.sp.web.lists
        .getByTitle(LISTS.items)
        .items.select(...ITEM_COLUMNS)
        .filter("SwStatus eq 'approved'")
        .orderBy('Created', false)
        .top(500)<ItemRow[]>();
      return split(rows);
    } catch (error) {
      throw toServiceError(error, `reading ${LISTS.items}`);
    }
  }

  /**
   * The item made from an intranet page (its `SwPageUrl`), so a Share web part finds its
   * page's item without an ID typed in the property pane.
   * @param pageUrl the page's absolute URL, as stored in `SwPageUrl`
   * @returns the item (or its issues), undefined when the page has none
   * @example await items.byPage('https://contoso.sharepoint.com/sites/news/SitePages/Launch.aspx')
   */
  public async byPage(pageUrl: string): Promise<Result<ShareableItem> | undefined> {
    try {
      const rows = await this.sp.web.lists
        .getByTitle(LISTS.items)
        .items.select(...ITEM_COLUMNS)
        .filter(`SwPageUrl eq '${pageUrl.replace(/'/gu, "''")}'`)
        .top(1)<ItemRow[]>();
      return rows[0] === undefined ? undefined : rowToItem(rows[0]);
    } catch (error) {
      // A list set up by an earlier version has no SwPageUrl column: SharePoint answers 400
      // ("Column 'SwPageUrl' does not exist"), and running Set up again adds it.
      if (statusOf(error) === 400) throw new ServiceError('not-set-up', `${LISTS.items} has no SwPageUrl column: run Set up Shareworthy again.`, 400);
      throw toServiceError(error, `finding this page's item in ${LISTS.items}`);
    }
  }

  /**
   * Whether the current user may add items, and whether new items wait for approval: one
   * read of the list's effective permissions and content approval setting.
   * @returns the access
   * @example if ((await items.editorAccess()).canAdd) showMakeShareable()
   */
  public async editorAccess(): Promise<EditorAccess> {
    try {
      const list = await this.sp.web.lists
        .getByTitle(LISTS.items)
        .select('EffectiveBasePermissions', 'EnableModeration')<{ EffectiveBasePermissions: BasePermissions; EnableModeration: boolean }>();
      return {
        canAdd: (Number(list.EffectiveBasePermissions.Low) & ADD_LIST_ITEMS) !== 0,
        moderated: list.EnableModeration,
      };
    } catch (error) {
      throw toServiceError(error, `checking your permissions on ${LISTS.items}`);
    }
  }

  /**
   * One item by list item id.
   * @param id list item id
   * @returns the item, or its issues
   * @example await items.byId(7)
   */
  public async byId(id: number): Promise<Result<ShareableItem>> {
    try {
      const row = await this.sp.web.lists.getByTitle(LISTS.items).items.getById(id).select(...ITEM_COLUMNS)<ItemRow>();
      return rowToItem(row);
    } catch (error) {
      throw toServiceError(error, `reading item ${id} of ${LISTS.items}`);
    }
  }
}

function split(rows: readonly ItemRow[]): ItemsPage {
  const items: ShareableItem[] = [];
  const invalid: { id: string; issues: readonly Issue[] }[] = [];
  for (const row of rows) {
    const result = rowToItem(row);
    if (result.success) items.push(result.output);
    else invalid.push({ id: String(row.Id), issues: result.issues });
  }
  return { items, invalid };
}
