/**
 * PnPjs behind a fake transport: everything up to the wire is real PnPjs (URL building,
 * bodies, parsing, error handling); `send` records the request and answers from a table.
 */
import { spfi, type SPFI } from '@pnp/sp';
import { DefaultParse, RejectOnError, ResolveOnData } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/security';
import '@pnp/sp/files';
import '@pnp/sp/site-users/web';

export const WEB = 'https://contoso.sharepoint.com/sites/news';

export interface Call {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export function fakeSp(answer: (call: Call) => Answer): { sp: SPFI; calls: Call[] } {
  const calls: Call[] = [];
  const sp = spfi(WEB).using(DefaultParse(), ResolveOnData(), RejectOnError(), (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      // SharePoint updates are POSTs that name their verb in X-HTTP-Method: record that verb.
      const method = new Headers(init.headers).get('X-HTTP-Method') ?? init.method ?? 'GET';
      const call = { method, url: url.toString(), body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined };
      calls.push(call);
      const { status, body, headers } = answer(call);
      return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
    });
    return instance;
  });
  return { sp, calls };
}

export const api = (path: string): string => `${WEB}/_api/${path}`;
