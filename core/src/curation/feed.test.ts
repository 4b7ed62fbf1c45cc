import { NETWORKS } from '../links/index.js';
import { rankFeed, type FeedEmployee } from './feed.js';
import { itemNetworks, type ShareableItem } from './item.js';

const NOW = Date.UTC(2026, 2, 15, 12);
const DAY = 86_400_000;
const iso = (time: number): string => new Date(time).toISOString();

const item = (id: string, overrides: Partial<ShareableItem> = {}): ShareableItem => ({
  id,
  publicUrl: `https://example.com/${id}`,
  title: `Item ${id}`,
  messages: {},
  hashtags: [],
  topics: [],
  audience: [],
  kind: 'article',
  priority: 50,
  status: 'approved',
  createdAt: iso(NOW - 14 * DAY),
  ...overrides,
});

const employee: FeedEmployee = {
  id: 'u1',
  groups: ['sales'],
  topics: ['ai', 'Cloud', 'security'],
  allowedNetworks: ['linkedin', 'x'],
  sharedItemIds: ['C'],
};

const items: ShareableItem[] = [
  item('A', { createdAt: iso(NOW - 7 * DAY), topics: ['AI'] }),
  item('B', { priority: 70 }),
  item('C', { createdAt: iso(NOW - DAY) }),
  item('D', { createdAt: iso(NOW - 20 * DAY), expiresAt: iso(NOW + DAY) }),
  item('E', { status: 'draft' }),
  item('F', { startsAt: iso(NOW + 3_600_000) }),
  item('G', { expiresAt: iso(NOW) }),
  item('H', { audience: ['hr'] }),
  item('I', { audience: ['hr', 'sales'] }),
  item('J', { messages: { xing: 'Only for XING' } }),
  item('K', { messages: { linkedin: 'Hi', facebook: 'Hi' } }),
  item('L', { topics: ['ai', 'cloud', 'security'] }),
  item('M', { createdAt: iso(NOW - 30 * DAY), startsAt: iso(NOW - 3.5 * DAY) }),
];

