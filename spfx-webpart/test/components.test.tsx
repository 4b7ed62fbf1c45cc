import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Share } from '../src/components/Share';
import { Feed } from '../src/components/Feed';
import { Report } from '../src/components/Report';
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
