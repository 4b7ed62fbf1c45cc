/**
 * GET /api/clicks over real HTTP on loopback, against both real stores.
 */
import pg from 'pg';
import { parseFeedQuery } from '../src/click-feed.js';
import { FEED_LOCK } from '../src/store/postgres.js';
import type { Store } from '../src/store/store.js';
import { ALLOWED_HOST, ALLOWED_ORIGIN, BROWSER_UA, call, KEYS, startTestTracker, T0, type TestTracker } from './harness.js';
import { STORE_KINDS, freshDatabases, type FreshDatabase } from './stores.js';

interface Page {
  readonly clicks: { shareId: string; at: number; visitorKey: string }[];
  readonly next: string | null;
}

describe('parseFeedQuery', () => {
  it('starts from the first click, 1000 at a time, when nothing is given', () => {
    expect(parseFeedQuery({})).toEqual({ success: true, output: { after: 0, limit: 1000 } });
  });

  it.each([
    ['a negative cursor', { after: '-1' }],
    ['a cursor with a leading zero', { after: '012' }],
    ['a cursor beyond 2^53', { after: '9007199254740993' }],
    ['a cursor with a zero-width space', { after: '12\u200b' }],
    ['a cursor in Arabic-Indic digits', { after: '١٢' }],
    ['a repeated parameter', { after: ['1', '2'] }],
    ['a limit of 0', { limit: '0' }],
    ['a limit over 5000', { limit: '5001' }],
    ['a fractional limit', { limit: '2.5' }],
    ['a limit with an emoji', { limit: '5👍' }],
  ])('refuses %s', (_name, query) => {
    const parsed = parseFeedQuery(query);
    expect(parsed.success).toBe(false);
  });

  it('accepts the largest limit and a cursor up to 15 digits', () => {
    expect(parseFeedQuery({ after: '999999999999999', limit: '5000' })).toEqual({ success: true, output: { after: 999_999_999_999_999, limit: 5000 } });
  });
});

