/**
 * PnPjs is configured here, once per page: the web parts call {@link initSP} in `onInit` and
 * hand the resulting `SPFI` to the services. `SPFx(context)` brings SharePoint's auth, the
 * request digest and `BrowserFetchWithRetry`, which retries 429/503/504 and honours
 * `Retry-After` (SharePoint Online's throttling contract). Only the PnPjs parts every web part
 * needs are imported here; fields (provisioning) and security (reports) are imported by the
 * services that use them, so they stay out of the other bundles.
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

let sp: SPFI | undefined;

/**
 * Returns the page's `SPFI`, creating it from the web part context on first call.
 * @param context the web part context (only the first call needs it)
 * @returns the shared `SPFI`
 * @example const sp = initSP(this.context); new ItemsService(sp);
 */
export function initSP(context: WebPartContext): SPFI {
  if (sp === undefined) sp = spfi().using(SPFx(context));
  return sp;
}
