/** @jest-environment ./test/jsdom-with-fetch.cjs */
/**
 * The Share web part class end to end in jsdom: SPFx's base classes are replaced by minimal
 * stand-ins (no SharePoint page here), PnPjs runs over the fake transport, and the real
 * components render. Checks which requests each visitor causes and the editor's whole flow.
 */
jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (version: string) => version }, DisplayMode: { Read: 1, Edit: 2 } }));
jest.mock('@microsoft/sp-property-pane', () => ({
  PropertyPaneButton: (name: string, props: object) => ({ kind: 'button', name, props }),
  PropertyPaneLabel: (name: string, props: object) => ({ kind: 'label', name, props }),
  PropertyPaneTextField: (name: string, props: object) => ({ kind: 'text', name, props }),
}));
jest.mock('@microsoft/sp-webpart-base', () => ({
  BaseClientSideWebPart: class {
    public properties: Record<string, unknown> = {};
    public domElement: HTMLElement = document.createElement('div');
    public displayMode = 1;
    public context: unknown;
  },
}));
// The web part's PnPjs is the fake transport's (read when a service is created, after set-up below).
jest.mock('../src/services/pnpjsConfig', () => ({ initSP: () => fake().sp }));

import { fireEvent, waitFor, within } from '@testing-library/react';
import ShareWebPart from '../src/webparts/share/ShareWebPart';
import { api, fakeSp, type Answer, type Call } from './fakeSp';

let route: (call: Call) => Answer = () => ({ status: 500 });
const transport = fakeSp((call) => route(call));
function fake(): typeof transport {
  return transport;
}

const PAGE = '/sites/news/SitePages/Robots.aspx';
const PAGE_URL = `https://contoso.sharepoint.com${PAGE}`;
const ITEMS = "web/lists/getByTitle('Shareworthy%20Items')";
const CONTRIBUTE = { High: '432', Low: '1011028719' };
const READ = { High: '176', Low: '138612833' };

const itemRow = (status: string): Record<string, unknown> => ({
  Id: 42, Title: 'Our robots at VivaTech', SwPublicUrl: 'https://example.com/vivatech', SwSummary: null, SwImageUrl: null, SwMessages: '{"default":"See our robots"}',
  SwHashtags: null, SwCampaign: null, SwTopics: null, SwAudience: null, SwKind: 'article', SwPriority: 50, SwStartsAt: null, SwExpiresAt: null,
  SwStatus: status, SwPageUrl: PAGE_URL, Created: '2026-11-29T10:00:00Z',
});

/** A site that is set up, where this page has no item yet, seen by someone with these permissions. */
function site(permissions: { High: string; Low: string }, moderated = false): (call: Call) => Answer {
  return (call) => {
    const url = call.url.slice(api('').length);
    if (url.startsWith("web/lists/getByTitle('Shareworthy%20Settings')/items")) return { status: 200, body: [] };
    if (url.startsWith(`${ITEMS}/items?`)) return { status: 200, body: [] };
    if (url.startsWith(`${ITEMS}?%24select=EffectiveBasePermissions`)) return { status: 200, body: { EffectiveBasePermissions: permissions, EnableModeration: moderated } };
    if (url.startsWith('web/getFileByServerRelativePath')) {
      return { status: 200, body: { Title: 'Our robots at VivaTech', Description: 'Booth C-42.', BannerImageUrl: { Url: '/sites/news/SiteAssets/robots.jpg' }, FileRef: PAGE } };
    }
    if (call.method === 'POST' && url === `${ITEMS}/items`) return { status: 201, body: { Id: 42 } };
    if (url.startsWith(`${ITEMS}/items(42)`)) return { status: 200, body: itemRow(moderated ? 'pending' : 'approved') };
    throw new Error(`unexpected ${call.method} ${call.url}`);
  };
}

function mount(displayMode: 1 | 2, itemId = ''): { part: ShareWebPart; root: HTMLElement; refresh: jest.Mock } {
  const part = new ShareWebPart();
  const root = document.body.appendChild(document.createElement('div'));
  const refresh = jest.fn();
  Object.assign(part, {
    domElement: root,
    displayMode,
    properties: { itemId },
    context: {
      pageContext: {
        cultureInfo: { currentUICultureName: 'en-US' },
        web: { absoluteUrl: 'https://contoso.sharepoint.com/sites/news' },
        site: { serverRequestPath: PAGE },
        listItem: { id: 7 },
      },
      propertyPane: { refresh },
    },
  });
  part.render();
  return { part, root, refresh };
}

/** The request paths, without the web's `_api/` prefix and decoded, in order. */
const paths = (): string[] => transport.calls.map((call) => `${call.method} ${decodeURIComponent(call.url.slice(api('').length))}`);
const paneButtons = (part: ShareWebPart): string[] =>
  (part as unknown as { getPropertyPaneConfiguration: () => { pages: { groups: { groupFields: { kind: string; name: string }[] }[] }[] } })
    .getPropertyPaneConfiguration().pages[0]?.groups[0]?.groupFields.filter((field) => field.kind === 'button').map((field) => field.name) ?? [];