describe.each(STORE_KINDS)('GET /api/clicks with %s', (kind) => {
  const newDatabase = freshDatabases(kind);
  let db: FreshDatabase;
  let t: TestTracker;
  beforeEach(async () => {
    db = await newDatabase();
    t = await startTestTracker(db);
  });
  afterEach(async () => {
    await t?.close();
  });

  let shares = 0;
  const createLink = async (shareId = `feed_${(shares += 1)}`) => {
    const body = { targetUrl: `https://${ALLOWED_HOST}/news/1`, itemId: 'item-1', campaign: 'Feed', network: 'linkedin', shareId, employeeId: 'emp-1' };
    const answer = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body });
    expect(answer.status).toBe(201);
    return { shareId, code: (answer.json() as { code: string }).code };
  };
  const visit = (code: string, userAgent: string) => call(t.base, 'GET', `/${code}`, { headers: { 'user-agent': userAgent } });
  const page = async (query = '', key: string = KEYS.report): Promise<Page> => {
    const answer = await call(t.base, 'GET', `/api/clicks${query}`, { key });
    expect(answer.status).toBe(200);
    return answer.json() as Page;
  };
  /** Every click from `after` on, following `next` with pages of `limit`. */
  const all = async (limit: number, after?: string): Promise<{ clicks: Page['clicks']; cursor: string | undefined }> => {
    const clicks: Page['clicks'] = [];
    let cursor = after;
    for (;;) {
      const { clicks: got, next } = await page(`?limit=${limit}${cursor === undefined ? '' : `&after=${cursor}`}`);
      if (next === null) return { clicks, cursor };
      expect(got.length).toBeGreaterThan(0);
      expect(got.length).toBeLessThanOrEqual(limit);
      clicks.push(...got);
      cursor = next;
    }
  };
  const storedInOrder = async () => (await t.store.clickFeed(0, 5000)).map((c) => ({ shareId: c.shareId, at: c.at, visitorKey: c.visitorKey }));

  it('answers the counted clicks in the order they were stored, page by page, and next null once caught up', async () => {
    const a = await createLink();
    const b = await createLink();
    for (let n = 0; n < 7; n += 1) {
      t.clock.now = T0 + n * 1000;
      await visit(n % 2 === 0 ? a.code : b.code, `${BROWSER_UA} v${n}`);
    }
    const { clicks } = await all(3);
    expect(clicks).toHaveLength(7);
    expect(clicks).toEqual(await storedInOrder());
    expect(clicks.map((c) => c.shareId)).toEqual([a, b, a, b, a, b, a].map((s) => s.shareId));
    expect(clicks.map((c) => c.at)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => T0 + n * 1000));
    for (const click of clicks) expect(click.visitorKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves out what the tracker does not store: repeats within 30 minutes, bots, link previews, HEAD', async () => {
    const { shareId, code } = await createLink();
    await visit(code, BROWSER_UA);
    await visit(code, BROWSER_UA);
    await visit(code, 'Googlebot/2.1 (+http://www.google.com/bot.html)');
    await visit(code, 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)');
    await call(t.base, 'HEAD', `/${code}`, { headers: { 'user-agent': `${BROWSER_UA} head` } });
    const { clicks, next } = await page();
    expect(clicks.map((c) => c.shareId)).toEqual([shareId]);
    expect(next).not.toBeNull();
  });

  it('continues from a cursor after the tracker restarts on the same database', async () => {
    const { code } = await createLink();
    await visit(code, `${BROWSER_UA} first`);
    const first = await all(10);
    expect(first.clicks).toHaveLength(1);
    await t.close();
    t = await startTestTracker(db);
    const { code: other } = await createLink();
    await visit(other, `${BROWSER_UA} second`);
    const rest = await all(10, first.cursor);
    expect(rest.clicks.map((c) => c.visitorKey)).not.toContain(first.clicks[0]?.visitorKey);
    expect(rest.clicks).toHaveLength(1);
    expect([...first.clicks, ...rest.clicks]).toEqual(await storedInOrder());
  });

  it('gives each click exactly once to a reader paging while visits are being written', async () => {
    const links = await Promise.all([createLink(), createLink(), createLink()]);
    const seen: Page['clicks'] = [];
    let cursor: string | undefined;
    const read = async () => {
      const { clicks, next } = await page(`?limit=7${cursor === undefined ? '' : `&after=${cursor}`}`);
      seen.push(...clicks);
      if (next !== null) cursor = next;
    };
    const visits = Promise.all(Array.from({ length: 120 }, (_, n) => visit(links[n % 3]!.code, `${BROWSER_UA} load ${n}`)));
    let done = false;
    void visits.then(() => (done = true));
    while (!done) await read();
    await visits;
    for (let before = -1; before !== seen.length; ) {
      before = seen.length;
      await read();
    }
    expect(seen).toHaveLength(120);
    expect(seen).toEqual(await storedInOrder());
  });

  it('drops an erased share\'s clicks from the feed', async () => {
    const kept = await createLink();
    const erased = await createLink();
    await visit(kept.code, `${BROWSER_UA} 1`);
    await visit(erased.code, `${BROWSER_UA} 2`);
    await visit(erased.code, `${BROWSER_UA} 3`);
    expect((await call(t.base, 'DELETE', `/api/shares/${erased.shareId}`, { key: KEYS.erase })).json()).toEqual({ links: 1, clicks: 2 });
    const { clicks } = await all(2);
    expect(clicks.map((c) => c.shareId)).toEqual([kept.shareId]);
  });

  it('gives a reader already past erased newest clicks, or past a purge that emptied the table, the clicks stored after them', async () => {
    const kept = await createLink();
    const erased = await createLink();
    await visit(kept.code, `${BROWSER_UA} 1`);
    await visit(erased.code, `${BROWSER_UA} 2`);
    await visit(erased.code, `${BROWSER_UA} 3`);
    const read = await all(10);
    expect(read.clicks).toHaveLength(3);
    const highest = Number(read.cursor);
    expect((await call(t.base, 'DELETE', `/api/shares/${erased.shareId}`, { key: KEYS.erase })).json()).toEqual({ links: 1, clicks: 2 });

    t.clock.now = T0 + 1000;
    await visit(kept.code, `${BROWSER_UA} after erasure`);
    const afterErasure = await all(10, read.cursor);
    expect(afterErasure.clicks.map((c) => c.at)).toEqual([T0 + 1000]);
    expect(Number(afterErasure.cursor)).toBeGreaterThan(highest);

    expect(await t.store.purge(T0 + 2000, '2026-11-02')).toEqual({ clicks: 2 });
    expect(await t.store.clickFeed(0, 10)).toEqual([]);
    t.clock.now = T0 + 3000;
    await visit(kept.code, `${BROWSER_UA} after purge`);
    const afterPurge = await all(10, afterErasure.cursor);
    expect(afterPurge.clicks.map((c) => c.at)).toEqual([T0 + 3000]);
    expect(Number(afterPurge.cursor)).toBeGreaterThan(Number(afterErasure.cursor));
  });

  it('needs a key with the report scope', async () => {
    expect((await call(t.base, 'GET', '/api/clicks')).status).toBe(401);
    expect((await call(t.base, 'GET', '/api/clicks', { key: 'not-a-known-key' })).status).toBe(401);
    for (const key of [KEYS.issue, KEYS.erase]) {
      const answer = await call(t.base, 'GET', '/api/clicks', { key });
      expect(answer.status).toBe(403);
      expect(answer.json()).toMatchObject({ type: 'urn:shareworthy:problem:missing-scope' });
    }
    expect((await page('', KEYS.all)).clicks).toEqual([]);
  });

  it('answers 400 problems naming each bad parameter', async () => {
    const answer = await call(t.base, 'GET', '/api/clicks?after=abc&limit=5001', { key: KEYS.report });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toMatchObject({ type: 'urn:shareworthy:problem:validation', status: 400 });
    expect((answer.json() as { issues: { path: string[] }[] }).issues.map((issue) => issue.path[0])).toEqual(['after', 'limit']);
    expect((await call(t.base, 'GET', '/api/clicks?limit=0', { key: KEYS.report })).status).toBe(400);
    expect((await call(t.base, 'GET', '/api/clicks?after=1&after=2', { key: KEYS.report })).status).toBe(400);
  });

  it('answers allowed browser origins with CORS and refuses others', async () => {
    const allowed = await call(t.base, 'GET', '/api/clicks', { key: KEYS.report, headers: { origin: ALLOWED_ORIGIN } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['cache-control']).toBe('no-store');
    const preflight = await call(t.base, 'OPTIONS', '/api/clicks', { headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect((await call(t.base, 'GET', '/api/clicks', { key: KEYS.report, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('the PostgreSQL click feed and batches still in flight', () => {
  const newDatabase = freshDatabases('postgres');
  let db: FreshDatabase;
  let store: Store;
  let other: pg.Client;
  beforeEach(async () => {
    db = await newDatabase();
    store = db.open();
    await store.migrate();
    await store.insertLink({ code: 'AAAAAAAAAA', targetUrl: `https://${ALLOWED_HOST}/`, itemId: 'i', campaign: 'c', network: 'linkedin', shareId: 's', employeeId: null, createdAt: T0 });
    other = new pg.Client({ connectionString: db.env['DATABASE_URL'] });
    await other.connect();
  });
  afterEach(async () => {
    await other.end();
    await store.close();
  });

  const settled = async <T>(promise: Promise<T>, ms: number): Promise<boolean> =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

  it('waits for a batch that drew a lower id and commits later, and then gives both clicks', async () => {
    // A batch as recordClicks writes it: the lock shared, then its id drawn, not yet committed.
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock_shared($1)', [FEED_LOCK]);
    await other.query("INSERT INTO clicks (code, at, visitor_key) VALUES ('AAAAAAAAAA', $1, 'early')", [T0]);
    expect(await store.recordClicks([{ code: 'AAAAAAAAAA', at: T0 + 1, visitorKey: 'later' }], 1000)).toEqual([true]);
    const feed = store.clickFeed(0, 10);
    expect(await settled(feed, 300)).toBe(false);
    await other.query('COMMIT');
    expect((await feed).map((click) => click.visitorKey)).toEqual(['early', 'later']);
  });

  it('makes a click batch wait while the feed fixes its horizon', async () => {
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [FEED_LOCK]);
    const batch = store.recordClicks([{ code: 'AAAAAAAAAA', at: T0, visitorKey: 'k' }], 1000);
    expect(await settled(batch, 300)).toBe(false);
    await other.query('COMMIT');
    expect(await batch).toEqual([true]);
  });
});
