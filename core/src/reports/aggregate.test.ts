import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, type GroupBy, type Report, type ReportExcluded } from './aggregate.js';
import type { ClickEvent, ReportEvents, ShareEvent } from './events.js';

interface VectorOptions {
  readonly costPerClick?: number;
  readonly reachPerShare?: number;
  readonly optedInEmployees?: readonly string[];
  readonly timeZone?: string;
  readonly from?: string;
  readonly to?: string;
}
const vectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/reports-aggregate.json'), 'utf8')) as {
  readonly events: ReportEvents;
  readonly cases: readonly { readonly behaviour: string; readonly by: GroupBy; readonly options: VectorOptions; readonly expected: Report }[];
};

const shares: ShareEvent[] = [
  { id: 's1', itemId: 'i1', itemTitle: 'Launch', campaign: 'Spring', network: 'linkedin', employeeId: 'u1', createdAt: '2026-03-01T09:00:00Z' },
  // 23:30 UTC is already 2 March in Paris (UTC+1).
  { id: 's2', itemId: 'i1', campaign: 'Spring', network: 'x', employeeId: 'u2', createdAt: '2026-03-01T23:30:00Z' },
  { id: 's3', itemId: 'i2', itemTitle: 'Hiring', network: 'linkedin', employeeId: 'u1', createdAt: '2026-03-03T12:00:00Z' },
  { id: 's4', itemId: 'i3', itemTitle: 'Event', campaign: 'Autumn', network: 'facebook', employeeId: 'u3', createdAt: Date.UTC(2026, 2, 3, 13) },
];
const clicks: ClickEvent[] = [
  { shareId: 's1', visitorKey: 'v1', createdAt: '2026-03-01T10:00:00Z' },
  { shareId: 's1', visitorKey: 'v2', createdAt: '2026-03-01T11:00:00Z' },
  { shareId: 's1', visitorKey: 'v1', createdAt: '2026-03-02T08:00:00Z' },
  { shareId: 's2', visitorKey: 'v1', createdAt: '2026-03-01T23:45:00Z' },
  { shareId: 's3', visitorKey: 'v3', createdAt: '2026-03-03T12:30:00Z' },
  { shareId: 's3', visitorKey: 'v4', createdAt: '2026-03-03T12:31:00Z', counted: false },
  { shareId: 'gone', visitorKey: 'v5', createdAt: '2026-03-03T12:32:00Z' },
  { shareId: 's3', visitorKey: 'v3', createdAt: '2026-03-05T09:00:00+01:00', counted: true },
];
const events: ReportEvents = { shares, clicks, eligibleEmployees: 10 };

const NONE: ReportExcluded = { uncountedClicks: 0, orphanClicks: 0, duplicateShares: 0, invalidDates: 0, outOfPeriod: 0 };
const row = (key: string, label: string, shares: number, clicks: number, uniqueClicks: number) => ({
  key,
  label,
  shares,
  clicks,
  uniqueClicks,
  ctr: shares === 0 ? 0 : clicks / shares,
});
const zeroDay = (day: string) => row(day, day, 0, 0, 0);

