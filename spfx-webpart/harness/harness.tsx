/**
 * Harness page: the three root components with fake services and sample data, as SharePoint
 * would mount them (there is no local workbench any more). Built by `screenshot.mjs`.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { compilePolicy, validateItem, type ShareableItem } from '@shareworthy/core';
import { ShareApp } from '../src/components/ShareApp';
import { Feed } from '../src/components/Feed';
import { Report } from '../src/components/Report';
import type { ShareActions } from '../src/components/Share';
import type { ReportView } from '../src/services/ReportService';

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

const actions: ShareActions = {
  hasAccepted: async () => false,
  accept: async () => undefined,
  link: async (request) => `https://go.example.com/${request.shareId}`,
  record: async () => undefined,
  open: () => true,
  newShareId: () => 'h4rn3ss',
  raiseConcern: async () => undefined,
};
const view: ReportView = {
  clicksKnown: true,
  totals: { shares: 128, clicks: 911, uniqueClicks: 702, ctr: 911 / 128, participationRate: 0.34, reach: 64000, emv: 1366.5 },
  rows: [
    { key: '7', label: 'We are hiring 40 engineers in Lyon', shares: 61, clicks: 512, uniqueClicks: 401, ctr: 512 / 61 },
    { key: '8', label: 'Our new sustainability report', shares: 44, clicks: 281, uniqueClicks: 210, ctr: 281 / 44 },
    { key: '9', label: 'Meet us at VivaTech', shares: 23, clicks: 118, uniqueClicks: 91, ctr: 118 / 23 },
  ],
};

const mount = (id: string, element: React.ReactElement): void => ReactDom.render(element, document.getElementById(id));
mount('share', <ShareApp load={async () => ({ item: validateItem(items[0]), settings })} actions={actions} locale="en" />);
mount('feed', <Feed load={async () => ({ items, sharedItemIds: ['8'], settings })} employee={{ id: '15', topics: ['jobs'] }} actions={actions} locale="en" now={() => new Date('2026-11-29T09:00:00Z')} />);
mount('report', <Report service={{ canView: async () => true, load: async () => view }} initial={{ from: '2026-11-01', to: '2026-11-30', by: 'item' }} locale="en" download={() => undefined} />);