describe('rankFeed', () => {
  it('ranks live, approved items for the employee with hand-computed scores', () => {
    const feed = rankFeed(items, employee, NOW);
    expect(feed.map((entry) => [entry.item.id, entry.score])).toEqual([
      ['L', 40], // two topic matches counted (3 shared topics), 14 days old
      ['A', 35], // 7 of 14 days: 15 fresh, one topic ignoring case: 20
      ['M', 22.5], // live for 3.5 days (startsAt is later than createdAt): 30 × 0.75
      ['B', 20], // priority 70 − 50
      ['D', 15], // expires within 48 h
      ['I', 0], // one of its groups is the employee's
      ['K', 0], // linkedin is allowed
      ['C', -172.14], // 30 × 13/14 = 27.86, already shared −200
    ]);
  });

  it('explains each score with its non-zero reasons', () => {
    const byId = new Map(rankFeed(items, employee, NOW).map((entry) => [entry.item.id, entry]));
    expect(byId.get('A')?.reasons).toEqual([
      { code: 'fresh', points: 15 },
      { code: 'topic-match', points: 20 },
    ]);
    expect(byId.get('B')?.reasons).toEqual([{ code: 'priority', points: 20 }]);
    expect(byId.get('D')?.reasons).toEqual([{ code: 'expires-soon', points: 15 }]);
    expect(byId.get('C')?.reasons).toEqual([
      { code: 'fresh', points: 27.86 },
      { code: 'already-shared', points: -200 },
    ]);
    expect(byId.get('I')?.reasons).toEqual([]);
  });

  it('keeps already-shared items visible, flagged, after every item not yet shared', () => {
    const loud = item('S', { priority: 100, createdAt: iso(NOW), topics: ['ai', 'cloud'], expiresAt: iso(NOW + DAY) });
    const quiet = item('Q', { priority: 0 });
    const feed = rankFeed([loud, quiet], { ...employee, sharedItemIds: new Set(['S']) }, new Date(NOW));
    expect(feed.map((entry) => [entry.item.id, entry.score, entry.alreadyShared])).toEqual([
      ['Q', -50, false],
      ['S', -65, true], // 50 + 30 + 40 + 15 − 200
    ]);
  });

  it('offers the networks the employee may use among those the item can go to', () => {
    const byId = new Map(rankFeed(items, employee, NOW).map((entry) => [entry.item.id, entry.networks]));
    expect(byId.get('K')).toEqual(['linkedin']);
    expect(byId.get('A')).toEqual(['linkedin', 'x']);
    expect(byId.has('J')).toBe(false);
  });

  it('offers every network of the item when the employee has no network list', () => {
    const { allowedNetworks: _, ...anyNetwork } = employee;
    const feed = rankFeed([items[9]!], anyNetwork, NOW);
    expect(feed.map((entry) => entry.networks)).toEqual([['xing']]);
  });

  it('returns nothing when the employee may use no network', () => {
    expect(rankFeed(items, { ...employee, allowedNetworks: [] }, NOW)).toEqual([]);
  });

  it('shows items with an audience only to its groups, and items without one to everyone', () => {
    const ids = (groups: string[]): string[] => rankFeed(items.slice(6, 9), { ...employee, groups }, NOW).map((e) => e.item.id);
    expect(ids([])).toEqual([]);
    expect(ids(['hr'])).toEqual(['H', 'I']);
    expect(rankFeed([item('open')], { ...employee, groups: [] }, NOW)).toHaveLength(1);
  });

  it('includes an item exactly at its start and excludes it exactly at its expiry', () => {
    const feed = rankFeed([item('start', { startsAt: iso(NOW) }), item('end', { expiresAt: iso(NOW) })], employee, NOW);
    expect(feed.map((entry) => entry.item.id)).toEqual(['start']);
  });

  it('excludes items whose dates cannot be read', () => {
    const feed = rankFeed([item('bad', { startsAt: 'soon' }), item('bad2', { createdAt: 'then' })], employee, NOW);
    expect(feed).toEqual([]);
  });

  it('keeps the input order between equal scores', () => {
    const same = ['x1', 'x2', 'x3', 'x4'].map((id) => item(id));
    expect(rankFeed(same, employee, NOW).map((entry) => entry.item.id)).toEqual(['x1', 'x2', 'x3', 'x4']);
    expect(rankFeed([...same].reverse(), employee, NOW).map((entry) => entry.item.id)).toEqual(['x4', 'x3', 'x2', 'x1']);
  });

  it('gives full freshness to an item created after now (clock skew between hosts)', () => {
    const [entry] = rankFeed([item('future', { createdAt: iso(NOW + DAY) })], employee, NOW);
    expect(entry?.reasons).toEqual([{ code: 'fresh', points: 30 }]);
  });

  it('ranks a newer item above an older one of the same priority', () => {
    const feed = rankFeed([item('old', { createdAt: iso(NOW - 10 * DAY) }), item('new', { createdAt: iso(NOW - 2 * DAY) })], employee, NOW);
    expect(feed.map((entry) => entry.item.id)).toEqual(['new', 'old']);
  });

  it('ranks 10,000 items', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => item(`n${i}`, { priority: i % 101 }));
    const feed = rankFeed(many, employee, NOW);
    expect(feed).toHaveLength(10_000);
    expect(feed[0]?.item.priority).toBe(100);
    expect(feed.at(-1)?.item.priority).toBe(0);
  });
});

describe('itemNetworks', () => {
  it('lets an item with a default message or no message go anywhere', () => {
    expect(itemNetworks({ messages: {} })).toEqual(NETWORKS);
    expect(itemNetworks({ messages: { default: 'Hi', x: 'Hi' } })).toEqual(NETWORKS);
  });
  it('limits an item to the networks its messages name, in NETWORKS order', () => {
    expect(itemNetworks({ messages: { x: 'a', linkedin: 'b' } })).toEqual(['linkedin', 'x']);
  });
});
