/** @jest-environment node */
import { ListProvisioner } from '../src/services/ListProvisioner';
import { ConcernsService } from '../src/services/ConcernsService';
import { ItemsService, type ItemRow } from '../src/services/ItemsService';
import { itemToFields, PageItemService } from '../src/services/PageItemService';
import { validateItem } from '@shareworthy/core';
import { SharesService } from '../src/services/SharesService';
import { parseSettings, SettingsService } from '../src/services/SettingsService';
import { TrackerClient } from '../src/services/TrackerClient';
import { ReportService } from '../src/services/ReportService';
import { ServiceError } from '../src/services/errors';
import { initSP } from '../src/services/pnpjsConfig';
import { currentUserGroups } from '../src/services/currentUser';
import { LIST_DEFINITIONS, LISTS } from '../src/services/schema';
import { api, fakeSp, WEB, type Call } from './fakeSp';

const enc = (title: string): string => `web/lists/getByTitle('${encodeURIComponent(title)}')`;
const posts = (calls: readonly Call[]): Call[] => calls.filter((call) => call.method === 'POST');
const writes = (calls: readonly Call[]): Call[] => calls.filter((call) => call.method !== 'GET');
const indexCalls = (calls: readonly Call[]): string[] => calls.filter((call) => call.method === 'MERGE').map((call) => decodeURIComponent(call.url.slice(api('web/lists/').length)));
const indexedTotal = LIST_DEFINITIONS.reduce((sum, list) => sum + list.indexed.length, 0);

