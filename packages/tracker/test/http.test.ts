/**
 * The tracker over real HTTP on loopback, against both real stores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aggregate, classifyVisit, toCsv, trackedShareUrl, utcDay, visitorKey, type GroupBy } from '@shareworthy/core';
import { ALLOWED_HOST, ALLOWED_ORIGIN, BROWSER_UA, call, KEYS, PUBLIC_URL, rawGet, startTestTracker, T0, type TestTracker } from './harness.js';
import { STORE_KINDS, freshDatabases } from './stores.js';

const PAYLOADS: string[] = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'tests', 'vectors', 'open-redirect-payloads.json'), 'utf8'));

let shares = 0;
/** A valid link request; each gets its own share id unless one is given. */
const linkBody = (extra: Record<string, unknown> = {}) => ({
  targetUrl: `https://${ALLOWED_HOST}/news/42?ref=home#top`,
  itemId: 'item-42',
  campaign: 'Été 2026',
  network: 'linkedin',
  shareId: `sh_${(shares += 1)}`,
  employeeId: 'emp-7',
  ...extra,
});

const expectProblem = (answer: { status: number; headers: Record<string, unknown>; json: () => any }, status: number) => {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = answer.json();
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:shareworthy:problem:/), title: expect.any(String), detail: expect.any(String) });
  return body;
};

/** Counted clicks stored, straight from the store. */
const storedClicks = async (t: TestTracker) => (await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER)).length;

