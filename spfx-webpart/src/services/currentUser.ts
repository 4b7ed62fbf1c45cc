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