describe('ListProvisioner', () => {
  it('creates every list with item-level permissions and every column on an empty site', async () => {
    const { sp, calls } = fakeSp((call) =>
      call.method === 'GET' && !call.url.includes('/fields') ? { status: 404, body: { 'odata.error': { message: { value: 'List does not exist.' } } } } : call.method === 'GET' ? { status: 200, body: [] } : { status: 201, body: {} },
    );
    const report = await new ListProvisioner(sp).ensure();

    expect(report.createdLists).toEqual(['Shareworthy Items', 'Shareworthy Shares', 'Shareworthy Settings', 'Shareworthy Acceptances', 'Shareworthy Concerns']);
    const listPosts = posts(calls).filter((call) => call.url === api('web/lists'));
    expect(listPosts.map((call) => call.body)).toContainEqual({
      AllowContentTypes: false, BaseTemplate: 100, ContentTypesEnabled: false,
      Description: 'One row per share; employees add their own and cannot edit others.',
      Title: 'Shareworthy Shares', ReadSecurity: 2, WriteSecurity: 2,
    });
    expect(calls[0]).toEqual({ method: 'GET', url: api(`${enc('Shareworthy Items')}?%24select=Id`), body: undefined });
    const fieldPosts = posts(calls).filter((call) => call.url.endsWith('/fields'));
    expect(fieldPosts).toHaveLength(LIST_DEFINITIONS.reduce((sum, list) => sum + list.fields.length, 0));
    expect(fieldPosts).toContainEqual({
      method: 'POST',
      url: api(`${enc('Shareworthy Items')}/fields`),
      body: { __metadata: { type: 'SP.FieldChoice' }, Title: 'SwKind', FieldTypeKind: 6, Choices: { results: ['article', 'job', 'event', 'product'] } },
    });
    expect(report.createdFields).toContain('Shareworthy Shares/SwShareId');
    expect(calls).toContainEqual({ method: 'MERGE', url: api(`${enc('Shareworthy Shares')}/fields/getByInternalNameOrTitle('Author')`), body: { Indexed: true } });
    expect(indexCalls(calls)).toEqual([
      "getByTitle('Shareworthy Items')/fields/getByInternalNameOrTitle('SwStatus')",
      "getByTitle('Shareworthy Items')/fields/getByInternalNameOrTitle('SwStartsAt')",
      "getByTitle('Shareworthy Items')/fields/getByInternalNameOrTitle('SwExpiresAt')",
      "getByTitle('Shareworthy Items')/fields/getByInternalNameOrTitle('SwPageUrl')",
      "getByTitle('Shareworthy Items')/fields/getByInternalNameOrTitle('Created')",
      "getByTitle('Shareworthy Shares')/fields/getByInternalNameOrTitle('Author')",
      "getByTitle('Shareworthy Shares')/fields/getByInternalNameOrTitle('Created')",
      "getByTitle('Shareworthy Shares')/fields/getByInternalNameOrTitle('SwItemId')",
      "getByTitle('Shareworthy Acceptances')/fields/getByInternalNameOrTitle('Author')",
      "getByTitle('Shareworthy Acceptances')/fields/getByInternalNameOrTitle('SwPolicyVersion')",
    ]);
    expect(report.indexedFields).toHaveLength(indexedTotal);
    // Columns are read with their index flag, so a second run knows what is indexed.
    expect(calls[2]).toEqual({ method: 'GET', url: api(`${enc('Shareworthy Items')}/fields?%24select=InternalName%2CIndexed`), body: undefined });
  });

  it('changes nothing on a second run: only reads', async () => {
    const { sp, calls } = fakeSp((call) => {
      if (call.url.includes('/fields')) {
        const list = LIST_DEFINITIONS.find((definition) => call.url.includes(encodeURIComponent(definition.title)));
        const indexed = new Set(list?.indexed);
        const names = ['Title', 'Author', 'Created', ...(list?.fields ?? []).map((field) => field.name)];
        return { status: 200, body: names.map((name) => ({ InternalName: name, Indexed: indexed.has(name) })) };
      }
      return { status: 200, body: { Id: 'guid' } };
    });
    const report = await new ListProvisioner(sp).ensure();
    expect(report).toEqual({ createdLists: [], createdFields: [], indexedFields: [] });
    expect(writes(calls)).toEqual([]);
    expect(calls).toHaveLength(LIST_DEFINITIONS.length * 2);
  });

  it('adds only the missing column of an existing list', async () => {
    const { sp, calls } = fakeSp((call) => {
      if (call.method === 'POST') return { status: 201, body: {} };
      if (call.url.includes('/fields')) {
        const list = LIST_DEFINITIONS.find((definition) => call.url.includes(encodeURIComponent(definition.title)));
        const names = ['Author', 'Created', ...(list?.fields ?? []).map((field) => field.name)].filter((name) => name !== 'SwTrackedUrl');
        return { status: 200, body: names.map((name) => ({ InternalName: name, Indexed: list?.indexed.includes(name) === true })) };
      }
      return { status: 200, body: { Id: 'guid' } };
    });
    const report = await new ListProvisioner(sp).ensure();
    expect(report.createdFields).toEqual(['Shareworthy Shares/SwTrackedUrl']);
    expect(report.indexedFields).toEqual([]);
    expect(writes(calls).map((call) => call.url)).toEqual([api(`${enc('Shareworthy Shares')}/fields`)]);
  });

  it('indexes only the columns not indexed yet, on a list set up before indexes existed', async () => {
    // A site set up by an earlier version: every list and column exists, nothing is indexed, SwPageUrl is missing.
    const { sp, calls } = fakeSp((call) => {
      if (call.method !== 'GET') return call.method === 'MERGE' ? { status: 204 } : { status: 201, body: {} };
      if (call.url.includes('/fields')) {
        const list = LIST_DEFINITIONS.find((definition) => call.url.includes(encodeURIComponent(definition.title)));
        const names = ['Author', 'Created', ...(list?.fields ?? []).map((field) => field.name)].filter((name) => name !== 'SwPageUrl');
        // Created is already indexed on Items (SharePoint lets owners index it by hand).
        return { status: 200, body: names.map((name) => ({ InternalName: name, Indexed: name === 'Created' && list?.title === LISTS.items })) };
      }
      return { status: 200, body: { Id: 'guid' } };
    });
    const report = await new ListProvisioner(sp).ensure();
    expect(report.createdFields).toEqual(['Shareworthy Items/SwPageUrl']);
    expect(report.indexedFields).toEqual([
      'Shareworthy Items/SwStatus', 'Shareworthy Items/SwStartsAt', 'Shareworthy Items/SwExpiresAt', 'Shareworthy Items/SwPageUrl',
      'Shareworthy Shares/Author', 'Shareworthy Shares/Created', 'Shareworthy Shares/SwItemId',
      'Shareworthy Acceptances/Author', 'Shareworthy Acceptances/SwPolicyVersion',
    ]);
    // The new column is created before it is indexed.
    const items = writes(calls).filter((call) => call.url.includes(encodeURIComponent(LISTS.items)));
    expect(items.map((call) => [call.method, call.url.slice(api(enc(LISTS.items)).length)])).toEqual([
      ['POST', '/fields'],
      ['MERGE', "/fields/getByInternalNameOrTitle('SwStatus')"],
      ['MERGE', "/fields/getByInternalNameOrTitle('SwStartsAt')"],
      ['MERGE', "/fields/getByInternalNameOrTitle('SwExpiresAt')"],
      ['MERGE', "/fields/getByInternalNameOrTitle('SwPageUrl')"],
    ]);
    expect(items[0]?.body).toEqual({ __metadata: { type: 'SP.FieldText' }, Title: 'SwPageUrl', FieldTypeKind: 2, MaxLength: 255 });
  });

  it('stops at a throttled index update, reporting it as "throttled"', async () => {
    const { sp } = fakeSp((call) => {
      if (call.method === 'MERGE') return { status: 429, body: {}, headers: { 'Retry-After': '30' } };
      if (call.url.includes('/fields')) return { status: 200, body: [] };
      return { status: 200, body: { Id: 'guid' } };
    });
    await expect(new ListProvisioner(sp).ensure()).rejects.toMatchObject({ code: 'throttled', status: 429 });
  });

  it('stops with a "forbidden" error and creates nothing when the user may not read the site', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 403, body: { 'odata.error': { message: { value: 'Access denied.' } } } }));
    const failure = await new ListProvisioner(sp).ensure().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceError);
    expect(failure).toMatchObject({ code: 'forbidden', status: 403, message: 'Access denied while setting up the list "Shareworthy Items".' });
    expect(posts(calls)).toEqual([]);
  });
});

