/**
 * The current user's numeric id on this site, which list items carry as `AuthorId`.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import { ServiceError } from './errors';

/**
 * Reads the current user's site user id.
 * @param sp the page's SPFI
 * @returns the id; an unexpected answer is an `invalid-data` error, never `AuthorId eq undefined`
 * @example const id = await currentUserId(sp);
 */
export async function currentUserId(sp: SPFI): Promise<number> {
  const me = await sp.web.currentUser.select('Id')<{ Id?: unknown }>();
  if (typeof me.Id !== 'number' || !Number.isInteger(me.Id)) throw new ServiceError('invalid-data', 'SharePoint did not return the current user id.');
  return me.Id;
}

/**
 * Titles of the SharePoint groups the current user belongs to on this site, matched against
 * an item's `audience` by the feed (an item for "Sales Members" reaches that group only).
 * @param sp the page's SPFI
 * @returns group titles
 * @example rankFeed(items, { id, groups: await currentUserGroups(sp), topics: [], sharedItemIds: [] }, new Date())
 */
export async function currentUserGroups(sp: SPFI): Promise<string[]> {
  const groups = await sp.web.currentUser.groups.select('Title')<{ Title: string }[]>();
  return groups.map((group) => group.Title);
}
