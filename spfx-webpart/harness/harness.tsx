/**
 * Harness page: the three root components with fake services and sample data, as SharePoint
 * would mount them (there is no local workbench any more). Built by `page.mjs`, driven by
 * `harness.test.mjs`, which reads what the fakes received from `window.harness`.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { aggregate, compilePolicy, validateItem, type ShareableItem } from '@shareworthy/core';
import { ShareApp, type EditorCallbacks } from '../src/components/ShareApp';
import { MakeShareable } from '../src/components/MakeShareable';
import { Feed } from '../src/components/Feed';
import { Report } from '../src/components/Report';
import type { ShareActions } from '../src/components/Share';
import type { ReportQuery, ReportView } from '../src/services/ReportService';

const item = (input: Record<string, unknown>): ShareableItem => {
  const result = validateItem({ kind: 'article', status: 'approved', createdAt: '2026-11-27T09:00:00Z', ...input });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.output;
};
const items = [
  item({ id: '7', title: 'We are hiring 40 engineers in Lyon', summary: 'Backend, data and mobile roles, hybrid work.', publicUrl: 'https://careers.example.com/lyon', campaign: 'Recruiting 2026', topics: ['jobs', 'engineering'], kind: 'job', priority: 80, messages: { default: 'We are hiring in Lyon! #employee', x: 'Lyon, we are hiring 40 engineers 🚀 #employee' } }),
  item({ id: '8', title: 'Our new sustainability report', summary: 'Scope 3 emissions down 18 % year on year.', publicUrl: 'https://example.com/csr-2026', campaign: 'CSR', topics: ['csr'], messages: { default: 'Proud of our progress. #employee' } }),
  item({ id: '9', title: 'Meet us at VivaTech', publicUrl: 'https://example.com/vivatech', topics: ['events'], kind: 'event', messages: { default: 'See you at VivaTech! #employee' } }),
];
const compiled = compilePolicy({ blockedTerms: ['rachat', 'secret défense'], requiredDisclosure: ['#employee'], detectPersonalData: true });
if (!compiled.success) throw new Error('policy');
const settings = { policy: { version: '1', summary: 'Say that you work here, never share confidential information.', compiled: compiled.output } };

/** What the fake services received, for the browser test to read. */
interface HarnessLog {
  readonly accepted: string[];
  readonly recorded: { shareId: string; itemId: string; network: string; trackedUrl: string }[];
  readonly opened: string[];
  readonly concerns: string[];
  readonly downloads: { fileName: string; csv: string }[];
  /** Items the editor's form created. */
  readonly created: ShareableItem[];
}
declare global {
  interface Window {
    harness: HarnessLog;
  }
}
const log: HarnessLog = { accepted: [], recorded: [], opened: [], concerns: [], downloads: [], created: [] };
window.harness = log;

const actions: ShareActions = {
  hasAccepted: async (version) => log.accepted.includes(version),
  accept: async (version) => { log.accepted.push(version); },
  link: async (request) => `https://go.example.com/${request.shareId}`,
  record: async (share) => { log.recorded.push({ shareId: share.shareId, itemId: share.item.id, network: share.network, trackedUrl: share.trackedUrl }); },
  open: (url) => { log.opened.push(url); return true; },
  newShareId: () => 'h4rn3ss',
  raiseConcern: async (concernItem, message) => { log.concerns.push(`${concernItem.id}: ${message}`); },
};
// 128 shares in November 2026 (items 7, 8, 9 in a 3:2:1 mix, four networks, 40 employees) and
// a few clicks on each, aggregated by core as the tracker's /api/reports would.
const shares = Array.from({ length: 128 }, (_, i) => {
  const source = items[[0, 0, 0, 1, 1, 2][i % 6] ?? 0];
  return {
    id: `s${i}`, itemId: source?.id ?? '7', itemTitle: source?.title ?? '', network: ['linkedin', 'x', 'linkedin', 'bluesky'][i % 4] ?? 'x',
    employeeId: `e${i % 40}`, createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
  };
});
const clicks = shares.flatMap((share, i) => Array.from({ length: i % 9 }, (_, k) => ({ shareId: share.id, visitorKey: `v${i}-${k % 5}`, createdAt: share.createdAt })));
const reports = {
  canView: async () => true,
  load: async (query: ReportQuery): Promise<ReportView> => {
    const report = aggregate({ shares, clicks, eligibleEmployees: 120 }, query.by, { from: query.from, to: query.to, costPerClick: 1.5 });
    return { totals: report.totals, rows: report.rows, clicksKnown: true };
  },
};

// A news page without an item yet, seen by an editor of a list that requires approval.
const newsPage = {
  url: 'https://contoso.sharepoint.com/sites/news/SitePages/VivaTech-2027.aspx',
  title: 'Meet our robotics team at VivaTech 2027',
  description: 'Booth C-42, 17–20 June, Paris. Live demos every hour.',
  imageUrl: 'https://contoso.sharepoint.com/sites/news/SiteAssets/vivatech.jpg',
};
const openEditor = async (callbacks: EditorCallbacks): Promise<React.ReactElement> => (
  <MakeShareable page={newsPage} {...callbacks} create={async (created) => { log.created.push(created); return 12; }} now={() => new Date('2026-11-29T09:00:00Z')} />
);

const mount = (id: string, element: React.ReactElement): void => {
  // eslint-disable-next-line @rushstack/pair-react-dom-render-unmount -- mounted once, for the life of the test page.
  ReactDom.render(element, document.getElementById(id));
};
mount('share', <ShareApp load={async () => ({ item: validateItem(items[0]), settings })} actions={actions} locale="en" />);
mount('editor', <ShareApp load={async () => ({ item: undefined, settings, editor: { moderated: true } })} actions={actions} locale="en" openEditor={openEditor} />);
mount('feed', <Feed load={async () => ({ items, sharedItemIds: ['8'], settings })} employee={{ id: '15', topics: ['jobs'] }} actions={actions} locale="en" now={() => new Date('2026-11-29T09:00:00Z')} />);
mount('report', <Report service={reports} initial={{ from: '2026-11-01', to: '2026-11-30', by: 'item' }} locale="en" download={(fileName, csv) => log.downloads.push({ fileName, csv })} />);