const SELECT = 'SwShareId%2CSwItemId%2CSwItemTitle%2CSwCampaign%2CSwNetwork%2CAuthorId%2CCreated';
/** A `$skiptoken` link as SharePoint writes it: paged after the last ID of the previous page. */
const nextLink = (lastId: number): string => api(`Web/Lists(guid'6a1c3f9e-4b7d-4f2e-9a51-0c8d2e7b3f10')/items?%24skiptoken=Paged%3dTRUE%26p_ID%3d${lastId}&%24select=${SELECT}&%24top=5000`);

/**
 * Answers the Shares list in pages of the given sizes: row i (1-based) is share `s<i>` by employee i,
 * on LinkedIn when i is even, on X otherwise; the day cycles through 1–28 November 2026.
 */
function pagedShares(sizes: readonly number[], format: 'nometadata' | 'verbose'): (call: Call) => { status: number; body: unknown } {
  return (call) => {
    const after = Number(/p_ID%3d(\d+)/u.exec(call.url)?.[1] ?? 0);
    let start = 0;
    let index = 0;
    while (start < after) start += sizes[index++] ?? Infinity;
    const size = sizes[index];
    if (start !== after || size === undefined) throw new Error(`unexpected request ${call.url}`);
    const rows = Array.from({ length: size }, (_, n) => {
      const id = after + n + 1;
      return {
        SwShareId: `s${id}`, SwItemId: String(id), SwItemTitle: null, SwCampaign: null, SwNetwork: id % 2 === 0 ? 'linkedin' : 'x',
        AuthorId: id, Created: new Date(Date.UTC(2026, 10, 1 + (id % 28), 9)).toISOString(),
      };
    });
    const next = index + 1 < sizes.length ? nextLink(after + size) : undefined;
    if (format === 'verbose') return { status: 200, body: { d: { results: rows, ...(next === undefined ? {} : { __next: next }) } } };
    return { status: 200, body: { value: rows, ...(next === undefined ? {} : { 'odata.nextLink': next }) } };
  };
}

