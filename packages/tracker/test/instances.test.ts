/**
 * Several tracker instances on one database, as behind a load balancer: they share the
 * day's salt and never count the same visitor twice, whichever instance answers.
 */
import { BROWSER_UA, call, KEYS, startTestTracker, type TestTracker } from './harness.js';
import { STORE_KINDS, freshDatabases } from './stores.js';

describe.each(STORE_KINDS)('two instances on one %s database', (kind) => {
  const newDatabase = freshDatabases(kind);
  let instances: TestTracker[] = [];
  afterEach(async () => {
    await Promise.all(instances.map((t) => t.close()));
    instances = [];
  });

  it('counts one click for a visitor hitting both instances at once, and one per other visitor', async () => {
    const db = await newDatabase();
    instances = [await startTestTracker(db, { TRACKER_TRUST_PROXY: 'true' }), await startTestTracker(db, { TRACKER_TRUST_PROXY: 'true' })];
    const [a, b] = instances as [TestTracker, TestTracker];
    const created = await call(a.base, 'POST', '/api/links', {
      key: KEYS.issue,
      body: { targetUrl: 'https://intranet.example.com/a', itemId: 'i', campaign: 'c', network: 'x', shareId: 'shared-1' },
    });
    const { code } = created.json();
    const hit = (t: TestTracker, visitor: string) =>
      call(t.base, 'GET', `/${code}`, { headers: { 'user-agent': BROWSER_UA, 'x-forwarded-for': visitor } });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => hit(i % 2 === 0 ? a : b, '198.51.100.7')));
    expect(answers.every((r) => r.status === 302)).toBe(true);
    await Promise.all([hit(a, '198.51.100.8'), hit(b, '198.51.100.9'), hit(b, '198.51.100.8')]);
    const clicks = await a.store.clicksBetween(0, Number.MAX_SAFE_INTEGER);
    expect(clicks).toHaveLength(3);
    // One salt for the day, whichever instance drew it first: the same visitor has one key.
    expect(new Set(clicks.map((c) => c.visitorKey)).size).toBe(3);
  });
});