describe.each(STORE_KINDS)('tracker over HTTP with %s', (kind) => {
  const newDatabase = freshDatabases(kind);
  let t: TestTracker;

  const start = async (env: Record<string, string> = {}) => {
    t = await startTestTracker(await newDatabase(), env);
    return t;
  };
  afterEach(async () => {
    await t?.close();
  });

  const createLink = async (extra: Record<string, unknown> = {}) => {
    const answer = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody(extra) });
    expect(answer.status).toBe(201);
    return answer.json() as { code: string; shortUrl: string };
  };
  const visit = (code: string, headers: Record<string, string> = {}, method = 'GET') =>
    call(t.base, method, `/${code}`, { headers: { 'user-agent': BROWSER_UA, ...headers } });

  describe('issuing links', () => {
    beforeEach(() => start());

    it('answers 201 with a code and a short URL on the public base', async () => {
      const answer = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody() });
      expect(answer.status).toBe(201);
      const { code, shortUrl } = answer.json();
      expect(code).toMatch(/^[0-9A-Za-z]{10}$/);
      expect(shortUrl).toBe(`${PUBLIC_URL}/${code}`);
      expect(answer.headers['location']).toBe(shortUrl);
    });

    it('returns the same link when a share is posted again, and 409 when its details differ', async () => {
      const first = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ shareId: 'sh_same' }) });
      const again = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ shareId: 'sh_same' }) });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.json()).toEqual(first.json());
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ shareId: 'sh_same', itemId: 'other' }) }), 409);
    });

    it('refuses a request without a key (401) and with an unknown key (401)', async () => {
      const missing = expectProblem(await call(t.base, 'POST', '/api/links', { body: linkBody() }), 401);
      expect(missing.type).toBe('urn:shareworthy:problem:missing-key');
      const unknown = await call(t.base, 'POST', '/api/links', { key: 'not-a-known-key', body: linkBody() });
      expectProblem(unknown, 401);
      expect(unknown.headers['www-authenticate']).toBe('Bearer');
    });

    it('refuses a key without the issue scope (403)', async () => {
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.report, body: linkBody() }), 403);
      expect((await t.store.linksCreated(0, Number.MAX_SAFE_INTEGER)).length).toBe(0);
    });

    it('lists every invalid field as an issue (400)', async () => {
      const answer = await call(t.base, 'POST', '/api/links', {
        key: KEYS.issue,
        body: { targetUrl: 'javascript:alert(1)', itemId: 7, campaign: '   ', network: 'myspace', shareId: 'jane@example.com' },
      });
      const body = expectProblem(answer, 400);
      expect(body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['campaign', 'itemId', 'network', 'targetUrl']);
    });

    it.each([
      ['a lone surrogate', 'Camp\uD800aign'],
      ['a control character', 'Camp\u0007aign'],
      ['a huge string', 'x'.repeat(300)],
    ])('refuses a campaign with %s', async (_name, campaign) => {
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ campaign }) }), 400);
    });

    it('accepts RTL text, emoji sequences and zero-width characters in a campaign, tagged as core slugs them', async () => {
      const campaign = 'حملة 👩🏽‍💻 sum\u200bmer';
      const { code } = await createLink({ campaign, shareId: 'sh_001' });
      const expected = trackedShareUrl(`https://${ALLOWED_HOST}/news/42?ref=home#top`, { network: 'linkedin', campaign, shareId: 'sh_001' });
      expect(expected.success).toBe(true);
      expect((await visit(code)).headers['location']).toBe(expected.success ? expected.output : undefined);
    });

    it('refuses a share id that looks like an e-mail address (core rule)', async () => {
      const body = expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ shareId: 'jane@example.com' }) }), 400);
      expect(body.issues[0].code).toBe('share-id-looks-like-email');
    });

    it('refuses a target on a host that is not allowed', async () => {
      const body = expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ targetUrl: 'https://evil.example.net/' }) }), 400);
      expect(body.issues[0]).toMatchObject({ code: 'host-not-allowed', path: ['targetUrl'] });
    });

    it('refuses malformed JSON (400), another media type (415) and a body over 16 KB (413)', async () => {
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: '{"targetUrl":' }), 400);
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: 'targetUrl=x', headers: { 'content-type': 'text/plain' } }), 415);
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ pad: 'x'.repeat(17_000) }) }), 413);
      expectProblem(await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: '[1,2]' }), 400);
    });
  });

  describe('reports', () => {
    beforeEach(() => start());
    const DAY = 86_400_000;

    /** Links and visits over five days, some outside the 2026-11-02…2026-11-03 period. */
    const seed = async () => {
      const at = (offset: number) => (t.clock.now = T0 + offset);
      at(-3 * DAY);
      const old = await createLink({ shareId: 'old', itemId: 'item-a', campaign: 'Spring, 2026', network: 'x' });
      at(0);
      const a = await createLink({ shareId: 'a1', itemId: 'item-a', campaign: '=HYPERLINK("http://evil.example")', network: 'linkedin' });
      const b = await createLink({ shareId: 'b1', itemId: 'item-b', campaign: 'Spring, 2026', network: 'linkedin', employeeId: 'emp-8' });
      at(DAY);
      const c = await createLink({ shareId: 'c1', itemId: 'item-c', campaign: 'Été', network: 'facebook', employeeId: null });
      const ua = (n: number) => `${BROWSER_UA} v${n}`;
      at(-2 * DAY);
      await visit(old.code, { 'user-agent': ua(1) });
      at(1000);
      await visit(old.code, { 'user-agent': ua(2) });
      await visit(a.code, { 'user-agent': ua(2) });
      await visit(a.code, { 'user-agent': ua(3) });
      await visit(a.code, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
      at(DAY + 1000);
      await visit(b.code, { 'user-agent': ua(4) });
      await visit(c.code, { 'user-agent': ua(5) });
      at(3 * DAY);
      await visit(c.code, { 'user-agent': ua(6) });
      t.clock.now = T0;
    };

    /** Core's aggregate over everything in the database, mapped the way the tracker documents. */
    const expected = async (by: GroupBy, eligibleEmployees: number) => {
      const links = await t.store.linksCreated(0, Number.MAX_SAFE_INTEGER);
      const clicks = await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER);
      return aggregate(
        {
          shares: links.map((l) => ({ id: l.shareId, itemId: l.itemId, campaign: l.campaign, network: l.network, employeeId: l.employeeId ?? '', createdAt: l.createdAt })),
          clicks: clicks.map((c) => ({ shareId: c.shareId, visitorKey: c.visitorKey, createdAt: c.at })),
          eligibleEmployees,
        },
        by,
        { from: '2026-11-02', to: '2026-11-03' },
      );
    };

    it.each(['item', 'campaign', 'network', 'day'] as const)('answers exactly core aggregate over the whole database, grouped by %s', async (by) => {
      await seed();
      const answer = await call(t.base, 'GET', `/api/reports?from=2026-11-02&to=2026-11-03&groupBy=${by}&eligibleEmployees=10`, { key: KEYS.report });
      expect(answer.status).toBe(200);
      const body = answer.json();
      expect(body).toEqual(await expected(by, 10));
      // Two of ten employees took part (emp-7, emp-8): link c was issued without one.
      expect(body.totals).toMatchObject({ shares: 3, clicks: 5, participationRate: 0.2 });
      expect(body.excluded.outOfPeriod).toBeGreaterThan(0);
    });

    it('answers CSV from core toCsv, with formulas neutralised and commas quoted', async () => {
      await seed();
      const json = (await call(t.base, 'GET', '/api/reports?from=2026-11-02&to=2026-11-03&groupBy=campaign', { key: KEYS.report })).json();
      const answer = await call(t.base, 'GET', '/api/reports?from=2026-11-02&to=2026-11-03&groupBy=campaign', { key: KEYS.report, headers: { accept: 'text/csv' } });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv/);
      expect(answer.text).toBe(toCsv(json.rows, undefined, { bom: true }));
      expect(answer.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      expect(answer.text).toContain('"Spring, 2026"');
    });

    it('needs the report scope and a valid query', async () => {
      expectProblem(await call(t.base, 'GET', '/api/reports', { key: KEYS.issue }), 403);
      const body = expectProblem(await call(t.base, 'GET', '/api/reports?from=2026-02-30&groupBy=employee&eligibleEmployees=-1', { key: KEYS.report }), 400);
      expect(body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(['eligibleEmployees', 'from', 'groupBy']);
      expectProblem(await call(t.base, 'GET', '/api/reports?from=2026-11-05&to=2026-11-01', { key: KEYS.report }), 400);
    });

    it('defaults to the last 30 days grouped by item', async () => {
      await seed();
      t.clock.now = T0 + 3 * DAY;
      const answer = await call(t.base, 'GET', '/api/reports', { key: KEYS.report });
      expect(answer.json().rows.map((r: { key: string }) => r.key).sort()).toEqual(['item-a', 'item-b', 'item-c']);
    });
  });

  describe('CORS', () => {
    beforeEach(() => start());

    it('answers a preflight from an allowed origin, echoing it', async () => {
      const answer = await call(t.base, 'OPTIONS', '/api/links', {
        headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(answer.headers['access-control-allow-headers']).toContain('authorization');
      expect(answer.headers['vary']).toContain('Origin');
    });

    it('refuses a preflight and a request from any other origin, without CORS headers', async () => {
      const preflight = await call(t.base, 'OPTIONS', '/api/links', { headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' } });
      expectProblem(preflight, 403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const post = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody(), headers: { origin: 'https://contoso.sharepoint.com.evil.net' } });
      expectProblem(post, 403);
      expect((await t.store.linksCreated(0, Number.MAX_SAFE_INTEGER)).length).toBe(0);
    });

    it('echoes an allowed origin on the actual request', async () => {
      const answer = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody(), headers: { origin: ALLOWED_ORIGIN } });
      expect(answer.status).toBe(201);
      expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    });
  });

  describe('redirects', () => {
    beforeEach(() => start());

    it('redirects a browser to the stored target with core UTM tags and stores one click', async () => {
      const { code } = await createLink({ shareId: 'sh_001' });
      const answer = await visit(code);
      expect(answer.status).toBe(302);
      const expected = trackedShareUrl(`https://${ALLOWED_HOST}/news/42?ref=home#top`, { network: 'linkedin', campaign: 'Été 2026', shareId: 'sh_001' });
      expect(expected.success && answer.headers['location']).toBe(expected.success && expected.output);
      expect(answer.headers['cache-control']).toBe('private, no-store');
      expect(await storedClicks(t)).toBe(1);
    });

    it.each([
      ['HEAD request', 'HEAD', {}],
      ['search crawler', 'GET', { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }],
      ['link preview', 'GET', { 'user-agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' }],
      ['chat preview', 'GET', { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' }],
      ['HTTP library', 'GET', { 'user-agent': 'curl/8.5.0' }],
      ['browser prefetch', 'GET', { 'sec-purpose': 'prefetch' }],
      ['browser prefetch with a set-cookie header (an array in Node)', 'GET', { 'sec-purpose': 'prefetch', 'set-cookie': 'a=1' }],
      ['empty user agent', 'GET', { 'user-agent': '' }],
    ])('redirects a %s without counting it, as core classifies it', async (_name, method, headers: Record<string, string>) => {
      const { code } = await createLink();
      const answer = await visit(code, headers, method);
      expect(answer.status).toBe(302);
      expect(answer.headers['location']).toMatch(/^https:\/\/intranet\.example\.com\/news\/42\?ref=home&utm_source=linkedin/);
      const verdict = classifyVisit({ method, userAgent: headers['user-agent'] ?? BROWSER_UA, headers: { 'user-agent': BROWSER_UA, ...headers } });
      expect(verdict.count).toBe(false);
      expect(await storedClicks(t)).toBe(0);
      const metrics = (await call(t.base, 'GET', '/metrics')).text;
      expect(metrics).toContain(`tracker_redirects_total{counted="false",reason="${verdict.reason}"} 1`);
    });

    it('counts a visitor once per link within the dedupe window, and again after it', async () => {
      const { code } = await createLink();
      await visit(code);
      await visit(code);
      t.clock.now = T0 + 29 * 60_000;
      await visit(code);
      expect(await storedClicks(t)).toBe(1);
      t.clock.now = T0 + 31 * 60_000;
      await visit(code);
      expect(await storedClicks(t)).toBe(2);
      const metrics = (await call(t.base, 'GET', '/metrics')).text;
      expect(metrics).toContain('tracker_redirects_total{counted="false",reason="duplicate"} 2');
    });

    it('counts two visitors (different user agents) on the same link separately', async () => {
      const { code } = await createLink();
      await visit(code);
      await visit(code, { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' });
      expect(await storedClicks(t)).toBe(2);
    });

    it('stores the visitor key core\'s visitorKey gives for the address, the user agent, the day and its salt', async () => {
      t = (await t.close(), await start({ TRACKER_TRUST_PROXY: 'true' }));
      const { code } = await createLink();
      await visit(code, { 'x-forwarded-for': '2001:DB8:0:0::7' });
      const [click] = await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER);
      const day = utcDay(new Date(click?.at ?? 0));
      const salt = await t.store.dailySalt(day, 'not the stored salt');
      expect(click?.visitorKey).toBe(await visitorKey({ ip: '2001:db8::7', userAgent: BROWSER_UA, day }, salt));
    });

    it('keys a visitor by the UTC day of the click: the last millisecond of a day and the first of the next', async () => {
      t = (await t.close(), await start({ TRACKER_TRUST_PROXY: 'true' }));
      const { code } = await createLink();
      const midnight = Math.ceil(T0 / 86_400_000) * 86_400_000;
      for (const at of [midnight - 1, midnight]) {
        t.clock.now = at;
        await visit(code, { 'x-forwarded-for': '198.51.100.9' });
      }
      const clicks = await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER);
      // The first day's salt is gone once the second day's exists: only the second key can be recomputed.
      const day = utcDay(new Date(midnight));
      const secondDayKey = await visitorKey({ ip: '198.51.100.9', userAgent: BROWSER_UA, day }, await t.store.dailySalt(day, 'unused'));
      expect(clicks.map((click) => click.at)).toEqual([midnight - 1, midnight]);
      expect(clicks[1]?.visitorKey).toBe(secondDayKey);
      expect(clicks[0]?.visitorKey).not.toBe(secondDayKey);
    });

    it('writes concurrent clicks in shared transactions (group commit) and loses none', async () => {
      t = (await t.close(), await start({ TRACKER_TRUST_PROXY: 'true' }));
      const { code } = await createLink();
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => visit(code, { 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` })),
      );
      expect(answers.every((a) => a.status === 302)).toBe(true);
      expect(await storedClicks(t)).toBe(200);
      const metrics = (await call(t.base, 'GET', '/metrics')).text;
      const count = Number(/tracker_group_commit_batch_size_count (\d+)/.exec(metrics)?.[1]);
      expect(Number(/tracker_group_commit_batch_size_sum (\d+)/.exec(metrics)?.[1])).toBe(200);
      expect(count).toBeLessThan(200);
    });

    it('never stores the visitor address, in any table', async () => {
      t = (await t.close(), await start({ TRACKER_TRUST_PROXY: 'true' }));
      const { code } = await createLink();
      await visit(code, { 'x-forwarded-for': '203.0.113.77' });
      expect(await storedClicks(t)).toBe(1);
      const everything = await t.dump();
      expect(everything).toContain(code);
      expect(everything).not.toContain('203.0.113.77');
      expect(everything).not.toContain(BROWSER_UA);
    });

    it('counts a short link with a query string added by the network (fbclid), and redirects without it', async () => {
      const { code } = await createLink();
      const answer = await visit(`${code}?fbclid=IwAR0abc`);
      expect(answer.status).toBe(302);
      expect(answer.headers['location']).not.toContain('fbclid');
      expect(await storedClicks(t)).toBe(1);
    });

    it('answers a percent-escaped code through the router as the plain path: same target, same visitor', async () => {
      const { code } = await createLink();
      const plain = await visit(code);
      const first = code.charCodeAt(0).toString(16).toUpperCase();
      const escaped = await visit(`%${first}${code.slice(1)}`);
      expect(escaped.status).toBe(302);
      expect(escaped.headers['location']).toBe(plain.headers['location']);
      expect(escaped.headers['cache-control']).toBe('private, no-store');
      // The second visit is the same visitor (same address and key), so it is a duplicate.
      expect(await storedClicks(t)).toBe(1);
      const metrics = (await call(t.base, 'GET', '/metrics')).text;
      expect(metrics).toContain('tracker_redirects_total{counted="false",reason="duplicate"} 1');
    });

    it('answers HEAD of an unknown code with the 404 headers and no body', async () => {
      const answer = await visit('zzzzzzzzzz', {}, 'HEAD');
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(Number(answer.headers['content-length'])).toBeGreaterThan(0);
      expect(answer.text).toBe('');
    });

    it.each(['aaaaaaaaaa', 'short', 'aaaaaaaaaaa', '%2e%2e', 'favicon.ico', 'aaaaaaaaa%00'])('answers 404 problem+json for /%s', async (path) => {
      expectProblem(await visit(path), 404);
    });

    it('answers a malformed percent-escape in the path with 400 problem+json', async () => {
      expectProblem(await visit('%zzabcdefgh'), 400);
    });

    it('rate-limits redirects per visitor address (429 with Retry-After), whichever way the path is spelled', async () => {
      t = (await t.close(), await start({ TRACKER_REDIRECT_RATE_PER_MINUTE: '2' }));
      const { code } = await createLink();
      const escaped = `%${code.charCodeAt(0).toString(16)}${code.slice(1)}`;
      expect((await visit(code)).status).toBe(302);
      expect((await visit(escaped)).status).toBe(302);
      const limited = await visit(code);
      expectProblem(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expectProblem(await visit(escaped), 429);
    });
  });

  describe('open redirects', () => {
    beforeEach(() => start());

    it('refuses every payload as a target, or stores it only on an allowed host', async () => {
      const outcomes = { refused: 0, stored: 0 };
      for (const payload of PAYLOADS) {
        for (const targetUrl of [payload, `https://${ALLOWED_HOST}${payload.startsWith('/') ? '' : '/'}${payload}`]) {
          const answer = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody({ targetUrl }) });
          if (answer.status === 400) {
            outcomes.refused += 1;
            continue;
          }
          expect(answer.status).toBe(201);
          outcomes.stored += 1;
          const redirect = await visit(answer.json().code, { 'user-agent': 'curl/8' });
          expect(redirect.status).toBe(302);
          const location = new URL(String(redirect.headers['location']));
          expect(['https:', 'http:']).toContain(location.protocol);
          expect(location.hostname === ALLOWED_HOST || location.hostname.endsWith(`.${ALLOWED_HOST}`)).toBe(true);
          expect(location.username + location.password).toBe('');
        }
      }
      // Both kinds occur: the check is not vacuous.
      expect(outcomes.refused).toBeGreaterThan(100);
      expect(outcomes.stored).toBeGreaterThan(100);
    }, 120_000);

    it('never redirects a payload used as the link path', async () => {
      const { code } = await createLink();
      for (const payload of PAYLOADS) {
        for (const target of [payload.startsWith('/') ? payload : `/${payload}`, `/${code}${payload}`, `/${encodeURIComponent(payload)}`]) {
          const answer = await rawGet(t.base, target.replace(/[\r\n ]/g, '%20'));
          expect(answer.location).toBeUndefined();
          expect([400, 404]).toContain(answer.status);
        }
      }
    }, 120_000);
  });

  describe('erasure', () => {
    beforeEach(() => start());

    it('erases a share: its link stops redirecting and its clicks are gone', async () => {
      const { code } = await createLink({ shareId: 'sh_erase' });
      const other = await createLink({ shareId: 'sh_keep' });
      await visit(code);
      await visit(other.code);
      expectProblem(await call(t.base, 'DELETE', '/api/shares/sh_erase', { key: KEYS.report }), 403);
      const answer = await call(t.base, 'DELETE', '/api/shares/sh_erase', { key: KEYS.erase });
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ links: 1, clicks: 1 });
      expectProblem(await visit(code), 404);
      expect((await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER)).map((c) => c.shareId)).toEqual(['sh_keep']);
    });

    it("erases an employee's links and clicks", async () => {
      await createLink({ shareId: 'a1', employeeId: 'emp-x' });
      const kept = await createLink({ shareId: 'a2', employeeId: 'emp-y' });
      const gone = await createLink({ shareId: 'a3', employeeId: 'emp-x' });
      await visit(gone.code);
      await visit(kept.code);
      const answer = await call(t.base, 'DELETE', '/api/employees/emp-x', { key: KEYS.all });
      expect(answer.json()).toEqual({ links: 2, clicks: 1 });
      expect((await t.store.linksCreated(0, Number.MAX_SAFE_INTEGER)).map((l) => l.shareId)).toEqual(['a2']);
    });
  });

  describe('retention', () => {
    beforeEach(() => start({ TRACKER_RETENTION_DAYS: '30' }));

    it('purges clicks older than the retention period and counts them in metrics', async () => {
      const { code } = await createLink();
      t.clock.now = T0 - 31 * 86_400_000;
      await visit(code);
      t.clock.now = T0 - 29 * 86_400_000;
      await visit(code, { 'user-agent': `${BROWSER_UA} other` });
      t.clock.now = T0;
      expect(await t.tracker.purge()).toBe(1);
      expect((await t.store.clicksBetween(0, Number.MAX_SAFE_INTEGER)).map((c) => c.at)).toEqual([T0 - 29 * 86_400_000]);
      expect((await call(t.base, 'GET', '/metrics')).text).toContain('tracker_clicks_purged_total 1');
    });
  });

  describe('operations', () => {
    beforeEach(() => start({ TRACKER_API_RATE_PER_MINUTE: '3' }));

    it('answers /healthz with the store kind', async () => {
      const answer = await call(t.base, 'GET', '/healthz');
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({ status: 'ok', store: kind });
    });

    it('rate-limits the API per key', async () => {
      for (let i = 0; i < 3; i += 1) expect((await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody() })).status).toBe(201);
      const limited = await call(t.base, 'POST', '/api/links', { key: KEYS.issue, body: linkBody() });
      expectProblem(limited, 429);
      expect(limited.headers['retry-after']).toBeDefined();
      // Another key has its own bucket.
      expect((await call(t.base, 'POST', '/api/links', { key: KEYS.all, body: linkBody() })).status).toBe(201);
    });

    it('exposes Prometheus metrics for redirects, links, errors and batches', async () => {
      const { code } = await createLink();
      await visit(code);
      await visit('zzzzzzzzzz');
      const answer = await call(t.base, 'GET', '/metrics');
      expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(answer.text).toMatch(/tracker_redirects_total\{counted="true",reason="[^"]+"\} 1/);
      expect(answer.text).toContain('tracker_links_created_total 1');
      expect(answer.text).toContain('tracker_errors_total{status="404"} 1');
      expect(answer.text).toContain('tracker_group_commit_batch_size_bucket{le="1"} 1');
      expect(answer.text).toContain('# TYPE tracker_group_commit_batch_size histogram');
    });

    it('answers unknown API paths with 404 problem+json', async () => {
      expectProblem(await call(t.base, 'GET', '/api/nothing', { key: KEYS.all }), 404);
    });
  });
});