afterEach(() => {
  document.body.innerHTML = '';
  transport.calls.length = 0;
});

describe('ShareWebPart on a page without an item', () => {
  it('in view mode looks up the page item only: no permission check, nothing new', async () => {
    route = site(CONTRIBUTE);
    const { root } = mount(1);
    expect(await within(root).findByText('Choose the item to share in the web part settings.')).toBeTruthy();
    expect(paths()).toEqual([
      "GET web/lists/getByTitle('Shareworthy Settings')/items?$select=Title,SwValue&$top=100",
      "GET web/lists/getByTitle('Shareworthy Items')/items?$select=Id,Title,SwPublicUrl,SwSummary,SwImageUrl,SwMessages,SwHashtags,SwCampaign,SwTopics,SwAudience,SwKind,SwPriority,SwStartsAt,SwExpiresAt,SwStatus,SwPageUrl,Created&$filter=SwPageUrl+eq+'https://contoso.sharepoint.com/sites/news/SitePages/Robots.aspx'&$top=1",
    ]);
    expect(within(root).queryByRole('button', { name: 'Make this page shareable' })).toBeNull();
  });

  it('in edit mode, for someone who may only read the list, checks the permission and shows nothing new', async () => {
    route = site(READ);
    const { part, root } = mount(2);
    await waitFor(() => expect(paths()).toHaveLength(3));
    expect(paths()[2]).toBe("GET web/lists/getByTitle('Shareworthy Items')?$select=EffectiveBasePermissions,EnableModeration");
    expect(await within(root).findByText('Choose the item to share in the web part settings.')).toBeTruthy();
    expect(within(root).queryByRole('button', { name: 'Make this page shareable' })).toBeNull();
    expect(paneButtons(part)).toEqual(['setup']);
  });

  it('lets an editor create the item from the page, keeps its id in the properties and shows the composer', async () => {
    route = site(CONTRIBUTE);
    const { part, root, refresh } = mount(2);
    fireEvent.click(await within(root).findByRole('button', { name: 'Make this page shareable' }));
    expect(paneButtons(part)).toEqual(['makeShareable', 'setup']);
    expect(refresh).toHaveBeenCalled();

    const form = await within(root).findByRole('form', { name: 'Make this page shareable' });
    expect((within(form).getByLabelText('Image URL') as HTMLInputElement).value).toBe('https://contoso.sharepoint.com/sites/news/SiteAssets/robots.jpg');
    fireEvent.change(within(form).getByLabelText('Public URL (the address employees share)'), { target: { value: 'https://example.com/vivatech' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the item' }));

    expect(await within(root).findByRole('button', { name: 'Share on LinkedIn' })).toBeTruthy();
    expect(within(root).getByRole('status').textContent).toBe('This page is shareable: item 42 was created.');
    expect((part as unknown as { properties: { itemId: string } }).properties.itemId).toBe('42');
    const writes = transport.calls.filter((call) => call.method === 'POST');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body).toMatchObject({ Title: 'Our robots at VivaTech', SwPublicUrl: 'https://example.com/vivatech', SwSummary: 'Booth C-42.', SwStatus: 'approved', SwPageUrl: PAGE_URL });
    expect(paths().slice(3)).toEqual([
      "GET web/getFileByServerRelativePath(decodedUrl='/sites/news/SitePages/Robots.aspx')/listItemAllFields?$select=Title,Description,BannerImageUrl,FileRef",
      "POST web/lists/getByTitle('Shareworthy Items')/items",
      expect.stringMatching(/^GET web\/lists\/getByTitle\('Shareworthy Items'\)\/items\(42\)\?\$select=/u),
    ]);
    // The page has its item now: the pane's button goes.
    expect(paneButtons(part)).toEqual(['setup']);
  });

  it('on a list that requires approval creates a pending item, which is not shareable yet', async () => {
    route = site(CONTRIBUTE, true);
    const { root } = mount(2);
    fireEvent.click(await within(root).findByRole('button', { name: 'Make this page shareable' }));
    fireEvent.click(await within(root).findByRole('button', { name: 'Create the item' }));
    expect(await within(root).findByText(/is not approved yet \(status: pending\)/u)).toBeTruthy();
    expect(within(root).getByRole('status').textContent).toMatch(/^Item 42 was created and waits for approval/u);
    expect(transport.calls.find((call) => call.method === 'POST')?.body).toMatchObject({ SwStatus: 'pending' });
    expect(within(root).queryByRole('button', { name: /^Share on/u })).toBeNull();
  });

  it('opens the form from the property pane button', async () => {
    route = site(CONTRIBUTE);
    const { part, root } = mount(2);
    await within(root).findByRole('button', { name: 'Make this page shareable' });
    const pane = (part as unknown as { getPropertyPaneConfiguration: () => { pages: { groups: { groupFields: { name: string; props: { onClick: () => void } }[] }[] }[] } })
      .getPropertyPaneConfiguration();
    pane.pages[0]?.groups[0]?.groupFields.find((field) => field.name === 'makeShareable')?.props.onClick();
    expect(await within(root).findByRole('form', { name: 'Make this page shareable' })).toBeTruthy();
  });
});
