import * as React from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Share } from '../src/components/Share';
import { Feed } from '../src/components/Feed';
import { Report } from '../src/components/Report';
import { ShareApp, type EditorCallbacks, type ShareData } from '../src/components/ShareApp';
import { MakeShareable } from '../src/components/MakeShareable';
import type { ShareableItem } from '@shareworthy/core';
import type { ReportView } from '../src/services/ReportService';
import { ServiceError } from '../src/services/errors';
import { actions, item, policy } from './fixtures';

const hiring = item({ id: '7', title: 'We are hiring', messages: { default: 'Join us!', x: 'Join us on X' }, campaign: 'Recruiting', topics: ['hr'] });

describe('Share', () => {
  it('counts X weighted length live (a URL counts 23) and blocks a post over 280', () => {
    render(<Share item={hiring} settings={{}} actions={actions()} />);
    fireEvent.click(screen.getByRole('radio', { name: 'X' }));
    const box = screen.getByLabelText('Your message');
    expect((box as HTMLTextAreaElement).value).toBe('Join us on X');
    expect(screen.getByText('12 / 280 characters on X')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'See https://example.com/a/very/long/path/that/is/still/one/url 😀' } });
    expect(screen.getByText('30 / 280 characters on X')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'a'.repeat(281) } });
    expect(screen.getByText('281 / 280 characters on X')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Share on X' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts Bluesky in graphemes: a family emoji is one', () => {
    render(<Share item={item({ id: '8', title: 'T', messages: { bluesky: '👨‍👩‍👧 hi' } })} settings={{}} actions={actions()} />);
    expect(screen.getByText('4 / 300 characters on Bluesky')).toBeTruthy();
  });

  it('shows policy findings as the employee types and blocks the share on a blocked term', async () => {
    render(<Share item={hiring} settings={{ policy: policy({ blockedTerms: ['rachat'] }) }} actions={actions()} />);
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Le RACHAT est confirmé' } });
    // Fluent's MessageBar renders its text a tick later (for screen readers).
    expect((await screen.findByText(/« RACHAT »/u)).textContent).toMatch(/^Blocked term.*« RACHAT »$/u);
    expect((screen.getByRole('button', { name: 'Share on LinkedIn' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Your message'), { target: { value: 'Join us!' } });
    expect(screen.queryByText(/« RACHAT »/u)).toBeNull();
    expect((screen.getByRole('button', { name: 'Share on LinkedIn' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks for the policy on the first share, then records the share and opens the network with the tracked link', async () => {
    const spy = actions();
    render(<Share item={hiring} settings={{ policy: policy({}) }} actions={spy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share on LinkedIn' }));
    await screen.findByText('Be honest, disclose that you work here.');
    const accept = screen.getByRole('button', { name: 'Accept and share' }) as HTMLButtonElement;
    expect(accept.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('I have read and accept the social media policy.'));
    fireEvent.click(accept);
    const open = await screen.findByRole('link', { name: 'Open LinkedIn' });
    const intent = 'https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Ft.example.com%2Fshare-1';
    expect(open.getAttribute('href')).toBe(intent);
    expect(open.getAttribute('target')).toBe('_blank');
    expect(spy.log).toEqual(['hasAccepted 2', 'accept 2', 'link linkedin share-1', 'record linkedin 7 https://t.example.com/share-1', `open ${intent}`]);
  });

  it('gives Teams a plain link to its share page (no launcher script under SharePoint CSP)', async () => {
    const spy = actions({ hasAccepted: async () => true, open: () => false });
    render(<Share item={hiring} settings={{ policy: policy({}) }} actions={spy} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Microsoft Teams' }));
    fireEvent.click(screen.getByRole('button', { name: 'Share on Microsoft Teams' }));
    const link = await screen.findByRole('link', { name: 'Open Microsoft Teams' });
    expect(link.getAttribute('href')).toBe('https://teams.microsoft.com/share?href=https%3A%2F%2Ft.example.com%2Fshare-1&msgText=Join%20us%21');
    expect(screen.getByText(/Your browser blocked the new window/u)).toBeTruthy();
    expect(document.querySelectorAll('script')).toHaveLength(0);
  });

  it('pauses sharing while the stored policy is invalid (fails closed)', () => {
    render(<Share item={hiring} settings={{ policyIssues: [{ path: ['policy', 'config', 'allowedNetworks', 0], code: 'unknown-network', message: 'Unknown network.' }] }} actions={actions()} />);
    expect(screen.getByText(/sharing is paused/u)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Share on LinkedIn' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends a concern about the item and confirms it', async () => {
    const spy = actions();
    render(<Share item={hiring} settings={{}} actions={spy} />);
    fireEvent.click(screen.getByText('Raise a concern about this item'));
    const send = screen.getByRole('button', { name: 'Send the concern' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('What worries you? Only the site owners will read it.'), { target: { value: 'The salary range is outdated.' } });
    fireEvent.click(send);
    expect((await screen.findByRole('status')).textContent).toBe('Thank you: the site owners have your concern.');
    expect(spy.log).toEqual(['concern 7 The salary range is outdated.']);
  });

  it('explains a 403 in words, not a stack trace', async () => {
    const spy = actions({ hasAccepted: async () => true, record: async () => { throw new ServiceError('forbidden', 'Access denied', 403); } });
    render(<Share item={hiring} settings={{ policy: policy({}) }} actions={spy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Share on LinkedIn' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You do not have access to Shareworthy on this site. Ask the site owner for access.');
  });
});

describe('Feed', () => {
  const items = [
    item({ id: '1', title: 'Old news', topics: ['finance'], campaign: 'Q4', priority: 50 }),
    item({ id: '2', title: 'Shared already', topics: ['hr'], priority: 90 }),
    item({ id: '3', title: 'Fresh job', topics: ['hr'], campaign: 'Recruiting', priority: 60 }),
  ];
  const employee = { id: '15', topics: ['hr'] };
  const now = (): Date => new Date('2026-11-21T09:00:00Z');

  it('ranks with rankFeed: already-shared items last and marked', async () => {
    render(<Feed load={async () => ({ items, sharedItemIds: ['2'], settings: {} })} employee={employee} actions={actions()} locale="en" now={now} />);
    const list = await screen.findByRole('list', { name: 'Share our news' });
    const titles = within(list).getAllByRole('heading').map((heading) => heading.textContent);
    expect(titles).toEqual(['Fresh job', 'Old news', 'Shared already']);
    expect(within(list).getAllByRole('listitem')[2]?.textContent).toContain('You shared this');
  });

  it('shows an item with an audience only to members of that group', async () => {
    const targeted = [...items, item({ id: '4', title: 'Sales kick-off', audience: ['Sales Members'], priority: 100 })];
    const { unmount } = render(<Feed load={async () => ({ items: targeted, sharedItemIds: [], settings: {} })} employee={employee} actions={actions()} locale="en" now={now} />);
    expect(within(await screen.findByRole('list')).queryByText('Sales kick-off')).toBeNull();
    unmount();
    render(<Feed load={async () => ({ items: targeted, sharedItemIds: [], groups: ['Sales Members'], settings: {} })} employee={employee} actions={actions()} locale="en" now={now} />);
    expect(within(await screen.findByRole('list')).getAllByRole('heading').map((h) => h.textContent)).toContain('Sales kick-off');
  });

  it('filters by topic and shows an empty state', async () => {
    const { rerender } = render(<Feed load={async () => ({ items, sharedItemIds: [], settings: {} })} employee={employee} actions={actions()} locale="en" now={now} />);
    await screen.findByRole('list');
    fireEvent.click(screen.getByRole('combobox', { name: /^Topic/u }));
    fireEvent.click(await screen.findByRole('option', { name: 'finance' }));
    expect(within(screen.getByRole('list')).getAllByRole('heading').map((h) => h.textContent)).toEqual(['Old news']);
    const empty = async (): Promise<never[]> => [];
    rerender(<Feed load={async () => ({ items: await empty(), sharedItemIds: [], settings: {} })} employee={employee} actions={actions()} locale="en" now={now} />);
    expect(await screen.findByText('Nothing to share yet. Approved items appear here.')).toBeTruthy();
  });

  it('shows a load failure as an alert', async () => {
    render(<Feed load={async () => { throw new ServiceError('throttled', 'busy', 429); }} employee={employee} actions={actions()} locale="en" now={now} />);
    expect((await screen.findByRole('alert')).textContent).toBe('SharePoint is busy right now. Please try again in a minute.');
  });
});

describe('Report', () => {
  const view: ReportView = {
    clicksKnown: false,
    totals: { shares: 3, clicks: 0, uniqueClicks: 0, ctr: 0, participationRate: 0.25, reach: 1500, emv: 0 },
    rows: [
      { key: 'linkedin', label: 'LinkedIn', shares: 2, clicks: 0, uniqueClicks: 0, ctr: 0 },
      { key: 'x', label: 'X', shares: 1, clicks: 0, uniqueClicks: 0, ctr: 0 },
    ],
  };
  const initial = { from: '2026-11-01', to: '2026-11-30', by: 'network' as const };

  it('renders nothing for someone who is not a site owner', async () => {
    const load = jest.fn();
    const { container } = render(<Report service={{ canView: async () => false, load }} initial={initial} locale="en" download={jest.fn()} />);
    await act(async () => { await Promise.resolve(); });
    expect(container.innerHTML).toBe('');
    expect(load).not.toHaveBeenCalled();
  });

  it('shows headline figures, says clicks are unknown without a tracker, and has the chart data as a table', async () => {
    render(<Report service={{ canView: async () => true, load: async () => view }} initial={initial} locale="en" download={jest.fn()} />);
    await screen.findByRole('table');
    expect(await screen.findByText(/only shares are known/u)).toBeTruthy();
    expect(screen.getByText('25%')).toBeTruthy();
    expect(screen.getByText('1,500')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Bar chart of shares/u })).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Network', 'Shares', 'Clicks', 'Unique clicks', 'Clicks per share'],
      ['LinkedIn', '2', 'n/a', 'n/a', 'n/a'],
      ['X', '1', 'n/a', 'n/a', 'n/a'],
    ]);
  });

  it('exports the rows as CSV with core toCsv', async () => {
    const download = jest.fn();
    render(<Report service={{ canView: async () => true, load: async () => view }} initial={initial} locale="en" download={download} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, csv] = download.mock.calls[0] as [string, string];
    expect(name).toBe('shareworthy-network-2026-11-01-2026-11-30.csv');
    expect(csv.split(/\r?\n/u).slice(0, 3)).toEqual(['key,label,shares,clicks,uniqueClicks,ctr', 'linkedin,LinkedIn,2,0,0,0', 'x,X,1,0,0,0']);
  });
});

describe('ShareApp', () => {
  const at = (): Date => new Date('2026-11-29T10:00:00Z');
  const show = (input: Record<string, unknown>): void => {
    render(<ShareApp load={async () => ({ item: { success: true, output: item({ id: '9', title: 'Robots', ...input }) }, settings: {} })} actions={actions()} locale="en" now={at} />);
  };

  it('offers the composer for an approved item within its dates', async () => {
    show({ startsAt: '2026-11-01', expiresAt: '2026-12-01' });
    expect(await screen.findByRole('button', { name: 'Share on LinkedIn' })).toBeTruthy();
  });

  it('does not let anyone share a pending item from its page before approval', async () => {
    show({ status: 'pending' });
    expect(await screen.findByText('“Robots” is not approved yet (status: pending): it can be shared once an approver sets it to approved.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Share on/u })).toBeNull();
  });

  it('does not offer an expired item, nor one that has not started', async () => {
    show({ expiresAt: '2026-11-29T10:00:00Z' });
    expect(await screen.findByText(/“Robots” is outside its sharing period/u)).toBeTruthy();
    cleanup();
    show({ startsAt: '2026-11-30' });
    expect(await screen.findByText(/“Robots” is outside its sharing period/u)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Share on/u })).toBeNull();
  });
});

describe('Make this page shareable', () => {
  const page = {
    url: 'https://contoso.sharepoint.com/sites/news/SitePages/Lyon.aspx',
    title: 'Lyon: 40 engineers wanted',
    description: 'Backend, data and mobile roles.',
    imageUrl: 'https://contoso.sharepoint.com/sites/news/SiteAssets/lyon.jpg',
  };
  const now = (): Date => new Date('2026-11-29T10:00:00Z');
  const field = (label: string | RegExp): HTMLInputElement => screen.getByLabelText(label) as HTMLInputElement;
  const type = (label: string | RegExp, value: string): void => { fireEvent.change(field(label), { target: { value } }); };

  /** ShareApp on a page without an item, with the real form behind openEditor. */
  function renderApp(data: Partial<ShareData>, create: (item: ShareableItem) => Promise<number> = async () => 42): { created: ShareableItem[]; opened: EditorCallbacks[]; onCreated: jest.Mock } {
    const created: ShareableItem[] = [];
    const opened: EditorCallbacks[] = [];
    const onCreated = jest.fn();
    const openEditor = async (callbacks: EditorCallbacks): Promise<React.ReactElement> => {
      opened.push(callbacks);
      return <MakeShareable page={page} {...callbacks} create={async (item) => { created.push(item); return create(item); }} now={now} />;
    };
    render(<ShareApp load={async () => ({ item: undefined, settings: {}, ...data })} actions={actions()} locale="en" openEditor={openEditor} onCreated={onCreated} />);
    return { created, opened, onCreated };
  }

  it('shows nothing new to someone who may not add items: the usual "choose an item" text, no action', async () => {
    const { opened } = renderApp({});
    expect(await screen.findByText('Choose the item to share in the web part settings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Make this page shareable' })).toBeNull();
    expect(opened).toEqual([]);
  });

  it('prefills the form from the page, creates the item through validateItem and confirms it (approved list)', async () => {
    const { created, onCreated } = renderApp({ editor: { moderated: false } });
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    expect((await screen.findByRole('form', { name: 'Make this page shareable' })).textContent).toContain('Employees can share this page as soon as the item is created.');
    expect(field('Public URL (the address employees share)').value).toBe(page.url);
    expect(field('Title').value).toBe(page.title);
    expect(field('Summary').value).toBe(page.description);
    expect(field('Image URL').value).toBe(page.imageUrl);
    expect(field('Your message').value).toBe(page.title);

    type('Public URL (the address employees share)', 'https://careers.example.com/lyon');
    type('Your message', 'We are hiring in Lyon!');
    fireEvent.change(screen.getByLabelText('Suggested message for'), { target: { value: 'x' } });
    expect(field('Your message').value).toBe('');
    type('Your message', 'Lyon, we are hiring 🚀 https://example.com/a/very/long/link');
    expect(screen.getByText('46 / 280 characters on X')).toBeTruthy();
    type('Hashtags (separated by commas or spaces)', '#Hiring, Lyon #hiring');
    type('Campaign', 'Recruiting 2026');
    type('Start date', '2026-12-01');
    type('Expiry date', '2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Create the item' }));

    expect((await screen.findByRole('status')).textContent).toBe('This page is shareable: item 42 was created.');
    expect(onCreated).toHaveBeenCalledWith(42);
    expect(created).toEqual([{
      id: 'new', publicUrl: 'https://careers.example.com/lyon', intranetUrl: page.url, title: page.title, summary: page.description, imageUrl: page.imageUrl,
      messages: { default: 'We are hiring in Lyon!', x: 'Lyon, we are hiring 🚀 https://example.com/a/very/long/link' }, hashtags: ['Hiring', 'Lyon'],
      campaign: 'Recruiting 2026', topics: [], audience: [], kind: 'article', priority: 50, startsAt: '2026-12-01T00:00:00.000Z', expiresAt: '2026-12-31T00:00:00.000Z',
      status: 'approved', createdAt: '2026-11-29T10:00:00.000Z',
    }]);
  });

  it('creates the item pending when the list requires approval, and says so', async () => {
    const { created } = renderApp({ editor: { moderated: true } });
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    expect(await screen.findByText(/the item will be pending until an approver/u)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create the item' }));
    expect((await screen.findByRole('status')).textContent).toBe('Item 42 was created and waits for approval: employees can share this page once it is approved.');
    expect(created[0]?.status).toBe('pending');
  });

  it('lists every problem at once (core validateItem, network limits) and creates nothing', async () => {
    const { created } = renderApp({ editor: { moderated: false } });
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    await screen.findByRole('form');
    type('Title', ' \u200b ');
    // eslint-disable-next-line no-script-url -- the hostile URL an editor could paste, which must be refused.
    type('Public URL (the address employees share)', 'javascript:alert(1)');
    fireEvent.change(screen.getByLabelText('Suggested message for'), { target: { value: 'x' } });
    type('Your message', 'a'.repeat(281));
    expect(screen.getByText('281 / 280 characters on X').className).toContain('over');
    type('Start date', '2026-12-31');
    type('Expiry date', '2026-12-01');
    fireEvent.click(screen.getByRole('button', { name: 'Create the item' }));

    const problems = within(await screen.findByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(problems).toEqual([
      expect.stringMatching(/^Public URL \(the address employees share\): /u),
      'Title: Required.',
      'Expiry date: The item must expire after it starts.',
      'Your message (X): Longer than the 280 characters X allows.',
    ]);
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(field('Campaign').getAttribute('aria-invalid')).toBe('false');
    expect(created).toEqual([]);
  });

  it('refuses a title SharePoint cannot store (over 255 characters) before calling it', async () => {
    const { created } = renderApp({ editor: { moderated: false } });
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    await screen.findByRole('form');
    type('Title', 'Ü'.repeat(256));
    fireEvent.click(screen.getByRole('button', { name: 'Create the item' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Title: At most 255 characters in SharePoint.');
    expect(created).toEqual([]);
  });

  it.each([
    { code: 'throttled (429 after PnPjs retries)', failure: new ServiceError('throttled', 'busy', 429), text: 'SharePoint is busy right now. Please try again in a minute.' },
    { code: 'forbidden', failure: new ServiceError('forbidden', 'denied', 403), text: 'You do not have access to Shareworthy on this site. Ask the site owner for access.' },
    { code: 'list missing', failure: new ServiceError('not-found', 'no list', 404), text: /^Shareworthy is not set up on this site yet\. .*Set up Shareworthy/u },
  ])('shows a failed creation ($code) as a message and keeps the form', async ({ failure, text }) => {
    renderApp({ editor: { moderated: false } }, async () => { throw failure; });
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    await screen.findByRole('form');
    fireEvent.click(screen.getByRole('button', { name: 'Create the item' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(text);
    expect((screen.getByRole('button', { name: 'Create the item' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a failure to read the page as a message beside the action', async () => {
    const openEditor = async (): Promise<React.ReactElement> => { throw new ServiceError('forbidden', 'denied', 403); };
    render(<ShareApp load={async () => ({ item: undefined, settings: {}, editor: { moderated: false } })} actions={actions()} locale="en" openEditor={openEditor} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Make this page shareable' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You do not have access to Shareworthy on this site. Ask the site owner for access.');
  });

  it('opens the form when the property pane asks, and closes it on Cancel', async () => {
    const load = async (): Promise<ShareData> => ({ item: undefined, settings: {}, editor: { moderated: false } });
    const openEditor = async (callbacks: EditorCallbacks): Promise<React.ReactElement> => <MakeShareable page={page} {...callbacks} create={async () => 1} />;
    const { rerender } = render(<ShareApp load={load} actions={actions()} locale="en" openEditor={openEditor} editRequest={0} />);
    await screen.findByRole('button', { name: 'Make this page shareable' });
    rerender(<ShareApp load={load} actions={actions()} locale="en" openEditor={openEditor} editRequest={1} />);
    await screen.findByRole('form');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Make this page shareable' })).toBeTruthy();
  });
});