describe('SharesService', () => {
  it('records a share with the exact list item body', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 201, body: { Id: 12 } }));
    await new SharesService(sp).record({
      shareId: 'c0ffee-1',
      item: { id: '7', title: 'We are hiring', campaign: 'Été 2026' },
      network: 'linkedin',
      trackedUrl: 'https://example.com/jobs?utm_source=linkedin',
    });
    expect(calls).toEqual([
      {
        method: 'POST',
        url: api(`${enc(LISTS.shares)}/items`),
        body: {
          Title: 'linkedin 7', SwShareId: 'c0ffee-1', SwItemId: '7', SwItemTitle: 'We are hiring',
          SwCampaign: 'Été 2026', SwNetwork: 'linkedin', SwTrackedUrl: 'https://example.com/jobs?utm_source=linkedin',
        },
      },
    ]);
  });

  it('lists my shares filtered by my user id, mapped to core share events', async () => {
    const { sp, calls } = fakeSp((call) =>
      call.url.includes('/currentUser')
        ? { status: 200, body: { Id: 15 } }
        : { status: 200, body: [{ SwShareId: 's1', SwItemId: '7', SwItemTitle: null, SwCampaign: 'Launch', SwNetwork: 'x', AuthorId: 15, Created: '2026-11-02T10:00:00Z' }] },
    );
    const mine = await new SharesService(sp).mine();
    expect(calls.map((call) => call.url)).toEqual([
      api('web/currentUser?%24select=Id'),
      api(`${enc(LISTS.shares)}/items?%24top=5000&%24select=${SELECT}&%24filter=AuthorId+eq+15`),
    ]);
    expect(mine).toEqual([{ id: 's1', itemId: '7', campaign: 'Launch', network: 'x', employeeId: '15', createdAt: '2026-11-02T10:00:00Z' }]);
  });

  it('reads every page of my shares past 5,000, filtered on the author and sorted newest first here', async () => {
    const pages = pagedShares([5000, 5000, 7], 'nometadata');
    const { sp, calls } = fakeSp((call) => (call.url.includes('/currentUser') ? { status: 200, body: { Id: 15 } } : pages(call)));
    const mine = await new SharesService(sp).mine();
    expect(calls.map((call) => call.url)).toEqual([
      api('web/currentUser?%24select=Id'),
      api(`${enc(LISTS.shares)}/items?%24top=5000&%24select=${SELECT}&%24filter=AuthorId+eq+15`),
      // Each next link is requested as SharePoint wrote it (a real one carries the filter in it).
      nextLink(5000),
      nextLink(10000),
    ]);
    expect(mine).toHaveLength(10007);
    const dates = mine.map((share) => share.createdAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(mine[0]?.createdAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('turns a 403 on recording into a clear "forbidden" error', async () => {
    const { sp } = fakeSp(() => ({ status: 403, body: {} }));
    await expect(new SharesService(sp).record({ shareId: 's', item: { id: '1', title: 'T' }, network: 'x', trackedUrl: 'https://e.com/' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Access denied while recording a share in Shareworthy Shares.',
    });
  });

  it('reads every page of shares for reports, following odata.nextLink until a page has none', async () => {
    const { sp, calls } = fakeSp(pagedShares([5000, 5000, 1234], 'nometadata'));
    const shares = await new SharesService(sp).all();
    expect(calls.map((call) => call.url)).toEqual([
      api(`${enc(LISTS.shares)}/items?%24top=5000&%24select=${SELECT}`),
      nextLink(5000),
      nextLink(10000),
    ]);
    expect(shares).toHaveLength(11234);
    expect(shares.at(-1)).toEqual({ id: 's11234', itemId: '11234', network: 'linkedin', employeeId: '11234', createdAt: '2026-11-07T09:00:00.000Z' });
    expect(new Set(shares.map((share) => share.id)).size).toBe(11234);
  });

  it('follows __next in verbose OData answers too', async () => {
    const { sp, calls } = fakeSp(pagedShares([5000, 1], 'verbose'));
    expect(await new SharesService(sp).all()).toHaveLength(5001);
    expect(calls.map((call) => call.url)).toEqual([api(`${enc(LISTS.shares)}/items?%24top=5000&%24select=${SELECT}`), nextLink(5000)]);
  });

  it('fails the whole read when a later page fails, rather than returning the first pages as if complete', async () => {
    const pages = pagedShares([5000, 5000], 'nometadata');
    const { sp, calls } = fakeSp((call) => (call.url.includes('p_ID%3d5000') ? { status: 503, body: {} } : pages(call)));
    await expect(new SharesService(sp).all()).rejects.toBeInstanceOf(ServiceError);
    expect(calls).toHaveLength(2);
  });
});


const row = (overrides: Partial<ItemRow>): ItemRow => ({
  Id: 7, Title: 'We are hiring', SwPublicUrl: 'https://example.com/jobs/7', SwSummary: null, SwImageUrl: null,
  SwMessages: '{"default":"Join us!","x":"Join us on X"}', SwHashtags: '#Hiring, jobs', SwCampaign: 'Recruiting',
  SwTopics: 'hr; jobs', SwAudience: null, SwKind: 'job', SwPriority: 80, SwStartsAt: null, SwExpiresAt: null,
  SwStatus: 'approved', SwPageUrl: null, Created: '2026-11-01T09:00:00Z', ...overrides,
});

describe('ConcernsService', () => {
  it('records a trimmed concern in the Concerns list', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 201, body: { Id: 3 } }));
    await new ConcernsService(sp).raise({ id: '7', title: 'We are hiring' }, '  The salary range is outdated.\n');
    expect(calls).toEqual([{ method: 'POST', url: api(`${enc(LISTS.concerns)}/items`), body: { Title: 'We are hiring', SwItemId: '7', SwMessage: 'The salary range is outdated.' } }]);
  });

  it('refuses an empty or huge concern without calling SharePoint', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 201, body: {} }));
    await expect(new ConcernsService(sp).raise({ id: '7', title: 'T' }, ' \u200b ')).rejects.toMatchObject({ code: 'invalid-data' });
    await expect(new ConcernsService(sp).raise({ id: '7', title: 'T' }, 'x'.repeat(4001))).rejects.toMatchObject({ code: 'invalid-data' });
    expect(calls).toEqual([]);
  });
});

