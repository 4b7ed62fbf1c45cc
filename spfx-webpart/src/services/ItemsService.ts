/**
 * Shareable items from the "Shareworthy Items" list, mapped at the edge to core's
 * `ShareableItem` through `validateItem`, so SharePoint and WordPress items obey one rule set.
 */
import type { SPFI } from '@pnp/sp';
import { validateItem, type Issue, type Result, type ShareableItem } from '@shareworthy/core';
import { toServiceError } from './errors';
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
  readonly Created: string;
}

/** Columns selected from the list. */
export const ITEM_COLUMNS = [
  'Id', 'Title', 'SwPublicUrl', 'SwSummary', 'SwImageUrl', 'SwMessages', 'SwHashtags', 'SwCampaign',
  'SwTopics', 'SwAudience', 'SwKind', 'SwPriority', 'SwStartsAt', 'SwExpiresAt', 'SwStatus', 'Created',
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
