import { DEDUPE_WINDOW_MS, isRepeatClick } from '@shareworthy/core';
import { MIGRATIONS } from '../src/store/migrations.js';
import type { Store } from '../src/store/store.js';
import { STORE_KINDS, freshDatabases } from './stores.js';

const WINDOW = DEDUPE_WINDOW_MS;
const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);

const link = (code: string, extra: Partial<{ shareId: string; employeeId: string | null; createdAt: number }> = {}) => ({
  code,
  targetUrl: 'https://intranet.example.com/news/1',
  itemId: 'item-1',
  campaign: 'launch',
  network: 'linkedin',
  shareId: extra.shareId ?? `share-${code}`,
  employeeId: extra.employeeId === undefined ? 'emp-1' : extra.employeeId,
  createdAt: extra.createdAt ?? T0,
});

describe.each(STORE_KINDS)('%s store', (kind) => {
  const newDatabase = freshDatabases(kind);
  let store: Store;
  beforeEach(async () => {
    store = (await newDatabase()).open();
    await store.migrate();
  });
  afterEach(async () => {
    await store.close();
  });

  it('applies each migration once and records it', async () => {
    const fresh = (await newDatabase()).open();
    expect(await fresh.migrate()).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await fresh.migrate()).toEqual([]);
    await fresh.close();
    expect(await store.migrate()).toEqual([]);
    expect(await store.findLink('0000000000')).toBeUndefined();
  });

  it('stores a link and refuses a second link with the same code or the same share id', async () => {
    expect(await store.insertLink(link('aaaaaaaaaa'))).toBe(true);
    expect(await store.insertLink({ ...link('aaaaaaaaaa'), shareId: 'other' })).toBe(false);
    expect(await store.insertLink({ ...link('aaaaaaaab0'), shareId: 'share-aaaaaaaaaa' })).toBe(false);
    expect(await store.findLink('aaaaaaaaaa')).toEqual(link('aaaaaaaaaa'));
    expect(await store.findLinkByShare('share-aaaaaaaaaa')).toEqual(link('aaaaaaaaaa'));
    expect(await store.findLinkByShare('nothing')).toBeUndefined();
  });

  it('keeps a link without an employee as null', async () => {
    await store.insertLink(link('bbbbbbbbbb', { employeeId: null }));
    expect((await store.findLink('bbbbbbbbbb'))?.employeeId).toBeNull();
  });

  it('counts the first click of a visitor and drops repeats inside the window, also within one batch', async () => {
    await store.insertLink(link('cccccccccc'));
    const click = { code: 'cccccccccc', at: T0, visitorKey: 'v1' };
    expect(await store.recordClicks([click, { ...click, at: T0 + 5 }, { ...click, visitorKey: 'v2' }], WINDOW)).toEqual([true, false, true]);
    expect(await store.recordClicks([{ ...click, at: T0 + WINDOW - 1 }], WINDOW)).toEqual([false]);
    expect(await store.recordClicks([{ ...click, at: T0 + WINDOW }], WINDOW)).toEqual([true]);
    expect((await store.clicksBetween(T0, T0 + 2 * WINDOW)).map((c) => c.at)).toEqual([T0, T0, T0 + WINDOW]);
  });

  it('decides repeats in SQL exactly as core isRepeatClick does, boundaries and clock skew included', async () => {
    await store.insertLink(link('oooooooooo'));
    const offsets = [0, 1, WINDOW - 1, WINDOW, WINDOW + 1, -1, -WINDOW, -10 * WINDOW, 10 * WINDOW];
    for (const [index, offset] of offsets.entries()) {
      const visitorKey = `skew-${index}`;
      await store.recordClicks([{ code: 'oooooooooo', at: T0, visitorKey }], WINDOW);
      const [counted] = await store.recordClicks([{ code: 'oooooooooo', at: T0 + offset, visitorKey }], WINDOW);
      expect({ offset, counted }).toEqual({ offset, counted: !isRepeatClick(T0, T0 + offset) });
    }
  });

  it('counts the same visitor again on another link', async () => {
    await store.insertLink(link('dddddddddd'));
    await store.insertLink(link('eeeeeeeeee'));
    const clicks = [
      { code: 'dddddddddd', at: T0, visitorKey: 'v1' },
      { code: 'eeeeeeeeee', at: T0, visitorKey: 'v1' },
    ];
    expect(await store.recordClicks(clicks, WINDOW)).toEqual([true, true]);
  });

  it('does not store a click whose link was erased meanwhile', async () => {
    expect(await store.recordClicks([{ code: 'ffffffffff', at: T0, visitorKey: 'v1' }], WINDOW)).toEqual([false]);
    expect(await store.clicksBetween(0, T0 + 1)).toEqual([]);
  });

  it('keeps the first salt stored for a day, and drops it once the next day has one', async () => {
    expect(await store.dailySalt('2026-11-02', 'salt-a')).toBe('salt-a');
    expect(await store.dailySalt('2026-11-02', 'salt-b')).toBe('salt-a');
    expect(await store.dailySalt('2026-11-03', 'salt-c')).toBe('salt-c');
    expect(await store.dailySalt('2026-11-02', 'salt-d')).toBe('salt-d');
  });

  it('purges clicks older than the retention limit and salts of earlier days', async () => {
    await store.insertLink(link('gggggggggg'));
    await store.recordClicks(
      [
        { code: 'gggggggggg', at: T0 - 10, visitorKey: 'old' },
        { code: 'gggggggggg', at: T0, visitorKey: 'kept' },
        { code: 'gggggggggg', at: T0 + 10, visitorKey: 'new' },
      ],
      WINDOW,
    );
    await store.dailySalt('2026-11-01', 'old-salt');
    expect(await store.purge(T0, '2026-11-02')).toEqual({ clicks: 1 });
    expect((await store.clicksBetween(0, T0 + 100)).map((c) => c.at)).toEqual([T0, T0 + 10]);
    expect(await store.dailySalt('2026-11-01', 'fresh')).toBe('fresh');
  });

  it('erases a share: its links and their clicks, nothing else', async () => {
    await store.insertLink(link('hhhhhhhhhh', { shareId: 's1' }));
    await store.insertLink(link('iiiiiiiiii', { shareId: 's2' }));
    await store.recordClicks(
      [
        { code: 'hhhhhhhhhh', at: T0, visitorKey: 'v1' },
        { code: 'iiiiiiiiii', at: T0, visitorKey: 'v1' },
      ],
      WINDOW,
    );
    expect(await store.eraseShare('s1')).toEqual({ links: 1, clicks: 1 });
    expect(await store.findLink('hhhhhhhhhh')).toBeUndefined();
    expect((await store.clicksBetween(0, T0 + 1)).map((c) => c.shareId)).toEqual(['s2']);
    expect(await store.eraseShare('s1')).toEqual({ links: 0, clicks: 0 });
  });

  it('erases an employee: every link they shared and its clicks', async () => {
    await store.insertLink(link('jjjjjjjjjj', { employeeId: 'e1' }));
    await store.insertLink(link('kkkkkkkkkk', { employeeId: 'e1' }));
    await store.insertLink(link('llllllllll', { employeeId: 'e2' }));
    await store.recordClicks(['jjjjjjjjjj', 'kkkkkkkkkk', 'llllllllll'].map((code) => ({ code, at: T0, visitorKey: 'v' })), WINDOW);
    expect(await store.eraseEmployee('e1')).toEqual({ links: 2, clicks: 2 });
    expect((await store.linksCreated(0, T0 + 1)).map((l) => l.code)).toEqual(['llllllllll']);
  });

  it('replaces the stored API keys with exactly the configured ones', async () => {
    await store.syncApiKeys([
      { hash: 'a'.repeat(64), scopes: ['issue'] },
      { hash: 'b'.repeat(64), scopes: ['report', 'erase'] },
    ]);
    await store.syncApiKeys([{ hash: 'b'.repeat(64), scopes: ['report'] }]);
    expect(await store.listApiKeys()).toEqual([{ hash: 'b'.repeat(64), scopes: ['report'] }]);
  });

  it('lists links and clicks inside a half-open time range', async () => {
    await store.insertLink(link('mmmmmmmmmm', { createdAt: T0 - 1 }));
    await store.insertLink(link('nnnnnnnnnn', { createdAt: T0 }));
    await store.recordClicks(
      [
        { code: 'nnnnnnnnnn', at: T0 + 1000, visitorKey: 'a' },
        { code: 'nnnnnnnnnn', at: T0 + 2000, visitorKey: 'b' },
      ],
      WINDOW,
    );
    expect((await store.linksCreated(T0, T0 + 1000)).map((l) => l.code)).toEqual(['nnnnnnnnnn']);
    expect(await store.clicksBetween(T0, T0 + 2000)).toEqual([{ code: 'nnnnnnnnnn', shareId: 'share-nnnnnnnnnn', visitorKey: 'a', at: T0 + 1000 }]);
  });

  it("reads report data: the period's links, then older links its clicks went through, and the totals", async () => {
    await store.insertLink(link('pppppppppp', { createdAt: T0 - 5 * 86_400_000 }));
    await store.insertLink(link('qqqqqqqqqq', { createdAt: T0 - 4 * 86_400_000 }));
    await store.insertLink(link('rrrrrrrrrr', { createdAt: T0 + 1 }));
    await store.recordClicks(
      [
        { code: 'pppppppppp', at: T0 - 86_400_000, visitorKey: 'a' },
        { code: 'pppppppppp', at: T0 + 5, visitorKey: 'b' },
        { code: 'rrrrrrrrrr', at: T0 + 6, visitorKey: 'c' },
      ],
      WINDOW,
    );
    const data = await store.reportData(T0, T0 + 86_400_000);
    expect(data.links.map((l) => l.code)).toEqual(['rrrrrrrrrr', 'pppppppppp']);
    expect(data.clicks.map((c) => c.visitorKey)).toEqual(['b', 'c']);
    expect({ links: data.totalLinks, clicks: data.totalClicks }).toEqual({ links: 3, clicks: 3 });
  });
});