describe('currentUserGroups', () => {
  it('reads the titles of my site groups', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 200, body: [{ Title: 'News Members' }, { Title: 'Sales Members' }] }));
    expect(await currentUserGroups(sp)).toEqual(['News Members', 'Sales Members']);
    expect(calls.map((call) => call.url)).toEqual([api('web/currentUser/groups?%24select=Title')]);
  });
});

describe('currentUserId', () => {
  it('refuses an answer without a numeric id instead of filtering on undefined', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 200, body: {} }));
    await expect(new SharesService(sp).mine()).rejects.toMatchObject({ code: 'invalid-data' });
    expect(calls).toHaveLength(1);
  });
});

describe('ItemsService', () => {
  const page = 'https://contoso.sharepoint.com/sites/news/SitePages/L\'été à Lyon.aspx';

  it("finds the item made from this page by its SwPageUrl, quoting the page's apostrophe", async () => {
    const { sp, calls } = fakeSp(() => ({ status: 200, body: [row({ Id: 12, SwPageUrl: page })] }));
    const found = await new ItemsService(sp).byPage(page);
    expect(calls).toHaveLength(1);
    expect(decodeURIComponent(calls[0]?.url ?? '')).toMatch(/&\$filter=SwPageUrl\+eq\+'https:\/\/contoso\.sharepoint\.com\/sites\/news\/SitePages\/L''été\+à\+Lyon\.aspx'&\$top=1$/u);
    expect(found).toMatchObject({ success: true, output: { id: '12', intranetUrl: 'https://contoso.sharepoint.com/sites/news/SitePages/L\'%C3%A9t%C3%A9%20%C3%A0%20Lyon.aspx' } });
  });

  it('answers undefined for a page without an item', async () => {
    const { sp } = fakeSp(() => ({ status: 200, body: [] }));
    expect(await new ItemsService(sp).byPage(page)).toBeUndefined();
  });

  it('points to Set up when the list predates the SwPageUrl column (SharePoint answers 400)', async () => {
    const { sp } = fakeSp(() => ({ status: 400, body: { 'odata.error': { message: { value: "Column 'SwPageUrl' does not exist." } } } }));
    await expect(new ItemsService(sp).byPage(page)).rejects.toMatchObject({ code: 'not-set-up', status: 400 });
  });

  it("reads Add Items permission and content approval in one request on the list", async () => {
    const { sp, calls } = fakeSp(() => ({ status: 200, body: { EffectiveBasePermissions: { High: '432', Low: '1011028719' }, EnableModeration: true } }));
    expect(await new ItemsService(sp).editorAccess()).toEqual({ canAdd: true, moderated: true });
    expect(calls).toEqual([{ method: 'GET', url: api(`${enc(LISTS.items)}?%24select=EffectiveBasePermissions%2CEnableModeration`), body: undefined }]);
  });

  it('tells a reader (View Items and Open only) that they cannot add items', async () => {
    // Read permission level: ViewListItems (bit 0), OpenItems (bit 5), ViewVersions, Open, ViewPages…, no AddListItems (bit 1).
    const { sp } = fakeSp(() => ({ status: 200, body: { EffectiveBasePermissions: { High: '176', Low: '138612833' }, EnableModeration: false } }));
    expect(await new ItemsService(sp).editorAccess()).toEqual({ canAdd: false, moderated: false });
  });

  it('says "not set up" when the Items list is missing', async () => {
    const { sp } = fakeSp(() => ({ status: 404, body: { 'odata.error': { message: { value: 'List does not exist.' } } } }));
    await expect(new ItemsService(sp).editorAccess()).rejects.toMatchObject({ code: 'not-found', status: 404 });
  });

  it('reads approved items through validateItem and keeps invalid rows apart', async () => {
    // eslint-disable-next-line no-script-url -- the hostile URL an editor could type, which must be refused.
    const { sp, calls } = fakeSp(() => ({ status: 200, body: [row({}), row({ Id: 8, SwPublicUrl: 'javascript:alert(1)', SwMessages: 'Plain sentence' })] }));
    const page = await new ItemsService(sp).approved();
    expect(calls[0]?.url).toBe(
      api(`${enc(LISTS.items)}/items?%24select=Id%2CTitle%2CSwPublicUrl%2CSwSummary%2CSwImageUrl%2CSwMessages%2CSwHashtags%2CSwCampaign%2CSwTopics%2CSwAudience%2CSwKind%2CSwPriority%2CSwStartsAt%2CSwExpiresAt%2CSwStatus%2CSwPageUrl%2CCreated&%24filter=SwStatus+eq+%27approved%27&%24orderby=Created+desc&%24top=500`),
    );
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: '7', hashtags: ['Hiring', 'jobs'], topics: ['hr', 'jobs'], messages: { default: 'Join us!', x: 'Join us on X' }, priority: 80, kind: 'job' });
    expect(page.invalid).toEqual([{ id: '8', issues: [expect.objectContaining({ path: ['publicUrl'], code: 'unsupported-scheme' })] }]);
  });
});

