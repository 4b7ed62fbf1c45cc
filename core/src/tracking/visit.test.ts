import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyVisit, PREFETCH_HEADER_PATTERNS, type VisitReason } from './visit.js';

interface VisitCase {
  readonly behaviour: string;
  readonly method: string;
  readonly userAgent: string | null;
  readonly headers?: Record<string, string>;
  readonly reason: VisitReason;
}
const vectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/tracking-visits.json'), 'utf8')) as { cases: VisitCase[] };

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const LINKEDIN_APP = 'Mozilla/5.0 (iPhone; CPU iPhone OS 12_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]';

describe('classifyVisit reasons', () => {
  it.each([
    ['counted', { method: 'GET', userAgent: CHROME }],
    ['method', { method: 'HEAD', userAgent: CHROME }],
    ['empty-user-agent', { method: 'GET', userAgent: '' }],
    ['prefetch', { method: 'GET', userAgent: CHROME, headers: { 'sec-purpose': 'prefetch' } }],
    ['link-preview', { method: 'GET', userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' }],
    ['headless', { method: 'GET', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36' }],
    ['http-client', { method: 'GET', userAgent: 'curl/8.5.0' }],
    ['monitor', { method: 'GET', userAgent: 'Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)' }],
    ['crawler', { method: 'GET', userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' }],
  ] as const)('gives %s', (reason, request) => {
    expect(classifyVisit(request)).toEqual({ count: reason === 'counted', reason });
  });
});

describe('classifyVisit shared vectors (the PHP mirror runs the same file)', () => {
  it.each(vectors.cases.map((c) => [c.behaviour, c]))('%s', (_name, c) => {
    const request = { method: c.method, userAgent: c.userAgent ?? undefined, ...(c.headers === undefined ? {} : { headers: c.headers }) };
    expect(classifyVisit(request)).toEqual({ count: c.reason === 'counted', reason: c.reason });
  });
});

describe('classifyVisit methods', () => {
  it.each(['GET', 'get', ' GET '])('counts a %j navigation', (method) => {
    expect(classifyVisit({ method, userAgent: CHROME }).count).toBe(true);
  });

  it.each(['HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'TRACE', ''])('does not count %j (link checkers, preflights, scanners)', (method) => {
    expect(classifyVisit({ method, userAgent: CHROME })).toEqual({ count: false, reason: 'method' });
  });

  it('reports the method before an empty user agent, so a HEAD probe is one reason, not two', () => {
    expect(classifyVisit({ method: 'HEAD', userAgent: '' }).reason).toBe('method');
  });
});

describe('classifyVisit user agents', () => {
  it('does not count a missing, empty or invisible user agent', () => {
    for (const userAgent of [undefined, '', '  ', '\u200B\uFEFF']) {
      expect(classifyVisit({ method: 'GET', userAgent })).toEqual({ count: false, reason: 'empty-user-agent' });
    }
    expect(classifyVisit({ method: 'GET' })).toEqual({ count: false, reason: 'empty-user-agent' });
  });

  it.each([
    ['LinkedIn app', LINKEDIN_APP],
    ['Facebook app', 'Mozilla/5.0 (Linux; Android 7.0; SM-G570M Build/NRD90M; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/192.0.0.34.85;]'],
    ['Instagram', 'Mozilla/5.0 (iPhone; CPU iPhone OS 12_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/16A366 Instagram 66.0.0.14.101 (iPhone10,2; iOS 12_0; pt_BR; pt-BR; scale=2.61; gamut=wide; 1080x1920; 126719886)'],
    ['Twitter for iPhone', 'Mozilla/5.0 (iPhone; CPU iPhone OS 11_2_1 like Mac OS X) AppleWebKit/601.1.46 (KHTML, like Gecko) Mobile/15C153 Twitter for iPhone/7.14'],
    ['Teams desktop', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.1.00.11551 Chrome/59.0.3071.115 Electron/1.8.1 Safari/537.36'],
    ['Outlook', 'Microsoft Office/16.0 (Microsoft Outlook Mail 16.0.8008; Pro)'],
    ['Slack desktop', 'Mozilla/5.0 (Windows NT 10.0.18362; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Slack/4.4.2 Chrome/78.0.3904.130 Electron/7.2.1 Safari/537.36 WindowsStore/10.0.18362 Sonic Slack_SSB/4.4.2'],
  ])('counts a person in the %s in-app browser', (_name, userAgent) => {
    expect(classifyVisit({ method: 'GET', userAgent })).toEqual({ count: true, reason: 'counted' });
  });

  it.each([
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'WhatsApp/2.23.20.0 A',
    'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview) Chrome/124.0.6367.118 Safari/537.36',
    'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  ])('does not count the preview fetcher %s', (userAgent) => {
    expect(classifyVisit({ method: 'GET', userAgent })).toEqual({ count: false, reason: 'link-preview' });
  });
});

describe('classifyVisit prefetch headers', () => {
  it.each([
    [{ 'Sec-Purpose': 'prefetch' }],
    [{ 'sec-purpose': 'prefetch;prerender' }],
    [{ 'SEC-PURPOSE': 'Prefetch; anonymous-client-ip' }],
    [{ Purpose: 'prefetch' }],
    [{ purpose: 'preview' }],
    [{ 'X-Purpose': 'preview' }],
    [{ 'x-purpose': 'Preview' }],
    [{ 'X-Moz': 'prefetch' }],
    [{ 'x-moz': ' prefetch' }],
  ])('does not count a speculative load announced by %j', (headers) => {
    expect(classifyVisit({ method: 'GET', userAgent: CHROME, headers })).toEqual({ count: false, reason: 'prefetch' });
  });

  it.each([
    [{}],
    [{ 'sec-purpose': undefined }],
    [{ 'sec-purpose': '' }],
    [{ 'sec-purpose': 'prerendering' }],
    [{ 'x-moz': 'microsummary' }],
    [{ 'sec-fetch-mode': 'navigate', 'Sec-Fetch-Dest': 'document', Accept: 'text/html' }],
    [{ 'x-prefetch-note': 'prefetch' }],
  ])('counts a navigation whose headers %j announce no prefetch', (headers) => {
    expect(classifyVisit({ method: 'GET', userAgent: CHROME, headers })).toEqual({ count: true, reason: 'counted' });
  });

  it('reports a prefetch before judging the user agent, so a prefetching preview fetcher is a prefetch', () => {
    expect(classifyVisit({ method: 'GET', userAgent: 'Twitterbot/1.0', headers: { Purpose: 'prefetch' } }).reason).toBe('prefetch');
  });

  it('publishes its rules as lower-case header names and PCRE-compatible sources, the ones it applies', () => {
    for (const [name, source] of Object.entries(PREFETCH_HEADER_PATTERNS)) {
      expect(name).toBe(name.toLowerCase());
      expect(source).not.toMatch(/\(\?<|\\[pPk]\{/);
      const prefetch = new RegExp(source, 'i').test('prefetch');
      expect(classifyVisit({ method: 'GET', userAgent: CHROME, headers: { [name]: 'prefetch' } }).reason === 'prefetch').toBe(prefetch);
    }
    expect(Object.keys(PREFETCH_HEADER_PATTERNS).sort()).toEqual(['purpose', 'sec-purpose', 'x-moz', 'x-purpose']);
  });

  it('ignores inherited properties of the headers object', () => {
    const headers = Object.create({ 'sec-purpose': 'prefetch' }) as Record<string, string>;
    expect(classifyVisit({ method: 'GET', userAgent: CHROME, headers }).count).toBe(true);
  });
});
