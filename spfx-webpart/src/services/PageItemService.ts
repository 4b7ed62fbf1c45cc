/**
 * "Make this page shareable": reads an intranet page's own metadata (the Site Pages item:
 * title, description, banner image) to prefill a new item, and writes that item to the
 * Shareworthy Items list. Loaded with the editor form, in its own chunk: readers never
 * download it, nor `@pnp/sp/files`.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import { ok, type Issue, type Result, type ShareableItem } from '@shareworthy/core';
import { ServiceError, toServiceError } from './errors';
import { LISTS, type SpValue } from './schema';

/** What a page says about itself, absolute URLs. */
export interface PageMetadata {
  /** The page's absolute URL (WHATWG serialization): the item's `intranetUrl`, and the default public URL. */
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** undefined when the page has no banner image of its own. */
  readonly imageUrl: string | undefined;
}

/** The Site Pages columns read. `BannerImageUrl` is a hyperlink column: an object, not a string. */
interface PageRow {
  readonly Title: SpValue<string>;
  readonly Description: SpValue<string>;
  readonly BannerImageUrl: SpValue<{ readonly Url: SpValue<string> }>;
  readonly FileRef: SpValue<string>;
}

/**
 * SharePoint's placeholder thumbnail, which a page without an image of its own reports as its
 * banner: prefilling it would put a grey square in every preview.
 */
const PLACEHOLDER = /\/_layouts\/15\/images\/sitepagethumbnail\.png$/iu;

/** Single-line text columns hold 255 characters; core allows longer titles and campaigns. */
const TEXT_MAX = 255;

/**
 * The Items list columns of a validated item, or the issues SharePoint's column limits add
 * to core's rules (a single-line text column holds 255 characters).
 * @param item an item from core's `validateItem`
 * @returns the list item body
 * @example itemToFields(item).success
 */
export function itemToFields(item: ShareableItem): Result<Record<string, SpValue<string | number>>> {
  const fields = {
    Title: item.title,
    SwPublicUrl: item.publicUrl,
    SwSummary: item.summary ?? null,
    SwImageUrl: item.imageUrl ?? null,
    SwMessages: JSON.stringify(item.messages),
    SwHashtags: item.hashtags.join(', '),
    SwCampaign: item.campaign ?? null,
    SwTopics: item.topics.join(', '),
    SwAudience: item.audience.join(', '),
    SwKind: item.kind,
    SwPriority: item.priority,
    SwStartsAt: item.startsAt ?? null,
    SwExpiresAt: item.expiresAt ?? null,
    SwStatus: item.status,
    SwPageUrl: item.intranetUrl ?? null,
  };
  const long: [keyof ShareableItem, SpValue<string>][] = [
    ['title', fields.Title], ['hashtags', fields.SwHashtags], ['campaign', fields.SwCampaign],
    ['topics', fields.SwTopics], ['audience', fields.SwAudience], ['intranetUrl', fields.SwPageUrl],
  ];
  const issues: Issue[] = long
    .filter(([, value]) => value !== null && value.length > TEXT_MAX)
    .map(([path]) => ({ path: [path], code: 'too-long', message: `At most ${TEXT_MAX} characters in SharePoint.` }));
  return issues.length === 0 ? ok(fields) : { success: false, issues };
}

/** Reads pages and creates their items. */
export class PageItemService {
  /** @param sp the page's SPFI */
  public constructor(private readonly sp: SPFI) {}

  /**
   * Reads a page's title, description, banner image and URL from its Site Pages item.
   * @param serverRelativeUrl e.g. `/sites/news/SitePages/Launch.aspx`
   * @param origin e.g. `https://contoso.sharepoint.com`, to make URLs absolute
   * @returns the metadata
   * @example const page = await pages.readPage(pageContext.site.serverRequestPath, location.origin);
   */
  public async readPage(serverRelativeUrl: string, origin: string): Promise<PageMetadata> {
    try {
      const row = await this.sp.web
        .getFileByServerRelativePath(serverRelativeUrl)
        .listItemAllFields.select('Title', 'Description', 'BannerImageUrl', 'FileRef')<PageRow>();
      const banner = row.BannerImageUrl?.Url ?? null;
      return {
        url: new URL(row.FileRef ?? serverRelativeUrl, origin).href,
        title: row.Title ?? '',
        description: row.Description ?? '',
        imageUrl: banner === null || banner === '' || PLACEHOLDER.test(banner) ? undefined : new URL(banner, origin).href,
      };
    } catch (error) {
      throw toServiceError(error, 'reading this page');
    }
  }

  /**
   * Adds an item to the Items list.
   * @param item an item from core's `validateItem` (its `id` is ignored: SharePoint gives one)
   * @returns the new list item id
   * @example const id = await pages.create(validated.output);
   */
  public async create(item: ShareableItem): Promise<number> {
    const fields = itemToFields(item);
    if (!fields.success) throw new ServiceError('invalid-data', fields.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(' '));
    try {
      const added = await this.sp.web.lists.getByTitle(LISTS.items).items.add(fields.output);
      const id = (added as { Id?: unknown }).Id;
      if (typeof id !== 'number') throw new ServiceError('invalid-data', `SharePoint did not return the new item's id.`);
      return id;
    } catch (error) {
      throw toServiceError(error, `adding this page to ${LISTS.items}`);
    }
  }
}