describe('SettingsService', () => {
  it('compiles the stored policy and reads tracker and report settings', () => {
    const settings = parseSettings([
      { Title: 'policy', SwValue: JSON.stringify({ version: '3', summary: 'Be kind.', config: { blockedTerms: ['rachat'], requiredDisclosure: ['#employee'] } }) },
      { Title: 'tracker', SwValue: '{"url":"https://t.example.com/","key":"k1"}' },
      { Title: 'report', SwValue: '{"costPerClick":1.5,"eligibleEmployees":40}' },
    ]);
    expect(settings.policy?.version).toBe('3');
    expect(settings.policyIssues).toEqual([]);
    expect(settings.tracker).toEqual({ url: 'https://t.example.com', key: 'k1' });
    expect(settings).toMatchObject({ costPerClick: 1.5, eligibleEmployees: 40 });
  });

  it('reports an invalid policy and a value that is not JSON instead of throwing', () => {
    const settings = parseSettings([
      { Title: 'policy', SwValue: JSON.stringify({ config: { allowedNetworks: ['myspace'] } }) },
      { Title: 'report', SwValue: '{oops' },
    ]);
    expect(settings.policy).toBeUndefined();
    expect(settings.policyIssues.map((issue) => issue.code)).toEqual(['invalid-json', 'unknown-network']);
    expect(settings.policyIssues[1]?.path.slice(0, 3)).toEqual(['policy', 'config', 'allowedNetworks']);
  });

  it('checks the acceptance of a policy version for the current user, quoting the version', async () => {
    const { sp, calls } = fakeSp((call) => (call.url.includes('/currentUser') ? { status: 200, body: { Id: 4 } } : { status: 200, body: [] }));
    expect(await new SettingsService(sp).hasAccepted("it's 2")).toBe(false);
    expect(calls[0]?.url).toBe(api('web/currentUser?%24select=Id'));
    expect(calls[1]?.url).toBe(api(`${enc(LISTS.acceptances)}/items?%24select=Id&%24filter=AuthorId+eq+4+and+SwPolicyVersion+eq+%27it%27%27s+2%27&%24top=1`));
  });
});