describe('aggregate', () => {
  it.each(vectors.cases.map((c) => [c.behaviour, c] as const))('matches the shared vector: %s', (_, { by, options, expected }) => {
    const { optedInEmployees, ...rest } = options;
    const actual = aggregate(vectors.events, by, optedInEmployees === undefined ? rest : { ...rest, optedInEmployees: new Set(optedInEmployees) });
    expect(actual).toEqual(expected);
  });

  it('computes the totals by hand: 4 shares, 6 counted clicks from 3 visitors, 3 of 10 employees', () => {
    expect(aggregate(events, 'item', { costPerClick: 1.5 })).toMatchObject({
      // reach: LinkedIn 150 × 2 + X 61 + Facebook 200
      totals: { shares: 4, clicks: 6, uniqueClicks: 3, ctr: 1.5, participationRate: 0.3, reach: 561, emv: 9 },
      excluded: { ...NONE, uncountedClicks: 1, orphanClicks: 1 },
    });
  });

  it('gives the same totals whatever the grouping', () => {
    const groupings: GroupBy[] = ['item', 'campaign', 'network', 'day', 'employee'];
    const totals = groupings.map((by) => aggregate(events, by).totals);
    for (const t of totals) expect(t).toEqual(totals[0]);
  });

  it('groups by item, labelled by the first title given, most clicked first', () => {
    expect(aggregate(events, 'item').rows).toEqual([row('i1', 'Launch', 2, 4, 2), row('i2', 'Hiring', 1, 2, 1), row('i3', 'Event', 1, 0, 0)]);
  });

  it('labels an item by a later share when the first has no title, and by its id when none has', () => {
    const untitled: ShareEvent[] = [
      { ...shares[1]!, id: 'a' },
      { ...shares[0]!, id: 'b' },
      { ...shares[1]!, id: 'c', itemId: 'bare' },
    ];
    expect(aggregate({ shares: untitled, clicks: [], eligibleEmployees: 1 }, 'item').rows.map((r) => [r.key, r.label])).toEqual([
      ['i1', 'Launch'],
      ['bare', 'bare'],
    ]);
  });

  it('groups by campaign, with shares without a campaign under the empty key', () => {
    expect(aggregate(events, 'campaign').rows).toEqual([row('Spring', 'Spring', 2, 4, 2), row('', '(no campaign)', 1, 2, 1), row('Autumn', 'Autumn', 1, 0, 0)]);
  });

  it('groups by network with display names', () => {
    expect(aggregate(events, 'network').rows).toEqual([row('linkedin', 'LinkedIn', 2, 5, 3), row('x', 'X', 1, 1, 1), row('facebook', 'Facebook', 1, 0, 0)]);
  });

  it('keeps a network it does not know as its own row, with no default reach', () => {
    const report = aggregate({ shares: [{ ...shares[0]!, network: 'mastodon' }], clicks: [], eligibleEmployees: 1 }, 'network');
    expect(report.rows).toEqual([row('mastodon', 'mastodon', 1, 0, 0)]);
    expect(report.totals.reach).toBe(0);
  });

  it('shows by name only employees who opted in, everyone else as one "others" row', () => {
    expect(aggregate(events, 'employee', { optedInEmployees: new Set(['u1']) }).rows).toEqual([
      row('u1', 'u1', 2, 5, 3),
      row('others', 'Others', 2, 1, 1),
    ]);
  });

  it('puts every employee in "others" when no one opted in', () => {
    expect(aggregate(events, 'employee').rows).toEqual([row('others', 'Others', 4, 6, 3)]);
  });

  it('buckets days in UTC by default, each event on its own day, filling empty days', () => {
    expect(aggregate(events, 'day').rows).toEqual([
      row('2026-03-01', '2026-03-01', 2, 3, 2),
      row('2026-03-02', '2026-03-02', 0, 1, 1),
      row('2026-03-03', '2026-03-03', 2, 1, 1),
      zeroDay('2026-03-04'),
      row('2026-03-05', '2026-03-05', 0, 1, 1),
    ]);
  });

  it('moves events across midnight in the report time zone', () => {
    expect(aggregate(events, 'day', { timeZone: 'Europe/Paris' }).rows).toEqual([
      row('2026-03-01', '2026-03-01', 1, 2, 2),
      row('2026-03-02', '2026-03-02', 1, 2, 1), // s2 and its click at 00:30/00:45 Paris, plus s1's click at 09:00
      row('2026-03-03', '2026-03-03', 2, 1, 1),
      zeroDay('2026-03-04'),
      row('2026-03-05', '2026-03-05', 0, 1, 1),
    ]);
  });

  it('follows a daylight-saving change and a zone west of UTC', () => {
    const at = (createdAt: string, id: string): ShareEvent => ({ ...shares[0]!, id, createdAt });
    const dst = [at('2026-03-28T23:30:00Z', 'a'), at('2026-03-29T21:59:00Z', 'b'), at('2026-03-29T22:00:00Z', 'c')];
    const days = (timeZone: string) => aggregate({ shares: dst, clicks: [], eligibleEmployees: 1 }, 'day', { timeZone }).rows.map((r) => [r.key, r.shares]);
    // Paris is UTC+1 before 02:00 on 29 March 2026 and UTC+2 after.
    expect(days('Europe/Paris')).toEqual([
      ['2026-03-29', 2],
      ['2026-03-30', 1],
    ]);
    expect(days('America/New_York')).toEqual([
      ['2026-03-28', 1],
      ['2026-03-29', 2],
    ]);
  });

  it('places events exactly around midnight in a zone whose offset is not a multiple of 15 minutes', () => {
    // Liberia kept its local mean time, UTC−0:44:30, until 1972.
    const at = (createdAt: string, id: string): ShareEvent => ({ ...shares[0]!, id, createdAt });
    const report = aggregate(
      { shares: [at('1971-06-01T00:44:00Z', 'a'), at('1971-06-01T00:44:40Z', 'b')], clicks: [], eligibleEmployees: 1 },
      'day',
      { timeZone: 'Africa/Monrovia' },
    );
    expect(report.rows.map((r) => [r.key, r.shares])).toEqual([
      ['1971-05-31', 1],
      ['1971-06-01', 1],
    ]);
  });

  it('limits the report to from…to, counting what it leaves out', () => {
    const report = aggregate(events, 'day', { from: '2026-03-02', to: '2026-03-04' });
    expect(report.rows).toEqual([row('2026-03-02', '2026-03-02', 0, 1, 1), row('2026-03-03', '2026-03-03', 2, 1, 1), zeroDay('2026-03-04')]);
    expect(report.totals).toEqual({ shares: 2, clicks: 2, uniqueClicks: 2, ctr: 1, participationRate: 0.2, reach: 350, emv: 0 });
    expect(report.excluded).toEqual({ ...NONE, uncountedClicks: 1, orphanClicks: 1, outOfPeriod: 6 });
  });

  it('counts clicks in the period on shares made before it', () => {
    // From 2 March (UTC): s1 and s2 (23:30 on 1 March) are out, s1's click of 2 March is in.
    expect(aggregate(events, 'item', { from: '2026-03-02' }).rows).toEqual([
      row('i2', 'Hiring', 1, 2, 1),
      row('i1', 'Launch', 0, 1, 1),
      row('i3', 'Event', 1, 0, 0),
    ]);
  });

  it('fills every day from from to to even without events', () => {
    const report = aggregate({ shares: [], clicks: [], eligibleEmployees: 5 }, 'day', { from: '2028-02-27', to: '2028-03-01' });
    expect(report.rows.map((r) => r.key)).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(report.rows.every((r) => r.shares === 0 && r.clicks === 0 && r.ctr === 0)).toBe(true);
  });

  it.each(['item', 'campaign', 'network', 'day', 'employee'] as const)('reports zeros, not NaN, for no events grouped by %s', (by) => {
    const report = aggregate({ shares: [], clicks: [], eligibleEmployees: 0 }, by, { costPerClick: 2 });
    expect(report).toEqual({
      totals: { shares: 0, clicks: 0, uniqueClicks: 0, ctr: 0, participationRate: 0, reach: 0, emv: 0 },
      rows: [],
      excluded: NONE,
    });
  });

  it('gives a CTR of 0, not Infinity, to a row with clicks but no shares in the period', () => {
    const report = aggregate(events, 'day');
    expect(report.rows[1]).toMatchObject({ shares: 0, clicks: 1, ctr: 0 });
  });

  it('counts a visitor once per row and once in the totals', () => {
    const report = aggregate(events, 'network');
    const rowsUnique = report.rows.reduce((sum, r) => sum + r.uniqueClicks, 0);
    expect([rowsUnique, report.totals.uniqueClicks]).toEqual([4, 3]); // v1 clicked through LinkedIn and X
  });

  it('excludes uncounted clicks and counts clicks on unknown shares as orphans', () => {
    const report = aggregate({ shares: [shares[0]!], clicks: [{ ...clicks[0]!, counted: false }, { ...clicks[0]!, shareId: 'nope' }], eligibleEmployees: 1 }, 'item');
    expect(report.totals.clicks).toBe(0);
    expect(report.excluded).toEqual({ ...NONE, uncountedClicks: 1, orphanClicks: 1 });
  });

  it('counts unreadable dates and duplicate share ids instead of dropping them silently', () => {
    const report = aggregate(
      {
        shares: [shares[0]!, { ...shares[0]!, itemId: 'dup' }, { ...shares[2]!, createdAt: '2026-02-30T10:00:00Z' }, { ...shares[3]!, createdAt: Number.NaN }],
        clicks: [{ ...clicks[0]!, createdAt: 'yesterday' }, { ...clicks[4]!, createdAt: 1e20 }, clicks[1]!],
        eligibleEmployees: 3,
      },
      'item',
    );
    expect(report.excluded).toEqual({ ...NONE, duplicateShares: 1, invalidDates: 4 });
    // s3 has an unreadable date but is known, so its clicks join; this one is dated 1e20 ms, unreadable too.
    expect(report.totals).toMatchObject({ shares: 1, clicks: 1 });
  });

  it('estimates reach with a number or a function, ignoring negative and non-finite values', () => {
    expect(aggregate(events, 'item', { reachPerShare: 100 }).totals.reach).toBe(400);
    expect(aggregate(events, 'item', { reachPerShare: (n) => (n === 'linkedin' ? 1000.4 : 0) }).totals.reach).toBe(2001);
    expect(aggregate(events, 'item', { reachPerShare: -5 }).totals.reach).toBe(0);
    expect(aggregate(events, 'item', { reachPerShare: () => Number.NaN }).totals.reach).toBe(0);
  });

  it('rounds the earned media value to cents and ignores a negative cost per click', () => {
    expect(aggregate(events, 'item', { costPerClick: 0.1 }).totals.emv).toBe(0.6);
    expect(aggregate(events, 'item', { costPerClick: 0.333 }).totals.emv).toBe(2);
    expect(aggregate(events, 'item', { costPerClick: -1 }).totals.emv).toBe(0);
    expect(aggregate(events, 'item').totals.emv).toBe(0);
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \t\u00a0\u3000'],
    ['zero-width', '\u200b\u200d\ufeff'],
    ['direction marks', '\u200f\u202e'],
  ])('counts a share with an %s employee id, but not as a participant', (_name, employeeId) => {
    const anonymous: ShareEvent = { id: 'a1', itemId: 'i9', network: 'linkedin', employeeId, createdAt: '2026-03-02T09:00:00Z' };
    const report = aggregate({ ...events, shares: [...shares, anonymous, { ...anonymous, id: 'a2' }], clicks: [...clicks, { shareId: 'a1', visitorKey: 'v9', createdAt: '2026-03-02T10:00:00Z' }] }, 'item');
    // Without the two anonymous shares: 4 shares, 6 clicks, 3 of 10 employees.
    expect(report.totals).toMatchObject({ shares: 6, clicks: 7, participationRate: 0.3 });
    expect(aggregate({ shares: [anonymous], clicks: [], eligibleEmployees: 4 }, 'item').totals.participationRate).toBe(0);
  });

  it('keeps visible ids apart from blank ones: an emoji, RTL text or a padded id is an employee', () => {
    const ids = ['👩‍💻', 'مريم', ' u1 ', ''];
    const report = aggregate({ shares: ids.map((employeeId, i) => ({ ...shares[0]!, id: `e${i}`, employeeId })), clicks: [], eligibleEmployees: 10 }, 'item');
    expect(report.totals.participationRate).toBe(0.3);
  });

  it('never names a blank employee id as a row, even when the opted-in set holds it', () => {
    const anonymous: ShareEvent = { ...shares[0]!, id: 'a1', employeeId: '' };
    const rows = aggregate({ shares: [shares[0]!, anonymous], clicks: [], eligibleEmployees: 2 }, 'employee', { optedInEmployees: new Set(['', 'u1']) }).rows;
    expect(rows.map((r) => [r.key, r.shares])).toEqual([
      ['others', 1],
      ['u1', 1],
    ]);
  });

  it('does not cap the participation rate when more employees shared than were eligible', () => {
    expect(aggregate({ ...events, eligibleEmployees: 2 }, 'item').totals.participationRate).toBe(1.5);
  });

  it('sorts rows by clicks, then shares, then key in code point (UTF-8 byte) order', () => {
    const keys = ['b', 'B', 'a', 'é', '😀', '\uff5a', 'ab', '\ud800', '\ud83d\ude00x'];
    const tie: ShareEvent[] = keys.map((itemId, i) => ({ ...shares[0]!, id: `t${i}`, itemId, itemTitle: '' }));
    const extra = { ...shares[0]!, id: 't99', itemId: 'z', itemTitle: '' };
    const report = aggregate({ shares: [...tie, extra, { ...extra, id: 't100' }], clicks: [], eligibleEmployees: 1 }, 'item');
    // U+FF5A (ｚ) comes before U+1F600 (😀), as their UTF-8 bytes EF… < F0… do; a lone surrogate
    // (U+D800, ED A0 80 in WTF-8) before both.
    expect(report.rows.map((r) => r.key)).toEqual(['z', 'B', 'a', 'ab', 'b', 'é', '\ud800', '\uff5a', '😀', '😀x']);
    const utf8 = (text: string): string => [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const wellFormed = report.rows.slice(1).map((r) => r.key).filter((key) => key !== '\ud800');
    expect(wellFormed.map(utf8)).toEqual([...wellFormed.map(utf8)].sort());
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }],
    [{ from: '2026-02-30' }],
    [{ to: '03/01/2026' }],
    [{ from: '2026-03-02', to: '2026-03-01' }],
  ])('throws a RangeError for the programming error %j', (options) => {
    expect(() => aggregate(events, 'day', options)).toThrow(RangeError);
  });

  it('aggregates 100,000 clicks on 1,000 shares with exact counts', () => {
    const many: ShareEvent[] = Array.from({ length: 1_000 }, (_, i) => ({
      id: `s${i}`,
      itemId: `i${i % 10}`,
      network: i % 2 === 0 ? 'linkedin' : 'x',
      employeeId: `u${i % 50}`,
      createdAt: Date.UTC(2026, 0, 1) + i * 60_000,
    }));
    const lots: ClickEvent[] = Array.from({ length: 100_000 }, (_, i) => ({
      shareId: `s${i % 1_000}`,
      visitorKey: `v${i % 7_919}`,
      createdAt: Date.UTC(2026, 0, 1) + i * 30_000,
      counted: i % 100 !== 0,
    }));
    const report = aggregate({ shares: many, clicks: lots, eligibleEmployees: 100 }, 'day', { timeZone: 'Europe/Berlin' });
    expect(report.totals).toMatchObject({ shares: 1_000, clicks: 99_000, uniqueClicks: 7_919, participationRate: 0.5 });
    expect(report.excluded.uncountedClicks).toBe(1_000);
    // 100,000 clicks 30 s apart span 34.7 days from 1 January 01:00 Berlin time.
    expect(report.rows[0]?.key).toBe('2026-01-01');
    expect(report.rows.at(-1)?.key).toBe('2026-02-04');
    expect(report.rows.reduce((sum, r) => sum + r.clicks, 0)).toBe(99_000);
  });
});
