import { botKind, isBlankUserAgent } from './bots.js';
import type { BotKind } from './patterns.js';

/**
 * Why a visit was or was not counted as a click. Stable codes: the click tracker stores
 * them and the PHP mirror returns the same ones.
 * - `counted`: a person's browser followed the link.
 * - `method`: not a `GET` (link checkers send `HEAD`; Office's "existence discovery" and
 *   CORS preflights send `OPTIONS`; a followed link is always a `GET` navigation).
 * - `empty-user-agent`: no `User-Agent`, or only whitespace and invisible characters;
 *   every browser sends one.
 * - `prefetch`: a speculative fetch announced by `Sec-Purpose`, `Purpose`, `X-Purpose` or
 *   `X-Moz`; nobody has clicked yet (and may never).
 * - the {@link BotKind}s: `link-preview`, `headless`, `http-client`, `monitor`, `crawler`.
 */
export type VisitReason = 'counted' | 'method' | 'empty-user-agent' | 'prefetch' | BotKind;

/** What the redirect endpoint knows about one request. */
export interface VisitRequest {
  /** The HTTP method, e.g. `GET`. Compared case-insensitively (PHP passes it through as sent). */
  readonly method: string;
  /** The `User-Agent` header; `undefined` when absent. */
  readonly userAgent?: string | undefined;
  /** Request headers; names in any case (`Sec-Purpose`, `sec-purpose`). */
  readonly headers?: Readonly<Record<string, string | undefined>>;
}

/** The verdict on one request. */
export interface VisitClassification {
  readonly count: boolean;
  readonly reason: VisitReason;
}

/**
 * Headers that announce a speculative load: lower-case header name → value pattern (regex
 * source, case-insensitive, PCRE-compatible). A request carrying any of them is not a click.
 * Data so that the PHP redirect can apply the same rules.
 * @example new RegExp(PREFETCH_HEADER_PATTERNS['sec-purpose'] ?? '', 'i').test('prefetch;prerender') // true
 */
export const PREFETCH_HEADER_PATTERNS: Readonly<Record<string, string>> = {
  // Chromium and Firefox: `prefetch`, `prefetch;prerender`, `prefetch;anonymous-client-ip`.
  'sec-purpose': '^\\s*prefetch\\b',
  // The older Chromium header, and Safari's Top Sites thumbnails (`X-Purpose: preview`).
  purpose: '^\\s*(?:prefetch|preview)\\b',
  'x-purpose': '^\\s*(?:prefetch|preview)\\b',
  // Firefox's link prefetching before `Sec-Purpose`.
  'x-moz': '^\\s*prefetch\\b',
};

const PREFETCH_HEADERS: ReadonlyMap<string, RegExp> = new Map(
  Object.entries(PREFETCH_HEADER_PATTERNS).map(([name, source]) => [name, new RegExp(source, 'i')]),
);

function isPrefetch(headers: Readonly<Record<string, string | undefined>>): boolean {
  // for…in over own names rather than Object.entries: no array of pairs per request (this
  // runs on every redirect the tracker answers).
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    const value = headers[name];
    if (value === undefined) continue;
    const pattern = PREFETCH_HEADERS.get(name.toLowerCase());
    if (pattern?.test(value)) return true;
  }
  return false;
}

const COUNTED: VisitClassification = { count: true, reason: 'counted' };

/**
 * Decides whether a request to a tracked link is a person's click. Checks, in order: the
 * method (only `GET` counts), the user agent's presence, prefetch headers, then the user
 * agent against {@link BOT_PATTERN_GROUPS}. In-app browsers (LinkedIn, Facebook, Instagram,
 * X, Teams, Outlook, Slack) count; their link-preview fetchers do not.
 * @param request the method, `User-Agent` and (optionally) all request headers
 * @returns `{ count, reason }`; `reason` is `'counted'` exactly when `count` is true
 * @example classifyVisit({ method: 'GET', userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)' })
 * // { count: false, reason: 'link-preview' }
 * @example classifyVisit({ method: 'GET', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', headers: { 'Sec-Purpose': 'prefetch;prerender' } })
 * // { count: false, reason: 'prefetch' }
 */
export function classifyVisit(request: VisitRequest): VisitClassification {
  if (request.method.trim().toUpperCase() !== 'GET') return { count: false, reason: 'method' };
  const { userAgent } = request;
  if (userAgent === undefined || isBlankUserAgent(userAgent)) return { count: false, reason: 'empty-user-agent' };
  if (request.headers !== undefined && isPrefetch(request.headers)) return { count: false, reason: 'prefetch' };
  const kind = botKind(userAgent);
  return kind === undefined ? COUNTED : { count: false, reason: kind };
}