describe('TrackerClient', () => {
  const request = { publicUrl: 'https://example.com/news?id=7#top', itemId: '7', campaign: 'Été 2026', network: 'linkedin' as const, shareId: 'abc-1' };

  it('returns the UTM-tagged public URL when no tracker is configured', async () => {
    const fetcher = jest.fn();
    const url = await new TrackerClient(undefined, fetcher).link(request);
    expect(url).toBe('https://example.com/news?id=7&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=ete-2026&utm_content=abc-1#top');
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('posts the tagged target to /api/links with the bearer key and returns the short link', async () => {
    const fetcher = jest.fn(async () => new Response(JSON.stringify({ code: 'Ab3', shortUrl: 'https://t.example.com/Ab3' }), { status: 201 }));
    const url = await new TrackerClient({ url: 'https://t.example.com', key: 'k1' }, fetcher).link(request);
    expect(url).toBe('https://t.example.com/Ab3');
    expect(fetcher).toHaveBeenCalledWith('https://t.example.com/api/links', {
      method: 'POST',
      headers: { Authorization: 'Bearer k1', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        targetUrl: 'https://example.com/news?id=7&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=ete-2026&utm_content=abc-1#top',
        itemId: '7', campaign: 'Été 2026', network: 'linkedin', shareId: 'abc-1',
      }),
    });
  });

  it('says "forbidden" when the tracker refuses the key', async () => {
    const fetcher = async (): Promise<Response> => new Response('{}', { status: 401 });
    await expect(new TrackerClient({ url: 'https://t.example.com', key: 'bad' }, fetcher).link(request)).rejects.toMatchObject({ code: 'forbidden', status: 401 });
  });
});

describe('ReportService', () => {
  it('aggregates the list shares and says clicks are unknown without a tracker', async () => {
    const shares = {
      all: async () => [
        { id: 's1', itemId: '7', network: 'x', employeeId: '1', createdAt: '2026-11-02T10:00:00Z' },
        { id: 's2', itemId: '7', network: 'linkedin', employeeId: '2', createdAt: '2026-11-03T10:00:00Z' },
        { id: 's3', itemId: '8', network: 'x', employeeId: '2', createdAt: '2026-10-03T10:00:00Z' },
      ],
    };
    const { sp } = fakeSp(() => ({ status: 500 }));
    const service = new ReportService(sp, shares, new TrackerClient(undefined), { costPerClick: 0, eligibleEmployees: 4 });
    const view = await service.load({ from: '2026-11-01', to: '2026-11-30', by: 'network' });
    expect(view.clicksKnown).toBe(false);
    expect(view.totals).toMatchObject({ shares: 2, clicks: 0, participationRate: 0.5 });
    expect(view.rows.map((r) => [r.key, r.shares])).toEqual([['linkedin', 1], ['x', 1]]);
  });

  it('totals every page of the Shares list, not only the first 5,000 shares', async () => {
    const { sp, calls } = fakeSp(pagedShares([5000, 5000, 1234], 'nometadata'));
    const service = new ReportService(sp, new SharesService(sp), new TrackerClient(undefined), { costPerClick: 0, eligibleEmployees: 20000 });
    const view = await service.load({ from: '2026-11-01', to: '2026-11-30', by: 'network' });
    expect(calls).toHaveLength(3);
    expect(view.totals.shares).toBe(11234);
    expect(view.totals.participationRate).toBeCloseTo(11234 / 20000);
    expect(view.rows.map((r) => [r.key, r.shares])).toEqual([['linkedin', 5617], ['x', 5617]]);
  });

  it('takes the tracker report when a tracker is configured', async () => {
    const totals = { shares: 3, clicks: 9, uniqueClicks: 7, ctr: 3, participationRate: 0.1, reach: 1200, emv: 4.5 };
    const fetcher = jest.fn(async () => new Response(JSON.stringify({ totals, rows: [] }), { status: 200 }));
    const { sp } = fakeSp(() => ({ status: 500 }));
    const view = await new ReportService(sp, { all: async () => [] }, new TrackerClient({ url: 'https://t.example.com', key: 'k' }, fetcher), { costPerClick: 0, eligibleEmployees: 0 })
      .load({ from: '2026-11-01', to: '2026-11-30', by: 'day' });
    expect(view).toEqual({ totals, rows: [], clicksKnown: true });
    expect((fetcher.mock.calls as unknown as string[][])[0]?.[0]).toBe('https://t.example.com/api/reports?from=2026-11-01&to=2026-11-30&groupBy=day');
  });

  it('lets site owners see reports: ManageWeb in the effective base permissions', async () => {
    // ManageWeb is bit 31 (1-based), i.e. the Low word 0x40000000.
    const { sp, calls } = fakeSp(() => ({ status: 200, body: { High: '432', Low: String(0x40000000 | 0x1) } }));
    const shares = { all: async () => [] };
    expect(await new ReportService(sp, shares, new TrackerClient(undefined), { costPerClick: 0, eligibleEmployees: 0 }).canView()).toBe(true);
    expect(calls[0]?.url).toBe(api('web/EffectiveBasePermissions'));
    const reader = fakeSp(() => ({ status: 200, body: { High: '432', Low: '1' } }));
    expect(await new ReportService(reader.sp, shares, new TrackerClient(undefined), { costPerClick: 0, eligibleEmployees: 0 }).canView()).toBe(false);
  });
});

describe('pnpjsConfig (SPFx behaviours over fetch)', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => { globalThis.fetch = realFetch; });

  it('retries a throttled request after Retry-After and then succeeds', async () => {
    const seen: number[] = [];
    globalThis.fetch = jest.fn(async () => {
      seen.push(Date.now());
      return seen.length === 1
        ? new Response('', { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '1' } })
        : new Response(JSON.stringify([{ Title: 'policy', SwValue: '{"config":{}}' }]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const context = { pageContext: { web: { absoluteUrl: WEB }, legacyPageContext: { formDigestValue: `0x1,${new Date().toUTCString()}`, formDigestTimeoutSeconds: 1800 } } };
    const sp = initSP(context as never);
    const settings = await new SettingsService(sp).load();
    expect(settings.policy?.version).toBe('1');
    expect(globalThis.fetch).toHaveBeenCalledTimes(2);
    expect((seen[1] ?? 0) - (seen[0] ?? 0)).toBeGreaterThanOrEqual(950);
    expect((globalThis.fetch as jest.Mock).mock.calls[1][0]).toBe(api(`${enc(LISTS.settings)}/items?%24select=Title%2CSwValue&%24top=100`));
  });
});

describe('PageItemService', () => {
  const pageRow = {
    Title: 'Lyon: 40 engineers wanted', Description: 'Backend, data and mobile roles.',
    BannerImageUrl: { Description: '', Url: '/sites/news/SiteAssets/SitePages/Launch/banner.jpg' }, FileRef: '/sites/news/SitePages/Launch.aspx',
  };

  it("reads the page's title, description, banner and URL from its Site Pages item, URLs made absolute", async () => {
    const { sp, calls } = fakeSp(() => ({ status: 200, body: pageRow }));
    const page = await new PageItemService(sp).readPage('/sites/news/SitePages/Launch.aspx', 'https://contoso.sharepoint.com');
    expect(calls).toEqual([{
      method: 'GET',
      url: api("web/getFileByServerRelativePath(decodedUrl='%2Fsites%2Fnews%2FSitePages%2FLaunch.aspx')/listItemAllFields?%24select=Title%2CDescription%2CBannerImageUrl%2CFileRef"),
      body: undefined,
    }]);
    expect(page).toEqual({
      url: 'https://contoso.sharepoint.com/sites/news/SitePages/Launch.aspx',
      title: 'Lyon: 40 engineers wanted',
      description: 'Backend, data and mobile roles.',
      imageUrl: 'https://contoso.sharepoint.com/sites/news/SiteAssets/SitePages/Launch/banner.jpg',
    });
  });

  it("leaves out SharePoint's placeholder thumbnail and empty cells", async () => {
    const { sp } = fakeSp(() => ({ status: 200, body: { Title: null, Description: null, BannerImageUrl: { Url: 'https://contoso.sharepoint.com/_layouts/15/images/sitepagethumbnail.png' }, FileRef: null } }));
    expect(await new PageItemService(sp).readPage('/sites/news/SitePages/Été 2026.aspx', 'https://contoso.sharepoint.com')).toEqual({
      url: 'https://contoso.sharepoint.com/sites/news/SitePages/%C3%89t%C3%A9%202026.aspx', title: '', description: '', imageUrl: undefined,
    });
  });

  const draft = (input: Record<string, unknown>): ReturnType<typeof validateItem> => validateItem({
    id: 'new', publicUrl: 'https://example.com/careers/lyon', intranetUrl: 'https://contoso.sharepoint.com/sites/news/SitePages/Launch.aspx',
    title: 'Lyon: 40 engineers wanted', summary: 'Backend, data and mobile roles.', messages: { default: 'We are hiring!', x: 'Lyon, we are hiring 🚀' },
    hashtags: ['#Hiring', 'Lyon'], campaign: 'Recruiting 2026', kind: 'article', startsAt: '2026-12-01', expiresAt: '2026-12-31',
    status: 'pending', createdAt: '2026-11-29T10:00:00Z', ...input,
  });

  it('adds the validated item with the exact list item body and returns its id', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 201, body: { Id: 42, Title: 'Lyon: 40 engineers wanted' } }));
    const item = draft({});
    if (!item.success) throw new Error('fixture');
    expect(await new PageItemService(sp).create(item.output)).toBe(42);
    expect(calls).toEqual([{
      method: 'POST',
      url: api(`${enc(LISTS.items)}/items`),
      body: {
        Title: 'Lyon: 40 engineers wanted', SwPublicUrl: 'https://example.com/careers/lyon', SwSummary: 'Backend, data and mobile roles.', SwImageUrl: null,
        SwMessages: '{"default":"We are hiring!","x":"Lyon, we are hiring 🚀"}', SwHashtags: 'Hiring, Lyon', SwCampaign: 'Recruiting 2026',
        SwTopics: '', SwAudience: '', SwKind: 'article', SwPriority: 50, SwStartsAt: '2026-12-01T00:00:00.000Z', SwExpiresAt: '2026-12-31T00:00:00.000Z',
        SwStatus: 'pending', SwPageUrl: 'https://contoso.sharepoint.com/sites/news/SitePages/Launch.aspx',
      },
    }]);
  });

  it('refuses what SharePoint cannot store (a 256-character title) without calling it', async () => {
    const { sp, calls } = fakeSp(() => ({ status: 201, body: { Id: 1 } }));
    const item = draft({ title: 'é'.repeat(256) });
    if (!item.success) throw new Error('fixture');
    expect(itemToFields(item.output)).toMatchObject({ success: false, issues: [{ path: ['title'], code: 'too-long' }] });
    await expect(new PageItemService(sp).create(item.output)).rejects.toMatchObject({ code: 'invalid-data' });
    expect(calls).toEqual([]);
  });

  it.each([
    { status: 403, headers: {}, code: 'forbidden' },
    { status: 404, headers: {}, code: 'not-found' },
    { status: 429, headers: { 'Retry-After': '120' }, code: 'throttled' },
  ] as { status: number; headers: Record<string, string>; code: string }[])('turns HTTP $status on creation into "$code"', async ({ status, headers, code }) => {
    const { sp } = fakeSp(() => ({ status, body: {}, headers }));
    const item = draft({});
    if (!item.success) throw new Error('fixture');
    await expect(new PageItemService(sp).create(item.output)).rejects.toMatchObject({ code, status });
  });
});
